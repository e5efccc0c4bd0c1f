//! Analysis: text -> tokens. One analyzer serves the indexer and the query parser alike, so what
//! is indexed and what is looked up can never drift apart.
//!
//! The chain: [`tokenizer`] finds words with byte offsets, [`fold`] removes case and diacritics,
//! then the Snowball Dutch stemmer reduces the word to its stem (`trainingen` -> `train`).

mod fold;
mod tokenizer;

pub use fold::fold;
pub use tokenizer::{Word, words};

use rust_stemmers::{Algorithm, Stemmer};

/// One indexed word: where it stands in the text, its position, and its search term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range of the word in the analyzed text.
    pub start: usize,
    pub end: usize,
    /// Word number in the text, counted from 0; phrases compare these.
    pub position: u32,
    /// Folded and stemmed form: what the index stores.
    pub term: String,
}

pub struct Analyzer {
    stemmer: Stemmer,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    pub fn new() -> Self {
        Analyzer {
            stemmer: Stemmer::create(Algorithm::Dutch),
        }
    }

    /// The search term of one word.
    pub fn term(&self, word: &str) -> String {
        let folded = fold(word);
        // Numbers and codes (`2024`, `f16`) are not Dutch words: the stemmer would only damage them.
        if folded.chars().any(|c| c.is_ascii_digit()) {
            return folded;
        }
        self.stemmer.stem(&folded).into_owned()
    }

    /// Every token of `text`, in order.
    pub fn analyze(&self, text: &str) -> Vec<Token> {
        words(text)
            .enumerate()
            .map(|(position, w)| Token {
                start: w.start,
                end: w.end,
                position: position as u32,
                term: self.term(&text[w.start..w.end]),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        Analyzer::new()
            .analyze(text)
            .into_iter()
            .map(|t| t.term)
            .collect()
    }

    #[test]
    fn query_and_letter_spellings_meet() {
        let a = Analyzer::new();
        assert_eq!(a.term("Oekraïne"), a.term("oekraine"));
        assert_eq!(a.term("trainingen"), a.term("training"));
        assert_eq!(a.term("hoofdkwartieren"), a.term("hoofdkwartier"));
        assert_eq!(a.term("Bondgenoten"), a.term("bondgenoot"));
    }

    #[test]
    fn numbers_are_not_stemmed() {
        assert_eq!(terms("2024 36045"), ["2024", "36045"]);
    }

    #[test]
    fn tokens_carry_offsets_and_positions() {
        let text = "De NAVO-Top in Vilnius";
        let tokens = Analyzer::new().analyze(text);
        let vilnius = tokens.last().unwrap();
        assert_eq!(&text[vilnius.start..vilnius.end], "Vilnius");
        assert_eq!(vilnius.position, 4);
        assert_eq!(vilnius.term, "vilnius");
    }
}
