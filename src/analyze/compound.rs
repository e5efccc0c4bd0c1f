//! Closed Dutch compounds: `luchtverdedigingsmiddelen` is `luchtverdediging` + s + `middelen`, and
//! `luchtverdediging` is `lucht` + `verdediging`. The indexer adds the parts as extra tokens at
//! the compound's position, so a query for `verdediging` or `afweer` finds the letters that only
//! use them inside compounds. No crate splits Dutch compounds; this is the hand-written part.
//!
//! A split is a sequence of parts that are words (OpenTaal's list plus the corpus's own words),
//! each but the last optionally followed by a linking `s`, `e` or `en`; the last part may be
//! inflected (its stem is a word's stem). Of all splits the one with the fewest parts wins, then
//! the one whose shortest part is longest. Guards against false splits:
//! - a word that is itself a plain Dutch word (`verdediging`, `bondgenoten`, `ministers`) splits
//!   only into parts of [`KNOWN_WORD_MIN_PART`] letters or more: `defensie|ministers`, never
//!   `mini|sters`;
//! - otherwise a first part needs 3 letters (`zee|strijdkrachten`), every other part 4.
//!
//! When no split covers the whole word, a head that stands alone in the corpus may take an unknown
//! tail (`luchtafweer|rakketten`, where `rakketten` is a misspelling no list holds).
//!
//! A split into three or more parts also yields its runs of neighbouring parts
//! (`zee|strijd|krachten` gives `strijdkrachten`), and parts are split again, so `luchtafweerrakketten` gives `luchtafweer`, `rakketten`, `lucht`, `afweer`.

use crate::lexicon::Lexicon;
use crate::lexicon::WordSet;
use rust_stemmers::{Algorithm, Stemmer};

/// Words shorter than this are not split.
const MIN_WORD: usize = 7;
/// Nor longer ones: the segmentation tries every part of a word (quadratic, and each lookup
/// hashes its part), so this bounds the work per word at 64² part lookups of at most 64
/// characters, and a build stays linear in its input whatever word it holds (a 16 MB run of one
/// letter, a language written without spaces). Dutch's longest compounds in use have about 40
/// letters (`arbeidsongeschiktheidsverzekeringsmaatschappij` has 46); no list goes past 60.
const MAX_WORD: usize = 64;
const MIN_FIRST_PART: usize = 3;
const MIN_LAST_PART: usize = 4;
const KNOWN_WORD_MIN_PART: usize = 5;
const LINKS: [&str; 3] = ["s", "e", "en"];

pub struct CompoundSplitter {
    /// OpenTaal's words (and their stems): what counts as a plain Dutch word.
    dutch: &'static Lexicon,
    /// Folded words of the corpus, standing alone somewhere in it.
    corpus: WordSet,
    stemmer: Stemmer,
}

#[derive(Clone, Copy)]
struct Split {
    parts: usize,
    shortest: usize,
    /// Byte offset where the previous part (plus its link) started.
    from: usize,
    /// Byte length of the link after that part.
    link: usize,
}

impl CompoundSplitter {
    pub fn new(dutch: &'static Lexicon) -> Self {
        CompoundSplitter {
            dutch,
            corpus: WordSet::default(),
            stemmer: Stemmer::create(Algorithm::Dutch),
        }
    }

    /// A splitter with OpenTaal's words.
    pub fn dutch() -> Self {
        Self::new(Lexicon::dutch())
    }

    /// Adds a folded word of the corpus.
    pub fn add_corpus_word(&mut self, word: &str) {
        if word.chars().count() >= MIN_LAST_PART && word.chars().all(char::is_alphabetic) {
            self.corpus.insert(word);
        }
    }

    fn is_word(&self, s: &str) -> bool {
        self.dutch.contains(s) || self.corpus.contains(s)
    }

    fn is_plain_dutch(&self, word: &str) -> bool {
        self.dutch.contains(word) || self.dutch.contains_stem(&self.stemmer.stem(word))
    }

    fn is_last_part(&self, s: &str) -> bool {
        self.is_word(s) || self.dutch.contains_stem(&self.stemmer.stem(s))
    }

    /// The parts of a folded word, outermost split first; empty when it is not a compound.
    pub fn split(&self, word: &str) -> Vec<String> {
        let mut parts = Vec::new();
        self.split_into(word, &mut parts);
        parts
    }

    fn split_into(&self, word: &str, out: &mut Vec<String>) {
        for part in self.best_split(word) {
            if !out.contains(&part) {
                // An unknown tail (`rakketten`) is no word to look inside.
                if self.is_word(&part) {
                    self.split_into(&part, out);
                }
                out.push(part);
            }
        }
    }

    /// The parts of the best split of `word`, or nothing.
    fn best_split(&self, word: &str) -> Vec<String> {
        // Counted no further than the bound: the word may be megabytes long.
        let chars = word.chars().take(MAX_WORD + 1).count();
        if !(MIN_WORD..=MAX_WORD).contains(&chars) || !word.chars().all(char::is_alphabetic) {
            return Vec::new();
        }
        let min_part = if self.is_plain_dutch(word) {
            KNOWN_WORD_MIN_PART
        } else {
            MIN_FIRST_PART
        };
        let full = self.segment(word, min_part);
        if !full.is_empty() {
            return full;
        }
        if min_part == KNOWN_WORD_MIN_PART {
            return Vec::new();
        }
        self.head_and_tail(word)
    }

    /// The best segmentation of `word` into known parts, or nothing.
    fn segment(&self, word: &str, min_part: usize) -> Vec<String> {
        let bounds: Vec<usize> = word
            .char_indices()
            .map(|(i, _)| i)
            .chain([word.len()])
            .collect();
        let chars = |a: usize, b: usize| word[a..b].chars().count();
        // best[i]: the best split of word[..bounds[i]] into non-final parts with their links.
        let mut best: Vec<Option<Split>> = vec![None; bounds.len()];
        best[0] = Some(Split {
            parts: 0,
            shortest: usize::MAX,
            from: 0,
            link: 0,
        });
        for end in 1..bounds.len() {
            for start in 0..end {
                let Some(prev) = best[start] else { continue };
                let (a, b) = (bounds[start], bounds[end]);
                for link in std::iter::once("").chain(LINKS) {
                    let Some(part) = word[a..b].strip_suffix(link) else {
                        continue;
                    };
                    let len = part.chars().count();
                    let min = if prev.parts == 0 {
                        min_part.max(MIN_FIRST_PART)
                    } else {
                        min_part.max(MIN_LAST_PART)
                    };
                    if len < min || !self.is_word(part) {
                        continue;
                    }
                    let cand = Split {
                        parts: prev.parts + 1,
                        shortest: prev.shortest.min(len),
                        from: a,
                        link: link.len(),
                    };
                    if better(cand, best[end]) {
                        best[end] = Some(cand);
                    }
                }
            }
        }
        // Close with a last part from each reachable boundary.
        let mut winner: Option<(Split, usize)> = None;
        for (i, &start) in bounds.iter().enumerate() {
            let Some(prev) = best[i] else { continue };
            if prev.parts == 0 {
                continue;
            }
            let len = chars(start, word.len());
            if len < min_part.max(MIN_LAST_PART) || !self.is_last_part(&word[start..]) {
                continue;
            }
            let cand = Split {
                parts: prev.parts + 1,
                shortest: prev.shortest.min(len),
                ..prev
            };
            if better(cand, winner.map(|w| w.0)) {
                winner = Some((cand, start));
            }
        }
        let Some((_, mut end)) = winner else {
            return Vec::new();
        };
        let mut ranges = vec![(end, word.len())];
        while end > 0 {
            let Some(split) = best[bounds.iter().position(|&b| b == end).unwrap_or(0)] else {
                break;
            };
            ranges.push((split.from, end - split.link));
            end = split.from;
        }
        ranges.reverse();
        // Runs of neighbouring parts are parts too: `zee|strijd|krachten` holds `strijdkrachten`.
        let mut parts = Vec::new();
        for first in 0..ranges.len() {
            for last in first..ranges.len() {
                if last - first + 1 < ranges.len() {
                    parts.push(word[ranges[first].0..ranges[last].1].to_string());
                }
            }
        }
        parts
    }

    /// A corpus word at the start, of 5 letters or more, and the rest, of 4 or more.
    fn head_and_tail(&self, word: &str) -> Vec<String> {
        let mut heads = word
            .char_indices()
            .map(|(i, _)| i)
            .filter(|&i| i > 0 && word[..i].chars().count() >= KNOWN_WORD_MIN_PART)
            .filter(|&i| word[i..].chars().count() >= MIN_LAST_PART);
        heads
            .rfind(|&i| self.corpus.contains(&word[..i]))
            .map(|i| vec![word[..i].to_string(), word[i..].to_string()])
            .unwrap_or_default()
    }
}

fn better(cand: Split, best: Option<Split>) -> bool {
    match best {
        None => true,
        Some(b) => {
            (cand.parts, std::cmp::Reverse(cand.shortest))
                < (b.parts, std::cmp::Reverse(b.shortest))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn splitter() -> &'static CompoundSplitter {
        static S: OnceLock<CompoundSplitter> = OnceLock::new();
        S.get_or_init(|| {
            let mut s = CompoundSplitter::dutch();
            for w in [
                "luchtafweer",
                "strijdkrachten",
                "luchtverdediging",
                "programma",
            ] {
                s.add_corpus_word(w);
            }
            s
        })
    }

    fn parts(word: &str) -> Vec<String> {
        let mut p = splitter().split(word);
        p.sort();
        p
    }

    #[test]
    fn splits_with_a_linking_s() {
        assert_eq!(parts("opleidingsprogramma"), ["opleiding", "programma"]);
    }

    #[test]
    fn splits_nested_compounds() {
        assert_eq!(
            parts("luchtverdedigingsmiddelen"),
            ["lucht", "luchtverdediging", "middelen", "verdediging"]
        );
    }

    #[test]
    fn splits_a_compound_with_an_unknown_tail_after_a_corpus_word() {
        assert_eq!(
            parts("luchtafweerrakketten"),
            ["afweer", "lucht", "luchtafweer", "rakketten"]
        );
    }

    #[test]
    fn splits_a_known_compound_into_long_parts() {
        assert_eq!(parts("defensieministers"), ["defensie", "ministers"]);
    }

    #[test]
    fn splits_with_a_short_first_part() {
        assert_eq!(
            parts("zeestrijdkrachten"),
            ["krachten", "strijd", "strijdkrachten", "zee"]
        );
    }

    #[test]
    fn a_split_in_three_keeps_its_runs_of_neighbouring_parts() {
        let mut p = CompoundSplitter::dutch().split("zeestrijdkrachten");
        p.sort();
        assert_eq!(
            p,
            ["krachten", "strijd", "strijdkrachten", "zee", "zeestrijd"]
        );
    }

    #[test]
    fn does_not_split_plain_words() {
        for word in [
            "verdediging",
            "bondgenoten",
            "ministers",
            "informatie",
            "oekraine",
            "afschrikking",
        ] {
            assert!(parts(word).is_empty(), "{word}: {:?}", parts(word));
        }
    }

    #[test]
    fn a_word_past_the_bound_is_not_split_and_costs_little() {
        // 65 letters of known parts: within the bound this would split.
        let long = "luchtverdediging".repeat(4) + "s";
        assert!(parts(&long).is_empty());
        assert!(!parts(&"luchtverdediging".repeat(3)).is_empty());
        // A megabyte of one letter: quadratic work took minutes (a hang, not a speed goal: the
        // bound is generous), bounded work a few milliseconds.
        let start = std::time::Instant::now();
        assert!(parts(&"a".repeat(1 << 20)).is_empty());
        assert!(start.elapsed() < std::time::Duration::from_secs(30));
    }

    #[test]
    fn does_not_split_short_words_or_numbers() {
        assert!(parts("afweer").is_empty());
        assert!(parts("f16").is_empty());
    }
}
