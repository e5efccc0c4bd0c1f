//! One clause's score in each letter it matches. A word clause scores its best expansion (the
//! word itself, the words it is a prefix of while typing, or its typo neighbours) by BM25 over
//! the posting rows alone, with a share of the others; a phrase clause scores how often its
//! words stand together.

use super::expand::{self, Expansion};
use super::query::Clause;
use super::{
    EXPANSION_BREADTH, HEADING_BONUS, PART_WEIGHT, STOP_WORD_WEIGHT, Searcher, phrase, sort,
};
use crate::analyze::is_stop_word;
use crate::bm25;
use crate::error::Result;
use crate::format::postings::Row;
use crate::index::{Ask, TermRef};

/// A word being typed prefetches what the words it may become stand for from this many
/// characters on, for at most this many of them.
const MIN_PREFETCH_CHARS: usize = 3;
const MAX_PREFETCH_KEYS: usize = 4;

/// One clause's answer for one letter.
#[derive(Default)]
pub(super) struct ClauseHit {
    pub doc: u32,
    pub score: f32,
    /// The letter holds the word exactly as typed.
    pub exact: bool,
    /// The letter holds the word itself (as typed, a prefix, a typo's correction), not only
    /// what it stands for by the see-also table.
    pub literal: bool,
    /// Where a phrase clause matched (word clauses are found again in the letter when shown).
    pub positions: Vec<u32>,
}

/// A typo's correction: the word as typed, and as letters write the term it was taken for.
pub(super) struct Correction {
    pub typed: String,
    pub written: String,
}

/// One clause's answer: its hits by letter (ascending), its correction, the terms it matched
/// through (none for phrases), for marking them in a letter, and the other words it was searched
/// as (a country's name for its adjective), as letters write them.
pub(super) struct ClauseAnswer {
    pub hits: Vec<ClauseHit>,
    pub correction: Option<Correction>,
    pub terms: Vec<String>,
    pub also: Vec<(String, &'static str)>,
}

/// One expansion's score in one letter.
struct ExpansionScore {
    doc: u32,
    expansion: usize,
    score: f32,
    exact: bool,
    literal: bool,
}

/// A letter's scores over a word's expansions: the best, the sum of all, whether any is as typed.
struct LetterScore {
    doc: u32,
    best: f32,
    sum: f32,
    exact: bool,
    literal: bool,
}

/// Where a phrase stands in one letter: the positions it starts at.
pub(super) struct PhraseIn {
    pub doc: u32,
    /// The letter's length in words, for BM25.
    pub length: u32,
    pub starts: Vec<u32>,
}

impl Searcher {
    /// Each matching letter's score for one clause.
    pub(super) fn score_clause(&self, ask: &mut Ask<'_>, clause: &Clause) -> Result<ClauseAnswer> {
        match clause {
            Clause::Term {
                term,
                word,
                prefix,
                surface,
            } => self.score_word(ask, term, word, *prefix, surface),
            Clause::Phrase { terms, .. } => self.score_phrase(ask, terms),
        }
    }

    fn score_word(
        &self,
        ask: &mut Ask<'_>,
        term: &str,
        word: &str,
        prefix: bool,
        surface: &str,
    ) -> Result<ClauseAnswer> {
        let mut expansions: Vec<Expansion> = expand::exact(ask, term).into_iter().collect();
        if prefix {
            expansions.extend(expand::prefixed(ask, word, term));
            for e in expand::prefixed_as_written(&self.index, word, term) {
                if !expansions.iter().any(|x| x.term == e.term) {
                    expansions.push(e);
                }
            }
        }
        if prefix {
            self.prefetch_see_also(ask, term);
        }
        // What the word stands for besides itself (a country for its adjective), as letters write
        // it: reported, so a visitor sees what else was searched.
        let mut also = Vec::new();
        for (e, why) in expand::see_also(ask, term) {
            if !expansions.iter().any(|x| x.term == e.term) {
                // A term only ever inside compounds has no form of its own: its term is said.
                let written = self.index.term(e.at).surfaces.first().cloned();
                also.push((written.unwrap_or_else(|| e.term.clone()), why.name()));
                expansions.push(e);
            }
        }
        // A word no letter has may be two that letters write apart (`defensieindustrie`): searched
        // as the phrase of the two, before any typo, when they stand side by side somewhere. Not
        // when its own chunk could not be fetched: then it may well be a word of the letters.
        if expansions.is_empty()
            && !ask.waiting()
            && !self.index.lacks_chunk_of(term)
            && !is_stop_word(word)
            && let Some((terms, shown)) = expand::apart(ask, &self.analyzer, word)
        {
            let mut answer = self.score_phrase(ask, &terms)?;
            if !answer.hits.is_empty() {
                answer.also.push((shown, "apart"));
                return Ok(answer);
            }
        }
        // Typos: one edit first, two only when one finds nothing (and the word is long); and only
        // once the word's own chunks are here, or a fetch looks like a typo.
        // Edits are made to the term, so its length bounds them too: `noorse` is the term `nor`,
        // one edit from `nr`.
        let chars = word.chars().count().min(term.chars().count());
        let max_edits = expand::allowed_edits(chars);
        let mut correction = None;
        // A stop or question word the letters lack is no typo: `hoeveel` is not `hoewel`.
        let max_edits = if is_stop_word(word) { 0 } else { max_edits };
        for edits in 1..=max_edits {
            if !expansions.is_empty() || ask.waiting() {
                break;
            }
            expansions = expand::fuzzy(ask, term, edits);
            if let Some(nearest) = expansions.first() {
                correction = self
                    .index
                    .term(nearest.at)
                    .surfaces
                    .first()
                    .map(|w| Correction {
                        typed: surface.to_string(),
                        written: w.clone(),
                    });
            }
        }
        let weight = if is_stop_word(word) {
            STOP_WORD_WEIGHT
        } else {
            1.0
        };
        let scores = self.expansion_scores(&expansions, weight, surface)?;
        // The best expansion counts whole; the others (a prefix's other words) add a share, so a
        // letter using several `lucht-` words outranks one using one.
        let hits = per_letter(scores)
            .into_iter()
            .map(|l| ClauseHit {
                doc: l.doc,
                score: l.best + EXPANSION_BREADTH * (l.sum - l.best),
                exact: l.exact,
                literal: l.literal,
                positions: Vec::new(),
            })
            .collect();
        Ok(ClauseAnswer {
            hits,
            correction,
            terms: expansions.into_iter().map(|e| e.term).collect(),
            also,
        })
    }

    /// While a word is typed, the chunks of what the words it may become stand for (`oekrai`:
    /// `oekraine` stands for `ukraine` too), so that they are here when it is typed whole: the
    /// query waits for none of them.
    fn prefetch_see_also(&self, ask: &mut Ask<'_>, term: &str) {
        if term.chars().count() < MIN_PREFETCH_CHARS {
            return;
        }
        for targets in self.index.see_also_extending(term).take(MAX_PREFETCH_KEYS) {
            for (to, _) in targets {
                to.split(' ').for_each(|t| ask.prefetch(t));
            }
        }
    }

    /// Every expansion's score in every letter it is in, by letter, then expansion.
    fn expansion_scores(
        &self,
        expansions: &[Expansion],
        weight: f32,
        surface: &str,
    ) -> Result<Vec<ExpansionScore>> {
        let n = self.index.doc_count();
        let mut scores = Vec::new();
        // When the word typed is a term itself (the first expansion), its completions are no
        // rarer than it: `nuc` (in three letters) typed whole must not rank below `nucleair`
        // (in one) as a rarer word would.
        let mut cap = f32::INFINITY;
        for (i, e) in expansions.iter().enumerate() {
            let rows = self.index.rows(e.at)?;
            let own = bm25::idf(n, rows.len());
            let idf = if e.derived { own } else { own.min(cap) };
            if i == 0 && e.weight >= 1.0 && !e.derived {
                cap = own;
            }
            let typed = self
                .index
                .term(e.at)
                .surfaces
                .iter()
                .position(|s| s == surface);
            for r in rows {
                let parts = (r.freq - r.whole) as f32;
                let tf = r.whole as f32 + PART_WEIGHT * parts + HEADING_BONUS * r.headed as f32;
                let tf_weight = bm25::tf_weight(tf, r.length, self.index.avg_length());
                scores.push(ExpansionScore {
                    doc: r.doc,
                    expansion: i,
                    // A stop word's weight is its own: what it stands for (`hoeveel` for
                    // `euro`) is a word of its own.
                    score: if e.derived { 1.0 } else { weight } * e.weight * idf * tf_weight,
                    exact: typed.is_some_and(|b| r.surfaces >> b & 1 == 1),
                    literal: !e.derived,
                });
            }
        }
        // One term's rows ascend already; several interleave.
        if expansions.len() > 1 {
            sort::sort_by(&mut scores, |a, b| {
                (a.doc, a.expansion).cmp(&(b.doc, b.expansion))
            });
        }
        Ok(scores)
    }

    fn score_phrase(&self, ask: &mut Ask<'_>, terms: &[String]) -> Result<ClauseAnswer> {
        let found = self.phrase_starts(ask, terms)?;
        let idf = bm25::idf(self.index.doc_count(), found.len());
        let stop = terms.iter().all(|t| is_stop_word(t));
        let weight = if stop { STOP_WORD_WEIGHT } else { 1.0 };
        let len = terms.len() as u32;
        let hits = found
            .into_iter()
            .map(|p| {
                let tf = p.starts.len() as f32;
                let tf_weight = bm25::tf_weight(tf, p.length, self.index.avg_length());
                ClauseHit {
                    doc: p.doc,
                    score: weight * len as f32 * idf * tf_weight,
                    exact: false,
                    literal: true,
                    positions: p
                        .starts
                        .iter()
                        .flat_map(|&s| s..s.saturating_add(len))
                        .collect(),
                }
            })
            .collect();
        Ok(ClauseAnswer {
            hits,
            correction: None,
            terms: Vec::new(),
            also: Vec::new(),
        })
    }

    /// Each letter's score for what a word or phrase stands for by the see-also table: a term
    /// (by its rows alone) or a phrase of the letters.
    pub(super) fn score_target(
        &self,
        ask: &mut Ask<'_>,
        terms: &[String],
    ) -> Result<Vec<ClauseHit>> {
        if let [term] = terms {
            let Some(e) = expand::exact(ask, term) else {
                return Ok(Vec::new());
            };
            let scores = self.expansion_scores(&[e], 1.0, "")?;
            return Ok(scores
                .into_iter()
                .map(|s| ClauseHit {
                    doc: s.doc,
                    score: s.score,
                    ..ClauseHit::default()
                })
                .collect());
        }
        Ok(self.score_phrase(ask, terms)?.hits)
    }

    /// Letters holding the clause as such: no prefixes, no typos (for exclusions).
    pub(super) fn letters_matching(&self, ask: &mut Ask<'_>, clause: &Clause) -> Result<Vec<u32>> {
        Ok(match clause {
            Clause::Term { term, .. } => match ask.lookup(term) {
                Some(at) => self.index.rows(at)?.iter().map(|r| r.doc).collect(),
                None => Vec::new(),
            },
            Clause::Phrase { terms, .. } => self
                .phrase_starts(ask, terms)?
                .into_iter()
                .map(|p| p.doc)
                .collect(),
        })
    }

    /// Per letter (ascending), where the phrase starts. Asks for every chunk and positions chunk
    /// at once, so a phrase costs one round of fetching, not one per word.
    fn phrase_starts(&self, ask: &mut Ask<'_>, terms: &[String]) -> Result<Vec<PhraseIn>> {
        let mut found = Vec::new();
        terms.iter().for_each(|t| ask.want_positions(t));
        let at: Vec<Option<TermRef>> = terms.iter().map(|t| ask.lookup(t)).collect();
        let Some(at) = at.into_iter().collect::<Option<Vec<TermRef>>>() else {
            return Ok(found);
        };
        let mut rows: Vec<Vec<Row>> = Vec::with_capacity(at.len());
        for &a in &at {
            rows.push(self.index.rows(a)?);
        }
        let mut positions = Vec::with_capacity(at.len());
        for (&a, rows) in at.iter().zip(&rows) {
            positions.push(ask.positions(a, rows)?);
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
                    found.push(PhraseIn {
                        doc: r.doc,
                        length: r.length,
                        starts,
                    });
                }
            }
        }
        Ok(found)
    }
}

/// Per letter: the best expansion's score, the sum of all, whether any is as typed.
fn per_letter(scores: Vec<ExpansionScore>) -> Vec<LetterScore> {
    let mut out: Vec<LetterScore> = Vec::new();
    for s in scores {
        match out.last_mut() {
            Some(last) if last.doc == s.doc => {
                last.best = last.best.max(s.score);
                last.sum += s.score;
                last.exact |= s.exact;
                last.literal |= s.literal;
            }
            _ => out.push(LetterScore {
                doc: s.doc,
                best: s.score,
                sum: s.score,
                exact: s.exact,
                literal: s.literal,
            }),
        }
    }
    out
}
