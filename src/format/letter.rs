//! A letter file: one letter, fetched only when it is shown (a hit's title and excerpt, the
//! reader). It holds the text and metadata, and the index terms that the query analyzer cannot
//! find again by itself (compound parts, joined codes), so matches can be marked without
//! downloading any positions. See `FORMAT.md`.

use super::postings::ascending;
use super::{FileKind, Reader, finished, put_str, put_varint};
use crate::analyze::{Word, fold, words};
use crate::doc::{Document, Section};
use crate::error::{Error, Result};
use crate::meta::{Kind, Link, Meeting, Meta, Precision};
use crate::say::cat;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    /// The letter's number in the index (`doc` everywhere a letter's number is meant).
    pub doc: u32,
    /// The build's stamp (the entry file's): a letter of another build given under this one's
    /// name is told by it.
    pub stamp: u64,
    pub document: Document,
    /// Terms the index holds at positions where the word itself means another term, other than
    /// the parts below (joined codes: `f16`). By term, positions ascending.
    pub extras: Vec<(String, Vec<u32>)>,
    /// Compound parts (`afweer` inside `luchtafweer`) as (position, start, end): the part is
    /// those bytes of the folded word at that position. Positions ascending.
    pub parts: Vec<(u32, u32, u32)>,
}

impl Letter {
    pub fn encode(&self) -> Vec<u8> {
        let d = &self.document;
        let mut out = Vec::with_capacity(d.body.len() + 256);
        put_varint(&mut out, u64::from(self.doc));
        out.extend_from_slice(&self.stamp.to_le_bytes());
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
        put_varint(&mut out, self.parts.len() as u64);
        let mut last = 0;
        for &(position, start, end) in &self.parts {
            put_varint(&mut out, u64::from(position - last));
            put_varint(&mut out, u64::from(start));
            put_varint(&mut out, u64::from(end - start));
            last = position;
        }
        put_varint(&mut out, self.extras.len() as u64);
        for (term, positions) in &self.extras {
            put_str(&mut out, term);
            put_varint(&mut out, positions.len() as u64);
            super::postings::put_positions(&mut out, positions);
        }
        put_links(&mut out, &d.meta.same_meeting, false);
        put_links(&mut out, &d.meta.related, true);
        put_varint(&mut out, d.pages.len() as u64);
        let mut last = 0;
        for &start in &d.pages {
            put_varint(&mut out, u64::from(start - last));
            last = start;
        }
        put_str(&mut out, d.source.as_deref().unwrap_or(""));
        put_varint(&mut out, d.meta.fields.len() as u64);
        for (name, value) in &d.meta.fields {
            put_str(&mut out, name);
            put_str(&mut out, value);
        }
        super::seal(FileKind::Letter, &out)
    }

    pub fn decode(bytes: &[u8]) -> Result<Letter> {
        let body = super::open(FileKind::Letter, bytes)?;
        let mut r = Reader::new(body, "a letter file");
        let number = r.u32()?;
        let stamp = u64::from_le_bytes(
            r.take(8)?
                .try_into()
                .map_err(|_| Error::corrupt("a letter's stamp"))?,
        );
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
        let parts = get_parts(&mut r, &text, length)?;
        let mut extras = Vec::with_capacity(r.count()?);
        for _ in 0..extras.capacity() {
            let term = r.str()?.to_string();
            let n = r.count()?;
            let positions = ascending(&mut r, n, length, "a letter's term positions")?;
            extras.push((term, positions));
        }
        let mut meta = meta;
        meta.same_meeting = get_links(&mut r, false)?;
        meta.related = get_links(&mut r, true)?;
        let pages = get_pages(&mut r, &text)?;
        let source = Some(r.str()?.to_string()).filter(|s| !s.is_empty());
        meta.fields = get_fields(&mut r)?;
        finished(&r, FileKind::Letter)?;
        let doc = Document {
            id,
            title,
            body: text,
            length,
            sections,
            meta,
            pages,
            source,
        };
        Ok(Letter {
            doc: number,
            stamp,
            document: doc,
            extras,
            parts,
        })
    }
}

/// The owner's fields, (name, value) with the names ascending and each once.
fn get_fields(r: &mut Reader) -> Result<Vec<(String, String)>> {
    let n = r.count()?;
    let mut fields: Vec<(String, String)> = Vec::with_capacity(n);
    for _ in 0..n {
        let field = (r.str()?.to_string(), r.str()?.to_string());
        if fields.last().is_some_and(|last| last.0 >= field.0) {
            return Err(Error::corrupt("a letter's fields are not in order"));
        }
        fields.push(field);
    }
    Ok(fields)
}

/// Where the pages begin: from 0, ascending, each on a character boundary of the body.
fn get_pages(r: &mut Reader, body: &str) -> Result<Vec<u32>> {
    let n = r.count()?;
    let mut pages = Vec::with_capacity(n);
    let mut at = 0u32;
    for i in 0..n {
        let delta = r.u32()?;
        at = at
            .checked_add(delta)
            .filter(|&at| body.is_char_boundary(at as usize))
            .ok_or_else(|| Error::corrupt("a page begins outside its letter"))?;
        if i == 0 && at != 0 {
            return Err(Error::corrupt("a letter's first page does not begin it"));
        }
        pages.push(at);
    }
    Ok(pages)
}

/// The compound parts, each checked to lie inside its word on character boundaries.
fn get_parts(r: &mut Reader, body: &str, length: u32) -> Result<Vec<(u32, u32, u32)>> {
    let n = r.count()?;
    let mut parts = Vec::with_capacity(n);
    let mut spans: Vec<Word> = Vec::new();
    // The folded word at the current position: a compound's parts follow one another.
    let mut folded: Option<(u32, String)> = None;
    let mut position = 0u32;
    for _ in 0..n {
        position = position
            .checked_add(r.u32()?)
            .filter(|&p| p < length)
            .ok_or_else(|| Error::corrupt("a compound part's position is out of range"))?;
        let start = r.u32()?;
        let end = start.saturating_add(r.u32()?);
        if spans.is_empty() {
            spans = words(body).collect();
        }
        if folded.as_ref().is_none_or(|(p, _)| *p != position) {
            let word = spans.get(position as usize).map(|w| &body[w.start..w.end]);
            folded = Some((position, word.map(fold).unwrap_or_default()));
        }
        let word = folded.as_ref().map_or("", |(_, f)| f.as_str());
        if start >= end || word.get(start as usize..end as usize).is_none() {
            return Err(Error::corrupt("a compound part does not fit its word"));
        }
        parts.push((position, start, end));
    }
    Ok(parts)
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
            put_str(out, &m.name);
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
        kind: known(kind, Kind::from_name, "kind")?,
        minister: opt(r.str()?),
        kamerstuk: opt(r.str()?),
        meeting: match r.u8()? {
            0 => None,
            1 => Some(Meeting {
                place: opt(r.str()?),
                start: r.str()?.to_string(),
                end: r.str()?.to_string(),
                summit: opt(r.str()?),
                name: r.str()?.to_string(),
            }),
            flag => return Err(Error::corrupt(cat!("meeting flag ", flag))),
        },
        // Kept in the title only.
        subject: None,
        // At the letter's end (`Letter::decode`).
        same_meeting: Vec::new(),
        related: Vec::new(),
        fields: Vec::new(),
    })
}

/// Other letters: id, kind, date and, with `titled`, title (empty is absent).
fn put_links(out: &mut Vec<u8>, links: &[Link], titled: bool) {
    put_varint(out, links.len() as u64);
    for link in links {
        put_str(out, &link.id);
        put_str(out, link.kind.map_or("", |k| k.name()));
        put_str(out, link.date.as_deref().unwrap_or(""));
        if titled {
            put_str(out, link.title.as_deref().unwrap_or(""));
        }
    }
}

fn get_links(r: &mut Reader, titled: bool) -> Result<Vec<Link>> {
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let mut links = Vec::new();
    for _ in 0..r.count()? {
        links.push(Link {
            id: r.str()?.to_string(),
            kind: known(r.str()?, Kind::from_name, "kind")?,
            date: opt(r.str()?),
            title: if titled { opt(r.str()?) } else { None },
        });
    }
    Ok(links)
}

/// The title of a sealed letter file, read without the rest.
pub fn title_of(bytes: &[u8]) -> Result<String> {
    let mut r = Reader::new(super::open(FileKind::Letter, bytes)?, "a letter file");
    r.u32()?;
    r.take(8)?;
    r.str()?;
    Ok(r.str()?.to_string())
}

/// An optional named value: empty is absent, an unknown name is corruption.
pub(crate) fn known<T>(name: &str, parse: fn(&str) -> Option<T>, what: &str) -> Result<Option<T>> {
    if name.is_empty() {
        return Ok(None);
    }
    parse(name)
        .map(Some)
        .ok_or_else(|| Error::corrupt(cat!("unknown ", what, " \"", name, "\"")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letter(parts: Vec<(u32, u32, u32)>) -> Letter {
        let mut doc = Document::new("a", "het opleidingsprogramma loopt");
        doc.length = 3;
        Letter {
            doc: 0,
            stamp: 7,
            document: doc,
            extras: Vec::new(),
            parts,
        }
    }

    #[test]
    fn the_letters_of_its_meeting_round_trip_and_a_bad_kind_is_corruption() {
        let mut l = letter(Vec::new());
        l.document.meta.same_meeting = vec![
            Link {
                id: "000_report".into(),
                kind: Some(Kind::Verslag),
                date: Some("2023-06".into()),
                title: None,
            },
            Link {
                id: "x".into(),
                kind: None,
                date: None,
                title: None,
            },
        ];
        l.document.meta.related = vec![Link {
            id: "y".into(),
            kind: Some(Kind::Agenda),
            date: Some("2024-02-01".into()),
            title: Some("Geannoteerde agenda".into()),
        }];
        assert_eq!(Letter::decode(&l.encode()).unwrap(), l);
        // The same bytes with the kind renamed: not a kind this version knows.
        let body = super::super::open(FileKind::Letter, &l.encode())
            .unwrap()
            .to_vec();
        let at = body.windows(7).position(|w| w == b"verslag").unwrap();
        let mut bad = body.clone();
        bad[at..at + 7].copy_from_slice(b"verslah");
        let err = Letter::decode(&super::super::seal(FileKind::Letter, &bad));
        assert!(matches!(err, Err(Error::Corrupt { .. })), "{err:?}");
    }

    #[test]
    fn a_compound_part_must_fit_its_word() {
        let good = letter(vec![(1, 0, 9), (1, 10, 19)]);
        assert_eq!(Letter::decode(&good.encode()).unwrap().parts, good.parts);
        for bad in [(1, 10, 20), (1, 5, 5), (0, 0, 4), (3, 0, 1)] {
            let err = Letter::decode(&letter(vec![bad]).encode());
            assert!(
                matches!(err, Err(Error::Corrupt { .. })),
                "{bad:?}: {err:?}"
            );
        }
    }
}
