//! Where in a letter the query matched, found again in the letter's text when it is shown: each
//! word whose term a clause matched through, each compound part or code of the letter likewise,
//! and the phrases (whose positions the search knows already).

use super::excerpt::{self, Match};
use super::{Searcher, sort};
use crate::analyze::{Word, fold, words};
use crate::format::letter::Letter;
use crate::index::{Ask, LetterWords};
use crate::sorted::SortedMap;

impl Searcher {
    /// The letter's first words (at most [`excerpt::SCAN_BYTES`] of its text), and where among
    /// them the query matched: each word whose term a clause matched through, each compound part
    /// or code of the letter likewise, and the phrases. Bounded, so an excerpt of a letter of any
    /// length costs about what one of an ordinary letter does.
    /// `None` until the letter's file is here.
    pub(super) fn head_matches<'a>(
        &self,
        ask: &mut Ask<'a>,
        doc: u32,
        clause_of: &SortedMap<&str, u16>,
        mut matches: Vec<Match>,
    ) -> Option<(&'a Letter, &'a [Word], Vec<Match>)> {
        let (letter, head) = ask.letter_words(doc, |letter| {
            let words: Vec<Word> = words(&letter.document.body)
                .take_while(|w| w.end <= excerpt::SCAN_BYTES)
                .collect();
            let parts = self.part_terms(letter, words.len());
            LetterWords { words, parts }
        })?;
        matches.retain(|m| (m.0 as usize) < head.words.len());
        let found = self.matches_in(letter, clause_of, head.words.iter().copied(), &head.parts);
        matches.extend(found);
        sort::sort(&mut matches);
        matches.dedup_by_key(|m| m.0);
        Some((letter, head.words.as_slice(), matches))
    }

    /// Where in the whole letter the query matched, for the reader.
    pub(super) fn all_matches(
        &self,
        letter: &Letter,
        clause_of: &SortedMap<&str, u16>,
        mut matches: Vec<Match>,
    ) -> Vec<Match> {
        let parts = self.part_terms(letter, usize::MAX);
        matches.extend(self.matches_in(letter, clause_of, words(&letter.document.body), &parts));
        sort::sort(&mut matches);
        matches.dedup_by_key(|m| m.0);
        matches
    }

    /// The terms of the letter's compound parts at positions below `below`.
    fn part_terms(&self, letter: &Letter, below: usize) -> Vec<(u32, String)> {
        let body = &letter.document.body;
        let mut words = words(body).enumerate();
        let mut current: Option<(usize, Word)> = None;
        let mut parts = Vec::new();
        // Parts ascend by position (several may share a word): one walk over the words.
        for &(p, start, end) in &letter.parts {
            let p = p as usize;
            if p >= below {
                break;
            }
            while current.is_none_or(|(i, _)| i < p) {
                current = words.next();
                if current.is_none() {
                    return parts;
                }
            }
            let Some((i, w)) = current.filter(|(i, _)| *i == p) else {
                continue;
            };
            let word = &body[w.start..w.end];
            if let Some(term) = self.analyzer.part_term(word, (start, end)) {
                parts.push((i as u32, term));
            }
        }
        parts
    }

    /// The matches among `words` (a letter's words from its first), its `parts` and its extras.
    /// A word is stemmed only when its first letters agree with a matched term's: a stem keeps
    /// the first two letters of its word (a test holds the stemmer to it), so no match is lost.
    fn matches_in(
        &self,
        letter: &Letter,
        clause_of: &SortedMap<&str, u16>,
        words: impl Iterator<Item = Word>,
        parts: &[(u32, String)],
    ) -> Vec<Match> {
        let mut matches = Vec::new();
        if clause_of.is_empty() {
            return matches;
        }
        let body = &letter.document.body;
        let heads: Vec<&str> = clause_of.keys().map(|t| first_chars(t, 2)).collect();
        let mut count = 0usize;
        for (i, w) in words.enumerate() {
            count = i + 1;
            let word = &body[w.start..w.end];
            let head = fold(first_chars(word, 4));
            let agrees = |h: &&str| {
                let n = h.len().min(head.len());
                head.as_bytes()[..n] == h.as_bytes()[..n]
            };
            // `%` is the one word whose term (`procent`) starts otherwise.
            if !heads.iter().any(agrees) && word != "%" {
                continue;
            }
            if let Some(&clause) = clause_of.get(self.analyzer.term(word).as_str()) {
                matches.push((i as u32, clause));
            }
        }
        for (p, term) in parts {
            if let Some(&clause) = clause_of.get(term.as_str()) {
                matches.push((*p, clause));
            }
        }
        for (term, positions) in &letter.extras {
            if let Some(&clause) = clause_of.get(term.as_str()) {
                let inside = positions.iter().filter(|&&p| (p as usize) < count);
                matches.extend(inside.map(|&p| (p, clause)));
            }
        }
        matches
    }
}

/// The first `n` characters of `s` (all of a shorter one).
fn first_chars(s: &str, n: usize) -> &str {
    &s[..s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)]
}

/// Which clause each matched term belongs to (the first, when several share it): made once per
/// query, looked up for every word of every letter shown.
pub(super) fn clause_of(terms: &[Vec<String>]) -> SortedMap<&str, u16> {
    let mut clause_of = SortedMap::new();
    for (clause, list) in terms.iter().enumerate() {
        for t in list {
            clause_of.get_or_insert_with(t.as_str(), || clause as u16);
        }
    }
    clause_of
}
