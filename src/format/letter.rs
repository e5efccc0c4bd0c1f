//! A letter file: one letter, fetched only when it is shown (a hit's title and excerpt, the
//! reader). It holds the text and metadata, and the index terms that the query analyzer cannot
//! find again by itself (compound parts, joined codes), so matches can be marked without
//! downloading any positions. See `FORMAT.md`.

use super::postings::ascending;
use super::{Kind, Reader, finished, put_str, put_varint};
use crate::analyze::Word;
use crate::doc::{Document, Section};
use crate::error::{Error, Result};
use crate::meta::{Kind as LetterKind, Meeting, Meta, Precision};
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    /// Its number in the index (postings name letters by number).
    pub number: u32,
    pub doc: Document,
    /// Terms the index holds at positions where the word itself means another term: compound
    /// parts (`afweer` inside `luchtafweer`) and joined codes (`f16`). By term, positions ascending.
    pub extras: Vec<(String, Vec<u32>)>,
    /// The body's words and the query analyzer's term of each, worked out by the searcher the
    /// first time the letter is shown and kept: stemming a long letter on every query would cost
    /// more than the rest of the query.
    pub words: OnceLock<(Vec<Word>, Vec<String>)>,
}

impl Letter {
    pub fn encode(&self) -> Vec<u8> {
        let d = &self.doc;
        let mut out = Vec::with_capacity(d.body.len() + 256);
        put_varint(&mut out, u64::from(self.number));
        put_str(&mut out, &d.id);
        put_str(&mut out, &d.title);
        put_str(&mut out, &d.body);
        put_varint(&mut out, u64::from(d.length));
        put_varint(&mut out, d.sections.len() as u64);
        for s in &d.sections {
            put_str(&mut out, &s.heading);
            put_varint(&mut out, u64::from(s.offset));
            put_varint(&mut out, u64::from(s.position));
            put_varint(&mut out, u64::from(s.words));
        }
        put_meta(&mut out, &d.meta);
        put_varint(&mut out, self.extras.len() as u64);
        for (term, positions) in &self.extras {
            put_str(&mut out, term);
            put_varint(&mut out, positions.len() as u64);
            super::postings::put_positions(&mut out, positions);
        }
        super::seal(Kind::Letter, &out)
    }

    pub fn decode(bytes: &[u8]) -> Result<Letter> {
        let body = super::open(Kind::Letter, bytes)?;
        let mut r = Reader::new(body, "a letter file");
        let number = r.u32()?;
        let id = r.str()?.to_string();
        let title = r.str()?.to_string();
        let text = r.str()?.to_string();
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
            if text.get(section.offset as usize..end) != Some(section.heading.as_str()) {
                return Err(Error::corrupt(
                    "a section heading is not where its offset says",
                ));
            }
            sections.push(section);
        }
        let meta = get_meta(&mut r)?;
        let mut extras = Vec::with_capacity(r.count()?);
        for _ in 0..extras.capacity() {
            let term = r.str()?.to_string();
            let n = r.count()?;
            let positions = ascending(&mut r, n, length, "a letter's term positions")?;
            extras.push((term, positions));
        }
        finished(&r, Kind::Letter)?;
        let doc = Document {
            id,
            title,
            body: text,
            length,
            sections,
            meta,
        };
        Ok(Letter {
            number,
            doc,
            extras,
            words: OnceLock::new(),
        })
    }
}

/// Absent values are written as empty strings.
fn put_meta(out: &mut Vec<u8>, meta: &Meta) {
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    put_str(out, &opt(&meta.date));
    put_str(out, meta.date_precision.map_or("", |p| p.name()));
    put_str(out, meta.kind.map_or("", |k| k.name()));
    put_str(out, &opt(&meta.minister));
    put_str(out, &opt(&meta.kamerstuk));
    match &meta.meeting {
        None => out.push(0),
        Some(m) => {
            out.push(1);
            put_str(out, &opt(&m.place));
            put_str(out, &m.start);
            put_str(out, &m.end);
            put_str(out, &opt(&m.summit));
        }
    }
}

fn get_meta(r: &mut Reader) -> Result<Meta> {
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let date = opt(r.str()?);
    let precision = r.str()?;
    let kind = r.str()?;
    Ok(Meta {
        date,
        date_precision: known(precision, Precision::from_name, "date precision")?,
        kind: known(kind, LetterKind::from_name, "kind")?,
        minister: opt(r.str()?),
        kamerstuk: opt(r.str()?),
        meeting: match r.u8()? {
            0 => None,
            1 => Some(Meeting {
                place: opt(r.str()?),
                start: r.str()?.to_string(),
                end: r.str()?.to_string(),
                summit: opt(r.str()?),
            }),
            flag => return Err(Error::corrupt(format!("meeting flag {flag}"))),
        },
    })
}

/// An optional named value: empty is absent, an unknown name is corruption.
pub(crate) fn known<T>(name: &str, parse: fn(&str) -> Option<T>, what: &str) -> Result<Option<T>> {
    if name.is_empty() {
        return Ok(None);
    }
    parse(name)
        .map(Some)
        .ok_or_else(|| Error::corrupt(format!("unknown {what} \"{name}\"")))
}
