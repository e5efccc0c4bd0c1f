//! kamerzoek: search for the letters of the Dutch Minister of Defence to the Tweede Kamer.
//!
//! The pipeline, one module per stage:
//! [`clean`] (PDF text clean-up) -> [`meta`] (date, kind, meeting, ...) -> [`analyze`] (tokens and
//! terms) -> [`build`] (inverted index)
//! -> [`format`] (bytes on disk, see `FORMAT.md`) -> [`index`] (loaded) -> [`search`] (ranked hits).
//! The command line (`src/main.rs`, `src/cli/`) and the WebAssembly boundary ([`wasm`]) are thin
//! layers over the same code.

pub mod analyze;
pub mod build;
pub mod clean;
pub mod doc;
pub mod error;
pub mod format;
pub mod index;
pub mod lexicon;
pub mod meta;
pub mod search;
#[cfg(not(target_arch = "wasm32"))]
pub mod synth;
#[cfg(test)]
mod test_seeds;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use doc::Document;
pub use error::{Error, Result};
pub use index::Index;
pub use search::{Hit, SearchResults, Searcher};

#[cfg(not(target_arch = "wasm32"))]
use {analyze::CompoundSplitter, build::IndexBuilder, build::Letter, lexicon::Lexicon};

/// Builds the index bytes for a set of letters: clean, analyze, index, encode.
#[cfg(not(target_arch = "wasm32"))]
pub fn build_index(letters: &[Letter]) -> Vec<u8> {
    let lexicon = Lexicon::dutch();
    let texts: Vec<&str> = letters.iter().map(|l| l.text.as_str()).collect();
    let cleaned = clean::clean_corpus(&texts, lexicon);
    let mut compounds = CompoundSplitter::new(lexicon);
    for body in &cleaned {
        for word in analyze::words(body) {
            compounds.add_corpus_word(&analyze::fold(&body[word.start..word.end]));
        }
    }
    let mut builder = IndexBuilder::new(compounds);
    for (letter, body) in letters.iter().zip(&cleaned) {
        let meta = meta::extract(&letter.text, body);
        builder.add(Document::with_meta(&letter.id, body, meta));
    }
    format::encode(&builder.finish())
}
