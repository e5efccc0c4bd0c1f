//! A letter's metadata as words the index holds, so that queries match what people know of a
//! letter besides its text: its kind and the words people use for it (`verslag`, `report`), its
//! title, its minister, the meeting it is about (place, summit, dates) and its own date as words
//! (`15 juni 2023`, `juni 2023`, `2023`), and its Kamerstuk number (`28 676, nr. 232`,
//! `kst-28676-232`). They stand after the body's last word, as if in a
//! heading: they weigh as a title does, and no phrase runs from the body into them. The letter's
//! length (its norm) and its file are unchanged: the reader marks no metadata.

use crate::doc::Document;
use crate::meta::MONTHS;
use crate::meta::{Kind, Meta};

/// The words a visitor may use for a kind of letter.
fn kind_words(kind: Kind) -> &'static str {
    match kind {
        // `GA` and `AO` are how the Kamer and its watchers abbreviate them.
        Kind::Agenda => "geannoteerde agenda annotated agenda GA",
        Kind::Verslag => "verslag report",
        Kind::Beslisnota => "beslisnota nota memo",
        Kind::Overleg => "verslag commissiedebat algemeen overleg AO debat committee debate",
        Kind::SchriftelijkOverleg => "schriftelijk overleg vragen antwoorden written questions",
        Kind::Brief => "brief kamerbrief letter",
    }
}

/// The words a visitor may use for the meeting a letter is about, beyond those its name shares
/// with every letter of the dossier (`NAVO`, `ministers`): the Kamer's abbreviation of a meeting
/// of the defence ministers (`DMM`, `defensieministeriële`), and `top` and `summit` for a summit,
/// so `navo top 2023` finds the summit's letters before those that name a summit in passing.
fn meeting_words(name: &str) -> Option<&'static str> {
    let name = name.to_lowercase();
    if name.starts_with("navo-ministers van defensie") {
        Some("DMM defensieministeriële defence ministers")
    } else if name.starts_with("navo-top") {
        Some("top summit")
    } else {
        None
    }
}

/// An ISO date (`2023-06-15`, `2023-06`, `2023`) as the words Dutch writes it with.
fn date_words(iso: &str) -> String {
    let mut parts = iso.split('-');
    let year = parts.next().unwrap_or_default();
    let month = parts
        .next()
        .and_then(|m| m.parse::<usize>().ok())
        .and_then(|m| MONTHS.get(m.wrapping_sub(1)));
    let day = parts.next().and_then(|d| d.parse::<u32>().ok());
    [
        day.map(|d| d.to_string()),
        month.map(|m| m.to_string()),
        Some(year.to_string()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ")
}

/// The text of a letter's metadata, for the analyzer.
pub fn text(doc: &Document) -> String {
    let Meta {
        date,
        kind,
        meeting,
        minister,
        kamerstuk,
        ..
    } = &doc.meta;
    // The title made from the metadata (a title taken from the first sentence is body text).
    let mut words: Vec<String> = crate::meta::title(&doc.meta).into_iter().collect();
    words.extend(kind.map(|k| kind_words(k).to_string()));
    words.extend(minister.clone());
    words.extend(date.as_deref().map(date_words));
    if let Some(m) = meeting {
        words.extend(m.place.clone());
        words.extend(m.summit.clone());
        words.extend(meeting_words(&m.name).map(str::to_string));
        words.push(date_words(&m.start));
        if m.end != m.start {
            words.push(date_words(&m.end));
        }
    }
    // `28 676, nr. 232` as written and as the Kamer's addresses write it (`kst-28676-232`).
    if let Some(number) = kamerstuk {
        words.push(format!("kamerstuk {number}"));
        if let Some((dossier, nr)) = number.split_once(", nr. ") {
            words.push(format!("kst-{}-{nr}", dossier.replace(' ', "")));
            // `nr 232` typed without its full stop is one code to the query analyzer (`nr232`);
            // the index joins a code only in capitals (`F-16`), so it is written so here.
            words.push(format!("NR {nr}"));
        }
    }
    // The site owner's own fields (`28676-441`), as their values are written.
    words.extend(doc.meta.fields.iter().map(|(_, value)| value.clone()));
    // A full stop between the fields: the analyzer joins no code across them.
    words.join(" . ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_words() {
        let cases = [
            ("2023-06-15", "15 juni 2023"),
            ("2019-03", "maart 2019"),
            ("2021", "2021"),
            // A month that is none is left out.
            ("2021-13", "2021"),
        ];
        for (iso, words) in cases {
            assert_eq!(date_words(iso), words, "{iso}");
        }
    }
}
