//! The word list: every term with its document frequency, front-coded, fetched only when a word
//! matches nothing and typo tolerance must look at the whole dictionary. See `FORMAT.md`.

use super::chunk::{front_coded, put_front_coded};
use super::{FileKind, Reader, finished, put_varint};
use crate::error::Result;

#[derive(Default)]
pub struct WordsWriter {
    body: Vec<u8>,
    count: usize,
    last: String,
}

impl WordsWriter {
    /// Adds a term; terms come in byte order.
    pub fn add(&mut self, term: &str, df: u32) {
        put_front_coded(&mut self.body, term, &self.last);
        put_varint(&mut self.body, u64::from(df));
        self.count += 1;
        self.last = term.to_string();
    }

    pub fn finish(self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.body.len() + 5);
        put_varint(&mut out, self.count as u64);
        out.extend_from_slice(&self.body);
        super::seal(FileKind::Words, &out)
    }
}

/// Every term, ascending, with its document frequency.
pub fn decode(bytes: &[u8]) -> Result<Vec<(String, u32)>> {
    let mut r = Reader::new(super::open(FileKind::Words, bytes)?, "the word list");
    let n = r.count()?;
    let mut words: Vec<(String, u32)> = Vec::with_capacity(n);
    for _ in 0..n {
        let term = front_coded(&mut r, words.last().map(|w| w.0.as_str()))?;
        words.push((term, r.u32()?));
    }
    finished(&r, FileKind::Words)?;
    Ok(words)
}
