//! The five letters of `seeds/`, raw and cleaned, for tests that check real output.

use crate::clean::clean_corpus;
use crate::lexicon::Lexicon;

/// The raw texts, in file-name order.
pub fn raw() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// The raw texts and their cleaned bodies, in file-name order.
pub fn cleaned() -> (Vec<String>, Vec<String>) {
    let raw = raw();
    let refs: Vec<&str> = raw.iter().map(String::as_str).collect();
    let bodies = clean_corpus(&refs, Lexicon::dutch());
    (raw, bodies)
}
