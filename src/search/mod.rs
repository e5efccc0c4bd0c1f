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
mod facets;
mod levenshtein;
mod options;
mod phrase;
mod query;
mod reader;

pub use facets::{FacetValue, Facets};
pub use options::{DEFAULT_LIMIT, Field, Filters, SearchOptions, Sort};
pub use query::{Clause, Query};

use crate::analyze::{Analyzer, Word, is_stop_word, lowercase, words};
use crate::build::Posting;
use crate::doc::sections::anchors;
use crate::error::Result;
use crate::index::Index;
use crate::meta::{Kind, Meeting, Precision};
use excerpt::Match;
use expand::Expansion;
use serde::Serialize;
use std::collections::HashMap;

/// An occurrence inside a compound (`afweer` in `luchtafweer`) counts this much of a word.
pub const PART_WEIGHT: f32 = 0.5;
/// Stop words stay searchable (phrases need them) but weigh this much.
pub const STOP_WORD_WEIGHT: f32 = 0.1;
/// An occurrence in a heading counts this much more than one in running text.
pub const HEADING_BONUS: f32 = 1.0;
/// A letter holding every query word exactly as typed (diacritics, inflection) scores this much
/// more; letters holding some of them, that share of it.
pub const EXACT_BONUS: f32 = 0.2;
/// The share that a word's other expansions (a prefix's other completions) add to its best.
pub const EXPANSION_BREADTH: f32 = 0.2;
/// How many of the best letters are checked for exact words: a fixed number, so that the order
/// of the first hits does not depend on how many are asked for.
pub const EXACT_WINDOW: usize = 50;

/// The answer to one query: what the CLI prints as JSON and the wasm module hands to the page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    pub query: String,
    /// Letters that match the query and the filters, of which `hits` are the first `limit`.
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Per filter field, the values of the letters that match the query, with counts.
    pub facets: Facets,
    /// The query with its typos corrected, when a word matched only through typo tolerance:
    /// `oekraene` -> `oekraïne` (the word as a letter writes it).
    pub suggestion: Option<String>,
}

/// A whole letter, for reading, with the words a query matched marked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reading {
    pub id: String,
    pub title: String,
    /// Escaped HTML: `<h3 id=anchor>` headings, `<p>` paragraphs, `<mark data-match=n>` matches.
    pub html: String,
    /// How many words are marked.
    pub matches: usize,
    pub sections: Vec<SectionRef>,
    pub date: Option<String>,
    pub date_precision: Option<Precision>,
    pub kind: Option<Kind>,
    pub minister: Option<String>,
    pub meeting: Option<Meeting>,
    pub kamerstuk: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub id: String,
    pub title: String,
    pub score: f32,
    /// HTML: escaped text with `<mark>`ed matches.
    pub excerpt: String,
    pub date: Option<String>,
    pub date_precision: Option<Precision>,
    pub kind: Option<Kind>,
    pub minister: Option<String>,
    pub meeting: Option<Meeting>,
    /// The section the excerpt comes from, when it is under a heading.
    pub section: Option<SectionRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionRef {
    pub heading: String,
    /// The section's anchor in the letter (`afschrikking-en-verdediging`).
    pub anchor: String,
}

pub struct Searcher {
    index: Index,
    analyzer: Analyzer,
}

/// A letter that matches: its score so far and the words that matched, by position and clause.
#[derive(Default)]
struct Candidate {
    score: f32,
    matches: Vec<Match>,
    /// The letter's words, once tokenized for the exact-match check; the excerpt reuses them.
    words: Option<Vec<Word>>,
}

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

    /// Searches with the default options, for the first `limit` hits.
    pub fn search(&self, text: &str, limit: usize) -> Result<SearchResults> {
        let options = SearchOptions {
            limit,
            ..SearchOptions::default()
        };
        self.search_with(text, &options)
    }

    /// Searches. A blank query with filters lists every letter that passes them; a blank query
    /// without filters lists nothing, but its facets count every letter.
    pub fn search_with(&self, text: &str, options: &SearchOptions) -> Result<SearchResults> {
        let query = Query::parse(text, &self.analyzer);
        let docs = self.index.docs();
        let blank = text.trim().is_empty();
        let (found, corrections) = if blank {
            let all = (0..docs.len() as u32).map(|d| (d, Candidate::default()));
            (all.collect(), Vec::new())
        } else {
            self.candidates(&query)?
        };
        let matching: Vec<u32> = found.keys().copied().collect();
        let facets = facets::count(docs, &matching, &options.filters);
        let passing: Vec<(u32, Candidate)> = if blank && options.filters.is_empty() {
            Vec::new()
        } else {
            found
                .into_iter()
                .filter(|(d, _)| options.filters.accepts(&docs[*d as usize].meta, None))
                .collect()
        };
        let mut ranked = self.order(&query, passing, options.sort);
        let total = ranked.len();
        ranked.truncate(options.limit);
        let hits = ranked
            .into_iter()
            .map(|(doc, candidate)| self.hit(doc, candidate))
            .collect();
        Ok(SearchResults {
            query: text.to_string(),
            total,
            hits,
            facets,
            suggestion: suggest(text, &corrections),
        })
    }

    /// Letters that satisfy the query, with their scores and matches; and the typo corrections
    /// made, as (the word typed, the word a letter writes).
    fn candidates(&self, query: &Query) -> Result<Found> {
        let mut corrections = Vec::new();
        if query.must.is_empty() && query.must_not.is_empty() {
            return Ok((HashMap::new(), corrections));
        }
        let mut found: Option<HashMap<u32, Candidate>> = None;
        for (i, clause) in query.must.iter().enumerate() {
            let (scores, correction) = self.score_clause(clause)?;
            corrections.extend(correction);
            let mut next = HashMap::with_capacity(scores.len());
            for (doc, (score, positions)) in scores {
                let mut candidate = match found.as_mut() {
                    None => Candidate::default(),
                    Some(acc) => match acc.remove(&doc) {
                        Some(c) => c,
                        None => continue,
                    },
                };
                candidate.score += score;
                candidate
                    .matches
                    .extend(positions.into_iter().map(|p| (p, i as u16)));
                next.insert(doc, candidate);
            }
            found = Some(next);
        }
        // Only exclusions: every letter is a candidate, in letter order.
        let mut found = found.unwrap_or_else(|| {
            (0..self.index.docs().len() as u32)
                .map(|d| (d, Candidate::default()))
                .collect()
        });
        for clause in &query.must_not {
            for doc in self.docs_matching(clause)? {
                found.remove(&doc);
            }
        }
        Ok((found, corrections))
    }

    /// The letter `id` as HTML, with the words `query` matched in it marked; `None` when the index
    /// holds no such letter.
    pub fn read(&self, id: &str, query: &str) -> Result<Option<Reading>> {
        let docs = self.index.docs();
        let Some(doc) = docs.iter().position(|d| d.id == id) else {
            return Ok(None);
        };
        let parsed = Query::parse(query, &self.analyzer);
        let (mut found, _) = self.candidates(&parsed)?;
        let mut matches = found
            .remove(&(doc as u32))
            .map(|c| c.matches)
            .unwrap_or_default();
        matches.sort_unstable();
        matches.dedup_by_key(|m| m.0);
        let d = &docs[doc];
        let (html, marks) = reader::render(d, &matches);
        let sections = d
            .sections
            .iter()
            .zip(anchors(&d.sections))
            .map(|(s, anchor)| SectionRef {
                heading: s.heading.clone(),
                anchor,
            })
            .collect();
        let meta = d.meta.clone();
        Ok(Some(Reading {
            id: d.id.clone(),
            title: d.title.clone(),
            html,
            matches: marks,
            sections,
            date: meta.date,
            date_precision: meta.date_precision,
            kind: meta.kind,
            minister: meta.minister,
            meeting: meta.meeting,
            kamerstuk: meta.kamerstuk,
        }))
    }

    /// Best first (ties keep letter order), with the exact-match bonus; then by date if asked,
    /// keeping relevance order between letters of one date and undated letters last.
    fn order(
        &self,
        query: &Query,
        mut ranked: Vec<(u32, Candidate)>,
        sort: Sort,
    ) -> Vec<(u32, Candidate)> {
        // One comparator type for every sort of the ranking: each closure type would add a copy of
        // the sort to the wasm.
        let docs = self.index.docs();
        let compare = |mode: Sort| {
            move |a: &(u32, Candidate), b: &(u32, Candidate)| {
                let by_score = b.1.score.total_cmp(&a.1.score).then(a.0.cmp(&b.0));
                let (da, db) = (
                    docs[a.0 as usize].meta.date.as_deref(),
                    docs[b.0 as usize].meta.date.as_deref(),
                );
                // Undated letters come last in either date order.
                let undated_last = da.is_none().cmp(&db.is_none());
                match mode {
                    Sort::Relevance => by_score,
                    Sort::Date => undated_last.then(da.cmp(&db)).then(by_score),
                    Sort::DateDescending => undated_last.then(db.cmp(&da)).then(by_score),
                }
            }
        };
        ranked.sort_unstable_by(compare(Sort::Relevance));
        let window = ranked.len().min(EXACT_WINDOW);
        for (doc, candidate) in &mut ranked[..window] {
            let words: Vec<Word> = words(&docs[*doc as usize].body).collect();
            let share = self.exact_share(query, *doc, candidate, &words);
            candidate.score *= 1.0 + EXACT_BONUS * share;
            candidate.words = Some(words);
        }
        match sort {
            Sort::Relevance => ranked[..window].sort_unstable_by(compare(sort)),
            _ => ranked.sort_unstable_by(compare(sort)),
        }
        for (_, candidate) in &mut ranked {
            candidate.matches.sort_unstable();
            candidate.matches.dedup_by_key(|m| m.0);
        }
        ranked
    }

    /// The share of the query's words that `doc` holds exactly as typed, where they matched.
    fn exact_share(&self, query: &Query, doc: u32, candidate: &Candidate, words: &[Word]) -> f32 {
        let surfaces: Vec<(u16, &str)> = query
            .must
            .iter()
            .enumerate()
            .filter_map(|(i, c)| match c {
                Clause::Term { surface, .. } => Some((i as u16, surface.as_str())),
                Clause::Phrase { .. } => None,
            })
            .collect();
        if surfaces.is_empty() {
            return 0.0;
        }
        let body = &self.index.docs()[doc as usize].body;
        let exact = surfaces
            .iter()
            .filter(|(clause, surface)| {
                candidate.matches.iter().any(|&(p, c)| {
                    c == *clause
                        && words
                            .get(p as usize)
                            .is_some_and(|w| lowercase(&body[w.start..w.end]) == *surface)
                })
            })
            .count();
        exact as f32 / surfaces.len() as f32
    }

    /// Each matching letter's score for one clause and the positions that matched; and, when
    /// the clause matched through a typo, the word typed and the word the nearest term stands for.
    fn score_clause(&self, clause: &Clause) -> Result<(ClauseScores, Option<(String, String)>)> {
        match clause {
            Clause::Term {
                term,
                word,
                prefix,
                surface,
            } => {
                let mut expansions: Vec<Expansion> =
                    expand::exact(&self.index, term).into_iter().collect();
                if *prefix {
                    expansions.extend(expand::prefixed(&self.index, word, term)?);
                }
                // Typos: one edit first, two only when one finds nothing (and the word is long).
                let max_edits = expand::allowed_edits(word.chars().count());
                let mut correction = None;
                for edits in 1..=max_edits {
                    if !expansions.is_empty() {
                        break;
                    }
                    expansions = expand::fuzzy(&self.index, term, edits)?;
                    if let Some(nearest) = expansions.first() {
                        correction = self
                            .written_form(nearest.offset)?
                            .map(|w| (surface.clone(), w));
                    }
                }
                let weight = if is_stop_word(word) {
                    STOP_WORD_WEIGHT
                } else {
                    1.0
                };
                // Per letter: the best expansion's score, the sum of all, the positions matched.
                let mut found: HashMap<u32, (f32, f32, Vec<u32>)> = HashMap::new();
                for e in &expansions {
                    let postings = self.index.postings_at(e.offset)?;
                    let idf = bm25::idf(self.index.docs().len(), postings.len());
                    for p in postings {
                        let doc = &self.index.docs()[p.doc as usize];
                        let parts = (p.positions.len() as u32 - p.whole) as f32;
                        let headed = p.positions.iter().filter(|&&q| doc.in_heading(q)).count();
                        let tf =
                            p.whole as f32 + PART_WEIGHT * parts + HEADING_BONUS * headed as f32;
                        let s = weight * e.weight * idf * self.tf_weight(tf, p.doc);
                        let entry = found.entry(p.doc).or_default();
                        entry.0 = entry.0.max(s);
                        entry.1 += s;
                        entry.2.extend(p.positions);
                    }
                }
                // The best expansion counts whole; the others (a prefix's other words) add a
                // share, so a letter using several `lucht-` words outranks one using one.
                let scores = found
                    .into_iter()
                    .map(|(doc, (best, sum, positions))| {
                        (doc, (best + EXPANSION_BREADTH * (sum - best), positions))
                    })
                    .collect();
                Ok((scores, correction))
            }
            Clause::Phrase { terms } => {
                let starts = self.phrase_starts(terms)?;
                let idf = bm25::idf(self.index.docs().len(), starts.len());
                let stop = terms.iter().all(|t| is_stop_word(t));
                let weight = if stop { STOP_WORD_WEIGHT } else { 1.0 };
                let len = terms.len() as u32;
                let scores = starts
                    .into_iter()
                    .map(|(doc, starts)| {
                        let tf = starts.len() as f32;
                        let score = weight * len as f32 * idf * self.tf_weight(tf, doc);
                        let positions = starts.iter().flat_map(|&p| p..p + len).collect();
                        (doc, (score, positions))
                    })
                    .collect();
                Ok((scores, None))
            }
        }
    }

    /// How the first letter holding the term at `offset` writes it (lowercased): `oekraïne`.
    fn written_form(&self, offset: u64) -> Result<Option<String>> {
        let postings = self.index.postings_at(offset)?;
        let Some(p) = postings.first() else {
            return Ok(None);
        };
        let body = &self.index.docs()[p.doc as usize].body;
        let position = p.positions.first().copied().unwrap_or(0) as usize;
        Ok(words(body)
            .nth(position)
            .map(|w| lowercase(&body[w.start..w.end])))
    }

    fn tf_weight(&self, tf: f32, doc: u32) -> f32 {
        let len = self.index.docs()[doc as usize].length;
        bm25::tf_weight(tf, len, self.index.avg_length())
    }

    /// Letters holding the clause as such: no prefixes, no typos (for exclusions).
    fn docs_matching(&self, clause: &Clause) -> Result<Vec<u32>> {
        Ok(match clause {
            Clause::Term { term, .. } => self.index.postings(term)?.iter().map(|p| p.doc).collect(),
            Clause::Phrase { terms } => self.phrase_starts(terms)?.into_keys().collect(),
        })
    }

    /// Per letter, where the phrase starts.
    fn phrase_starts(&self, terms: &[String]) -> Result<HashMap<u32, Vec<u32>>> {
        let lists: Vec<Vec<Posting>> = terms
            .iter()
            .map(|t| self.index.postings(t))
            .collect::<Result<_>>()?;
        let by_term: Vec<HashMap<u32, &[u32]>> = lists
            .iter()
            .map(|list| {
                list.iter()
                    .map(|p| (p.doc, p.positions.as_slice()))
                    .collect()
            })
            .collect();
        let mut found = HashMap::new();
        let Some(first) = lists.first() else {
            return Ok(found);
        };
        for p in first {
            let positions: Option<Vec<&[u32]>> =
                by_term.iter().map(|m| m.get(&p.doc).copied()).collect();
            if let Some(positions) = positions {
                let starts = phrase::starts(&positions);
                if !starts.is_empty() {
                    found.insert(p.doc, starts);
                }
            }
        }
        Ok(found)
    }

    fn hit(&self, doc: u32, candidate: Candidate) -> Hit {
        let d = &self.index.docs()[doc as usize];
        let words = candidate.words.unwrap_or_else(|| words(&d.body).collect());
        let start = excerpt::best_window(words.len(), &candidate.matches);
        // The section of the excerpt's first match (or of its first word).
        let at = candidate
            .matches
            .iter()
            .map(|m| m.0)
            .find(|&p| p as usize >= start)
            .unwrap_or(start as u32);
        let section = d
            .sections
            .iter()
            .rposition(|s| s.position <= at)
            .map(|i| SectionRef {
                heading: d.sections[i].heading.clone(),
                anchor: anchors(&d.sections).swap_remove(i),
            });
        let meta = d.meta.clone();
        Hit {
            id: d.id.clone(),
            title: d.title.clone(),
            score: candidate.score,
            excerpt: excerpt::render(&d.body, &words, &candidate.matches, start),
            date: meta.date,
            date_precision: meta.date_precision,
            kind: meta.kind,
            minister: meta.minister,
            meeting: meta.meeting,
            section,
        }
    }
}

/// The letters a query matches, and its typo corrections as (word typed, word written).
type Found = (HashMap<u32, Candidate>, Vec<(String, String)>);

/// Per letter: the clause's score and the positions it matched.
type ClauseScores = HashMap<u32, (f32, Vec<u32>)>;

/// The query with each corrected word replaced, or `None` when nothing was corrected.
fn suggest(text: &str, corrections: &[(String, String)]) -> Option<String> {
    if corrections.is_empty() {
        return None;
    }
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            let bare = lowercase(w.trim_matches(|c: char| !c.is_alphanumeric()));
            match corrections.iter().find(|(typed, _)| *typed == bare) {
                Some((_, written)) => lowercase(w).replace(&bare, written),
                None => w.to_string(),
            }
        })
        .collect();
    Some(words.join(" "))
}

#[cfg(test)]
mod tests;
