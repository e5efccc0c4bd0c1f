//! Analysis: text -> tokens. One analyzer serves the indexer and the query parser alike, so what
//! is indexed and what is looked up can never drift apart.
//!
//! The chain: [`tokenizer`] finds words with byte offsets, [`fold`] removes case and diacritics,
//! then the Snowball Dutch stemmer reduces the word to its stem (`trainingen` -> `training`).
//! Numbers are not stemmed; codes (`F-16`, `f 16`) become one term ([`codes`]).
//!
//! Two modes differ only in what they add, never in how a word becomes a term:
//! - [`Analyzer::for_index`] keeps a code's pieces beside the joined code and adds the parts of
//!   closed compounds ([`compound`]) as extra tokens at the compound's position, marked `part`;
//! - [`Analyzer::new`] (queries, excerpts) replaces a code's pieces by the joined code.

mod codes;
// Index-time only: the wasm, which only queries, leaves it out.
#[cfg(not(web))]
mod compound;
mod fold;
mod stopwords;
mod tokenizer;

#[cfg(not(web))]
pub use compound::CompoundSplitter;
pub use fold::{fold, lowercase};
pub use stopwords::is_stop_word;
pub use tokenizer::{Word, words};

/// Characters nobody sees that split words when left in: the soft hyphen and the zero-width
/// spaces and joiners. The clean-up removes them from letters, the query parser from queries.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

use crate::say::cat;
use rust_stemmers::{Algorithm, Stemmer};

/// One indexed word: where it stands in the text, its position, and its search term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range of the word in the analyzed text (for a part: of the whole compound).
    pub start: usize,
    pub end: usize,
    /// Word number in the text, counted from 0; phrases compare these.
    pub position: u32,
    /// Folded and stemmed form: what the index stores.
    pub term: String,
    /// A part of a compound, not a word of its own: it weighs less.
    pub part: bool,
    /// A part's bytes in the folded compound: [`Analyzer::part_term`] gives its term again, so a
    /// letter file stores two numbers instead of the term.
    pub within: Option<(u32, u32)>,
}

/// Words whose stem is a common word of another meaning: `Deense` stems to `den` (`Den Haag`),
/// `Letse` to `let` (`let op`), `Poolse` to `pool`, `Finse` to `fin`, `Russen` to `rus`. They keep
/// a term of their own, the word less a final `e` (so `Deens` and `Deense` still meet), which the
/// see-also table then joins to its country.
const OWN_TERM: [&str; 13] = [
    "deens", "deense", "denen", "lets", "letse", "pools", "poolse", "fins", "finse", "finnen",
    "esten", "russen", "estse",
];

pub struct Analyzer {
    stemmer: Stemmer,
    /// Present in index mode.
    #[cfg(not(web))]
    compounds: Option<CompoundSplitter>,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    /// The query analyzer.
    pub fn new() -> Self {
        Analyzer {
            stemmer: Stemmer::create(Algorithm::Dutch),
            #[cfg(not(web))]
            compounds: None,
        }
    }

    /// The index analyzer, which also emits code pieces and compound parts.
    #[cfg(not(web))]
    pub fn for_index(compounds: CompoundSplitter) -> Self {
        Analyzer {
            compounds: Some(compounds),
            ..Self::new()
        }
    }

    /// The search term of one word.
    pub fn term(&self, word: &str) -> String {
        self.term_of_folded(fold(word))
    }

    fn term_of_folded(&self, folded: String) -> String {
        // The tokenizer's `%` after a number: the word the letters also write it as.
        if folded == "%" {
            return "procent".to_string();
        }
        // Numbers and codes (`2024`, `f16`) are not Dutch words: the stemmer would only damage them.
        if folded.chars().any(|c| c.is_ascii_digit()) {
            return folded;
        }
        if OWN_TERM.contains(&folded.as_str()) {
            return folded.strip_suffix('e').unwrap_or(&folded).to_string();
        }
        self.stemmer.stem(&folded).into_owned()
    }

    /// Every token of `text`, in position order.
    pub fn analyze(&self, text: &str) -> Vec<Token> {
        let indexing = self.indexing();
        let words: Vec<Word> = words(text).collect();
        let mut tokens = Vec::with_capacity(words.len());
        let mut position = 0u32;
        let mut i = 0;
        while i < words.len() {
            let w = words[i];
            let code = words
                .get(i + 1)
                .filter(|&&b| codes::is_code(text, w, b, indexing));
            if let Some(&b) = code {
                let joined = fold(&cat!(&text[w.start..w.end], &text[b.start..b.end]));
                if indexing {
                    tokens.push(self.token(text, w, position));
                    position += 1;
                }
                tokens.push(Token {
                    start: w.start,
                    end: b.end,
                    position,
                    term: joined,
                    part: false,
                    within: None,
                });
                if indexing {
                    tokens.push(self.token(text, b, position));
                }
                position += 1;
                i += 2;
                continue;
            }
            tokens.push(self.token(text, w, position));
            if indexing {
                let folded = fold(&text[w.start..w.end]);
                for part in self.compound_parts(&folded) {
                    // Every part is a piece of the compound.
                    let within = folded
                        .find(part.as_str())
                        .map(|at| (at as u32, (at + part.len()) as u32));
                    tokens.push(Token {
                        start: w.start,
                        end: w.end,
                        position,
                        term: self.term_of_folded(part),
                        part: true,
                        within,
                    });
                }
            }
            position += 1;
            i += 1;
        }
        // A word of only combining marks folds to nothing: it keeps its position (phrases count
        // words) but is no term. Found by `cargo fuzz run analyze`.
        tokens.retain(|t| !t.term.is_empty());
        tokens
    }

    fn indexing(&self) -> bool {
        #[cfg(not(web))]
        return self.compounds.is_some();
        #[cfg(web)]
        false
    }

    /// The parts of a folded word if it is a closed compound (index mode only).
    fn compound_parts(&self, folded: &str) -> Vec<String> {
        #[cfg(not(web))]
        if let Some(splitter) = &self.compounds {
            return splitter.split(folded);
        }
        let _ = folded;
        Vec::new()
    }

    /// The term of the part of `word` at `within` (bytes of the folded word), as the indexer
    /// made it; `None` when the range does not fit the word.
    pub fn part_term(&self, word: &str, within: (u32, u32)) -> Option<String> {
        let folded = fold(word);
        let part = folded.get(within.0 as usize..within.1 as usize)?;
        Some(self.term_of_folded(part.to_string())).filter(|t| !t.is_empty())
    }

    fn token(&self, text: &str, w: Word, position: u32) -> Token {
        Token {
            start: w.start,
            end: w.end,
            position,
            term: self.term(&text[w.start..w.end]),
            part: false,
            within: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The search stems a letter's word only when its first letters agree with a matched term's
    /// (`Searcher::matches_in`): that is right only if a term keeps the first two characters of
    /// its folded word. Every word of OpenTaal's list and of the letters, inflected as letters
    /// inflect them, holds to it.
    #[test]
    fn a_term_keeps_the_first_two_characters_of_its_word() {
        let analyzer = Analyzer::new();
        let seeds = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).unwrap();
        let letters: Vec<String> = seeds
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        let lexicon = include_str!("../lexicon/nl-words.txt");
        let mut checked = 0;
        let from_letters = letters.iter().flat_map(|t| {
            words(t)
                .map(move |w| t[w.start..w.end].to_string())
                .collect::<Vec<_>>()
        });
        for word in lexicon.lines().map(str::to_string).chain(from_letters) {
            for form in [
                word.clone(),
                format!("{word}en"),
                format!("{word}e"),
                format!("{word}s"),
            ] {
                let term = analyzer.term(&form);
                let folded = fold(&form);
                // `%` is `procent`: matches.rs knows it.
                if folded == "%" {
                    continue;
                }
                let head = |s: &str| s.chars().take(2).collect::<String>();
                let n = head(&term).len();
                assert_eq!(head(&term), head(&folded)[..n], "{form} -> {term}");
                checked += 1;
            }
        }
        assert!(checked > 400_000, "{checked}");
    }

    #[test]
    fn folding_the_first_characters_gives_the_first_characters_of_the_fold() {
        for word in [
            "Oekraïne",
            "ÆRØ",
            "e\u{301}xport",
            "Ĳsland",
            "straße",
            "İstanbul",
        ] {
            let head: String = word.chars().take(4).collect();
            assert!(fold(word).starts_with(&fold(&head)), "{word}");
        }
    }

    #[test]
    fn a_word_of_only_combining_marks_is_no_term() {
        // U+061A, an Arabic combining mark, alone between two words (the fuzzer's input).
        for analyzer in [
            Analyzer::new(),
            Analyzer::for_index(CompoundSplitter::dutch()),
        ] {
            let tokens = analyzer.analyze("aanleiding \u{61a} ezel");
            let terms: Vec<(&str, u32)> = tokens
                .iter()
                .map(|t| (t.term.as_str(), t.position))
                .collect();
            assert_eq!(terms, [("aanleid", 0), ("ezel", 2)]);
        }
    }

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

    #[test]
    fn codes_are_one_term_however_they_are_typed() {
        assert_eq!(terms("F-16"), ["f16"]);
        assert_eq!(terms("F16"), ["f16"]);
        assert_eq!(terms("f 16 trainingen"), ["f16", "training"]);
    }

    #[test]
    fn the_index_keeps_code_pieces_beside_the_code() {
        let a = Analyzer::for_index(CompoundSplitter::dutch());
        let tokens = a.analyze("F-16 trainingen");
        let at: Vec<(u32, &str)> = tokens
            .iter()
            .map(|t| (t.position, t.term.as_str()))
            .collect();
        assert_eq!(at, [(0, "f"), (1, "f16"), (1, "16"), (2, "training")]);
    }

    #[test]
    fn the_index_adds_compound_parts_at_the_compound_position() {
        let a = Analyzer::for_index(CompoundSplitter::dutch());
        let tokens = a.analyze("een opleidingsprogramma voor");
        let parts: Vec<(u32, &str)> = tokens
            .iter()
            .filter(|t| t.part)
            .map(|t| (t.position, t.term.as_str()))
            .collect();
        assert_eq!(parts, [(1, "opleid"), (1, "programma")]);
        assert_eq!(tokens.last().unwrap().position, 2);
    }
}
