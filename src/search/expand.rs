//! Which dictionary terms a query term stands for: itself; while it is being typed, the terms it
//! is a prefix of; and, when those match nothing, the terms within a small edit distance (typos).
//! Prefixes and typos weigh less than the term itself, so an exact match always ranks first.

use super::levenshtein;
use crate::analyze::{Analyzer, fold, is_stop_word};
use crate::format::chunk::Why;
use crate::index::{Ask, Index, TermRef};
use crate::say::cat;

/// Weight of a term reached by a prefix, relative to the typed term.
const PREFIX_WEIGHT: f32 = 0.8;
/// Weight of a term one edit away; two edits weigh half of that.
const FUZZY_WEIGHT: f32 = 0.5;
/// Prefixes shorter than this are not expanded: `a` would stand for most of the dictionary.
const MIN_PREFIX_CHARS: usize = 2;
/// The most terms a prefix stands for (the ones in most letters), and a typo.
const MAX_PREFIX_TERMS: usize = 50;
const MAX_FUZZY_TERMS: usize = 20;

#[derive(Debug, Clone, PartialEq)]
pub struct Expansion {
    pub term: String,
    /// Where the term's entry is.
    pub at: TermRef,
    pub weight: f32,
    /// Reached by the see-also table (another word than the one typed): ranks below the word.
    pub derived: bool,
}

pub fn exact(ask: &mut Ask<'_>, term: &str) -> Option<Expansion> {
    ask.lookup(term).map(|at| Expansion {
        term: term.to_string(),
        at,
        weight: 1.0,
        derived: false,
    })
}

/// The terms that start with `prefix` (other than `except`), those in most letters first.
pub fn prefixed(ask: &mut Ask<'_>, prefix: &str, except: &str) -> Vec<Expansion> {
    if prefix.chars().count() < MIN_PREFIX_CHARS {
        return Vec::new();
    }
    let index = ask.index();
    let mut found: Vec<(u32, &str, TermRef)> = ask
        .prefixed(prefix)
        .into_iter()
        .map(|at| (index.term(at), at))
        .filter(|(t, _)| t.term != except)
        .map(|(t, at)| (t.df, t.term.as_str(), at))
        .collect();
    super::sort::sort_by(&mut found, |a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    found
        .into_iter()
        .take(MAX_PREFIX_TERMS)
        .map(|(_, term, at)| Expansion {
            term: term.to_string(),
            at,
            weight: PREFIX_WEIGHT,
            derived: false,
        })
        .collect()
}

/// The terms a word being typed is a prefix of as letters write them, beyond the term's stem:
/// `bondgenootschappelij` is no prefix of the stem `bondgenootschapp`, but it is of the word
/// `bondgenootschappelijke` that the term stands for. The candidates are the terms that `word`
/// starts with (the stem is shorter than the word); one counts when a surface form of it starts
/// with `word`. At most one lookup per character, in the chunks already here (the word's own
/// chunk is fetched for it anyway): no fetch of its own, so typing costs no extra round trip.
pub fn prefixed_as_written(index: &Index, word: &str, except: &str) -> Vec<Expansion> {
    if word.chars().count() < MIN_AS_WRITTEN_CHARS {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (end, _) in word.char_indices().skip(MIN_AS_WRITTEN_CHARS - 1) {
        let stem = &word[..end];
        if stem == except {
            continue;
        }
        let Some(at) = index.lookup(stem) else {
            continue;
        };
        let written = index
            .term(at)
            .surfaces
            .iter()
            .any(|s| fold(s).starts_with(word));
        if written {
            found.push(Expansion {
                term: stem.to_string(),
                at,
                weight: PREFIX_WEIGHT,
                derived: false,
            });
        }
    }
    found
}

/// Weight of a term a query term stands for by the see-also table (a country for its adjective):
/// below the word as typed, so a letter with the literal word ranks first.
pub(super) const SEE_ALSO_WEIGHT: f32 = 0.5;

/// The terms `term` stands for besides itself, from its chunk's see-also table, and held by the
/// index; with why. A phrase it stands for is `spans.rs`'s: no lookup of it here (it would ask
/// for a chunk as a term).
pub fn see_also(ask: &mut Ask<'_>, term: &str) -> Vec<(Expansion, Why)> {
    ask.see_also(term)
        .iter()
        .filter(|(to, _)| !to.contains(' '))
        .filter_map(|(to, why)| {
            let expansion = Expansion {
                term: to.clone(),
                at: ask.lookup(to)?,
                weight: SEE_ALSO_WEIGHT,
                derived: true,
            };
            Some((expansion, *why))
        })
        .collect()
}

/// Words shorter than this are not split into two ([`apart`]), nor into parts shorter than
/// [`MIN_APART_PART`]; nor words longer than [`MAX_APART_CHARS`], each of whose splits costs
/// two analyses (a pasted run of 100 KB would cost seconds).
const MIN_APART_CHARS: usize = 5;
const MAX_APART_CHARS: usize = 48;
const MIN_APART_PART: usize = 2;

/// A word no letter has, as two words that letters write apart: Dutch spelling puts a hyphen where
/// two vowels meet (`defensie-uitgaven`, `defensie-industrie`) and after a name or an acronym
/// (`NAVO-top`, `COVID-19`), and a visitor types them joined (`defensieuitgaven`, `navotop`,
/// `covid19`). Of the splits whose two parts are both in the word list (and neither a stop
/// word), the one whose shorter part is longest: its terms, to be searched as a phrase, since
/// apart is how the letters write them, and the word with a space where it splits. `None` until
/// the word list is here (it is asked for).
pub fn apart(ask: &mut Ask<'_>, analyzer: &Analyzer, word: &str) -> Option<([String; 2], String)> {
    let chars = word.chars().count();
    if !(MIN_APART_CHARS..=MAX_APART_CHARS).contains(&chars) {
        return None;
    }
    let words = ask.words()?;
    let known = |part: &str| -> Option<String> {
        if part.chars().count() < MIN_APART_PART || is_stop_word(part) {
            return None;
        }
        let [token] = <[_; 1]>::try_from(analyzer.analyze(part)).ok()?;
        words
            .binary_search_by(|w| w.0.as_str().cmp(&token.term))
            .is_ok()
            .then_some(token.term)
    };
    let mut best: Option<(usize, [String; 2], usize)> = None;
    for (at, _) in word.char_indices().skip(1) {
        let (head, tail) = word.split_at(at);
        let shorter = head.chars().count().min(tail.chars().count());
        if best.as_ref().is_some_and(|(b, ..)| *b >= shorter) {
            continue;
        }
        if let (Some(a), Some(b)) = (known(head), known(tail)) {
            best = Some((shorter, [a, b], at));
        }
    }
    best.map(|(_, terms, at)| (terms, cat!(&word[..at], ' ', &word[at..])))
}

/// Stems shorter than this are not tried as the stem of a word being typed.
const MIN_AS_WRITTEN_CHARS: usize = 4;

/// Edits allowed for a word of this many characters: none below 5, one from 5, two from 8.
pub fn allowed_edits(chars: usize) -> u32 {
    match chars {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    }
}

/// The terms within `edits` edits of `term`: nearest first, then those in most letters. They are
/// found in the word list, then looked up in their chunks (which may have to be fetched first).
pub fn fuzzy(ask: &mut Ask<'_>, term: &str, edits: u32) -> Vec<Expansion> {
    let index = ask.index();
    let Some(words) = ask.words().filter(|_| edits > 0) else {
        return Vec::new();
    };
    let max = edits.min(u32::from(u8::MAX)) as u8;
    let mut ranked: Vec<(usize, std::cmp::Reverse<u32>, &str)> =
        levenshtein::within(words.iter().map(|w| w.0.as_str()), term, max)
            .into_iter()
            .map(|(i, distance)| {
                let (candidate, df) = &words[i];
                (
                    usize::from(distance).max(1),
                    std::cmp::Reverse(*df),
                    candidate.as_str(),
                )
            })
            .collect();
    super::sort::sort(&mut ranked);
    ranked
        .into_iter()
        .take(MAX_FUZZY_TERMS)
        .filter_map(|(distance, _, candidate)| {
            let at = ask.lookup(candidate)?;
            // A stop word is no word a visitor meant: `noorse` is not `door`.
            if index.term(at).surfaces.iter().any(|s| is_stop_word(s)) {
                return None;
            }
            Some(Expansion {
                term: candidate.to_string(),
                at,
                weight: FUZZY_WEIGHT / distance as f32,
                derived: false,
            })
        })
        .collect()
}

/// Edit distance between two short strings, by characters, a swap of two neighbours counting as
/// one edit (optimal string alignment), written out as the whole table: the oracle the
/// automaton's distances are checked against.
#[cfg(test)]
pub fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let mut cell = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]));
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cell = cell.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = cell;
        }
    }
    d[a.len()][b.len()]
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
        assert_eq!(levenshtein("vilnuis", "vilnius"), 1, "a swap is one edit");
        assert_eq!(levenshtein("ca", "abc"), 3, "no edit of a swapped pair");
    }

    #[test]
    fn longer_words_allow_more_edits() {
        assert_eq!(allowed_edits(4), 0);
        assert_eq!(allowed_edits(5), 1);
        assert_eq!(allowed_edits(8), 2);
    }
}
