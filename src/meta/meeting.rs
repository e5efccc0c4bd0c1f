//! The meeting a document is about, and the summit it looks towards.
//!
//! Meeting: the first sentence (or list item) that speaks of a meeting (`bijeen`, `bijeenkomst`,
//! `DMM`, `ministers van Defensie`, `top`, `ministeriële`, `videoconferentie`) and holds a
//! meeting's date; a committee report's is the item of the `geannoteerde agenda` it debated, when
//! it lists one. Dates that are no meeting's are passed over: a letter's (`d.d. 15 september
//! 2008`, `brief van 12 juni`), the document's own (`Den Haag, ...`, `Vastgesteld ...`) and the
//! debate's (`hebben op 7 oktober 2008 overleg gevoerd`). The place is the nearest `in X` or `te
//! X` after the date (else before it), in the document's spelling, capitals evened out
//! (`VILNIUS` -> `Vilnius`). A date without a year takes the document's: the year that puts it
//! before the document's date after `jl.`, after it after `a.s.`, else the document's year. No
//! such sentence: no meeting.
//!
//! Summit: each `top` (`NAVO-top`, `Top`) followed in its sentence by `in X` is a summit mention;
//! it looks back, and is passed over, when a date or year in its sentence lies before the meeting
//! or it is `vorig jaar`. The first one left is the summit. None left: no summit.

use super::Kind;
use super::dates::{self, DateMention, Ymd};
use super::text::{contains_ci, head, sentences, tail};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meeting {
    pub place: Option<String>,
    /// ISO dates; the same for a one-day meeting.
    pub start: String,
    pub end: String,
    pub summit: Option<String>,
    /// Which meeting: `NAVO-top`, `NAVO-ministers van Defensie`, `NAVO-ministers van
    /// Buitenlandse Zaken`, with `(videoconferentie)` when it was held so.
    pub name: String,
}

/// Which meeting `piece` speaks of: the name whose words stand nearest before its date (`De
/// bijeenkomst vindt plaats op 16 juni in Brussel en bereidt de NAVO-Top voor` is no summit; `het
/// verslag van de NAVO-top die op 8 en 9 juli jl.` is).
fn name_of(piece: &str, date_end: usize, opening: &str) -> String {
    let before = piece[..date_end].to_lowercase();
    let names: [(&str, &[&str]); 3] = [
        ("NAVO-top", &["-top", " top ", " top,"]),
        (
            "NAVO-ministers van Buitenlandse Zaken",
            &["ministers van buitenlandse zaken"],
        ),
        (
            "NAVO-ministers van Defensie",
            &[
                "ministers van defensie",
                "defensieminist",
                "dmm",
                "defence ministers",
                "ministeriële",
            ],
        ),
    ];
    let nearest = names
        .iter()
        .filter_map(|(name, cues)| {
            let at = cues.iter().filter_map(|c| before.rfind(c)).max()?;
            Some((at, *name))
        })
        .max_by_key(|&(at, _)| at);
    let mut name = nearest
        .map_or("NAVO-ministers van Defensie", |(_, n)| n)
        .to_string();
    // Held by video: said in the sentence or in the document's opening.
    let video = |text: &str| {
        let lower = text.to_lowercase();
        lower.contains("videoconferentie") || lower.contains("videoteleconferentie")
    };
    if video(piece) || video(opening) {
        name.push_str(" (videoconferentie)");
    }
    name
}

const CUES: [&str; 10] = [
    "bijeen",
    "dmm",
    "ministers van defensie",
    "defensieminist",
    "defence ministers meeting",
    "ministeriële",
    "top ",
    "top,",
    "-top",
    "videoconferentie",
];

/// Words that make a meeting the alliance's.
const ALLIANCE: [&str; 7] = [
    "navo",
    "nato",
    "dmm",
    "noord-atlantische",
    "ministers van defensie",
    "defensieminist",
    "defence ministers",
];

/// The meeting of `body`: `own` is the document's date, `year` the year of dates written
/// without one, if known; `kind` the document's kind.
pub fn find(
    body: &str,
    own: Option<Ymd>,
    year: Option<u16>,
    kind: Option<Kind>,
) -> Option<Meeting> {
    let (piece, date) = located(body, kind)?;
    let place = place_of(piece, &date);
    let year = match date.year {
        Some(y) => y,
        None => year_of(piece, &date, own, year?),
    };
    let start = date.first(year);
    Some(Meeting {
        place,
        start: start.iso(),
        end: date.last(year).iso(),
        summit: summit(body, start, year),
        name: name_of(piece, date.end, head(body, OPENING)),
    })
}

/// A meeting its document dates without a year anywhere (`Op 14 en 15 juni jl.`, and no date
/// line): its name, place and days as the text gives them (`14-15 juni`), for a title. Never a
/// date: which year is not known.
pub fn without_year(body: &str, kind: Option<Kind>) -> Option<(String, Option<String>, String)> {
    let (piece, date) = located(body, kind)?;
    if date.year.is_some() {
        return None;
    }
    let month = |m: u8| dates::MONTHS.get(usize::from(m).checked_sub(1)?).copied();
    let days = if (date.first_day, date.month) == (date.last_day, date.last_month) {
        format!("{} {}", date.first_day, month(date.month)?)
    } else if date.month == date.last_month {
        format!(
            "{}-{} {}",
            date.first_day,
            date.last_day,
            month(date.month)?
        )
    } else {
        let (first, last) = (month(date.month)?, month(date.last_month)?);
        format!("{} {first}-{} {last}", date.first_day, date.last_day)
    };
    let name = name_of(piece, date.end, head(body, OPENING));
    Some((name, place_of(piece, &date), days))
}

/// The piece of `body` that names its meeting, and the meeting's date in it.
fn located(body: &str, kind: Option<Kind>) -> Option<(&str, DateMention)> {
    let pieces = pieces(body);
    // A meeting of the alliance: an EU summit (`EU-top`) or the OVSE's `Ministeriële Raad` is
    // none of this dossier's.
    let speaks = |s: &str| {
        CUES.iter().any(|cue| contains_ci(s, cue)) && ALLIANCE.iter().any(|cue| contains_ci(s, cue))
    };
    let first_with = |wanted: &dyn Fn(&str) -> bool| {
        pieces.iter().find_map(|&(a, b)| {
            let piece = &body[a..b];
            if !wanted(piece) {
                return None;
            }
            let date = meeting_date(piece)?;
            Some((piece, date))
        })
    };
    let report = matches!(kind, Some(Kind::Overleg | Kind::SchriftelijkOverleg));
    if report {
        first_with(&|s: &str| contains_ci(s, "geannoteerde agenda") && speaks(s))
            .or_else(|| first_with(&speaks))
    } else {
        first_with(&speaks)
    }
}

/// Where the meeting is: `in X` / `te X` after its date or before it, or the name the meeting
/// goes by written before its date (`Defensieministeriële Boedapest op 9 en 10 oktober`).
fn place_of(piece: &str, date: &DateMention) -> Option<String> {
    place_near(piece, date.end)
        .or_else(|| place_before(piece, date.start))
        .or_else(|| place_in_name(piece, date.start))
}

/// Words a meeting is called by, as the word before its place ends (`NAVO-top Vilnius`,
/// `Defensieministeriële Boedapest`, `DMM Brussel`).
const MEETING_WORDS: [&str; 5] = ["ministeriële", "top", "dmm", "bijeenkomst", "raad"];

/// The place in a meeting's name just before its date: `<meeting> <Place> [op|van] <date>`.
fn place_in_name(sentence: &str, end: usize) -> Option<String> {
    let before = sentence.get(..end)?;
    let mut words = before.split_whitespace().rev().peekable();
    words.next_if(|w| ["op", "van"].contains(&w.to_lowercase().as_str()));
    let place = words.next()?;
    let meeting = words.next()?.to_lowercase();
    let called = MEETING_WORDS.iter().any(|w| meeting.ends_with(w));
    let capital = place.starts_with(char::is_uppercase) && place.chars().count() > 1;
    let plain = place.chars().all(char::is_alphabetic) && dates::month_number(place).is_none();
    (called && capital && plain).then(|| even_capitals(place))
}

/// How much of a document's start is its opening, where it says what it is about.
const OPENING: usize = 1500;

/// Sentences, cut further at list items and semicolons: a committee report lists the letters it
/// debated, each with its own dates.
fn pieces(body: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (a, b) in sentences(body) {
        let mut start = a;
        for (i, c) in body[a..b].char_indices() {
            let at = a + i;
            let item = matches!(c, '•' | '–' | '-')
                && body[..at].ends_with(['\n', ' '])
                && body[..at].trim_end_matches(' ').ends_with('\n');
            if c == ';' || item {
                if at > start {
                    out.push((start, at));
                }
                start = at + c.len_utf8();
            }
        }
        if b > start {
            out.push((start, b));
        }
    }
    out
}

/// How far before a date its context is read, in bytes.
const LOOK_BACK: usize = 200;

/// The first date of `piece` that is a meeting's, not a letter's, the document's or a debate's.
fn meeting_date(piece: &str) -> Option<DateMention> {
    dates::find(piece).into_iter().find(|d| {
        // What stands just before the date: a bounded look back keeps a long piece linear.
        let before = tail(&piece[..d.start], LOOK_BACK);
        let letter = ["d.d.", "brief van "]
            .iter()
            .any(|cue| contains_ci(tail(before, 14), cue));
        // The document's own date is its date line, as `own_date` reads one (`...plaatsvindt
        // op\ndonderdag, 15 juni 2023 in Brussel.` is a meeting's).
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line_end = piece[d.end..].find('\n').map_or(piece.len(), |i| d.end + i);
        let own = super::own_date(&format!(
            "{}{}",
            &before[line_start..],
            &piece[d.start..line_end]
        ))
        .is_some();
        let after: String = piece[d.end..].chars().take(40).collect();
        let debate = contains_ci(&after, "overleg gevoerd") || contains_ci(&after, "gedebatteerd");
        !(letter || own || debate)
    })
}

/// The year of a date written without one: before the document's date after `jl.`
/// (`jongstleden`), after it after `a.s.` (`aanstaande`), else the document's year.
fn year_of(piece: &str, date: &DateMention, own: Option<Ymd>, year: u16) -> u16 {
    let after: String = piece[date.end..].chars().take(14).collect();
    let Some(own) = own else {
        return year;
    };
    let past = contains_ci(&after, "jl.") || contains_ci(&after, "jongstleden");
    let ahead = contains_ci(&after, "a.s.") || contains_ci(&after, "aanstaande");
    if past && date.first(own.year) > own {
        own.year - 1
    } else if ahead && date.last(own.year) < own {
        own.year + 1
    } else {
        own.year
    }
}

/// How many words after a date (or from a sentence's start) a place is looked for in.
const PLACE_WORDS: usize = 40;

/// The first `in X` / `te X` in `sentence` from byte `from`: one or two capitalised words.
fn place_near(sentence: &str, from: usize) -> Option<String> {
    // A place stands near its date: a bound keeps a sentence of many `top`s linear.
    let words: Vec<&str> = sentence[from..]
        .split_whitespace()
        .take(PLACE_WORDS)
        .collect();
    words.windows(2).enumerate().find_map(|(i, pair)| {
        let lead = pair[0].to_lowercase();
        if lead != "in" && lead != "te" {
            return None;
        }
        let name = |w: &str| -> Option<String> {
            let w = w.trim_matches(|c: char| !c.is_alphabetic());
            let capital = w.starts_with(char::is_uppercase) && w.chars().count() > 1;
            (capital && dates::month_number(w).is_none()).then(|| even_capitals(w))
        };
        let first = name(pair[1])?;
        // `Den Haag`: a two-word place name.
        let second = words
            .get(i + 2)
            .filter(|_| first == "Den" || first == "De")
            .and_then(|w| name(w));
        Some(match second {
            Some(second) => format!("{first} {second}"),
            None => first,
        })
    })
}

/// The last `in X` / `te X` in the [`PLACE_WORDS`] words before byte `end` of `sentence`: the
/// place nearest before a date (`bijeenkomst ... te Brussel op 9 en 10 oktober`), however long
/// the piece before it (a letter's head joined to its first sentence).
fn place_before(sentence: &str, end: usize) -> Option<String> {
    let before = sentence.get(..end)?;
    let words: Vec<&str> = before.split_whitespace().collect();
    let from = words.len().saturating_sub(PLACE_WORDS);
    words[from..]
        .iter()
        .rev()
        .filter(|w| w.eq_ignore_ascii_case("in") || w.eq_ignore_ascii_case("te"))
        .find_map(|word| {
            // Where the word starts in `sentence` (a slice of it): read from there.
            let at = word.as_ptr() as usize - sentence.as_ptr() as usize;
            place_near(&sentence[..end], at)
        })
}

/// A name in capitals as the text writes it elsewhere: `VILNIUS` -> `Vilnius`.
fn even_capitals(word: &str) -> String {
    if word.chars().all(|c| !c.is_lowercase()) {
        let mut chars = word.chars();
        let first = chars.next().map(|c| c.to_string()).unwrap_or_default();
        first + &chars.as_str().to_lowercase()
    } else {
        word.to_string()
    }
}

fn is_top(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
        .to_lowercase();
    w == "top" || w.ends_with("-top")
}

fn summit(body: &str, meeting: Ymd, year: u16) -> Option<String> {
    for (a, b) in sentences(body) {
        let sentence = &body[a..b];
        let mut offset = 0;
        for word in sentence.split_whitespace() {
            let at = offset + sentence[offset..].find(word).unwrap_or(0);
            offset = at + word.len();
            if !is_top(word) {
                continue;
            }
            let rest = &sentence[offset..];
            let Some(place) = place_near(rest, 0) else {
                continue;
            };
            if !looks_back(rest, meeting, year) {
                return Some(place);
            }
        }
    }
    None
}

/// Whether the words after a summit mention place it before the meeting.
fn looks_back(rest: &str, meeting: Ymd, year: u16) -> bool {
    let window: String = rest.chars().take(60).collect();
    if contains_ci(&window, "vorig jaar") {
        return true;
    }
    let earlier_date = dates::find(&window)
        .iter()
        .any(|d: &DateMention| d.last(year) < meeting);
    let earlier_year = window
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse::<u16>().ok())
        .any(|y| (1900..meeting.year).contains(&y));
    earlier_date || earlier_year
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_before_the_date_is_found_however_long_the_head_before_it() {
        // A letter's head joined to its first sentence by the clean-up: 40 words and more.
        let head = "28 676 NAVO Nr. 165 BRIEF VAN DE MINISTER VAN DEFENSIE Aan de Voorzitter van \
                    de Tweede Kamer der Staten-Generaal, ter kennisname aan de leden van de vaste \
                    commissie voor Defensie ";
        let body = format!(
            "{head}Hierbij bied ik u de geannoteerde agenda aan ten behoeve van de bijeenkomst \
             van de Navo-defensieministers te Brussel op 9 en 10 oktober a.s.\nDe minister."
        );
        let m = find(&body, None, Some(2012), Some(Kind::Agenda)).unwrap();
        assert_eq!(m.place.as_deref(), Some("Brussel"));
        assert_eq!(m.start, "2012-10-09");
    }

    #[test]
    fn a_place_in_the_meetings_name_before_its_date_is_its_place() {
        let body = "de brief inzake de geannoteerde agenda NAVO Defensieministeriële Boedapest op \
                    9 en 10 oktober d.d. 15 september 2008.";
        let m = find(body, None, Some(2008), Some(Kind::Overleg)).unwrap();
        assert_eq!(m.place.as_deref(), Some("Boedapest"));
        // A word that is no place's: no place.
        let body = "De bijeenkomst van de NAVO-ministers van Defensie Op 9 oktober 2008.";
        assert_eq!(find(body, None, None, None).unwrap().place, None);
    }

    #[test]
    fn a_meeting_without_a_year_anywhere_is_named_but_not_dated() {
        let body = "Op 14 en 15 juni jl. werd op het Navo-hoofdkwartier in Brussel een formele \
                    bijeenkomst gehouden van de Noord-Atlantische Raad in de samenstelling van \
                    ministers van Defensie.";
        assert_eq!(find(body, None, None, Some(Kind::Verslag)), None);
        let (_, place, days) = without_year(body, Some(Kind::Verslag)).unwrap();
        assert_eq!(
            (place.as_deref(), days.as_str()),
            (Some("Brussel"), "14-15 juni")
        );
        assert_eq!(
            without_year("Op 14 juni 2007 vond de DMM plaats.", None),
            None
        );
    }

    #[test]
    fn reads_meeting_place_dates_and_summit() {
        let body = "Op 15 en 16 juni 2023 vond in Brussel een bijeenkomst plaats van de NAVO-Ministers \
                    van Defensie. In aanloop naar de aanstaande NAVO-Top in Vilnius spraken zij.";
        let m = find(body, None, Some(2023), None).unwrap();
        assert_eq!(m.place.as_deref(), Some("Brussel"));
        assert_eq!(
            (m.start.as_str(), m.end.as_str()),
            ("2023-06-15", "2023-06-16")
        );
        assert_eq!(m.summit.as_deref(), Some("Vilnius"));
    }

    #[test]
    fn a_summit_in_the_past_is_not_looked_towards() {
        let body = "Op 15 februari 2024 komen de ministers van Defensie in Brussel bijeen. De NAVO-Top \
                    in Vilnius vorig jaar besloot veel. Tijdens de top in Vilnius op 11 en 12 juli 2023 \
                    namen zij een pakket aan.";
        let m = find(body, None, Some(2024), None).unwrap();
        assert_eq!(m.summit, None);
    }

    #[test]
    fn a_date_without_a_year_takes_the_letters_year() {
        let body = "Hierbij de agenda van de DMM op 13 februari te Brussel. Vooruit naar de NAVO-top in Den Haag.";
        let m = find(body, None, Some(2025), None).unwrap();
        assert_eq!(m.start, "2025-02-13");
        assert_eq!(m.place.as_deref(), Some("Brussel"));
        assert_eq!(m.summit.as_deref(), Some("Den Haag"));
    }

    #[test]
    fn no_meeting_sentence_no_meeting() {
        assert_eq!(
            find(
                "Een brief over de begroting van 12 mei 2023.",
                None,
                Some(2023),
                None
            ),
            None
        );
        assert_eq!(
            find(
                "De ministers van Defensie komen binnenkort bijeen.",
                None,
                Some(2023),
                None
            ),
            None
        );
        assert_eq!(
            find("De DMM is op 13 februari.", None, None, None),
            None,
            "no year known"
        );
    }
}
