//! The letter table: per letter what filters, facets and date sorting read (date, kind, minister),
//! fetched only when a query filters, sorts by date or asks for facets. And the id list, fetched
//! only to open a letter by id that no search has shown. See `FORMAT.md`.

use super::letter::known;
use super::{FileKind, Reader, finished, put_str, put_varint};
use crate::error::{Error, Result};
use crate::meta::{Kind, Meta, Precision};
use std::collections::HashMap;

/// Date, precision, kind, minister (0 none, else 1 + its number as it came).
type TableRow = (Box<str>, Option<Precision>, Option<Kind>, u32);

/// The letter table as a build makes it, a letter at a time: what the table keeps of each letter
/// (a few bytes, not its whole metadata, so that a build of 300,000 letters holds little more),
/// ministers numbered as they come and sorted at the end.
#[derive(Default)]
pub struct TableBuilder {
    ministers: HashMap<String, u32>,
    /// Per letter: date, precision, kind, minister (0 none, else 1 + its number as it came).
    rows: Vec<TableRow>,
}

impl TableBuilder {
    pub fn add(&mut self, meta: &Meta) {
        let minister = meta.minister.as_ref().map_or(0, |name| {
            let next = self.ministers.len() as u32;
            1 + *self.ministers.entry(name.clone()).or_insert(next)
        });
        let date = meta.date.as_deref().unwrap_or("").into();
        self.rows
            .push((date, meta.date_precision, meta.kind, minister));
    }

    /// Letter `n`'s kind and date, as other letters name it.
    pub fn about(&self, n: usize) -> (Option<Kind>, Option<String>) {
        let (date, _, kind, _) = &self.rows[n];
        (*kind, (!date.is_empty()).then(|| date.to_string()))
    }

    pub fn finish(self) -> Vec<u8> {
        let mut ministers: Vec<(&String, &u32)> = self.ministers.iter().collect();
        ministers.sort_unstable();
        // 1 + number as it came -> 1 + place in name order.
        let mut renumber = vec![0u64; ministers.len() + 1];
        for (place, (_, came)) in ministers.iter().enumerate() {
            renumber[**came as usize + 1] = place as u64 + 1;
        }
        let mut out = Vec::new();
        put_varint(&mut out, ministers.len() as u64);
        for (m, _) in &ministers {
            put_str(&mut out, m);
        }
        put_varint(&mut out, self.rows.len() as u64);
        for (date, precision, kind, minister) in &self.rows {
            put_str(&mut out, date);
            put_str(&mut out, precision.map_or("", |p| p.name()));
            put_str(&mut out, kind.map_or("", |k| k.name()));
            put_varint(&mut out, renumber[*minister as usize]);
        }
        super::seal(FileKind::Table, &out)
    }
}

/// Per letter, the fields of its metadata that the table keeps; `docs` letters exactly.
pub fn decode_table(bytes: &[u8], docs: u32) -> Result<Vec<Meta>> {
    let mut r = Reader::new(super::open(FileKind::Table, bytes)?, "the letter table");
    let ministers = (0..r.count()?)
        .map(|_| r.str().map(str::to_string))
        .collect::<Result<Vec<_>>>()?;
    let n = r.count()?;
    if n != docs as usize {
        return Err(Error::corrupt(
            "the letter table has another number of letters",
        ));
    }
    let mut metas = Vec::with_capacity(n);
    for _ in 0..n {
        let date = r.str()?;
        let precision = r.str()?;
        let kind = r.str()?;
        let minister = match r.usize()? {
            0 => None,
            i => Some(
                ministers
                    .get(i - 1)
                    .ok_or_else(|| Error::corrupt("the letter table names no such minister"))?
                    .clone(),
            ),
        };
        metas.push(Meta {
            date: (!date.is_empty()).then(|| date.to_string()),
            date_precision: known(precision, Precision::from_name, "date precision")?,
            kind: known(kind, Kind::from_name, "kind")?,
            minister,
            ..Meta::default()
        });
    }
    finished(&r, FileKind::Table)?;
    Ok(metas)
}

pub fn encode_ids<'a>(ids: impl ExactSizeIterator<Item = &'a str>) -> Vec<u8> {
    let mut out = Vec::new();
    put_varint(&mut out, ids.len() as u64);
    for id in ids {
        put_str(&mut out, id);
    }
    super::seal(FileKind::Ids, &out)
}

/// Every letter's id, by number; `docs` of them exactly.
pub fn decode_ids(bytes: &[u8], docs: u32) -> Result<Vec<String>> {
    let mut r = Reader::new(super::open(FileKind::Ids, bytes)?, "the id list");
    let n = r.count()?;
    if n != docs as usize {
        return Err(Error::corrupt("the id list has another number of letters"));
    }
    let ids = (0..n)
        .map(|_| r.str().map(str::to_string))
        .collect::<Result<Vec<_>>>()?;
    finished(&r, FileKind::Ids)?;
    Ok(ids)
}
