//! The site owner's metadata file (`kamerzoek build LETTERS --metadata FILE`): a CSV file with a
//! header row, or a `.jsonl` file of objects, one row per letter keyed by `id`. A known column
//! (`title`, `date`, `kind`, `minister`, `url`) overrides what the build reads from the letter;
//! every other column is a field of the owner's (`kamerstuk`), kept with the letter, shown in its
//! hit and searchable as words.
//!
//! A bad value (a date that is none, an unknown kind, a `javascript:` URL), a row without an id or
//! with an id seen before, a row for no letter and a letter without a row: one warning each,
//! naming the file, the line and the value; the rest is used. A file that cannot be read as its
//! kind (an unclosed quote) stops the build with its line, before anything is written.

mod csv;
mod jsonl;

use super::Warning;
use crate::doc::Document;
use crate::error::{Error, Result};
use crate::format::table::MAX_NAME_BYTES;
use crate::meta::{Kind, Meta, Precision};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// A metadata file larger than this is not one (100,000 rows of a few hundred bytes fit).
pub const MAX_METADATA_BYTES: u64 = 64 * 1024 * 1024;

/// What the owner says of one letter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub title: Option<String>,
    pub date: Option<(String, Precision)>,
    pub kind: Option<Kind>,
    pub minister: Option<String>,
    pub url: Option<String>,
    /// The owner's own fields, by name ascending.
    pub fields: Vec<(String, String)>,
}

/// The rows of a metadata file by letter id.
#[derive(Debug, Clone, Default)]
pub struct OwnerMetadata {
    pub path: String,
    rows: HashMap<String, Row>,
}

impl OwnerMetadata {
    /// Reads `path`; its warnings beside it. `Err` when the file cannot be read as CSV or JSON
    /// lines, at the line where it stops being so.
    pub fn read(path: &Path) -> Result<(OwnerMetadata, Vec<Warning>)> {
        let shown = path.display().to_string();
        let size = std::fs::metadata(path)
            .map_err(|e| Error::io(&shown, e))?
            .len();
        if size > MAX_METADATA_BYTES {
            return Err(Error::TooLarge {
                path: shown,
                what: "metadata file",
                max_mb: MAX_METADATA_BYTES >> 20,
            });
        }
        let bytes = std::fs::read(path).map_err(|e| Error::io(&shown, e))?;
        let text = String::from_utf8(bytes).map_err(|e| Error::Malformed {
            path: shown.clone(),
            line: 1 + e.as_bytes()[..e.utf8_error().valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count(),
            what: "not UTF-8 (save it as UTF-8)".into(),
        })?;
        let malformed = |(line, what): (usize, String)| Error::Malformed {
            path: shown.clone(),
            line,
            what,
        };
        let jsonl = shown.to_lowercase().ends_with(".jsonl");
        let records: Vec<jsonl::Record> = if jsonl {
            jsonl::records(&text).map_err(malformed)?
        } else {
            let mut records = csv::records(&text).map_err(malformed)?.into_iter();
            let (line, header) = records.next().unwrap_or((1, Vec::new()));
            if !header
                .iter()
                .any(|name| name.trim().eq_ignore_ascii_case("id"))
            {
                return Err(malformed((line, "no column named id in the header".into())));
            }
            records
                .map(|(line, values)| {
                    let named = header.iter().map(|n| n.trim().to_string());
                    (line, named.zip(values.into_iter().map(Ok)).collect())
                })
                .collect()
        };
        Ok(rows(&shown, records))
    }

    /// What the owner says of the letter `id`.
    pub fn row(&self, id: &str) -> Option<&Row> {
        self.rows.get(id)
    }

    /// A warning for each row whose id is no letter's (`ids`), by line.
    pub fn unmatched(&self, ids: &std::collections::HashSet<&str>) -> Vec<Warning> {
        let mut lines: Vec<(usize, &str)> = self
            .rows
            .iter()
            .filter(|(id, _)| !ids.contains(id.as_str()))
            .map(|(id, row)| (row.line, id.as_str()))
            .collect();
        lines.sort();
        lines
            .into_iter()
            .map(|(line, id)| Warning {
                path: self.path.clone(),
                message: format!("line {line}: no letter has the id \"{id}\"; the row is not used"),
            })
            .collect()
    }

    /// A warning naming each letter of `ids` that has no row.
    pub fn without_row<'a>(&self, ids: impl Iterator<Item = &'a str>) -> Vec<Warning> {
        ids.filter(|id| !self.rows.contains_key(*id))
            .map(|id| Warning {
                path: self.path.clone(),
                message: format!("no row for the letter \"{id}\": what its text says is used"),
            })
            .collect()
    }

    /// How many letters of `ids` take each field from the file: known fields first, then the
    /// owner's own by name.
    pub fn counts<'a>(&self, ids: impl Iterator<Item = &'a str>) -> Vec<(String, usize)> {
        let mut known = [0usize; 5];
        let mut own: BTreeMap<String, usize> = BTreeMap::new();
        for row in ids.filter_map(|id| self.rows.get(id)) {
            let has = [
                row.title.is_some(),
                row.date.is_some(),
                row.kind.is_some(),
                row.minister.is_some(),
                row.url.is_some(),
            ];
            for (count, has) in known.iter_mut().zip(has) {
                *count += usize::from(has);
            }
            for (name, _) in &row.fields {
                *own.entry(name.clone()).or_default() += 1;
            }
        }
        KNOWN
            .iter()
            .zip(known)
            .filter(|(_, n)| *n > 0)
            .map(|(name, n)| (name.to_string(), n))
            .chain(own)
            .collect()
    }
}

impl Row {
    /// The letter's metadata with the owner's values in place of what its text gave.
    pub fn over(&self, mut meta: Meta) -> Meta {
        if let Some(title) = &self.title {
            meta.subject = Some(title.clone());
        }
        if let Some((date, precision)) = &self.date {
            meta.date = Some(date.clone());
            meta.date_precision = Some(*precision);
        }
        meta.kind = self.kind.or(meta.kind);
        if let Some(minister) = &self.minister {
            meta.minister = Some(minister.clone());
        }
        meta.fields = self.fields.clone();
        meta
    }

    /// The owner's link, where the row gives one, on the letter.
    pub fn onto(&self, doc: &mut Document) {
        if self.url.is_some() {
            doc.source = self.url.clone();
        }
    }
}

const KNOWN: [&str; 5] = ["title", "date", "kind", "minister", "url"];

/// The rows of `records`, each value checked; the warnings of what was left out.
fn rows(path: &str, records: Vec<jsonl::Record>) -> (OwnerMetadata, Vec<Warning>) {
    let mut warnings = Vec::new();
    let mut warn = |line: usize, message: String| {
        warnings.push(Warning {
            path: path.to_string(),
            message: format!("line {line}: {message}"),
        })
    };
    let mut by_id: HashMap<String, Row> = HashMap::new();
    // Columns a filter could not name, each told once.
    let mut unnamed: Vec<String> = Vec::new();
    // The owner's fields as they first come; past MAX_OWN_FIELDS, told once and left out.
    let mut own: Vec<String> = Vec::new();
    for (line, values) in records {
        let mut row = Row {
            line,
            ..Row::default()
        };
        let mut id = None;
        let mut fields = BTreeMap::new();
        for (name, value) in values {
            // A JSON key as a CSV header: without the spaces around it.
            let name = name.trim().to_string();
            let value = match value {
                Ok(value) => value.trim().to_string(),
                Err(what) => {
                    warn(line, format!("{name}: {what}; left out"));
                    continue;
                }
            };
            if value.is_empty() || name.is_empty() {
                continue;
            }
            // A spreadsheet's header may say `Title` or `URL`: the known names in any case.
            match name.to_ascii_lowercase().as_str() {
                "id" => id = Some(value),
                "title" => row.title = Some(value),
                "minister" => row.minister = Some(value),
                "date" => match date(&value) {
                    Some(date) => row.date = Some(date),
                    None => warn(
                        line,
                        format!(
                            "date \"{value}\" is not YYYY, YYYY-MM or YYYY-MM-DD; the letter's own is used"
                        ),
                    ),
                },
                "kind" => match Kind::from_name(&value.to_lowercase()) {
                    Some(kind) => row.kind = Some(kind),
                    None => warn(
                        line,
                        format!(
                            "kind \"{value}\" is none of {}; the letter's own is used",
                            Kind::names().collect::<Vec<_>>().join(", ")
                        ),
                    ),
                },
                "url" => match safe_url(&value) {
                    true => row.url = Some(value),
                    false => warn(
                        line,
                        format!("url \"{value}\" is not http:, https: or relative; no link"),
                    ),
                },
                "year" | "from" | "to" => {
                    let why = "year, from and to are the search's own filters";
                    unnamed_column(&name, why, line, &mut unnamed, &mut warn);
                }
                _ if name.contains('=') => {
                    let why = "a filter's name ends at its =";
                    unnamed_column(&name, why, line, &mut unnamed, &mut warn);
                }
                _ if name.len() > MAX_NAME_BYTES => {
                    let why = format!("a field's name is at most {MAX_NAME_BYTES} bytes");
                    unnamed_column(&name, &why, line, &mut unnamed, &mut warn);
                }
                // A filter names a field in any case of its letters: `Nr` and `nr` would be one.
                _ => match own.iter().find(|o| o.eq_ignore_ascii_case(&name)) {
                    Some(first) if *first == name => {
                        fields.insert(name, value);
                    }
                    Some(first) => {
                        let why = format!("it is the column \"{first}\" in other capitals");
                        unnamed_column(&name, &why, line, &mut unnamed, &mut warn);
                    }
                    None if own.len() < MAX_OWN_FIELDS => {
                        own.push(name.clone());
                        fields.insert(name, value);
                    }
                    None => {
                        let why = format!(
                            "{MAX_OWN_FIELDS} fields of your own are the most an index keeps"
                        );
                        unnamed_column(&name, &why, line, &mut unnamed, &mut warn);
                    }
                },
            }
        }
        row.fields = fields.into_iter().collect();
        let Some(id) = id else {
            warn(line, "no id; the row is not used".into());
            continue;
        };
        if let Some(first) = by_id.get(&id) {
            let message = format!(
                "the id \"{id}\" again (first on line {}); this row is not used",
                first.line
            );
            warn(line, message);
            continue;
        }
        by_id.insert(id, row);
    }
    let metadata = OwnerMetadata {
        path: path.to_string(),
        rows: by_id,
    };
    (metadata, warnings)
}

/// The most fields of the owner's own an index keeps: each is a facet the widget shows and every
/// query counts, and a spreadsheet exported whole may have hundreds of columns.
pub const MAX_OWN_FIELDS: usize = 32;

/// The warning, the first time, for a column that cannot be a field of the letters (`why`): left
/// out.
fn unnamed_column(
    name: &str,
    why: &str,
    line: usize,
    told: &mut Vec<String>,
    warn: &mut impl FnMut(usize, String),
) {
    if !told.iter().any(|t| t == name) {
        told.push(name.to_string());
        let message = format!(
            "column \"{name}\" cannot be a field of the letters ({why}); it is left out: rename it"
        );
        warn(line, message);
    }
}

/// `2024`, `2024-03`, `2024-03-31`, with its precision; a month or day that is none is `None`.
fn date(value: &str) -> Option<(String, Precision)> {
    let parts: Vec<&str> = value.split('-').collect();
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok())?
    };
    let year = number(parts.first()?, 4)?;
    let month = parts.get(1).map(|m| number(m, 2));
    let day = parts.get(2).map(|d| number(d, 2));
    let precision = match (month, day, parts.len()) {
        (None, None, 1) => Precision::Year,
        (Some(Some(m)), None, 2) if (1..=12).contains(&m) => Precision::Month,
        (Some(Some(m)), Some(Some(d)), 3)
            if (1..=12).contains(&m) && d >= 1 && d <= days(year, m) =>
        {
            Precision::Day
        }
        _ => return None,
    };
    Some((value.to_string(), precision))
}

fn days(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// An address a link may go to: `http:`, `https:` or relative (no scheme at all). Anything else
/// (`javascript:`, `data:`, `file:`) would run or read something when the visitor clicks.
pub fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    if url.chars().any(char::is_control) {
        return false;
    }
    let scheme_end = lower.find([':', '/', '?', '#']);
    match scheme_end.map(|i| (i, lower.as_bytes()[i])) {
        Some((i, b':')) => matches!(&lower[..i], "http" | "https"),
        _ => true,
    }
}

#[cfg(test)]
mod tests;
