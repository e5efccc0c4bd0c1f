//! The meeting a letter is about, and the summit it looks towards.
//!
//! Meeting: the first sentence that speaks of the meeting (`bijeen`, `bijeenkomst`, `DMM`,
//! `ministers van Defensie`) and holds a date; the first date of that sentence is the meeting's,
//! the place is the nearest `in X` or `te X` after it (else before it). A date without a year
//! takes the letter's year. No such sentence: no meeting.
//!
//! Summit: each `top` (`NAVO-top`, `Top`) followed in its sentence by `in X` is a summit mention;
//! it looks back, and is passed over, when a date or year in its sentence lies before the meeting
//! or it is `vorig jaar`. The first one left is the summit. None left: no summit.

use super::dates::{self, DateMention, Ymd};
use super::text::{contains_ci, sentences};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meeting {
    pub place: Option<String>,
    /// ISO dates; the same for a one-day meeting.
    pub start: String,
    pub end: String,
    pub summit: Option<String>,
}

const CUES: [&str; 4] = [
    "bijeen",
    "dmm",
    "ministers van defensie",
    "defence ministers meeting",
];

/// The meeting of `body`; `year` is the year of dates written without one, if known.
pub fn find(body: &str, year: Option<u16>) -> Option<(Meeting, Ymd)> {
    let (date, place) = sentences(body).into_iter().find_map(|(a, b)| {
        let sentence = &body[a..b];
        if !CUES.iter().any(|cue| contains_ci(sentence, cue)) {
            return None;
        }
        let date = *dates::find(sentence).first()?;
        Some((
            date,
            place_near(sentence, date.end).or_else(|| place_near(sentence, 0)),
        ))
    })?;
    let year = date.year.or(year)?;
    let start = date.first(year);
    let meeting = Meeting {
        place,
        start: start.iso(),
        end: date.last(year).iso(),
        summit: summit(body, start, year),
    };
    Some((meeting, start))
}

/// The first `in X` / `te X` in `sentence` from byte `from`: one or two capitalised words.
fn place_near(sentence: &str, from: usize) -> Option<String> {
    let words: Vec<&str> = sentence[from..].split_whitespace().collect();
    words.windows(2).enumerate().find_map(|(i, pair)| {
        let lead = pair[0].to_lowercase();
        if lead != "in" && lead != "te" {
            return None;
        }
        let name = |w: &str| -> Option<String> {
            let w = w.trim_matches(|c: char| !c.is_alphabetic());
            let capital = w.starts_with(char::is_uppercase) && w.chars().count() > 1;
            (capital && dates::month_number(w).is_none()).then(|| w.to_string())
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
    fn reads_meeting_place_dates_and_summit() {
        let body = "Op 15 en 16 juni 2023 vond in Brussel een bijeenkomst plaats van de NAVO-Ministers \
                    van Defensie. In aanloop naar de aanstaande NAVO-Top in Vilnius spraken zij.";
        let (m, _) = find(body, Some(2023)).unwrap();
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
        let (m, _) = find(body, Some(2024)).unwrap();
        assert_eq!(m.summit, None);
    }

    #[test]
    fn a_date_without_a_year_takes_the_letters_year() {
        let body = "Hierbij de agenda van de DMM op 13 februari te Brussel. Vooruit naar de NAVO-top in Den Haag.";
        let (m, _) = find(body, Some(2025)).unwrap();
        assert_eq!(m.start, "2025-02-13");
        assert_eq!(m.place.as_deref(), Some("Brussel"));
        assert_eq!(m.summit.as_deref(), Some("Den Haag"));
    }

    #[test]
    fn no_meeting_sentence_no_meeting() {
        assert_eq!(
            find("Een brief over de begroting van 12 mei 2023.", Some(2023)),
            None
        );
        assert_eq!(
            find(
                "De ministers van Defensie komen binnenkort bijeen.",
                Some(2023)
            ),
            None
        );
        assert_eq!(
            find("De DMM is op 13 februari.", None),
            None,
            "no year known"
        );
    }
}
