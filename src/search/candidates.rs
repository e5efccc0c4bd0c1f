//! The letters a query matches: each clause scored in each letter (`score.rs`), what spans of
//! words stand for added (`spans.rs`), the clauses met (`meet.rs`), the exclusions taken out.

use super::meet::{self, Candidate};
use super::query::{Clause, Query};
use super::{Expanded, Searcher};
use crate::analyze::is_stop_word;
use crate::error::Result;
use crate::index::Ask;
use crate::meta::Meta;

/// The letters a query matches, its typo corrections as (word typed, word written), and per
/// clause the terms it matched through (none for phrases), for marking them in a letter.
#[derive(Default)]
pub(super) struct Found {
    /// By letter number, ascending. Sorted lists, not hash maps, all through the search: clauses
    /// meet by merging, and the wasm carries no hash table code (about 3 KB gzip).
    pub(super) docs: Vec<(u32, Candidate)>,
    pub(super) corrections: Vec<(String, String)>,
    pub(super) terms: Vec<Vec<String>>,
    /// No letter has every word: these have the most of them.
    pub(super) partial: bool,
    /// Per clause, the words a visitor typed for it (what a hit says it misses).
    pub(super) words: Vec<String>,
    pub(super) expanded: Vec<Expanded>,
    /// The clauses as they met: the query's, a joined word no letter has whole as its words.
    pub(super) clauses: Vec<Clause>,
    /// Per clause, how much its words weigh in choosing an excerpt: the rarer, the more.
    pub(super) weights: Vec<u32>,
}

impl Searcher {
    /// Letters that satisfy the query, with their scores.
    pub(super) fn candidates(&self, ask: &mut Ask<'_>, query: &Query) -> Result<Found> {
        let mut found = Found::default();
        if query.must.is_empty() && query.must_not.is_empty() {
            return Ok(found);
        }
        // A joined word no letter has whole (`NAVO-lidstaten`) is its words, each a clause of
        // its own: only a quoted phrase is strict. Known only once the phrase's files are here
        // (they are its words' files too). The clauses still to score, the next one last.
        let mut to_score: Vec<Clause> = query.must.iter().rev().cloned().collect();
        let mut hits = Vec::with_capacity(to_score.len());
        let mut clauses = Vec::with_capacity(to_score.len());
        while let Some(clause) = to_score.pop() {
            let answer = self.score_clause(ask, &clause)?;
            if let Clause::Phrase {
                terms,
                quoted: false,
                ..
            } = &clause
                && answer.hits.is_empty()
                && !ask.waiting()
            {
                for part in terms.iter().rev().map(|t| self.part_clause(t)) {
                    if !clauses.contains(&part) && !to_score.contains(&part) {
                        to_score.push(part);
                    }
                }
                continue;
            }
            let words = clause.words();
            for (to, why) in answer.also {
                let from = words.clone();
                found.expanded.push(Expanded { from, to, why });
            }
            if let Some(c) = answer.correction {
                found.expanded.push(Expanded {
                    from: c.typed.clone(),
                    to: c.written.clone(),
                    why: "typo",
                });
                found.corrections.push((c.typed, c.written));
            }
            found.terms.push(answer.terms);
            found.words.push(words);
            hits.push(answer.hits);
            clauses.push(clause);
        }
        self.see_also_spans(
            ask,
            &clauses,
            &mut hits,
            &mut found.terms,
            &mut found.expanded,
        )?;
        // Stop and question words never veto a query that has other words: they only add score.
        let optional = |c: &Clause| matches!(c, Clause::Term { word, .. } if is_stop_word(word));
        let others = clauses.iter().any(|c| !optional(c));
        let required: Vec<bool> = clauses.iter().map(|c| !(others && optional(c))).collect();
        // Function and question words beside other words are never marked, so never choose an
        // excerpt; of the others, the rarest weigh most (by their letters, as BM25 weighs them).
        let n = self.index.doc_count();
        for (i, clause_hits) in hits.iter().enumerate() {
            if !required[i] {
                found.terms[i].clear();
            }
            let idf = crate::bm25::idf(n, clause_hits.len());
            found.weights.push(1 + (idf * 1000.0) as u32);
        }
        let docs = (!hits.is_empty()).then(|| {
            let strict: Vec<bool> = clauses
                .iter()
                .map(|c| matches!(c, Clause::Phrase { quoted: true, .. }))
                .collect();
            let (docs, partial) = meet::meet(hits, &required, &strict, self.index.doc_count());
            found.partial = partial;
            docs
        });
        // Only exclusions: every letter is a candidate.
        let mut docs = docs.unwrap_or_else(|| every_letter(ask.table()));
        for clause in &query.must_not {
            let excluded = self.letters_matching(ask, clause)?;
            docs.retain(|(d, _)| excluded.binary_search(d).is_err());
        }
        found.docs = docs;
        found.clauses = clauses;
        Ok(found)
    }
}

/// Every letter as a candidate, counted from the letter table: the table's entries are
/// checked against its bytes, where the entry file's letter count is checked against nothing, so
/// a crafted count cannot make this list exhaust memory. None until the table is here.
pub(super) fn every_letter(table: Option<&[Meta]>) -> Vec<(u32, Candidate)> {
    let count = table.map_or(0, <[Meta]>::len) as u32;
    (0..count).map(|d| (d, Candidate::default())).collect()
}

impl Searcher {
    /// A word of a joined word as a clause of its own: its term, said as letters write it (what
    /// a hit that lacks it says it misses).
    fn part_clause(&self, term: &str) -> Clause {
        let written = self
            .index
            .lookup(term)
            .and_then(|at| self.index.term(at).surfaces.first().cloned());
        let surface = written.unwrap_or_else(|| term.to_string());
        Clause::Term {
            term: term.to_string(),
            word: crate::analyze::fold(&surface),
            surface,
            prefix: false,
        }
    }
}
