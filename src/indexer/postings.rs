//! Postings while the index is built: per term, its encoded rows and positions, letter by letter.
//! Past a budget they are spilled to a run on disk (`spill.rs`) and the buffers start again, so
//! memory stays bounded however many letters come; at the end each term's rows come back from
//! every run in order and then the buffer, which is a whole posting list (rows are delta-coded
//! against the term's previous letter across runs).

use super::spill::{Run, write_run};
use crate::error::{Error, Result};
use crate::format::postings::{MAX_SURFACES, Row, put_positions, put_row};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// One letter's occurrences of one term.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Occurrence {
    /// Ascending word positions, as a word of its own and as a part of a compound.
    pub positions: Vec<u32>,
    pub whole: u32,
    pub headed: u32,
    /// How the letter writes the term where it is a word of its own, lowercased.
    pub surfaces: Vec<String>,
}

/// What is known of a term so far: its letters, its surface forms, its encoded postings.
#[derive(Default)]
struct TermAcc {
    df: u32,
    last_doc: u32,
    surfaces: Vec<String>,
    rows: Vec<u8>,
    positions: Vec<u8>,
}

/// A term's whole posting list, at the end.
pub struct TermPostings {
    pub term: String,
    pub df: u32,
    pub surfaces: Vec<String>,
    pub rows: Vec<u8>,
    pub positions: Vec<u8>,
}

pub struct Postings {
    terms: HashMap<String, TermAcc>,
    buffered: usize,
    /// Spill past this many buffered bytes, into runs in `work`; never without a work folder.
    spill_bytes: usize,
    work: Option<PathBuf>,
    runs: Vec<PathBuf>,
}

impl Postings {
    /// Postings held in memory only.
    pub fn in_memory() -> Self {
        Postings {
            terms: HashMap::new(),
            buffered: 0,
            spill_bytes: usize::MAX,
            work: None,
            runs: Vec::new(),
        }
    }

    /// Postings spilled to runs in `work` past `spill_bytes`.
    pub fn spilling(work: PathBuf, spill_bytes: usize) -> Self {
        Postings {
            work: Some(work),
            spill_bytes,
            ..Self::in_memory()
        }
    }

    /// Adds the letter numbered `doc`, `length` words long, with its terms.
    pub fn add(
        &mut self,
        doc: u32,
        length: u32,
        terms: BTreeMap<String, Occurrence>,
    ) -> Result<()> {
        for (term, occ) in terms {
            let acc = self.terms.entry(term).or_default();
            let mut mask = 0u32;
            for s in &occ.surfaces {
                let i = match acc.surfaces.iter().position(|x| x == s) {
                    Some(i) => i,
                    None if acc.surfaces.len() < MAX_SURFACES => {
                        acc.surfaces.push(s.clone());
                        acc.surfaces.len() - 1
                    }
                    None => continue,
                };
                mask |= 1 << i;
            }
            let row = Row {
                doc,
                freq: occ.positions.len() as u32,
                whole: occ.whole,
                headed: occ.headed,
                length,
                surfaces: mask,
            };
            let before = acc.rows.len() + acc.positions.len();
            put_row(&mut acc.rows, &row, acc.last_doc);
            put_positions(&mut acc.positions, &occ.positions);
            self.buffered += acc.rows.len() + acc.positions.len() - before;
            acc.last_doc = doc;
            acc.df += 1;
        }
        if self.buffered > self.spill_bytes {
            self.spill()?;
        }
        Ok(())
    }

    /// Writes the buffered postings to a run and empties the buffers.
    fn spill(&mut self) -> Result<()> {
        let Some(work) = &self.work else {
            return Ok(());
        };
        let path = work.join(format!("run-{}", self.runs.len()));
        let mut terms: Vec<(&String, &TermAcc)> = self
            .terms
            .iter()
            .filter(|(_, a)| !a.rows.is_empty())
            .collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(b.0));
        std::fs::create_dir_all(work).map_err(|e| Error::io(work.display(), e))?;
        write_run(
            &path,
            terms
                .into_iter()
                .map(|(t, a)| (t.as_str(), a.rows.as_slice(), a.positions.as_slice())),
        )
        .map_err(|e| Error::io(path.display(), e))?;
        for acc in self.terms.values_mut() {
            acc.rows = Vec::new();
            acc.positions = Vec::new();
        }
        self.buffered = 0;
        self.runs.push(path);
        Ok(())
    }

    /// Whether the index holds `term`.
    pub fn has(&self, term: &str) -> bool {
        self.terms.contains_key(term)
    }

    /// Every term's whole posting list, in term order.
    pub fn into_terms(self) -> Result<Merged> {
        let mut terms: Vec<(String, TermAcc)> = self.terms.into_iter().collect();
        terms.sort_unstable_by(|a, b| b.0.cmp(&a.0));
        let mut runs = Vec::with_capacity(self.runs.len());
        for path in &self.runs {
            runs.push(Run::open(path).map_err(|e| Error::io(path.display(), e))?);
        }
        Ok(Merged { terms, runs })
    }
}

/// The terms' posting lists, one at a time: the runs are read alongside.
pub struct Merged {
    /// Descending, so the next term is popped off the end.
    terms: Vec<(String, TermAcc)>,
    runs: Vec<Run>,
}

impl Merged {
    pub fn next_term(&mut self) -> Result<Option<TermPostings>> {
        let Some((term, acc)) = self.terms.pop() else {
            return Ok(None);
        };
        // From each run in order, then what is buffered.
        let (mut rows, mut positions) = (Vec::new(), Vec::new());
        for run in &mut self.runs {
            let taken = run.take(&term).map_err(|e| Error::io("a posting run", e))?;
            if let Some((r, p)) = taken {
                rows.extend_from_slice(&r);
                positions.extend_from_slice(&p);
            }
        }
        rows.extend_from_slice(&acc.rows);
        positions.extend_from_slice(&acc.positions);
        Ok(Some(TermPostings {
            term,
            df: acc.df,
            surfaces: acc.surfaces,
            rows,
            positions,
        }))
    }
}
