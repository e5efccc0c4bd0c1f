//! The order of the hits: best first, with the bonus for words exactly as typed; or by date;
//! and, grouped by meeting, the letters of one meeting under the best of them.

use super::meet::Candidate;
use super::query::Clause;
use super::{EXACT_BONUS, EXACT_WINDOW, Group, Hit, Searcher, Sort, sort};
use crate::meta::{Kind, Meta};

/// A letter of the kind a query names (`agenda`, `verslag`, `commissiedebat`, `schriftelijk
/// overleg`, `antwoorden`) scores this much more than one that only uses the word: the report of
/// a debate about an agenda says `agenda` more often than the agenda itself does.
pub const KIND_BONUS: f32 = 0.5;

/// The kind of letter a query names by a word of its own, if any.
pub(super) fn kind_named(clauses: &[Clause]) -> Option<Kind> {
    clauses.iter().find_map(|c| match c {
        Clause::Term { word, .. } => match word.as_str() {
            "agenda" | "ga" => Some(Kind::Agenda),
            "verslag" | "report" => Some(Kind::Verslag),
            "commissiedebat" | "ao" => Some(Kind::Overleg),
            "schriftelijk" | "antwoorden" => Some(Kind::SchriftelijkOverleg),
            "beslisnota" => Some(Kind::Beslisnota),
            _ => None,
        },
        Clause::Phrase { .. } => None,
    })
}

impl Searcher {
    /// Best first (ties keep letter order), with the exact-match bonus and the bonus for the kind
    /// the query `named`; then by date if asked,
    /// keeping relevance order between letters of one date and undated letters last.
    pub(super) fn order(
        &self,
        clauses: &[Clause],
        mut ranked: Vec<(u32, Candidate)>,
        sort: Sort,
        table: Option<&[Meta]>,
        named: Option<Kind>,
    ) -> Vec<(u32, Candidate)> {
        let date = |doc: u32| table.and_then(|t| t[doc as usize].date.as_deref());
        // One comparator type for every sort of the ranking: each closure type would add a copy of
        // the sort to the wasm.
        let compare = |mode: Sort| {
            move |a: &(u32, Candidate), b: &(u32, Candidate)| {
                // Coverage first: a letter with more of the words (a partial answer) ranks first.
                let by_score = (b.1.coverage.total_cmp(&a.1.coverage))
                    .then(b.1.score.total_cmp(&a.1.score))
                    .then(a.0.cmp(&b.0));
                let (da, db) = (date(a.0), date(b.0));
                // Undated letters come last in either date order.
                let undated_last = da.is_none().cmp(&db.is_none());
                match mode {
                    Sort::Relevance => by_score,
                    Sort::Date => undated_last.then(da.cmp(&db)).then(by_score),
                    Sort::DateDescending => undated_last.then(db.cmp(&da)).then(by_score),
                }
            }
        };
        if let (Some(kind), Some(table)) = (named, table) {
            for (doc, candidate) in &mut ranked {
                if table[*doc as usize].kind == Some(kind) {
                    candidate.score *= 1.0 + KIND_BONUS;
                }
            }
        }
        sort::sort_by(&mut ranked, compare(Sort::Relevance));
        let words = clauses
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c, Clause::Term { .. }))
            .fold(0u32, |mask, (i, _)| {
                mask | 1u32.checked_shl(i as u32).unwrap_or(0)
            });
        let window = ranked.len().min(EXACT_WINDOW);
        if words != 0 {
            for (_, candidate) in &mut ranked[..window] {
                let share =
                    (candidate.exact & words).count_ones() as f32 / words.count_ones() as f32;
                candidate.score *= 1.0 + EXACT_BONUS * share;
            }
        }
        match sort {
            Sort::Relevance => sort::sort_by(&mut ranked[..window], compare(sort)),
            _ => sort::sort_by(&mut ranked, compare(sort)),
        }
        ranked
    }
}

/// Puts `hit` after the others, or, grouped by meeting, with the hit above it of its meeting.
pub(super) fn place(hit: Hit, hits: &mut Vec<Hit>, group: Group) {
    let owner = match group {
        Group::Meeting => hits
            .iter_mut()
            .find(|h| h.about.same_meeting.iter().any(|l| l.id == hit.id)),
        Group::None => None,
    };
    match owner {
        Some(owner) => owner.grouped.push(hit.id),
        None => hits.push(hit),
    }
}
