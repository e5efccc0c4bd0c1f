//! The see-also entries that span more than one word: a query phrase standing for a term
//! (`defence investment pledge` -> `dip`, an acronym the letters define) and a word or phrase
//! standing for a phrase of the letters (`dip` -> `defence investment pledge`, `burden sharing`
//! -> `lastenverdeling`). A word standing for a word is `score_word`'s.
//!
//! A letter holding what a span stands for meets each of the span's clauses, but as a derived
//! hit: it covers less than the words as typed (`meet::DERIVED_COVERAGE`) and its score is
//! shared out over the span.

use super::Expanded;
use super::Searcher;
use super::expand::SEE_ALSO_WEIGHT;
use super::query::Clause;
use super::score::ClauseHit;
use crate::error::Result;
use crate::format::chunk::{MAX_SEE_ALSO_WORDS, Why};
use crate::index::Ask;

impl Searcher {
    /// Adds to `hits` (per clause, ascending by letter) the letters that hold what a span of
    /// consecutive word clauses stands for; says so in `expanded`, and adds the target's terms to
    /// the first clause's `terms` (to mark them in a letter).
    pub(super) fn see_also_spans(
        &self,
        ask: &mut Ask<'_>,
        clauses: &[Clause],
        hits: &mut [Vec<ClauseHit>],
        terms: &mut [Vec<String>],
        expanded: &mut Vec<Expanded>,
    ) -> Result<()> {
        // Per clause, its terms; a quoted phrase is taken as typed: none.
        let words: Vec<Option<Vec<&str>>> = clauses
            .iter()
            .map(|c| match c {
                Clause::Term { term, .. } => Some(vec![term.as_str()]),
                Clause::Phrase { quoted: true, .. } => None,
                Clause::Phrase { terms, .. } => Some(terms.iter().map(String::as_str).collect()),
            })
            .collect();
        for (i, marked) in terms.iter_mut().enumerate().take(words.len()) {
            let mut key = String::new();
            let span = words.iter().enumerate().skip(i).take(MAX_SEE_ALSO_WORDS);
            let mut length = 0;
            for (j, word) in span {
                let Some(terms) = word else {
                    break;
                };
                length += terms.len();
                if length > MAX_SEE_ALSO_WORDS {
                    break;
                }
                for term in terms {
                    if !key.is_empty() {
                        key.push(' ');
                    }
                    key.push_str(term);
                }
                // A single word standing for a single term is `score_word`'s.
                let single_word = i == j && matches!(clauses[i], Clause::Term { .. });
                // The key lives in the chunk of its first term, which the first clause brought.
                let entries = ask.see_also(&key);
                // A translation's words (`ministerial meeting`) are words of a phrase, not a name.
                let name = key.contains(' ')
                    && entries
                        .iter()
                        .any(|(_, why)| !matches!(why, Why::Translation | Why::Question));
                let mut named = Vec::new();
                for (to, why) in entries {
                    if single_word && !to.contains(' ') {
                        continue;
                    }
                    let target: Vec<String> = to.split(' ').map(str::to_string).collect();
                    let found = self.score_target(ask, &target)?;
                    if found.is_empty() {
                        continue;
                    }
                    named.extend(found.iter().map(|h| h.doc));
                    let share = SEE_ALSO_WEIGHT / (j - i + 1) as f32;
                    for (k, clause_hits) in hits.iter_mut().enumerate().take(j + 1).skip(i) {
                        let derived = found.iter().map(|h| ClauseHit {
                            doc: h.doc,
                            score: h.score * share,
                            exact: false,
                            literal: false,
                            positions: if k == i {
                                h.positions.clone()
                            } else {
                                Vec::new()
                            },
                        });
                        merge(clause_hits, derived);
                    }
                    expanded.push(Expanded {
                        from: self.typed(ask, &clauses[i..=j]),
                        to: self.written(ask, &target),
                        why: why.name(),
                    });
                    for t in target {
                        if !marked.contains(&t) {
                            marked.push(t);
                        }
                    }
                }
                if name {
                    self.one_name(ask, &key, named, &mut hits[i..=j])?;
                }
            }
        }
        Ok(())
    }

    /// A name of more words (`Verenigde Staten`, `Noord-Atlantische Raad`: a span the see-also
    /// table knows as a country, an acronym's long form or the owner's synonym) is one name, not its words: once a letter holds it whole, or what it stands
    /// for (`named`), a letter with its words apart (`de verenigde inspanningen van de staten`)
    /// no longer meets it. While no letter holds either, its words stay words, so a query of
    /// words never comes back empty for the name's sake.
    fn one_name(
        &self,
        ask: &mut Ask<'_>,
        key: &str,
        mut named: Vec<u32>,
        hits: &mut [Vec<ClauseHit>],
    ) -> Result<()> {
        let whole = Clause::Phrase {
            terms: key.split(' ').map(str::to_string).collect(),
            quoted: true,
            surface: String::new(),
        };
        named.extend(self.letters_matching(ask, &whole)?);
        if named.is_empty() || ask.waiting() {
            return Ok(());
        }
        super::sort::sort(&mut named);
        for clause_hits in hits {
            clause_hits.retain(|h| named.binary_search(&h.doc).is_ok());
        }
        Ok(())
    }

    /// A span of clauses as the visitor typed it; a joined word as letters write its parts
    /// (`secretaris-generaal`). Only said when the span stood for something.
    fn typed(&self, ask: &mut Ask<'_>, span: &[Clause]) -> String {
        let words: Vec<String> = span
            .iter()
            .map(|c| match c {
                Clause::Term { surface, .. } => surface.clone(),
                Clause::Phrase { terms, .. } => self.written(ask, terms).replace(' ', "-"),
            })
            .collect();
        words.join(" ")
    }

    /// How letters write a target: each term's first form.
    fn written(&self, ask: &mut Ask<'_>, target: &[String]) -> String {
        let words: Vec<String> = target
            .iter()
            .map(|t| {
                ask.lookup(t)
                    .and_then(|at| self.index.term(at).surfaces.first().cloned())
                    .unwrap_or_else(|| t.clone())
            })
            .collect();
        words.join(" ")
    }
}

/// `hits` with the letters of `more` it lacks (both ascending by letter); a letter it has keeps
/// its own hit (the word as typed, or what it stood for first).
fn merge(hits: &mut Vec<ClauseHit>, more: impl Iterator<Item = ClauseHit>) {
    let mut more = more.peekable();
    let mut merged = Vec::with_capacity(hits.len());
    for hit in std::mem::take(hits) {
        while let Some(m) = more.next_if(|m| m.doc < hit.doc) {
            merged.push(m);
        }
        more.next_if(|m| m.doc == hit.doc);
        merged.push(hit);
    }
    merged.extend(more);
    *hits = merged;
}
