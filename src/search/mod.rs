//! Search: a query against a loaded [`Index`], ranked by BM25, with excerpts for the hits shown.
//!
//! Every positive clause must match. A word clause matches through its [`expand`]ed terms
//! (itself, prefixes while typing, typos when nothing else matches) and scores its best one; a
//! phrase clause scores how often its words stand together. Occurrences inside compounds count
//! [`PART_WEIGHT`], occurrences in headings [`HEADING_BONUS`] more, stop words weigh
//! [`STOP_WORD_WEIGHT`]. A letter's score is the sum over clauses; then the best
//! [`EXACT_WINDOW`] letters gain up to [`EXACT_BONUS`] for holding the words exactly as typed.

mod candidates;
mod excerpt;
mod expand;
mod facets;
mod levenshtein;
mod matches;
mod meet;
mod options;
mod order;
mod phrase;
mod query;
mod range;
mod reader;
mod score;
mod shown;
mod sort;
mod spans;

pub use facets::{FacetValue, Facets};
pub use options::{DEFAULT_LIMIT, FacetCount, Field, Filters, Group, SearchOptions, Sort};
pub use query::{Clause, Query};
pub use shown::{About, Hit, Reading, SectionRef};

use crate::analyze::{Analyzer, lowercase};
use crate::answer::Answer;
use crate::error::{Error, OptionName, Result};
use crate::index::{Ask, Index};
use crate::say::cat;
use candidates::{Found, every_letter};
use matches::clause_of;
use meet::Candidate;
use order::place;
use serde::Serialize;

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
    /// No letter has every word of the query: the hits are the letters with most of them, each
    /// saying which it misses.
    pub partial: bool,
    /// What else the query was searched as: `{from: "georgisch", to: "georgië", why:
    /// "derivation"}`, and typos corrected (`why: "typo"`).
    pub expanded: Vec<Expanded>,
    /// Some files of the index could not be fetched: the answer is what the others give (hits
    /// whose letters could not be loaded are left out).
    pub incomplete: bool,
    /// The query was longer than [`query::MAX_QUERY_CHARS`]: only its start was searched, and
    /// `query` is that start.
    pub cut: bool,
    /// While hits wait for their letter files: each such hit as the letter table tells it (id,
    /// title, date; no excerpt) with its place among the hits; `None` when one cannot be told.
    /// Not part of an answer: [`Searcher::search_with`] makes it the answer's preview.
    #[serde(skip)]
    pub preview: Option<Vec<(usize, Hit)>>,
}

/// An index and the analyzer its questions are read with. Each question asks the index
/// afresh ([`Index::ask`]) and passes that record of what it lacked to each step by `&mut`.
pub struct Searcher {
    index: Index,
    analyzer: Analyzer,
}

/// One word a query word was searched as besides itself, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Expanded {
    pub from: String,
    pub to: String,
    pub why: &'static str,
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

    /// Searches. A blank query browses: it lists every letter that passes the filters, newest
    /// first unless another order is asked (by its title and date where the letter table keeps
    /// them, so a small archive's view fetches no letter); with a limit of 0 it only counts the
    /// facets, and fetches the table only for them. [`Answer::Need`] when
    /// files of the index must be fetched first; its preview, when the ranking is final and
    /// only letter files are to come (in an index whose letter table keeps titles, and is here),
    /// is the answer with the hits in their final order, those whose letters are not here shown
    /// by id, title and date, without excerpts.
    pub fn search_with(
        &self,
        text: &str,
        options: &SearchOptions,
    ) -> Result<Answer<SearchResults>> {
        let mut ask = self.index.ask();
        let mut answer = match self.answer(&mut ask, text, options) {
            Ok(answer) => answer,
            Err(e) => return ask.failed(e),
        };
        answer.incomplete = !ask.waiting() && ask.lacked();
        Ok(ask.answer(answer, |mut a| {
            for (at, hit) in a.preview.take()? {
                a.hits.insert(at, hit);
            }
            Some(a)
        }))
    }

    /// The caller could not fetch the file `name`: answer without it, and say so.
    pub fn unavailable(&mut self, name: &str) {
        self.index.unavailable(name);
    }

    /// Tries the files that could not be fetched again, from the next question on.
    pub fn retry(&mut self) {
        self.index.retry();
    }

    fn answer(
        &self,
        ask: &mut Ask<'_>,
        text: &str,
        options: &SearchOptions,
    ) -> Result<SearchResults> {
        let (text, cut) = query::cut(text);
        let query = Query::parse(text, &self.analyzer);
        let blank = text.trim().is_empty();
        let filtered = !options.filters.is_empty();
        // A blank query browses the archive: every letter that passes the filters, newest first
        // unless another order is asked for.
        let sort = match options.sort {
            Sort::Relevance if blank => Sort::DateDescending,
            sort => sort,
        };
        let found = if blank {
            // Every letter, to list, filter or count; with none of these asked, the table is
            // read only if it is here.
            let table = if filtered || options.facets == FacetCount::Always || options.limit > 0 {
                ask.table()
            } else {
                self.index.table()
            };
            Found {
                docs: every_letter(table),
                ..Found::default()
            }
        } else {
            self.candidates(ask, &query)?
        };
        // The letter table is fetched only when something reads it.
        // A query that names a kind of letter reads the kinds from the table.
        let named = order::kind_named(&found.clauses);
        let table = if options.facets == FacetCount::Always
            || filtered
            || sort != Sort::Relevance
            || named.is_some()
        {
            ask.table()
        } else {
            self.index.table()
        };
        // A filter on a field no letter has matches nothing for a reason the caller should hear.
        if let Some(name) = table.and_then(|t| options.filters.unknown(t)) {
            return Err(Error::BadOption {
                option: OptionName::Field,
                value: name.into(),
            });
        }
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
            partial,
            words,
            expanded,
            clauses,
            weights,
        } = found;
        let passing: Vec<(u32, Candidate)> = match table {
            _ if !filtered => docs,
            Some(t) => docs
                .into_iter()
                .filter(|(d, _)| options.filters.accepts(&t[*d as usize]))
                .collect(),
            None => Vec::new(),
        };
        let ranked = self.order(&clauses, passing, sort, table, named);
        let total = ranked.len();
        let clause_of = clause_of(&terms);
        // The first `limit` hits; grouped, a letter of a meeting a hit above is about joins that
        // hit, and the next letter takes its place (its file fetched in the next round).
        let mut hits: Vec<Hit> = Vec::new();
        let mut waiting = 0;
        // Grouped, which letters join a hit above is in their files: no preview.
        let mut preview = (options.group == Group::None).then(Vec::new);
        // While term chunks, positions or the table are still to come, the ranking may change
        // with them (a word's see-also, `oekraine` -> `ukraine`, is found in the chunk of the
        // word): letters fetched now for the hits as they stand would often be the wrong ones,
        // and on a slow link they hold up the connections the right ones need.
        let ranked = if ask.waiting() { Vec::new() } else { ranked };
        for (doc, c) in ranked {
            if hits.len() + waiting >= options.limit {
                break;
            }
            // Browsing, a letter the table titles is listed by its title and date: the view
            // of a whole archive fetches the table, not its letters.
            if blank && let Some(hit) = self.preview_hit(doc, c.score, Vec::new()) {
                place(hit, &mut hits, options.group);
                continue;
            }
            let missing = missing_words(&words, c.missing);
            let at = hits.len() + waiting;
            let (score, lacks) = (c.score, c.missing);
            match self.hit(ask, doc, c, &clause_of, &weights, missing) {
                // Its file is not here yet: it keeps its place until the next round.
                None => {
                    waiting += 1;
                    preview = preview.and_then(|mut p| {
                        let missing = missing_words(&words, lacks);
                        p.push((at, self.preview_hit(doc, score, missing)?));
                        Some(p)
                    });
                }
                Some(hit) => place(hit, &mut hits, options.group),
            }
        }
        Ok(SearchResults {
            query: text.to_string(),
            total,
            hits,
            facets,
            suggestion: suggest(text, &corrections),
            partial,
            expanded,
            incomplete: false,
            cut,
            // Only hits waiting for their letters make a preview: none while the ranking itself
            // still waits for a term chunk (no hits yet), or when every letter is here.
            preview: preview.filter(|p| !p.is_empty()),
        })
    }

    /// The letter `id` as HTML, with the words `query` matched in it marked; `None` when the index
    /// holds no such letter. [`Answer::Need`] when files of the index must be fetched first.
    pub fn read(&self, id: &str, query: &str) -> Result<Answer<Option<Reading>>> {
        let mut ask = self.index.ask();
        // Marked as the search that found it searched: the same start of a long query.
        let mut reading = match self.read_letter(&mut ask, id, query::cut(query).0) {
            Ok(reading) => reading,
            Err(e) => return ask.failed(e),
        };
        if !ask.waiting() {
            let lacked = ask.lacked();
            match &mut reading {
                Some(r) => r.incomplete = lacked,
                // Not "no such letter": its file, or the id list, could not be fetched.
                None if lacked => return Err(Error::Unavailable { id: id.to_string() }),
                None => {}
            }
        }
        Ok(ask.answer(reading, |_| None))
    }

    fn read_letter(&self, ask: &mut Ask<'_>, id: &str, query: &str) -> Result<Option<Reading>> {
        let Some(doc) = ask.number_of(id) else {
            return Ok(None);
        };
        let parsed = Query::parse(query, &self.analyzer);
        let mut found = self.candidates(ask, &parsed)?;
        let Some(letter) = ask.letter(doc) else {
            return Ok(None);
        };
        // A letter the query does not match has nothing marked.
        let (terms, phrases) = match found.docs.binary_search_by_key(&doc, |(d, _)| *d) {
            Ok(i) => (found.terms, found.docs.swap_remove(i).1.matches),
            Err(_) => (Vec::new(), Vec::new()),
        };
        let matches = self.all_matches(letter, &clause_of(&terms), phrases);
        Ok(Some(shown::reading(&letter.document, &matches)))
    }
}

/// The words of the clauses whose bits are set in `mask`.
fn missing_words(words: &[String], mask: u32) -> Vec<String> {
    (0..words.len().min(32))
        .filter(|&i| mask >> i & 1 == 1)
        .map(|i| words[i].clone())
        .collect()
}

/// The query with each corrected word replaced, or `None` when nothing was corrected.
fn suggest(text: &str, corrections: &[(String, String)]) -> Option<String> {
    if corrections.is_empty() {
        return None;
    }
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            let edge = |c: char| !c.is_alphanumeric();
            let bare = lowercase(w.trim_matches(edge));
            // The word between its punctuation, replaced (no substring search in the wasm).
            let start = w.len() - w.trim_start_matches(edge).len();
            let end = w.trim_end_matches(edge).len().max(start);
            match corrections.iter().find(|(typed, _)| *typed == bare) {
                Some((_, written)) => {
                    let (head, tail) = (w.get(..start).unwrap_or(""), w.get(end..).unwrap_or(""));
                    cat!(lowercase(head), written, lowercase(tail))
                }
                None => w.to_string(),
            }
        })
        .collect();
    Some(words.join(" "))
}

#[cfg(test)]
mod tests;
