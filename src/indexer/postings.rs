//! Postings while the index is built: per term, its encoded rows and positions, letter by letter.
//! Past a budget (which counts the terms themselves as well as their rows) they are spilled to a
//! run on disk (`spill.rs`) and every term is forgotten, so memory stays bounded however many
//! letters, and however many different words, come. At the end the terms come back from every
//! run and what is buffered, merged in term order; each term's parts are joined into one posting
//! list, its rows rebased (a part's rows start from letter 0 and mark the part's own surface
//! forms).

use super::spill::{Record, Run, write_run};
use crate::error::{Error, Result};
use crate::format::postings::{MAX_SURFACES, Row, put_positions, put_row};
use crate::format::{Reader, put_varint};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

/// What a term held in memory costs beyond its bytes: the map's entry, the accumulator, the
/// allocations' headers (measured: about this much a term on a 64-bit build).
const TERM_OVERHEAD: usize = 160;

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
    /// Bytes held: the rows' and positions' buffers as allocated, and the terms.
    buffered: usize,
    /// Terms the writer asks about at the end ([`Postings::has`]), which a spill must not forget.
    watch: HashSet<String>,
    /// Those of them some letter has.
    seen: HashSet<String>,
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
            watch: HashSet::new(),
            seen: HashSet::new(),
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

    /// The terms [`Postings::has`] will be asked about, once a spill may have forgotten them.
    pub fn watch(&mut self, terms: HashSet<String>) {
        self.seen = terms
            .iter()
            .filter(|t| self.terms.contains_key(*t))
            .cloned()
            .collect();
        self.watch = terms;
    }

    /// Adds the letter numbered `doc`, `length` words long, with its terms.
    pub fn add(
        &mut self,
        doc: u32,
        length: u32,
        terms: BTreeMap<String, Occurrence>,
    ) -> Result<()> {
        for (term, occ) in terms {
            if !self.terms.contains_key(&term) {
                self.buffered += term.len() + TERM_OVERHEAD;
                if self.watch.contains(&term) && !self.seen.contains(&term) {
                    self.seen.insert(term.clone());
                }
            }
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
            let before = acc.rows.capacity() + acc.positions.capacity();
            put_row(&mut acc.rows, &row, acc.last_doc);
            put_positions(&mut acc.positions, &occ.positions);
            self.buffered += acc.rows.capacity() + acc.positions.capacity() - before;
            acc.last_doc = doc;
            acc.df += 1;
        }
        if self.buffered > self.spill_bytes {
            self.spill()?;
        }
        Ok(())
    }

    /// Writes the buffered postings to a run and forgets every term.
    fn spill(&mut self) -> Result<()> {
        let Some(work) = &self.work else {
            return Ok(());
        };
        let path = work.join(format!("run-{}", self.runs.len()));
        let mut terms: Vec<(String, TermAcc)> =
            std::mem::take(&mut self.terms).into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        std::fs::create_dir_all(work).map_err(|e| Error::io(work.display(), e))?;
        let known: Vec<Vec<u8>> = terms.iter().map(|(_, a)| put_known(a)).collect();
        write_run(
            &path,
            terms.iter().zip(&known).map(|((t, a), k)| {
                (
                    t.as_str(),
                    k.as_slice(),
                    a.rows.as_slice(),
                    a.positions.as_slice(),
                )
            }),
        )
        .map_err(|e| Error::io(path.display(), e))?;
        self.buffered = 0;
        self.runs.push(path);
        Ok(())
    }

    /// Whether the index holds `term`: any term before a spill, a watched term always.
    pub fn has(&self, term: &str) -> bool {
        self.terms.contains_key(term) || self.seen.contains(term)
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

/// A term's letter count and surface forms, as a run keeps them.
fn put_known(acc: &TermAcc) -> Vec<u8> {
    let mut out = Vec::new();
    put_varint(&mut out, u64::from(acc.df));
    put_varint(&mut out, acc.surfaces.len() as u64);
    for s in &acc.surfaces {
        put_varint(&mut out, s.len() as u64);
        out.extend_from_slice(s.as_bytes());
    }
    out
}

fn damaged() -> Error {
    Error::corrupt("a posting run of this build is damaged")
}

/// One part of a term's postings (a run's, or what is buffered): its rows start from letter 0 and
/// mark its own surface forms.
struct Part {
    df: u32,
    surfaces: Vec<String>,
    rows: Vec<u8>,
    positions: Vec<u8>,
}

impl Part {
    fn of_record(record: Record) -> Result<Part> {
        let mut r = Reader::new(&record.known, "a posting run");
        let df = r.u32().map_err(|_| damaged())?;
        let count = r.count().map_err(|_| damaged())?;
        let surfaces = (0..count)
            .map(|_| r.str().map(str::to_string).map_err(|_| damaged()))
            .collect::<Result<_>>()?;
        Ok(Part {
            df,
            surfaces,
            rows: record.rows,
            positions: record.positions,
        })
    }
}

/// The terms' posting lists, one at a time, merged from the runs and what is buffered.
pub struct Merged {
    /// Descending, so the next term is popped off the end.
    terms: Vec<(String, TermAcc)>,
    runs: Vec<Run>,
}

impl Merged {
    pub fn next_term(&mut self) -> Result<Option<TermPostings>> {
        // The least term among the runs' heads and the buffer's next.
        let term = self
            .runs
            .iter()
            .filter_map(|r| r.head.as_ref().map(|h| h.term.as_str()))
            .chain(self.terms.last().map(|(t, _)| t.as_str()))
            .min()
            .map(str::to_string);
        let Some(term) = term else {
            return Ok(None);
        };
        let mut parts = Vec::new();
        for run in &mut self.runs {
            if let Some(record) = run.take(&term).map_err(|e| Error::io("a posting run", e))? {
                parts.push(Part::of_record(record)?);
            }
        }
        if self.terms.last().is_some_and(|(t, _)| *t == term) {
            let (_, acc) = self.terms.pop().expect("checked above");
            parts.push(Part {
                df: acc.df,
                surfaces: acc.surfaces,
                rows: acc.rows,
                positions: acc.positions,
            });
        }
        join(term, parts).map(Some)
    }
}

/// A term's parts, in letter order, as one posting list.
fn join(term: String, mut parts: Vec<Part>) -> Result<TermPostings> {
    if parts.len() == 1 {
        let p = parts.pop().expect("one part");
        return Ok(TermPostings {
            term,
            df: p.df,
            surfaces: p.surfaces,
            rows: p.rows,
            positions: p.positions,
        });
    }
    let mut out = TermPostings {
        term,
        df: 0,
        surfaces: Vec::new(),
        rows: Vec::new(),
        positions: Vec::new(),
    };
    let mut last_doc = 0;
    for part in parts {
        // Where each of the part's surface forms is in the whole list (none past the limit).
        let map: Vec<Option<u32>> = part
            .surfaces
            .iter()
            .map(|s| match out.surfaces.iter().position(|x| x == s) {
                Some(i) => Some(i as u32),
                None if out.surfaces.len() < MAX_SURFACES => {
                    out.surfaces.push(s.clone());
                    Some(out.surfaces.len() as u32 - 1)
                }
                None => None,
            })
            .collect();
        last_doc = rebase(&part.rows, part.df, &map, last_doc, &mut out.rows)?;
        out.positions.extend_from_slice(&part.positions);
        out.df += part.df;
    }
    Ok(out)
}

/// Appends `count` rows (as `put_row` wrote them, from letter 0) after a row of letter
/// `last_doc`, their surface masks mapped by `map`; returns the last row's letter.
fn rebase(
    rows: &[u8],
    count: u32,
    map: &[Option<u32>],
    mut last_doc: u32,
    out: &mut Vec<u8>,
) -> Result<u32> {
    let mut r = Reader::new(rows, "posting rows");
    let mut doc = 0u32;
    for _ in 0..count {
        let mut next = || r.u32().map_err(|_| damaged());
        doc = doc.checked_add(next()?).ok_or_else(damaged)?;
        let (freq, whole, headed) = (next()?, next()?, next()?);
        let norm = r.u8().map_err(|_| damaged())?;
        let mask = r.u32().map_err(|_| damaged())?;
        let mask = map
            .iter()
            .enumerate()
            .filter(|(i, _)| mask >> i & 1 == 1)
            .filter_map(|(_, to)| *to)
            .fold(0u32, |m, to| m | 1 << to);
        put_varint(
            out,
            u64::from(doc.checked_sub(last_doc).ok_or_else(damaged)?),
        );
        for v in [freq, whole, headed] {
            put_varint(out, u64::from(v));
        }
        out.push(norm);
        put_varint(out, u64::from(mask));
        last_doc = doc;
    }
    Ok(last_doc)
}
