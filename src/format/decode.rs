//! bytes -> Index. Every malformed input is a typed error, never a panic. See `FORMAT.md`.

use super::bytes::Reader;
use super::{FOOTER_LEN, HEADER_LEN, MAGIC, VERSION};
use crate::doc::{Document, Section};
use crate::error::{Error, Result};
use crate::index::Index;
use crate::meta::{Kind, Meeting, Meta, Precision};
use fst::Streamer;

pub fn decode(bytes: &[u8]) -> Result<Index> {
    if bytes.len() < MAGIC.len() || bytes[..MAGIC.len()] != MAGIC {
        return Err(Error::BadMagic);
    }
    if bytes.len() < HEADER_LEN + FOOTER_LEN {
        return Err(Error::Truncated { what: "the header" });
    }
    let mut header = Reader::new(&bytes[MAGIC.len()..HEADER_LEN], "the header");
    let version = header.u16()?;
    if version != VERSION {
        return Err(Error::Version {
            expected: VERSION,
            got: version,
        });
    }
    let flags = header.u16()?;
    if flags != 0 {
        return Err(Error::corrupt(format!(
            "unknown flags {flags:#06x} in the header"
        )));
    }
    let (content, footer) = bytes.split_at(bytes.len() - FOOTER_LEN);
    let expected = u32::from_le_bytes([footer[0], footer[1], footer[2], footer[3]]);
    let got = crc32fast::hash(content);
    if expected != got {
        return Err(Error::ChecksumMismatch { expected, got });
    }

    let mut r = Reader::new(&content[HEADER_LEN..], "the documents section");
    let docs = decode_docs(r.bytes()?)?;
    r.set_context("the term dictionary");
    let dict = r.bytes()?.to_vec();
    r.set_context("the postings section");
    let lists = r.bytes()?.to_vec();
    if !r.is_empty() {
        return Err(Error::corrupt("bytes after the last section"));
    }
    let terms = fst::Map::new(dict).map_err(|e| Error::corrupt(format!("term dictionary: {e}")))?;
    check_terms(&terms, lists.len())?;
    Ok(Index::new(docs, terms, lists))
}

/// Walks every term once: each must point inside the postings section. This also visits every
/// node of the fst that a later lookup can reach. fst checks only its header when it opens, and
/// panics on a malformed node (fuzzing found one, kept in `tests/data/fst-malformed-node.bin`):
/// natively that panic becomes `Corrupt`; the wasm aborts on a panic, so there the load fails,
/// which the page reports. A checksum-valid malformed dictionary takes a crafted file.
fn check_terms(terms: &fst::Map<Vec<u8>>, lists_len: usize) -> Result<()> {
    let walk = || {
        let mut stream = terms.stream();
        while let Some((_, offset)) = stream.next() {
            if offset >= lists_len as u64 {
                return Err(Error::corrupt("a term points past the postings section"));
            }
        }
        Ok(())
    };
    #[cfg(not(target_arch = "wasm32"))]
    {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let walked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(walk));
        std::panic::set_hook(previous);
        walked.unwrap_or_else(|_| Err(Error::corrupt("the term dictionary is malformed")))
    }
    #[cfg(target_arch = "wasm32")]
    walk()
}

fn decode_meta(r: &mut Reader) -> Result<Meta> {
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let date = opt(r.str()?);
    let precision = r.str()?;
    let kind = r.str()?;
    let meta = Meta {
        date,
        date_precision: known(precision, Precision::from_name, "date precision")?,
        kind: known(kind, Kind::from_name, "kind")?,
        minister: opt(r.str()?),
        kamerstuk: opt(r.str()?),
        meeting: match r.take(1)?[0] {
            0 => None,
            1 => Some(Meeting {
                place: opt(r.str()?),
                start: r.str()?.to_string(),
                end: r.str()?.to_string(),
                summit: opt(r.str()?),
            }),
            flag => return Err(Error::corrupt(format!("meeting flag {flag}"))),
        },
    };
    Ok(meta)
}

/// An optional named value: empty is absent, an unknown name is corruption.
fn known<T>(name: &str, parse: fn(&str) -> Option<T>, what: &str) -> Result<Option<T>> {
    if name.is_empty() {
        return Ok(None);
    }
    parse(name)
        .map(Some)
        .ok_or_else(|| Error::corrupt(format!("unknown {what} \"{name}\"")))
}

fn decode_docs(bytes: &[u8]) -> Result<Vec<Document>> {
    let mut r = Reader::new(bytes, "the documents section");
    let n = r.count()?;
    let mut docs = Vec::with_capacity(n);
    for _ in 0..n {
        let id = r.str()?.to_string();
        let title = r.str()?.to_string();
        let body = r.str()?.to_string();
        let length = r.u32()?;
        let count = r.count()?;
        let mut sections = Vec::with_capacity(count);
        for _ in 0..count {
            let section = Section {
                heading: r.str()?.to_string(),
                offset: r.u32()?,
                position: r.u32()?,
                words: r.u32()?,
            };
            let end = section.offset as usize + section.heading.len();
            if body.get(section.offset as usize..end) != Some(section.heading.as_str()) {
                return Err(Error::corrupt(
                    "a section heading is not where its offset says",
                ));
            }
            sections.push(section);
        }
        let meta = decode_meta(&mut r)?;
        docs.push(Document {
            id,
            title,
            body,
            length,
            sections,
            meta,
        });
    }
    if !r.is_empty() {
        return Err(Error::corrupt("bytes after the last document"));
    }
    Ok(docs)
}
