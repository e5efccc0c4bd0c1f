//! Search: a query against a loaded [`Index`], ranked by BM25, with excerpts for the hits shown.
//!
//! Every positive clause must match. A word clause matches through its [`expand`]ed terms
//! (itself, prefixes while typing, typos when nothing else matches) and scores its best one; a
//! phrase clause scores how often its words stand together. Occurrences inside compounds count
//! [`PART_WEIGHT`], occurrences in headings [`HEADING_BONUS`] more, stop words weigh
//! [`STOP_WORD_WEIGHT`]. A letter's score is the sum over clauses; then the best
//! [`EXACT_WINDOW`] letters gain up to [`EXACT_BONUS`] for holding the words exactly as typed.

mod bm25;
mod excerpt;
mod expand;
mod phrase;
mod query;

pub use query::{Clause, Query};

use crate::analyze::{Analyzer, Token, fold, is_stop_word};
use crate::build::Posting;
use crate::error::Result;
use crate::index::Index;
use expand::Expansion;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// An occurrence inside a compound (`afweer` in `luchtafweer`) counts this much of a word.
pub const PART_WEIGHT: f32 = 0.5;
/// Stop words stay searchable (phrases need them) but weigh this much.
pub const STOP_WORD_WEIGHT: f32 = 0.1;
/// An occurrence in a heading counts this much more than one in running text.
pub const HEADING_BONUS: f32 = 1.0;
/// A letter holding every query word exactly as typed (diacritics, inflection) scores this much
/// more; letters holding some of them, that share of it.
pub const EXACT_BONUS: f32 = 0.2;
/// How many of the best letters are checked for exact words: a fixed number, so that the order
/// of the first hits does not depend on how many are asked for.
pub const EXACT_WINDOW: usize = 50;

/// The answer to one query: what the CLI prints as JSON and the wasm module hands to the page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    pub query: String,
    /// Letters that match, of which `hits` are the best `limit`.
    pub total: usize,
    pub hits: Vec<Hit>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub id: String,
    pub title: String,
    pub score: f32,
    /// HTML: escaped text with `<mark>`ed matches.
    pub excerpt: String,
}

pub struct Searcher {
    index: Index,
    analyzer: Analyzer,
}

/// What a query matched, for highlighting: index terms, and words that compounds contain.
#[derive(Default)]
struct Matched {
    terms: HashSet<String>,
    words: Vec<String>,
}

/// Compound words are marked when they contain a query word at least this long.
const MIN_MARKED_PART: usize = 4;

impl Searcher {
    pub fn new(index: Index) -> Self {
        Searcher {
            index,
            analyzer: Analyzer::new(),
        }
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    pub fn search(&self, text: &str, limit: usize) -> Result<SearchResults> {
        let query = Query::parse(text, &self.analyzer);
        let mut matched = Matched::default();
        let mut ranked = self.rank(&query, &mut matched)?;
        let total = ranked.len();
        ranked.truncate(limit);
        let hits = ranked
            .into_iter()
            .map(|(doc, score)| self.hit(doc, score, &matched))
            .collect();
        Ok(SearchResults {
            query: text.to_string(),
            total,
            hits,
        })
    }

    /// Letters that satisfy the query, best first; ties keep letter order.
    fn rank(&self, query: &Query, matched: &mut Matched) -> Result<Vec<(u32, f32)>> {
        if query.must.is_empty() && query.must_not.is_empty() {
            return Ok(Vec::new());
        }
        let mut total: Option<HashMap<u32, f32>> = None;
        for clause in &query.must {
            let scores = self.score_clause(clause, matched)?;
            total = Some(match total {
                None => scores,
                Some(mut acc) => {
                    acc.retain(|doc, _| scores.contains_key(doc));
                    acc.iter_mut().for_each(|(doc, s)| *s += scores[doc]);
                    acc
                }
            });
        }
        // Only exclusions: every letter is a candidate, in letter order.
        let mut scores = total.unwrap_or_else(|| {
            (0..self.index.docs().len() as u32)
                .map(|d| (d, 0.0))
                .collect()
        });
        for clause in &query.must_not {
            for doc in self.docs_matching(clause)? {
                scores.remove(&doc);
            }
        }
        let mut ranked: Vec<(u32, f32)> = scores.into_iter().collect();
        let order = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        ranked.sort_by(order);
        let window = ranked.len().min(EXACT_WINDOW);
        for (doc, score) in &mut ranked[..window] {
            *score *= 1.0 + EXACT_BONUS * self.exact_share(query, *doc);
        }
        ranked[..window].sort_by(order);
        Ok(ranked)
    }

    /// The share of the query's words that `doc` holds exactly as typed.
    fn exact_share(&self, query: &Query, doc: u32) -> f32 {
        let surfaces: Vec<&str> = query
            .must
            .iter()
            .filter_map(|c| match c {
                Clause::Term { surface, .. } => Some(surface.as_str()),
                Clause::Phrase { .. } => None,
            })
            .collect();
        if surfaces.is_empty() {
            return 0.0;
        }
        let body = &self.index.docs()[doc as usize].body;
        let mut found = vec![false; surfaces.len()];
        for w in crate::analyze::words(body) {
            let word = body[w.start..w.end].to_lowercase();
            for (i, s) in surfaces.iter().enumerate() {
                found[i] |= word == *s;
            }
        }
        found.iter().filter(|f| **f).count() as f32 / surfaces.len() as f32
    }

    /// Each matching letter's score for one clause.
    fn score_clause(&self, clause: &Clause, matched: &mut Matched) -> Result<HashMap<u32, f32>> {
        match clause {
            Clause::Term {
                term, word, prefix, ..
            } => {
                let mut expansions: Vec<Expansion> =
                    expand::exact(&self.index, term).into_iter().collect();
                if *prefix {
                    expansions.extend(expand::prefixed(&self.index, word, term)?);
                }
                if expansions.is_empty() {
                    let edits = expand::allowed_edits(word.chars().count());
                    expansions = expand::fuzzy(&self.index, term, edits);
                }
                let weight = if is_stop_word(word) {
                    STOP_WORD_WEIGHT
                } else {
                    1.0
                };
                let mut scores: HashMap<u32, f32> = HashMap::new();
                for e in &expansions {
                    let postings = self.index.postings_at(e.offset)?;
                    let idf = bm25::idf(self.index.docs().len(), postings.len());
                    for p in &postings {
                        let tf = p.whole as f32
                            + PART_WEIGHT * (p.positions.len() as u32 - p.whole) as f32;
                        let s = weight * e.weight * idf * self.tf_weight(tf, p.doc);
                        let best = scores.entry(p.doc).or_insert(0.0);
                        *best = best.max(s);
                    }
                    matched.terms.insert(e.term.clone());
                }
                if word.chars().count() >= MIN_MARKED_PART && !expansions.is_empty() {
                    matched.words.push(word.clone());
                }
                Ok(scores)
            }
            Clause::Phrase { terms } => {
                let counts = self.phrase_counts(terms)?;
                let idf = bm25::idf(self.index.docs().len(), counts.len());
                let stop = terms.iter().all(|t| is_stop_word(t));
                let weight = if stop { STOP_WORD_WEIGHT } else { 1.0 };
                matched.terms.extend(terms.iter().cloned());
                Ok(counts
                    .into_iter()
                    .map(|(doc, n)| {
                        (
                            doc,
                            weight * terms.len() as f32 * idf * self.tf_weight(n as f32, doc),
                        )
                    })
                    .collect())
            }
        }
    }

    fn tf_weight(&self, tf: f32, doc: u32) -> f32 {
        let len = self.index.docs()[doc as usize].length;
        bm25::tf_weight(tf, len, self.index.avg_length())
    }

    /// Letters holding the clause as such: no prefixes, no typos (for exclusions).
    fn docs_matching(&self, clause: &Clause) -> Result<Vec<u32>> {
        Ok(match clause {
            Clause::Term { term, .. } => self.index.postings(term)?.iter().map(|p| p.doc).collect(),
            Clause::Phrase { terms } => self.phrase_counts(terms)?.into_keys().collect(),
        })
    }

    /// Per letter, how often the phrase occurs.
    fn phrase_counts(&self, terms: &[String]) -> Result<HashMap<u32, u32>> {
        let lists: Vec<Vec<Posting>> = terms
            .iter()
            .map(|t| self.index.postings(t))
            .collect::<Result<_>>()?;
        let mut by_doc: HashMap<u32, Vec<&[u32]>> = HashMap::new();
        for list in &lists {
            for p in list {
                by_doc.entry(p.doc).or_default().push(&p.positions);
            }
        }
        // A letter missing a term has fewer lists than terms; a repeated term's list repeats.
        let by_term: Vec<HashMap<u32, &[u32]>> = lists
            .iter()
            .map(|list| {
                list.iter()
                    .map(|p| (p.doc, p.positions.as_slice()))
                    .collect()
            })
            .collect();
        let mut counts = HashMap::new();
        for doc in by_doc.keys() {
            let positions: Option<Vec<&[u32]>> =
                by_term.iter().map(|m| m.get(doc).copied()).collect();
            if let Some(positions) = positions {
                let n = phrase::count(&positions);
                if n > 0 {
                    counts.insert(*doc, n);
                }
            }
        }
        Ok(counts)
    }

    fn hit(&self, doc: u32, score: f32, matched: &Matched) -> Hit {
        let d = &self.index.docs()[doc as usize];
        let tokens = self.analyzer.analyze(&d.body);
        let is_match = |t: &Token| {
            matched.terms.contains(&t.term) || {
                let folded = fold(&d.body[t.start..t.end]);
                matched
                    .words
                    .iter()
                    .any(|w| folded.len() > w.len() && folded.contains(w.as_str()))
            }
        };
        Hit {
            id: d.id.clone(),
            title: d.title.clone(),
            score,
            excerpt: excerpt::excerpt(&d.body, &tokens, &is_match),
        }
    }
}

#[cfg(test)]
mod tests;
