//! Which dictionary terms a query term stands for: itself; while it is being typed, the terms it
//! is a prefix of; and, when those match nothing, the terms within a small edit distance (typos).
//! Prefixes and typos weigh less than the term itself, so an exact match always ranks first.

use super::levenshtein::Levenshtein;
use crate::error::Result;
use crate::index::Index;
use fst::automaton::Str;
use fst::{Automaton, IntoStreamer, Streamer};

/// Weight of a term reached by a prefix, relative to the typed term.
const PREFIX_WEIGHT: f32 = 0.8;
/// Weight of a term one edit away; two edits weigh half of that.
const FUZZY_WEIGHT: f32 = 0.5;
/// Prefixes shorter than this are not expanded: `a` would stand for most of the dictionary.
const MIN_PREFIX_CHARS: usize = 2;
/// The most terms a prefix stands for (the ones in most letters) and the most it looks at.
const MAX_PREFIX_TERMS: usize = 50;
const MAX_PREFIX_SCAN: usize = 20_000;
const MAX_FUZZY_TERMS: usize = 20;

#[derive(Debug, Clone, PartialEq)]
pub struct Expansion {
    pub term: String,
    /// Where the term's postings are.
    pub offset: u64,
    pub weight: f32,
}

pub fn exact(index: &Index, term: &str) -> Option<Expansion> {
    index.terms().get(term).map(|offset| Expansion {
        term: term.to_string(),
        offset,
        weight: 1.0,
    })
}

/// The terms that start with `prefix` (other than `except`), those in most letters first.
pub fn prefixed(index: &Index, prefix: &str, except: &str) -> Result<Vec<Expansion>> {
    if prefix.chars().count() < MIN_PREFIX_CHARS {
        return Ok(Vec::new());
    }
    let mut found = Vec::new();
    let mut stream = index
        .terms()
        .search(Str::new(prefix).starts_with())
        .into_stream();
    while let Some((key, offset)) = stream.next() {
        if found.len() == MAX_PREFIX_SCAN {
            break;
        }
        if key != except.as_bytes() {
            found.push((String::from_utf8_lossy(key).into_owned(), offset));
        }
    }
    let mut counted = Vec::with_capacity(found.len());
    for (term, offset) in found {
        counted.push((index.doc_freq_at(offset)?, term, offset));
    }
    counted.sort_unstable_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    Ok(counted
        .into_iter()
        .take(MAX_PREFIX_TERMS)
        .map(|(_, term, offset)| Expansion {
            term,
            offset,
            weight: PREFIX_WEIGHT,
        })
        .collect())
}

/// Edits allowed for a word of this many characters: none below 5, one from 5, two from 8.
pub fn allowed_edits(chars: usize) -> u32 {
    match chars {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    }
}

/// The terms within `edits` edits of `term`: nearest first, then those in most letters. Building
/// the automaton for two edits costs several times more than for one, so callers try one first.
pub fn fuzzy(index: &Index, term: &str, edits: u32) -> Result<Vec<Expansion>> {
    if edits == 0 {
        return Ok(Vec::new());
    }
    let automaton = Levenshtein::new(term, edits.min(u32::from(u8::MAX)) as u8);
    let mut found = Vec::new();
    let mut stream = index.terms().search(automaton).into_stream();
    while let Some((key, offset)) = stream.next() {
        let candidate = String::from_utf8_lossy(key).into_owned();
        let distance = levenshtein(term, &candidate).max(1);
        found.push((distance, candidate, offset));
    }
    let mut ranked = Vec::with_capacity(found.len());
    for (distance, candidate, offset) in found {
        let df = index.doc_freq_at(offset)?;
        ranked.push((distance, std::cmp::Reverse(df), candidate, offset));
    }
    ranked.sort_unstable();
    Ok(ranked
        .into_iter()
        .take(MAX_FUZZY_TERMS)
        .map(|(distance, _, term, offset)| Expansion {
            term,
            offset,
            weight: FUZZY_WEIGHT / distance as f32,
        })
        .collect())
}

/// Edit distance between two short strings, by characters.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance() {
        assert_eq!(levenshtein("oekraen", "oekrain"), 1);
        assert_eq!(levenshtein("patriott", "patriot"), 1);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("ë", "e"), 1);
    }

    #[test]
    fn longer_words_allow_more_edits() {
        assert_eq!(allowed_edits(4), 0);
        assert_eq!(allowed_edits(5), 1);
        assert_eq!(allowed_edits(8), 2);
    }
}
