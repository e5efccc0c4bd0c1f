//! The letter table: per letter what filters, facets and date sorting read (date, kind, minister),
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

/// Date, precision, kind, minister (0 none, else 1 + its number as it came).
type TableRow = (Box<str>, Option<Precision>, Option<Kind>, u32);

/// The letter table as a build makes it, a letter at a time: what the table keeps of each letter
/// (a few bytes, not its whole metadata, so that a build of 300,000 letters holds little more),
/// ministers numbered as they come and sorted at the end.
pub struct TableBuilder {
    ministers: HashMap<String, u32>,
    /// Per letter: date, precision, kind, minister (0 none, else 1 + its number as it came).
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
            ministers: HashMap::new(),
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
        let titles = self.titles.filter(|t| t.len() == ids.len());
        out.push(u8::from(titles.is_some()));
        for (n, (date, precision, kind, minister)) in self.rows.iter().enumerate() {
            put_str(&mut out, date);
            put_str(&mut out, precision.map_or("", |p| p.name()));
            put_str(&mut out, kind.map_or("", |k| k.name()));
            put_varint(&mut out, renumber[*minister as usize]);
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
    let ministers = (0..r.count()?)
        .map(|_| r.str().map(str::to_string))
        .collect::<Result<Vec<_>>>()?;
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
        metas.push(Meta {
            date: (!date.is_empty()).then(|| date.to_string()),
            date_precision: known(precision, Precision::from_name, "date precision")?,
            kind: known(kind, Kind::from_name, "kind")?,
            minister,
            ..Meta::default()
        });
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
    let ids = (0..n)
        .map(|_| r.str().map(str::to_string))
        .collect::<Result<Vec<_>>>()?;
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
