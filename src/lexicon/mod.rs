//! Dutch words, for the two decisions that need to know what a word is: whether a hyphen at a
//! line end breaks a word or joins two (`clean`), and where a closed compound splits (`analyze`).
//!
//! The words are OpenTaal's list (`nl-words.txt`, made by `scripts/make-lexicon.sh`; licence in
//! `OPENTAAL-LICENSE.md`): 124,057 base words, folded. The corpus's own words are added by the
//! callers that need them. Only the indexer uses this; the wasm never does.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashSet;
use std::sync::OnceLock;

static DUTCH: &str = include_str!("nl-words.txt");

#[derive(Debug, Default)]
pub struct Lexicon {
    words: HashSet<String>,
    /// Snowball stems of the words, so inflected forms are known too (`bondgenoten`).
    stems: HashSet<String>,
}

impl Lexicon {
    /// An empty lexicon: tests use it to show what the corpus alone decides.
    pub fn empty() -> Self {
        Self::default()
    }

    /// OpenTaal's Dutch words, loaded once per process.
    pub fn dutch() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let stemmer = Stemmer::create(Algorithm::Dutch);
            Lexicon {
                words: DUTCH.lines().map(str::to_string).collect(),
                stems: DUTCH
                    .lines()
                    .map(|w| stemmer.stem(w).into_owned())
                    .collect(),
            }
        })
    }

    /// Whether `word` (folded) is a known word.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Whether `stem` is the stem of a known word.
    pub fn contains_stem(&self, stem: &str) -> bool {
        self.stems.contains(stem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_compound_parts_but_not_fragments() {
        let nl = Lexicon::dutch();
        for word in [
            "lucht",
            "afweer",
            "opleiding",
            "programma",
            "verdediging",
            "middel",
            "strijd",
        ] {
            assert!(nl.contains(word), "{word}");
        }
        for fragment in ["verde", "diging", "bondge", "stafoffi"] {
            assert!(!nl.contains(fragment), "{fragment}");
        }
    }

    #[test]
    fn knows_inflected_forms_by_their_stem() {
        assert!(Lexicon::dutch().contains_stem("bondgenot"));
    }
}

/// A set of words a build learns from its letters (which words stand whole, which parts a
/// compound may have), held as their 64-bit FNV-1a hashes: 8 bytes a word and no allocation, so
/// that the build's memory does not grow with the length of an archive's vocabulary as a set of
/// strings would (at 300,000 letters, millions of names, numbers and codes). Two words share a
/// hash with odds near n² / 2^65 (about 2 in 10^7 for 3 million words); the output is the same
/// for the same letters.
#[derive(Debug, Default)]
pub struct WordSet(HashSet<u64, std::hash::BuildHasherDefault<Identity>>);

impl WordSet {
    pub fn insert(&mut self, word: &str) {
        self.0.insert(crate::hash::fnv64(word.as_bytes()));
    }

    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(&crate::hash::fnv64(word.as_bytes()))
    }
}

/// The hash of a hash: the key itself.
#[derive(Debug, Default)]
pub struct Identity(u64);

impl std::hash::Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys come here, through write_u64; anything else is folded in anyway.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
