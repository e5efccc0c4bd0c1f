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
mod sort;

pub use facets::{FacetValue, Facets};
pub use options::{DEFAULT_LIMIT, FacetCount, Field, Filters, SearchOptions, Sort};
pub use query::{Clause, Query};

use crate::Answer;
use crate::analyze::{Analyzer, Word, fold, is_stop_word, lowercase, words};
use crate::doc::sections::anchors;
use crate::error::{Error, Result};
use crate::format::letter::{Analysis, Letter};
use crate::format::postings::Row;
use crate::index::{Index, TermRef};
use crate::meta::{Kind, Meeting, Meta, Precision};
use excerpt::Match;
use expand::Expansion;
use serde::Serialize;
use std::collections::BTreeMap;

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
    /// Per filter field, the values of the letters that match the query, with counts; null when
    /// not asked for (the page asks after showing the hits, so they need not wait for the table).
    pub facets: Option<Facets>,
    /// The query with its typos corrected, when a word matched only through typo tolerance:
    /// `oekraene` -> `oekraïne` (the word as a letter writes it).
    pub suggestion: Option<String>,
    /// Some files of the index could not be fetched: the answer is what the others give (hits
    /// whose letters could not be loaded are left out).
    pub incomplete: bool,
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
    /// Some files could not be fetched: matches they would give (phrases) are not marked.
    pub incomplete: bool,
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

/// A letter that matches: its score so far, and what it matched.
#[derive(Default)]
struct Candidate {
    score: f32,
    /// Bit i: clause i matched a word exactly as typed.
    exact: u32,
    /// Where phrase clauses matched (word clauses are found again in the letter when shown).
    matches: Vec<Match>,
}

/// The letters a query matches, its typo corrections as (word typed, word written), and per
/// clause the terms it matched through (none for phrases), for marking them in a letter.
struct Found {
    /// By letter number, ascending. Sorted lists, not hash maps, all through the search: clauses
    /// meet by merging, and the wasm carries no hash table code (about 3 KB gzip).
    docs: Vec<(u32, Candidate)>,
    corrections: Vec<(String, String)>,
    terms: Vec<Vec<String>>,
}

/// Where a phrase stands in one letter: the letter, its length, the positions the phrase starts.
type PhraseIn = (u32, u32, Vec<u32>);

/// One clause's answer for one letter.
#[derive(Default)]
struct ClauseHit {
    score: f32,
    exact: bool,
    /// Phrase clauses only.
    positions: Vec<u32>,
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

    /// Hands over a file of the index folder that an [`Answer::Need`] named.
    pub fn supply(&mut self, name: &str, bytes: &[u8]) -> Result<()> {
        self.index.supply(name, bytes)
    }

    /// Searches with the default options, for the first `limit` hits.
    pub fn search(&self, text: &str, limit: usize) -> Result<Answer<SearchResults>> {
        let options = SearchOptions {
            limit,
            ..SearchOptions::default()
        };
        self.search_with(text, &options)
    }

    /// Searches. A blank query with filters lists every letter that passes them; a blank query
    /// without filters lists nothing, but its facets count every letter. [`Answer::Need`] when
    /// files of the index must be fetched first.
    pub fn search_with(
        &self,
        text: &str,
        options: &SearchOptions,
    ) -> Result<Answer<SearchResults>> {
        self.index.take_lacked();
        let answer = self.answer(text, options);
        if let Some(files) = self.index.take_need() {
            return Ok(Answer::Need(files));
        }
        let mut answer = answer?;
        answer.incomplete = self.index.take_lacked();
        Ok(Answer::Ready(answer))
    }

    /// The caller could not fetch the file `name`: answer without it, and say so.
    pub fn unavailable(&mut self, name: &str) {
        self.index.unavailable(name);
    }

    /// Tries the files that could not be fetched again, from the next question on.
    pub fn retry(&mut self) {
        self.index.retry();
    }

    fn answer(&self, text: &str, options: &SearchOptions) -> Result<SearchResults> {
        let query = Query::parse(text, &self.analyzer);
        let blank = text.trim().is_empty();
        let filtered = !options.filters.is_empty();
        let found = if blank {
            // Every letter, for the filters and the facets; none when neither will read them.
            let table = if filtered || options.facets == FacetCount::Always {
                self.index.table()
            } else {
                self.index.table_if_loaded()
            };
            Found {
                docs: every_letter(table),
                corrections: Vec::new(),
                terms: Vec::new(),
            }
        } else {
            self.candidates(&query)?
        };
        // The letter table is fetched only when something reads it.
        let table = if options.facets == FacetCount::Always
            || filtered
            || options.sort != Sort::Relevance
        {
            self.index.table()
        } else {
            self.index.table_if_loaded()
        };
        let facets = table
            .filter(|_| options.facets != FacetCount::Never)
            .map(|t| {
                let matching: Vec<u32> = found.docs.iter().map(|(d, _)| *d).collect();
                facets::count(t, &matching, &options.filters)
            });
        let Found {
            docs,
            corrections,
            terms,
        } = found;
        let passing: Vec<(u32, Candidate)> = match table {
            _ if blank && !filtered => Vec::new(),
            _ if !filtered => docs,
            Some(t) => docs
                .into_iter()
                .filter(|(d, _)| options.filters.accepts(&t[*d as usize], None))
                .collect(),
            None => Vec::new(),
        };
        let mut ranked = self.order(&query, passing, options.sort, table);
        let total = ranked.len();
        ranked.truncate(options.limit);
        let clause_of = clause_of(&terms);
        let hits = ranked
            .into_iter()
            .filter_map(|(doc, candidate)| self.hit(doc, candidate, &clause_of))
            .collect();
        Ok(SearchResults {
            query: text.to_string(),
            total,
            hits,
            facets,
            suggestion: suggest(text, &corrections),
            incomplete: false,
        })
    }

    /// Letters that satisfy the query, with their scores.
    fn candidates(&self, query: &Query) -> Result<Found> {
        let mut found = Found {
            docs: Vec::new(),
            corrections: Vec::new(),
            terms: Vec::new(),
        };
        if query.must.is_empty() && query.must_not.is_empty() {
            return Ok(found);
        }
        let mut docs: Option<Vec<(u32, Candidate)>> = None;
        for (i, clause) in query.must.iter().enumerate() {
            let (hits, correction, terms) = self.score_clause(clause)?;
            found.corrections.extend(correction);
            found.terms.push(terms);
            // Both lists ascend by letter: the letters in both are found by walking them once.
            let mut before = docs.take().map(|d| d.into_iter().peekable());
            let mut next = Vec::with_capacity(hits.len());
            for (doc, hit) in hits {
                let mut candidate = match before.as_mut() {
                    None => Candidate::default(),
                    Some(before) => {
                        while before.next_if(|(d, _)| *d < doc).is_some() {}
                        match before.next_if(|(d, _)| *d == doc) {
                            Some((_, c)) => c,
                            None => continue,
                        }
                    }
                };
                candidate.score += hit.score;
                if hit.exact {
                    candidate.exact |= 1u32.checked_shl(i as u32).unwrap_or(0);
                }
                let clause = i as u16;
                candidate
                    .matches
                    .extend(hit.positions.into_iter().map(|p| (p, clause)));
                next.push((doc, candidate));
            }
            docs = Some(next);
        }
        // Only exclusions: every letter is a candidate.
        let mut docs = docs.unwrap_or_else(|| every_letter(self.index.table()));
        for clause in &query.must_not {
            let excluded = self.docs_matching(clause)?;
            docs.retain(|(d, _)| excluded.binary_search(d).is_err());
        }
        found.docs = docs;
        Ok(found)
    }

    /// The letter `id` as HTML, with the words `query` matched in it marked; `None` when the index
    /// holds no such letter. [`Answer::Need`] when files of the index must be fetched first.
    pub fn read(&self, id: &str, query: &str) -> Result<Answer<Option<Reading>>> {
        self.index.take_lacked();
        let reading = self.read_letter(id, query);
        if let Some(files) = self.index.take_need() {
            return Ok(Answer::Need(files));
        }
        let mut reading = reading?;
        let lacked = self.index.take_lacked();
        match &mut reading {
            Some(r) => r.incomplete = lacked,
            // Not "no such letter": its file, or the id list, could not be fetched.
            None if lacked => return Err(Error::Unavailable { id: id.to_string() }),
            None => {}
        }
        Ok(Answer::Ready(reading))
    }

    fn read_letter(&self, id: &str, query: &str) -> Result<Option<Reading>> {
        let Some(doc) = self.index.number_of(id) else {
            return Ok(None);
        };
        let parsed = Query::parse(query, &self.analyzer);
        let mut found = self.candidates(&parsed)?;
        let Some(letter) = self.index.letter(doc) else {
            return Ok(None);
        };
        // A letter the query does not match has nothing marked.
        let (terms, phrases) = match found.docs.binary_search_by_key(&doc, |(d, _)| *d) {
            Ok(i) => (found.terms, found.docs.swap_remove(i).1.matches),
            Err(_) => (Vec::new(), Vec::new()),
        };
        let matches = self.all_matches(letter, &clause_of(&terms), phrases);
        let d = &letter.doc;
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
            incomplete: false,
        }))
    }

    /// Best first (ties keep letter order), with the exact-match bonus; then by date if asked,
    /// keeping relevance order between letters of one date and undated letters last.
    fn order(
        &self,
        query: &Query,
        mut ranked: Vec<(u32, Candidate)>,
        sort: Sort,
        table: Option<&[Meta]>,
    ) -> Vec<(u32, Candidate)> {
        let date = |doc: u32| table.and_then(|t| t[doc as usize].date.as_deref());
        // One comparator type for every sort of the ranking: each closure type would add a copy of
        // the sort to the wasm.
        let compare = |mode: Sort| {
            move |a: &(u32, Candidate), b: &(u32, Candidate)| {
                let by_score = b.1.score.total_cmp(&a.1.score).then(a.0.cmp(&b.0));
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
        sort::sort_by(&mut ranked, compare(Sort::Relevance));
        let words = query
            .must
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

    /// Each matching letter's score for one clause; when the clause matched through a typo, the
    /// word typed and the word as letters write it; and the terms it matched through.
    fn score_clause(&self, clause: &Clause) -> Result<ClauseAnswer> {
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
                    expansions.extend(expand::prefixed(&self.index, word, term));
                }
                // Typos: one edit first, two only when one finds nothing (and the word is long);
                // and only once the word's own chunks are here, or a fetch looks like a typo.
                let max_edits = expand::allowed_edits(word.chars().count());
                let mut correction = None;
                for edits in 1..=max_edits {
                    if !expansions.is_empty() || self.index.waiting() {
                        break;
                    }
                    expansions = expand::fuzzy(&self.index, term, edits);
                    if let Some(nearest) = expansions.first() {
                        correction = self
                            .index
                            .term(nearest.at)
                            .surfaces
                            .first()
                            .map(|w| (surface.clone(), w.clone()));
                    }
                }
                let weight = if is_stop_word(word) {
                    STOP_WORD_WEIGHT
                } else {
                    1.0
                };
                let n = self.index.doc_count();
                // Every expansion's score in every letter, gathered by letter below.
                let mut scores: Vec<(u32, usize, f32, bool)> = Vec::new();
                for (i, e) in expansions.iter().enumerate() {
                    let rows = self.index.rows(e.at)?;
                    let idf = bm25::idf(n, rows.len());
                    let typed = self
                        .index
                        .term(e.at)
                        .surfaces
                        .iter()
                        .position(|s| s == surface);
                    for r in rows {
                        let parts = (r.freq - r.whole) as f32;
                        let tf =
                            r.whole as f32 + PART_WEIGHT * parts + HEADING_BONUS * r.headed as f32;
                        let tf_weight = bm25::tf_weight(tf, r.length, self.index.avg_length());
                        let s = weight * e.weight * idf * tf_weight;
                        let exact = typed.is_some_and(|b| r.surfaces >> b & 1 == 1);
                        scores.push((r.doc, i, s, exact));
                    }
                }
                // By letter, then expansion: one term's rows ascend already, several interleave.
                if expansions.len() > 1 {
                    sort::sort_by(&mut scores, |a, b| (a.0, a.1).cmp(&(b.0, b.1)));
                }
                // Per letter: the best expansion's score, the sum of all, whether it is as typed.
                let mut per_letter: Vec<(u32, f32, f32, bool)> = Vec::new();
                for (doc, _, s, exact) in scores {
                    match per_letter.last_mut() {
                        Some(last) if last.0 == doc => {
                            last.1 = last.1.max(s);
                            last.2 += s;
                            last.3 |= exact;
                        }
                        _ => per_letter.push((doc, s, s, exact)),
                    }
                }
                // The best expansion counts whole; the others (a prefix's other words) add a
                // share, so a letter using several `lucht-` words outranks one using one.
                let hits = per_letter
                    .into_iter()
                    .map(|(doc, best, sum, exact)| {
                        let score = best + EXPANSION_BREADTH * (sum - best);
                        (
                            doc,
                            ClauseHit {
                                score,
                                exact,
                                positions: Vec::new(),
                            },
                        )
                    })
                    .collect();
                let terms = expansions.into_iter().map(|e| e.term).collect();
                Ok((hits, correction, terms))
            }
            Clause::Phrase { terms } => {
                let starts = self.phrase_starts(terms)?;
                let idf = bm25::idf(self.index.doc_count(), starts.len());
                let stop = terms.iter().all(|t| is_stop_word(t));
                let weight = if stop { STOP_WORD_WEIGHT } else { 1.0 };
                let len = terms.len() as u32;
                let hits = starts
                    .into_iter()
                    .map(|(doc, length, starts)| {
                        let tf = starts.len() as f32;
                        let tf_weight = bm25::tf_weight(tf, length, self.index.avg_length());
                        let score = weight * len as f32 * idf * tf_weight;
                        let positions = starts.iter().flat_map(|&p| p..p + len).collect();
                        (
                            doc,
                            ClauseHit {
                                score,
                                exact: false,
                                positions,
                            },
                        )
                    })
                    .collect();
                Ok((hits, None, Vec::new()))
            }
        }
    }

    /// Letters holding the clause as such: no prefixes, no typos (for exclusions).
    fn docs_matching(&self, clause: &Clause) -> Result<Vec<u32>> {
        Ok(match clause {
            Clause::Term { term, .. } => match self.index.lookup(term) {
                Some(at) => self.index.rows(at)?.iter().map(|r| r.doc).collect(),
                None => Vec::new(),
            },
            Clause::Phrase { terms } => self
                .phrase_starts(terms)?
                .into_iter()
                .map(|p| p.0)
                .collect(),
        })
    }

    /// Per letter (ascending), its length and where the phrase starts. Asks for every chunk and
    /// positions chunk at once, so a phrase costs one round of fetching, not one per word.
    fn phrase_starts(&self, terms: &[String]) -> Result<Vec<PhraseIn>> {
        let mut found = Vec::new();
        let at: Vec<Option<TermRef>> = terms.iter().map(|t| self.index.lookup(t)).collect();
        let Some(at) = at.into_iter().collect::<Option<Vec<TermRef>>>() else {
            return Ok(found);
        };
        let rows: Vec<Vec<Row>> = at
            .iter()
            .map(|&a| self.index.rows(a))
            .collect::<Result<_>>()?;
        let mut positions = Vec::with_capacity(at.len());
        for (&a, rows) in at.iter().zip(&rows) {
            positions.push(self.index.positions(a, rows)?);
        }
        let Some(positions) = positions.into_iter().collect::<Option<Vec<_>>>() else {
            return Ok(found);
        };
        let Some(first) = rows.first() else {
            return Ok(found);
        };
        for r in first {
            // Each term's rows ascend by letter.
            let lists: Option<Vec<&[u32]>> = rows
                .iter()
                .zip(&positions)
                .map(|(rows, lists)| {
                    let i = rows.binary_search_by_key(&r.doc, |row| row.doc).ok()?;
                    Some(lists[i].as_slice())
                })
                .collect();
            if let Some(lists) = lists {
                let starts = phrase::starts(&lists);
                if !starts.is_empty() {
                    found.push((r.doc, r.length, starts));
                }
            }
        }
        Ok(found)
    }

    /// The letter's first words (at most [`excerpt::SCAN_BYTES`] of its text), and where among
    /// them the query matched: each word whose term a clause matched through, each compound part
    /// or code of the letter likewise, and the phrases. Bounded, so an excerpt of a letter of any
    /// length costs about what one of an ordinary letter does.
    fn head_matches<'l>(
        &self,
        letter: &'l Letter,
        clause_of: &BTreeMap<&str, u16>,
        mut matches: Vec<Match>,
    ) -> (&'l [Word], Vec<Match>) {
        let body = &letter.doc.body;
        let head = letter.words.get_or_init(|| {
            let words: Vec<Word> = words(body)
                .take_while(|w| w.end <= excerpt::SCAN_BYTES)
                .collect();
            let parts = self.part_terms(letter, words.len());
            Analysis { words, parts }
        });
        matches.retain(|m| (m.0 as usize) < head.words.len());
        let found = self.matches_in(letter, clause_of, head.words.iter().copied(), &head.parts);
        matches.extend(found);
        sort::sort(&mut matches);
        matches.dedup_by_key(|m| m.0);
        (head.words.as_slice(), matches)
    }

    /// Where in the whole letter the query matched, for the reader.
    fn all_matches(
        &self,
        letter: &Letter,
        clause_of: &BTreeMap<&str, u16>,
        mut matches: Vec<Match>,
    ) -> Vec<Match> {
        let parts = self.part_terms(letter, usize::MAX);
        matches.extend(self.matches_in(letter, clause_of, words(&letter.doc.body), &parts));
        sort::sort(&mut matches);
        matches.dedup_by_key(|m| m.0);
        matches
    }

    /// The terms of the letter's compound parts at positions below `below`.
    fn part_terms(&self, letter: &Letter, below: usize) -> Vec<(u32, String)> {
        let body = &letter.doc.body;
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
        clause_of: &BTreeMap<&str, u16>,
        words: impl Iterator<Item = Word>,
        parts: &[(u32, String)],
    ) -> Vec<Match> {
        let mut matches = Vec::new();
        if clause_of.is_empty() {
            return matches;
        }
        let body = &letter.doc.body;
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
            if !heads.iter().any(agrees) {
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

    /// A hit for the letter; `None` until its file is here.
    fn hit(&self, doc: u32, candidate: Candidate, clause_of: &BTreeMap<&str, u16>) -> Option<Hit> {
        let letter = self.index.letter(doc)?;
        let d = &letter.doc;
        let (words, matches) = self.head_matches(letter, clause_of, candidate.matches);
        let start = excerpt::best_window(words.len(), &matches);
        // The section of the excerpt's first match (or of its first word).
        let at = matches
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
        Some(Hit {
            id: d.id.clone(),
            title: d.title.clone(),
            score: candidate.score,
            excerpt: excerpt::render(&d.body, words, &matches, start),
            date: meta.date,
            date_precision: meta.date_precision,
            kind: meta.kind,
            minister: meta.minister,
            meeting: meta.meeting,
            section,
        })
    }
}

/// The first `n` characters of `s` (all of a shorter one).
fn first_chars(s: &str, n: usize) -> &str {
    &s[..s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)]
}

/// Every letter as a candidate, counted from the letter table: the table's entries are
/// checked against its bytes, where the entry file's letter count is checked against nothing, so
/// a crafted count cannot make this list exhaust memory. None until the table is here.
fn every_letter(table: Option<&[Meta]>) -> Vec<(u32, Candidate)> {
    let count = table.map_or(0, <[Meta]>::len) as u32;
    (0..count).map(|d| (d, Candidate::default())).collect()
}

/// Which clause each matched term belongs to (the first, when several share it): made once per
/// query, looked up for every word of every letter shown.
fn clause_of(terms: &[Vec<String>]) -> BTreeMap<&str, u16> {
    let mut clause_of = BTreeMap::new();
    for (clause, list) in terms.iter().enumerate() {
        for t in list {
            clause_of.entry(t.as_str()).or_insert(clause as u16);
        }
    }
    clause_of
}

/// One clause's hits per letter, its typo correction, and the terms it matched through.
type ClauseAnswer = (Vec<(u32, ClauseHit)>, Option<(String, String)>, Vec<String>);

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
