//! Posting lists: for one term, the documents it occurs in and its positions there.
//!
//! `count`, then per document: `doc delta`, `tf`, `whole`, then `tf` position deltas; all varints.
//! Deltas keep the numbers small, so most take one byte.

use super::bytes::{Reader, put_varint};
use crate::build::Posting;
use crate::error::{Error, Result};

pub fn encode(postings: &[Posting], out: &mut Vec<u8>) {
    put_varint(out, postings.len() as u64);
    let mut last_doc = 0;
    for p in postings {
        put_varint(out, u64::from(p.doc - last_doc));
        last_doc = p.doc;
        put_varint(out, p.positions.len() as u64);
        put_varint(out, u64::from(p.whole));
        let mut last_pos = 0;
        for &pos in &p.positions {
            put_varint(out, u64::from(pos - last_pos));
            last_pos = pos;
        }
    }
}

/// The number of documents of the posting list at the start of `bytes`, without decoding it.
pub fn doc_count(bytes: &[u8]) -> Result<usize> {
    Reader::new(bytes, "a posting list").count()
}

/// Decodes the posting list at the start of `bytes`; `doc_count` bounds the doc numbers.
pub fn decode(bytes: &[u8], doc_count: u32) -> Result<Vec<Posting>> {
    let mut r = Reader::new(bytes, "a posting list");
    let n = r.count()?;
    let mut out = Vec::with_capacity(n);
    let mut doc = 0u32;
    for i in 0..n {
        let delta = r.u32()?;
        doc = doc
            .checked_add(delta)
            .filter(|&d| d < doc_count && (i == 0 || delta > 0))
            .ok_or_else(|| Error::corrupt("posting list names a document that does not exist"))?;
        let tf = r.count()?;
        let whole = r.u32()?;
        if whole as usize > tf {
            return Err(Error::corrupt(
                "more whole-word occurrences than occurrences",
            ));
        }
        let mut positions = Vec::with_capacity(tf);
        let mut pos = 0u32;
        for _ in 0..tf {
            pos = pos
                .checked_add(r.u32()?)
                .ok_or_else(|| Error::corrupt("position overflows"))?;
            positions.push(pos);
        }
        out.push(Posting {
            doc,
            positions,
            whole,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let postings = vec![
            Posting {
                doc: 0,
                positions: vec![0, 3, 3, 900],
                whole: 3,
            },
            Posting {
                doc: 7,
                positions: vec![12],
                whole: 0,
            },
        ];
        let mut bytes = Vec::new();
        encode(&postings, &mut bytes);
        assert_eq!(decode(&bytes, 8).unwrap(), postings);
    }

    #[test]
    fn rejects_a_doc_beyond_the_index() {
        let mut bytes = Vec::new();
        encode(
            &[Posting {
                doc: 5,
                positions: vec![1],
                whole: 1,
            }],
            &mut bytes,
        );
        assert!(matches!(decode(&bytes, 5), Err(Error::Corrupt { .. })));
    }
}
