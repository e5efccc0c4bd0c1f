//! The letter table: per letter what filters, facets and date sorting read (date, kind, minister,
//! the site owner's own fields),
//! fetched only when a query filters, sorts by date or asks for facets; in an archive of at most
//! [`PREVIEW_MAX_LETTERS`], also each letter's id and title, so that a query's hits can be shown
//! with titles before their letter files come (the page fetches the table after its first
//! results). And the id list, fetched only to open a letter by id that no search has shown. See
//! `FORMAT.md`.

use super::letter::known;
use super::{FileKind, Reader, finished, put_str, put_varint};
use crate::error::{Error, Result};
use crate::meta::{Kind, Meta, Precision};
use std::collections::HashMap;

/// The largest archive whose table holds every letter's id and title. At 1,000 letters of the
/// benchmark they add about 20 KB gzip to the table (ids are file names with a hash, titles
/// repeat); at 2,000 about 40 KB, as much as one new query's letters on a slow link: beyond that,
/// the table every facet needs would cost more than the early titles save.
pub const PREVIEW_MAX_LETTERS: usize = 2_000;

/// The longest name of an owner's field, in bytes (a column's name, as a build keeps it).
pub const MAX_NAME_BYTES: usize = 64;

/// Date, precision, kind, minister (0 none, else 1 + its number as it came), the owner's fields
/// (each name's number as it came, the value).
type TableRow = (
    Box<str>,
    Option<Precision>,
    Option<Kind>,
    u32,
    Box<[(u32, Box<str>)]>,
);

/// The letter table as a build makes it, a letter at a time: what the table keeps of each letter
/// (a few bytes, not its whole metadata, so that a build of 300,000 letters holds little more),
/// ministers and field names numbered as they come and sorted at the end.
#[derive(Default)]
struct Numbering(HashMap<String, u32>);

impl Numbering {
    fn number(&mut self, name: &str) -> u32 {
        let next = self.0.len() as u32;
        match self.0.get(name) {
            Some(&n) => n,
            None => *self.0.entry(name.to_string()).or_insert(next),
        }
    }

    /// The names ascending, and for each number as it came its place among them.
    fn sorted(&self) -> (Vec<&String>, Vec<u64>) {
        let mut names: Vec<(&String, &u32)> = self.0.iter().collect();
        names.sort_unstable();
        let mut place = vec![0u64; names.len()];
        for (at, (_, came)) in names.iter().enumerate() {
            place[**came as usize] = at as u64;
        }
        (names.into_iter().map(|(name, _)| name).collect(), place)
    }
}

pub struct TableBuilder {
    ministers: Numbering,
    fields: Numbering,
    /// Per letter: date, precision, kind, minister, fields.
    rows: Vec<TableRow>,
    /// Per letter its title, while there are at most [`PREVIEW_MAX_LETTERS`]; then none.
    titles: Option<Vec<Box<str>>>,
}

/// What a page reads of the letter table: per letter its metadata, and in a small archive its
/// id and title (empty otherwise).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LetterTable {
    pub metas: Vec<Meta>,
    pub previews: Vec<(String, String)>,
}

impl Default for TableBuilder {
    fn default() -> Self {
        TableBuilder {
            ministers: Numbering::default(),
            fields: Numbering::default(),
            rows: Vec::new(),
            titles: Some(Vec::new()),
        }
    }
}

impl TableBuilder {
    pub fn add(&mut self, meta: &Meta, title: &str) {
        if let Some(titles) = &mut self.titles {
            if titles.len() < PREVIEW_MAX_LETTERS {
                titles.push(title.into());
            } else {
                // A large archive: no titles, and none held while the build goes on.
                self.titles = None;
            }
        }
        let minister = meta
            .minister
            .as_ref()
            .map_or(0, |name| 1 + self.ministers.number(name));
        let fields = meta
            .fields
            .iter()
            .map(|(name, value)| (self.fields.number(name), value.as_str().into()))
            .collect();
        let date = meta.date.as_deref().unwrap_or("").into();
        self.rows
            .push((date, meta.date_precision, meta.kind, minister, fields));
    }

    /// Letter `n`'s kind and date, as other letters name it.
    pub fn about(&self, n: usize) -> (Option<Kind>, Option<String>) {
        let (date, _, kind, _, _) = &self.rows[n];
        (*kind, (!date.is_empty()).then(|| date.to_string()))
    }

    /// The bytes the ids and titles add to the table (none in a large archive): a one-file
    /// index derives its table from the letters, so they are not part of its size.
    /// Written as `finish` writes them (at most 2,000 of each), so the two cannot disagree.
    pub fn titles_bytes(&self, ids: &[String]) -> usize {
        let mut out = Vec::new();
        for (id, title) in ids.iter().zip(self.titles.iter().flatten()) {
            put_str(&mut out, id);
            put_str(&mut out, title);
        }
        out.len()
    }

    /// The table's bytes; `ids` are the letters' ids by number, as many as were added.
    pub fn finish(self, ids: &[String]) -> Vec<u8> {
        let (ministers, minister_at) = self.ministers.sorted();
        let (fields, field_at) = self.fields.sorted();
        let mut out = Vec::new();
        for names in [&ministers, &fields] {
            put_varint(&mut out, names.len() as u64);
            for name in names {
                put_str(&mut out, name);
            }
        }
        put_varint(&mut out, self.rows.len() as u64);
        let titles = self.titles.filter(|t| t.len() == ids.len());
        out.push(u8::from(titles.is_some()));
        for (n, (date, precision, kind, minister, own)) in self.rows.iter().enumerate() {
            put_str(&mut out, date);
            put_str(&mut out, precision.map_or("", |p| p.name()));
            put_str(&mut out, kind.map_or("", |k| k.name()));
            // 0 none, else 1 + its place in name order.
            let minister = minister
                .checked_sub(1)
                .map_or(0, |m| 1 + minister_at[m as usize]);
            put_varint(&mut out, minister);
            // The letter's names ascend, and so do their places: the order is the same.
            put_varint(&mut out, own.len() as u64);
            for (name, value) in own.iter() {
                put_varint(&mut out, field_at[*name as usize]);
                put_str(&mut out, value);
            }
            if let Some(titles) = &titles {
                put_str(&mut out, &ids[n]);
                put_str(&mut out, &titles[n]);
            }
        }
        super::seal(FileKind::Table, &out)
    }
}

/// Per letter, the fields of its metadata that the table keeps, and the ids and titles if it
/// keeps them; `docs` letters exactly.
pub fn decode_table(bytes: &[u8], docs: u32) -> Result<LetterTable> {
    let mut r = Reader::new(super::open(FileKind::Table, bytes)?, "the letter table");
    let n = r.count()?;
    let ministers = r.strings(n)?;
    let n = r.count()?;
    let fields = r.strings(n)?;
    // Each letter copies the names of its fields: a name no build writes (a column's is at
    // most MAX_NAME_BYTES) would make a small crafted table a large one in memory.
    if fields.iter().any(|name| name.len() > MAX_NAME_BYTES) {
        return Err(Error::corrupt("the letter table names a field too long"));
    }
    let n = r.count()?;
    if n != docs as usize {
        return Err(Error::corrupt(
            "the letter table has another number of letters",
        ));
    }
    let titled = match r.u8()? {
        0 => false,
        1 => true,
        _ => {
            return Err(Error::corrupt(
                "the letter table's titles flag is neither 0 nor 1",
            ));
        }
    };
    let mut metas = Vec::with_capacity(n);
    let mut previews = Vec::new();
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
        let mut meta = Meta {
            date: (!date.is_empty()).then(|| date.to_string()),
            date_precision: known(precision, Precision::from_name, "date precision")?,
            kind: known(kind, Kind::from_name, "kind")?,
            minister,
            ..Meta::default()
        };
        // Places ascend, so a letter names each field once at most.
        let mut next = 0;
        for _ in 0..r.count()? {
            let at = r.usize()?;
            let name = fields.get(at).filter(|_| at >= next).ok_or_else(|| {
                Error::corrupt("the letter table's fields are not its names in order")
            })?;
            next = at + 1;
            meta.fields.push((name.clone(), r.str()?.to_string()));
        }
        metas.push(meta);
        if titled {
            let id = r.str()?.to_string();
            previews.push((id, r.str()?.to_string()));
        }
    }
    finished(&r, FileKind::Table)?;
    Ok(LetterTable { metas, previews })
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
    let ids = r.strings(n)?;
    finished(&r, FileKind::Ids)?;
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_bytes_are_what_the_titles_add_to_the_table() {
        let ids: Vec<String> = ["a", "b_123", &"x".repeat(200)].map(String::from).to_vec();
        let table = |titled: bool| {
            let mut b = TableBuilder::default();
            for (i, _) in ids.iter().enumerate() {
                b.add(&Meta::default(), &"Titel ".repeat(i * 30));
            }
            if !titled {
                b.titles = None;
            }
            (b.titles_bytes(&ids), b.finish(&ids).len())
        };
        let ((titles, with), (none, without)) = (table(true), table(false));
        assert_eq!(none, 0);
        assert_eq!(with - without, titles);
    }
}
