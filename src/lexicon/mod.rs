//! Dutch words, for the two decisions that need to know what a word is: whether a hyphen at a
//! line end breaks a word or joins two (`clean`), and where a closed compound splits (`analyze`).
//!
//! The base is OpenTaal's word list (`nl-words.txt`, made by `scripts/make-lexicon.sh`; licence in
//! `OPENTAAL-LICENSE.md`): 114,637 base words, folded. The indexer adds the corpus's own words, so
//! names and jargon of the letters count too. Only the indexer uses it; the wasm never does.

use std::collections::HashSet;

static DUTCH: &str = include_str!("nl-words.txt");

#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    words: HashSet<String>,
}

impl Lexicon {
    /// An empty lexicon: tests use it to show what the corpus alone decides.
    pub fn empty() -> Self {
        Self::default()
    }

    /// OpenTaal's Dutch words.
    pub fn dutch() -> Self {
        Lexicon {
            words: DUTCH.lines().map(str::to_string).collect(),
        }
    }

    /// OpenTaal's words, one by one.
    pub fn dutch_words() -> impl Iterator<Item = String> {
        DUTCH.lines().map(str::to_string)
    }

    /// Adds a folded word.
    pub fn insert(&mut self, word: String) {
        self.words.insert(word);
    }

    /// Whether `word` (folded) is a known word.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
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
        ] {
            assert!(nl.contains(word), "{word}");
        }
        for fragment in ["verde", "diging", "bondge", "stafoffi"] {
            assert!(!nl.contains(fragment), "{fragment}");
        }
    }
}
