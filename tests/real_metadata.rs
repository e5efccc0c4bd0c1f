//! The metadata of the seventeen real documents of the dossier in `tests/data/real/` (copied from
//! `../shared/real/`), checked against the hand-read `MANIFEST.tsv` beside them: the document's
//! own date, its kind, the first day of the meeting it is about, and its Kamerstuk number where
//! the row's source address names it (`kst-28676-165`, `kamerstuk/28676/69`). The expected values
//! are read from the manifest, not copied here.

use kamerzoek::clean::clean_corpus;
use kamerzoek::lexicon::Lexicon;
use kamerzoek::meta::{MONTHS, Meta, extract};
use std::path::Path;

struct Row {
    file: String,
    doc_date: String,
    kind: String,
    minister: String,
    meeting: String,
    source: String,
}

fn manifest(dir: &Path) -> Vec<Row> {
    let text = std::fs::read_to_string(dir.join("MANIFEST.tsv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (file, date, kind, minister, meeting, source) = (
        col("file"),
        col("doc_date"),
        col("kind"),
        col("minister"),
        col("meeting"),
        col("source_url"),
    );
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let get = |i: usize| f.get(i).copied().unwrap_or("").to_string();
            Row {
                file: get(file),
                doc_date: get(date),
                kind: get(kind),
                minister: get(minister),
                meeting: get(meeting),
                source: get(source),
            }
        })
        .collect()
}

/// The first dated day of a meeting as the manifest writes it: `DMM Brussel 24-25 juni 2015`.
fn meeting_start(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(3).find_map(|w| {
        let day: u8 = w[0].split('-').next()?.parse().ok()?;
        let month = MONTHS.iter().position(|m| *m == w[1])? + 1;
        let year: u16 = w[2].parse().ok()?;
        Some(format!("{year:04}-{month:02}-{day:02}"))
    })
}

/// The Kamerstuk number a source address names: `kst-28676-165` or `kamerstuk/28676/69`.
fn number_in(url: &str) -> Option<String> {
    let digits = |s: &str| {
        s.chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
    };
    let (dossier, nr) = if let Some(at) = url.find("kst-") {
        let rest = &url[at + 4..];
        let d = digits(rest);
        (d.clone(), digits(rest.get(d.len() + 1..)?))
    } else if let Some(at) = url.find("/kamerstuk/") {
        let rest = &url[at + 11..];
        let d = digits(rest);
        (d.clone(), digits(rest.get(d.len() + 1..)?))
    } else {
        return None;
    };
    (dossier.len() == 5 && !nr.is_empty())
        .then(|| format!("{} {}, nr. {nr}", &dossier[..2], &dossier[2..]))
}

fn documents() -> Vec<(Row, Meta)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/real");
    let rows = manifest(&dir);
    assert_eq!(rows.len(), 17);
    let raw: Vec<String> = rows
        .iter()
        .map(|r| std::fs::read_to_string(dir.join(&r.file)).unwrap())
        .collect();
    let refs: Vec<&str> = raw.iter().map(String::as_str).collect();
    let bodies = clean_corpus(&refs, Lexicon::dutch());
    rows.into_iter()
        .zip(raw.iter().zip(&bodies))
        .map(|(row, (r, b))| (row, extract(r, b)))
        .collect()
}

#[test]
fn every_stated_date_is_the_documents_own() {
    let mut checked = 0;
    for (row, meta) in documents() {
        if row.doc_date.is_empty() {
            // No date of its own: none of a day's precision either.
            assert_ne!(meta.date.as_deref().map(str::len), Some(10), "{}", row.file);
            continue;
        }
        assert_eq!(
            meta.date.as_deref(),
            Some(row.doc_date.as_str()),
            "{}",
            row.file
        );
        checked += 1;
    }
    assert_eq!(checked, 16);
}

#[test]
fn every_kind_is_the_manifests() {
    for (row, meta) in documents() {
        assert_eq!(
            meta.kind.map(|k| k.name()),
            Some(row.kind.as_str()),
            "{}",
            row.file
        );
    }
}

#[test]
fn every_dated_meeting_starts_on_the_manifests_day() {
    let mut checked = 0;
    for (row, meta) in documents() {
        let Some(start) = meeting_start(&row.meeting) else {
            continue;
        };
        let got = meta.meeting.as_ref().map(|m| m.start.as_str());
        // A document that never writes the meeting's year (`op 14 en 15 juni jl.`, and no date
        // of its own) cannot be placed in time: no meeting rather than a guess.
        if !std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/data/real")
                .join(&row.file),
        )
        .unwrap()
        .contains(&start[..4])
        {
            assert_eq!(got, None, "{}", row.file);
            continue;
        }
        assert_eq!(got, Some(start.as_str()), "{}", row.file);
        checked += 1;
    }
    assert!(checked >= 16, "{checked}");
}

/// The Minister of Defence's name as the manifest writes it: `Van Middelkoop (minister van
/// Defensie)`, `W.B. Hoekstra (Buitenlandse Zaken); K.H. Ollongren (Defensie)`, `J. S. J.
/// Hillen`; `None` when it names only the office (`Minister van Defensie`) or nobody.
fn defence_minister(text: &str) -> Option<String> {
    let entries: Vec<&str> = text.split(';').map(str::trim).collect();
    let entry = match entries.as_slice() {
        [one] => *one,
        many => *many.iter().find(|e| e.contains("Defensie"))?,
    };
    let name = entry.split('(').next()?.trim();
    let office = name.to_lowercase().starts_with("minister");
    (!name.is_empty() && !office).then(|| name.to_string())
}

#[test]
fn every_named_minister_of_defence_is_read() {
    let mut checked = 0;
    for (row, meta) in documents() {
        let Some(name) = defence_minister(&row.minister) else {
            continue;
        };
        let surname = name.split_whitespace().last().unwrap();
        let got = meta.minister.unwrap_or_default();
        assert!(
            got.contains(surname),
            "{}: {got:?}, the manifest says {name}",
            row.file
        );
        checked += 1;
    }
    assert!(checked >= 10, "{checked}");
}

#[test]
fn every_kamerstuk_number_the_source_names_is_read() {
    let mut checked = 0;
    for (row, meta) in documents() {
        let Some(number) = number_in(&row.source) else {
            continue;
        };
        assert_eq!(
            meta.kamerstuk.as_deref(),
            Some(number.as_str()),
            "{}",
            row.file
        );
        checked += 1;
    }
    assert!(checked >= 8, "{checked}");
}

/// Every document is titled by what it is, of which meeting, and where the manifest's meeting
/// names a place (`DMM Boedapest 9-10 oktober 2008`: the word before its days), there: never by
/// its first sentence (`Op 14 en 15 juni jl.`).
#[test]
fn every_title_says_what_the_document_is_and_where_its_meeting_was() {
    let mut placed = 0;
    for (row, meta) in documents() {
        let title = kamerzoek::meta::title(&meta).unwrap_or_default();
        let label = meta.kind.map(|k| k.label()).unwrap_or("Brief");
        assert!(title.starts_with(label), "{}: {title:?}", row.file);
        let before_days = row.meeting.split(|c: char| c.is_ascii_digit()).next();
        let place = before_days.and_then(|s| s.split_whitespace().last());
        if let Some(place) = place.filter(|p| p.chars().all(char::is_alphabetic))
            && place.starts_with(char::is_uppercase)
        {
            assert!(
                title.contains(place),
                "{}: {title:?} lacks {place}",
                row.file
            );
            placed += 1;
        }
    }
    assert_eq!(placed, 16);
}
