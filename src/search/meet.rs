//! Where the clauses of a query meet. Every clause's hits ascend by letter, so the letters are
//! walked once, the lowest letter of all the clauses' next hits at a time (no sort, no hash
//! table). A letter that has every required clause is a full match; optional clauses (stop and
//! question words, when the query has other words) only add to its score. When no letter has
//! every required clause, the answer is partial: the letters that have the most of them, the
//! rarer a word the more it counts, each with the clauses it misses.

use super::excerpt::Match;
use super::score::ClauseHit;

/// A letter that matches: its score so far, and what it matched.
#[derive(Default)]
pub(super) struct Candidate {
    pub(super) score: f32,
    /// How much of the query the letter has: the worth of the required clauses it matches (equal
    /// for all letters of a full answer); ranked before the score.
    pub(super) coverage: f32,
    /// Bit i: clause i matched a word exactly as typed.
    pub(super) exact: u32,
    /// Bit i: required clause i is not in the letter (a partial answer only).
    pub(super) missing: u32,
    /// Where phrase clauses matched (word clauses are found again in the letter when shown).
    pub(super) matches: Vec<Match>,
}

/// The share of a clause's worth that a letter meeting it only by the see-also table gets.
const DERIVED_COVERAGE: f32 = 0.5;

/// The letters the clauses select, ascending, and whether the answer is partial. `required`
/// clauses select; the others only score. A `strict` clause (a phrase) must be in every letter,
/// partial answer or not.
pub(super) fn meet(
    hits: Vec<Vec<ClauseHit>>,
    required: &[bool],
    strict: &[bool],
    docs: usize,
) -> (Vec<(u32, Candidate)>, bool) {
    // How much each required clause is worth when a letter has it: its rarity.
    let worth: Vec<f32> = hits
        .iter()
        .zip(required)
        .map(|(h, &r)| {
            if r {
                (1.0 + docs as f32 / h.len().max(1) as f32).ln()
            } else {
                0.0
            }
        })
        .collect();
    let needed = required.iter().filter(|&&r| r).count();
    let all_required: u32 = required
        .iter()
        .enumerate()
        .filter(|(_, r)| **r)
        .fold(0, |mask, (i, _)| mask | bit(i));
    let strict: u32 = strict
        .iter()
        .enumerate()
        .filter(|(_, s)| **s)
        .fold(0, |mask, (i, _)| mask | bit(i));
    let mut lists: Vec<std::iter::Peekable<std::vec::IntoIter<ClauseHit>>> =
        hits.into_iter().map(|h| h.into_iter().peekable()).collect();
    let (mut full, mut some) = (Vec::new(), Vec::new());
    // The lowest letter of the clauses' next hits, until every list is done.
    while let Some(doc) = lists
        .iter_mut()
        .filter_map(|l| l.peek().map(|h| h.doc))
        .min()
    {
        let mut candidate = Candidate::default();
        let mut had = 0u32;
        for (i, list) in lists.iter_mut().enumerate() {
            let Some(hit) = list.next_if(|h| h.doc == doc) else {
                continue;
            };
            had |= bit(i);
            candidate.score += hit.score;
            // A clause met only through what its word stands for (a translation, a country)
            // covers less than the word itself: a letter with the words as typed ranks first.
            candidate.coverage += if hit.literal {
                worth[i]
            } else {
                worth[i] * DERIVED_COVERAGE
            };
            if hit.exact {
                candidate.exact |= bit(i);
            }
            let clause = i as u16;
            candidate
                .matches
                .extend(hit.positions.into_iter().map(|p| (p, clause)));
        }
        candidate.missing = all_required & !had;
        if candidate.missing == 0 {
            full.push((doc, candidate));
        } else if needed > 1 && had & all_required != 0 && candidate.missing & strict == 0 {
            some.push((doc, candidate));
        }
    }
    if full.is_empty() && !some.is_empty() {
        (some, true)
    } else {
        // A full answer: every letter in it has every required clause, so coverage is equal.
        (full, false)
    }
}

fn bit(i: usize) -> u32 {
    1u32.checked_shl(i as u32).unwrap_or(0)
}
