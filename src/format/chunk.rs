//! A term chunk: a run of consecutive terms (front-coded), each with its document frequency, the
//! forms letters write it in, and its posting rows; and where its positions lie in the positions
//! chunk beside it. See `FORMAT.md`.

use super::postings::{self, MAX_SURFACES, Row};
use super::{FileKind, Reader, finished, put_bytes, put_str, put_varint};
use crate::error::{Error, Result};
use std::ops::Range;

/// One term of a chunk; its rows stay encoded until a query asks for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermEntry {
    pub term: String,
    /// In how many letters it occurs: the number of rows.
    pub df: u32,
    /// How letters write it, lowercased, in order of first appearance: `oekraïne`, `oekraine`.
    pub surfaces: Vec<String>,
    rows: Range<usize>,
    /// Its bytes in the positions chunk.
    pub positions: Range<usize>,
}

/// Most terms a query term stands for besides itself (a country's other forms).
pub const MAX_SEE_ALSO: usize = 16;
/// Most words on either side of a see-also entry: `defence investment pledge` -> `dip`.
pub const MAX_SEE_ALSO_WORDS: usize = 8;

/// Why a query term stands for another term too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Why {
    /// A country for its adjective or inhabitant.
    Derivation,
    /// A Dutch word for an English one, or the other way round.
    Translation,
    /// An acronym for its long form, or the other way round, as a letter defines it.
    Acronym,
    /// Words the site owner gave as equivalent (`--synonyms`).
    Synonym,
    /// What a question word asks for: `hoeveel` -> `euro`.
    Question,
}

impl Why {
    pub fn name(self) -> &'static str {
        match self {
            Why::Derivation => "derivation",
            Why::Translation => "translation",
            Why::Acronym => "acronym",
            Why::Synonym => "synonym",
            Why::Question => "question",
        }
    }

    fn code(self) -> u8 {
        self as u8
    }

    fn from_code(code: u8) -> Option<Why> {
        [
            Why::Derivation,
            Why::Translation,
            Why::Acronym,
            Why::Synonym,
            Why::Question,
        ]
        .into_iter()
        .find(|w| w.code() == code)
    }
}

/// What a query term stands for besides itself: terms of the index, and why. A target of
/// several words (space-separated terms) is a phrase the letters must hold.
pub type SeeAlso = Vec<(String, Why)>;

/// Whether `s` is one or more terms joined by single spaces, at most [`MAX_SEE_ALSO_WORDS`]:
/// what either side of a see-also entry may be.
pub fn is_term_phrase(s: &str) -> bool {
    s.split(' ').all(|w| !w.is_empty()) && s.split(' ').count() <= MAX_SEE_ALSO_WORDS
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermChunk {
    pub terms: Vec<TermEntry>,
    /// Query terms of this chunk's range (ascending, whether the index holds them or not) and
    /// the terms of the index they stand for too: `georgisch` -> `georgie`.
    pub see_also: Vec<(String, SeeAlso)>,
    /// FNV-1a 64 of its positions chunk (sealed): the positions file is checked against it, and
    /// with it the chunk's name (`names::chunk_hash`) is checked from this file alone.
    pub positions_hash: u64,
    body: Vec<u8>,
    docs: u32,
}

impl TermChunk {
    pub fn decode(bytes: &[u8], docs: u32) -> Result<TermChunk> {
        let body = super::open(FileKind::Terms, bytes)?;
        let mut r = Reader::new(body, "a term chunk");
        let n = r.count()?;
        let mut terms: Vec<TermEntry> = Vec::with_capacity(n);
        let mut positions_end = 0;
        for _ in 0..n {
            let term = front_coded(&mut r, terms.last().map(|t| t.term.as_str()))?;
            let df = r.u32()?;
            let mut surfaces = Vec::new();
            for _ in 0..r.count()? {
                surfaces.push(shared_with(&mut r, &term)?);
            }
            if surfaces.len() > MAX_SURFACES {
                return Err(Error::corrupt("a term with too many surface forms"));
            }
            let rows_len = r.count()?;
            let start = body.len() - r.remaining();
            r.take(rows_len)?;
            let length = r.usize()?;
            terms.push(TermEntry {
                term,
                df,
                surfaces,
                rows: start..start + rows_len,
                positions: positions_end..positions_end + length,
            });
            positions_end += length;
        }
        let entries = r.count()?;
        let mut see_also: Vec<(String, SeeAlso)> = Vec::with_capacity(entries);
        for _ in 0..entries {
            let from = front_coded(&mut r, see_also.last().map(|(f, _)| f.as_str()))?;
            if !is_term_phrase(&from) {
                return Err(Error::corrupt("a see-also entry for no term"));
            }
            let k = r.count()?;
            if k == 0 || k > MAX_SEE_ALSO {
                return Err(Error::corrupt("a see-also entry of no or too many terms"));
            }
            let mut to: SeeAlso = Vec::with_capacity(k);
            for _ in 0..k {
                let term = r.str()?.to_string();
                if !is_term_phrase(&term) {
                    return Err(Error::corrupt("a see-also entry to no term"));
                }
                let why = Why::from_code(r.u8()?)
                    .ok_or_else(|| Error::corrupt("a see-also entry of an unknown kind"))?;
                to.push((term, why));
            }
            see_also.push((from, to));
        }
        let positions_hash = u64::from_le_bytes(
            r.take(8)?
                .try_into()
                .map_err(|_| Error::corrupt("a term chunk's positions hash"))?,
        );
        finished(&r, FileKind::Terms)?;
        Ok(TermChunk {
            terms,
            see_also,
            positions_hash,
            body: body.to_vec(),
            docs,
        })
    }

    /// The entry of `term`, if this chunk holds it.
    pub fn find(&self, term: &str) -> Option<usize> {
        self.terms
            .binary_search_by(|t| t.term.as_str().cmp(term))
            .ok()
    }

    /// The rows of the term at `i`.
    pub fn rows(&self, i: usize) -> Result<Vec<Row>> {
        let t = &self.terms[i];
        postings::rows(
            &self.body[t.rows.clone()],
            t.df as usize,
            self.docs,
            t.surfaces.len(),
        )
    }
}

/// Reads a front-coded term: how many bytes it shares with the previous one, then the rest. Terms
/// must ascend strictly, so lookups can bisect.
pub(crate) fn front_coded(r: &mut Reader, previous: Option<&str>) -> Result<String> {
    let term = shared_with(r, previous.unwrap_or(""))?;
    if previous.is_some_and(|p| p >= term.as_str()) {
        return Err(Error::corrupt("terms out of order"));
    }
    Ok(term)
}

/// Reads a string stored as the bytes it shares with `base` and the rest.
fn shared_with(r: &mut Reader, base: &str) -> Result<String> {
    let shared = r.usize()?;
    let head = base
        .as_bytes()
        .get(..shared)
        .ok_or_else(|| Error::corrupt("a string shares more bytes than its base has"))?;
    let mut bytes = head.to_vec();
    bytes.extend_from_slice(r.bytes()?);
    String::from_utf8(bytes).map_err(|_| Error::corrupt("invalid UTF-8 in a term"))
}

/// Appends `term` front-coded against `previous`; shares whole characters only.
pub(crate) fn put_front_coded(out: &mut Vec<u8>, term: &str, previous: &str) {
    let mut shared = term
        .bytes()
        .zip(previous.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !term.is_char_boundary(shared) {
        shared -= 1;
    }
    put_varint(out, shared as u64);
    put_str(out, &term[shared..]);
}

/// Writes a term chunk, one term at a time, in term order.
#[derive(Default)]
pub struct ChunkWriter {
    body: Vec<u8>,
    count: usize,
    last: String,
    see_also: Vec<u8>,
    see_count: usize,
    last_see: String,
}

impl ChunkWriter {
    /// Adds a term: its rows, as `postings::put_row` appends them (stored column by column), and
    /// its positions' byte length.
    pub fn add(&mut self, term: &str, df: u32, surfaces: &[String], rows: &[u8], positions: usize) {
        put_front_coded(&mut self.body, term, &self.last);
        put_varint(&mut self.body, u64::from(df));
        put_varint(&mut self.body, surfaces.len() as u64);
        // A form mostly starts as its term does (`luchtverdediging`, `luchtverded`): stored
        // against it, the forms of the five letters' index take 40% fewer bytes after gzip.
        for s in surfaces {
            put_front_coded(&mut self.body, s, term);
        }
        put_bytes(&mut self.body, &postings::columns(rows, df as usize));
        put_varint(&mut self.body, positions as u64);
        self.count += 1;
        self.last = term.to_string();
    }

    /// Adds a see-also entry (in ascending order of `from`): the query term `from` stands for
    /// `to` too.
    pub fn add_see_also(&mut self, from: &str, to: &[(String, Why)]) {
        put_front_coded(&mut self.see_also, from, &self.last_see);
        put_varint(&mut self.see_also, to.len() as u64);
        for (t, why) in to {
            put_str(&mut self.see_also, t);
            self.see_also.push(why.code());
        }
        self.see_count += 1;
        self.last_see = from.to_string();
    }

    pub fn len(&self) -> usize {
        self.body.len()
    }

    /// The see-also entries added so far, encoded.
    pub fn see_also_bytes(&self) -> &[u8] {
        &self.see_also
    }

    /// Whether no term was added (see-also entries alone do not make a chunk).
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The last term added.
    pub fn last(&self) -> &str {
        &self.last
    }

    /// The sealed chunk, which names its positions chunk by `positions` (its FNV-1a 64).
    pub fn finish(self, positions: u64) -> Vec<u8> {
        let mut body = Vec::with_capacity(self.body.len() + self.see_also.len() + 18);
        put_varint(&mut body, self.count as u64);
        body.extend_from_slice(&self.body);
        put_varint(&mut body, self.see_count as u64);
        body.extend_from_slice(&self.see_also);
        body.extend_from_slice(&positions.to_le_bytes());
        super::seal(FileKind::Terms, &body)
    }
}
