//! IndexData -> bytes. See `FORMAT.md`.

use super::bytes::{put_bytes, put_str, put_varint};
use super::{MAGIC, VERSION, postings};
use crate::build::IndexData;
use crate::meta::Meta;

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

pub fn encode(data: &IndexData) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());

    let mut docs = Vec::new();
    put_varint(&mut docs, data.docs.len() as u64);
    for d in &data.docs {
        put_str(&mut docs, &d.id);
        put_str(&mut docs, &d.title);
        put_str(&mut docs, &d.body);
        put_varint(&mut docs, u64::from(d.length));
        put_varint(&mut docs, d.sections.len() as u64);
        for s in &d.sections {
            put_str(&mut docs, &s.heading);
            put_varint(&mut docs, u64::from(s.offset));
            put_varint(&mut docs, u64::from(s.position));
            put_varint(&mut docs, u64::from(s.words));
        }
        put_meta(&mut docs, &d.meta);
    }
    put_bytes(&mut out, &docs);

    // The dictionary maps each term to where its posting list starts.
    let mut lists = Vec::new();
    let mut dict = fst::MapBuilder::memory();
    for (term, list) in &data.terms {
        dict.insert(term, lists.len() as u64)
            .expect("BTreeMap keys are unique and sorted");
        postings::encode(list, &mut lists);
    }
    put_bytes(
        &mut out,
        &dict.into_inner().expect("writing to memory cannot fail"),
    );
    put_bytes(&mut out, &lists);

    let crc = crc32fast::hash(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    out
}
