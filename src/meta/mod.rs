//! Metadata, extracted at build time from a letter's own text (no table per file): its date,
//! kind, meeting, signing minister, parliamentary number, and a readable title made from them.
//! `METADATA.md` at the top of the repository says, per field, how it is derived and what happens
//! when the cue is missing. Each field has its file; `dates.rs` and `text.rs` serve them all.

mod dates;
mod kamerstuk;
mod kind;
mod meeting;
mod signer;
pub(crate) mod text;
mod title;

pub use dates::MONTHS;
pub use kind::Kind;
pub use meeting::Meeting;

use dates::DateMention;
use serde::Serialize;

/// How much of `date` is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// From the document's date line: `2025-01-31`.
    Day,
    /// No date of its own: the month of the meeting it is about (an agenda goes out in the
    /// weeks before, a report in the weeks after): `2023-06`.
    Month,
    /// From the colophon: `2024`.
    Year,
}

impl Precision {
    pub fn name(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }

    pub fn from_name(name: &str) -> Option<Precision> {
        [Precision::Day, Precision::Month, Precision::Year]
            .into_iter()
            .find(|p| p.name() == name)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Meta {
    /// ISO date, as precise as `date_precision` says: `2025-01-31`, `2023-06` or `2024`.
    pub date: Option<String>,
    pub date_precision: Option<Precision>,
    pub kind: Option<Kind>,
    pub meeting: Option<Meeting>,
    pub minister: Option<String>,
    /// The letter's own number: `28 676, nr. 449`.
    pub kamerstuk: Option<String>,
    /// Its title as the text gives it: what its `Betreft` line says it is about; or, for a
    /// meeting dated without a year anywhere, the meeting as the text names it. Only the title
    /// keeps it (the index stores the title, not this).
    pub subject: Option<String>,
    /// The other letters about the same meeting (its agenda, its report, the debate about them),
    /// oldest first: found by the build across all letters (`indexer::meetings`), stored in the
    /// letter's file.
    pub same_meeting: Vec<Link>,
    /// The letters most like it by the terms they share, best first: found by the build
    /// (`indexer::related`), stored in the letter's file.
    pub related: Vec<Link>,
    /// The site owner's own fields from the metadata file (`kamerstuk=28676-441`), by name
    /// ascending: shown, searchable, and filters and facets as the known fields are.
    pub fields: Vec<(String, String)>,
}

/// Another letter, as a letter names it: enough to link to it and say what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    pub id: String,
    pub kind: Option<Kind>,
    pub date: Option<String>,
    /// Its title (related letters; the letters of a meeting are named by their kind).
    pub title: Option<String>,
}

impl Meta {
    /// The year, for filters and facets.
    pub fn year(&self) -> Option<&str> {
        self.date.as_deref().and_then(|d| d.get(..4))
    }
}

/// The metadata of a letter: `raw` is its text as read (the colophon is page furniture, which the
/// clean-up removes), `body` its cleaned text.
pub fn extract(raw: &str, body: &str) -> Meta {
    let date_line = date_line(body);
    let colophon = colophon_year(raw);
    let year = date_line
        .and_then(|d| d.year)
        .or_else(|| common_year(body))
        .or(colophon);
    let own = date_line.and_then(|d| Some(d.first(d.year?)));
    let kind = kind::detect(body, date_line.is_some());
    let meeting = meeting::find(body, own, year, kind);
    // The document's own date when it states one; else the month of its meeting, or the
    // colophon's year, and `date_precision` says which.
    let (date, date_precision) = match (own, &meeting, colophon) {
        (Some(d), _, _) => (Some(d.iso()), Some(Precision::Day)),
        (None, Some(m), _) => (Some(m.start[..7].to_string()), Some(Precision::Month)),
        (None, None, Some(y)) => (Some(y.to_string()), Some(Precision::Year)),
        (None, None, None) => (None, None),
    };
    Meta {
        date,
        date_precision,
        kind,
        meeting,
        minister: signer::minister(body),
        kamerstuk: kamerstuk::number(raw),
        // A meeting dated without a year anywhere still names the letter, as its text says it
        // (`Verslag NAVO-ministers van Defensie, Brussel 14-15 juni`): not its first sentence.
        subject: subject(body).or_else(|| {
            let (name, place, days) =
                meeting::without_year(body, kind).filter(|_| year.is_none())?;
            Some(title::of_meeting(kind, &name, place.as_deref(), &days))
        }),
        // Known only when every letter is read: the build fills them in.
        same_meeting: Vec::new(),
        related: Vec::new(),
        // The owner's, from the metadata file.
        fields: Vec::new(),
    }
}

pub use title::title;

/// How far into a document its own date line is looked for.
const DATE_LINE_BYTES: usize = 2000;

/// The document's own date: a letter's `Den Haag, 31 januari 2025`, a committee report's
/// `Vastgesteld 2 maart 2022`, the newer layout's `Datum 10 februari 2026` (on its line or the
/// next), each on a line of its own near the top, with a year; a label first.
fn date_line(body: &str) -> Option<DateMention> {
    // At the top only: a `Datum` line deep in the text is no date of the document's.
    let lines: Vec<&str> = text::head(body, DATE_LINE_BYTES)
        .lines()
        .map(str::trim)
        .collect();
    let dated = |labelled: bool| {
        lines.iter().enumerate().find_map(|(i, line)| {
            // `Datum` alone: the date is on the next line.
            let line = match (*line == "Datum", lines.get(i + 1)) {
                (true, Some(next)) => format!("Datum {next}"),
                _ => line.to_string(),
            };
            let (date, label) = own_date(&line)?;
            (label == labelled && date.year.is_some()).then_some(date)
        })
    };
    dated(true).or_else(|| dated(false))
}

/// The date of a line that is a document's own date line, and whether a label gave it: a place,
/// a comma and a whole date (`Den Haag, 31 januari 2025`, `’s-Gravenhage, 7 juli 2015`), or a
/// label and a whole date (`Vastgesteld 2 maart 2022`, `Datum: 10 februari 2026`). A sentence
/// wrapped after a comma (`donderdag, 15 juni 2023 in Brussel.`) is none.
pub(crate) fn own_date(line: &str) -> Option<(DateMention, bool)> {
    let line = line.trim();
    let whole = |rest: &str| {
        let rest = rest.trim();
        dates::find(rest)
            .first()
            .copied()
            .filter(|d| d.start == 0 && d.end == rest.len())
    };
    let labelled = ["Vastgesteld", "Datum"]
        .iter()
        .find_map(|label| line.strip_prefix(label))
        .map(|rest| rest.trim_start_matches(':'));
    if let Some(rest) = labelled {
        return whole(rest).map(|d| (d, true));
    }
    let (place, rest) = line.split_once(", ")?;
    let place_like = place.starts_with(|c: char| c.is_uppercase() || c == '’' || c == '\'')
        && place.split_whitespace().count() <= 3;
    place_like
        .then(|| whole(rest))
        .flatten()
        .map(|d| (d, false))
}

/// Longest subject kept, in characters.
const SUBJECT_CHARS: usize = 160;

/// The `Betreft` line near the top (`Betreft Geannoteerde agenda NAVO-ministers van Defensie`),
/// its text on the line or the next.
fn subject(body: &str) -> Option<String> {
    let lines: Vec<&str> = body.lines().map(str::trim).take(40).collect();
    lines.iter().enumerate().find_map(|(i, line)| {
        let rest = line.strip_prefix("Betreft")?;
        let rest = rest.trim_start_matches(':').trim();
        let text = if rest.is_empty() {
            lines.get(i + 1)?.trim()
        } else {
            rest
        };
        let cut: String = text.chars().take(SUBJECT_CHARS).collect();
        (cut.chars().any(char::is_alphabetic) && !rest.starts_with(char::is_lowercase))
            .then_some(cut)
    })
}

/// The year of the colophon: `’s-Gravenhage 2024 Tweede Kamer, ...`.
fn colophon_year(raw: &str) -> Option<u16> {
    raw.lines().find_map(|line| {
        let rest = line
            .trim()
            .strip_prefix("’s-Gravenhage ")
            .or_else(|| line.trim().strip_prefix("'s-Gravenhage "))?;
        rest.get(..4)?
            .parse()
            .ok()
            .filter(|y| (1900..=2200).contains(y))
    })
}

/// The year most full dates of the text have (the latest of equals).
fn common_year(body: &str) -> Option<u16> {
    let mut counts: Vec<(u16, usize)> = Vec::new();
    for y in dates::find(body).iter().filter_map(|d| d.year) {
        match counts.iter_mut().find(|(year, _)| *year == y) {
            Some((_, n)) => *n += 1,
            None => counts.push((y, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(y, n)| (n, y))
        .map(|(y, _)| y)
}

#[cfg(test)]
mod tests;
