//! A loaded index, ready to search: documents, the term dictionary, and the posting lists, which
//! are decoded only when a query asks for their term.

use crate::build::Posting;
use crate::doc::Document;
use crate::error::Result;
use crate::format::postings;

pub struct Index {
    docs: Vec<Document>,
    terms: fst::Map<Vec<u8>>,
    lists: Vec<u8>,
    avg_length: f32,
}

impl Index {
    pub(crate) fn new(docs: Vec<Document>, terms: fst::Map<Vec<u8>>, lists: Vec<u8>) -> Self {
        let total: u64 = docs.iter().map(|d| u64::from(d.length)).sum();
        let avg_length = if docs.is_empty() {
            0.0
        } else {
            total as f32 / docs.len() as f32
        };
        Index {
            docs,
            terms,
            lists,
            avg_length,
        }
    }

    /// Reads an index from its bytes (see `FORMAT.md`).
    pub fn from_bytes(bytes: &[u8]) -> Result<Index> {
        crate::format::decode(bytes)
    }

    pub fn docs(&self) -> &[Document] {
        &self.docs
    }

    pub fn avg_length(&self) -> f32 {
        self.avg_length
    }

    pub fn terms(&self) -> &fst::Map<Vec<u8>> {
        &self.terms
    }

    /// The postings of `term`; empty when the index does not hold it.
    pub fn postings(&self, term: &str) -> Result<Vec<Posting>> {
        match self.terms.get(term) {
            Some(offset) => self.postings_at(offset),
            None => Ok(Vec::new()),
        }
    }

    /// In how many documents the term whose postings start at `offset` occurs.
    pub fn doc_freq_at(&self, offset: u64) -> Result<usize> {
        postings::doc_count(&self.lists[self.start(offset)..])
    }

    fn start(&self, offset: u64) -> usize {
        // The decoder checked every dictionary offset against the section length.
        usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.lists.len())
    }

    /// The postings stored at `offset` (a value of the term dictionary).
    pub fn postings_at(&self, offset: u64) -> Result<Vec<Posting>> {
        // The decoder checked every dictionary offset against the section length.
        let start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.lists.len());
        postings::decode(&self.lists[start..], self.docs.len() as u32)
    }
}
