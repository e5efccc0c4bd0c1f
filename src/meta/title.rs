//! A readable title: the document's own `Betreft` line when it has one; else what it is, of which
//! meeting, where and when, true to its kind: `Verslag NAVO-ministers van Defensie, Brussel 15-16
//! juni 2023`, `Verslag van een commissiedebat over de NAVO-ministers van Defensie, Brussel 16-17
//! februari 2022`, `Geannoteerde agenda NAVO-top, Vilnius 11-12 juli 2023`. Without a meeting,
//! the kind and the date; without either, nothing (the caller falls back to the first sentence).

use super::dates::MONTHS;
use super::{Kind, Meta};

pub fn title(meta: &Meta) -> Option<String> {
    if let Some(subject) = &meta.subject {
        return Some(subject.clone());
    }
    if let Some(m) = &meta.meeting {
        let when = range(&m.start, &m.end)?;
        // A summit's place is the summit's (`Vilnius`), where no `in X` said it.
        let place = m.place.as_deref().or(m
            .summit
            .as_deref()
            .filter(|_| m.name.starts_with("NAVO-top")));
        return Some(of_meeting(meta.kind, &m.name, place, &when));
    }
    let label = meta.kind.map_or("Brief", |k| k.label());
    let date = meta.date.as_deref()?;
    Some(format!("{label} van {}", dutch_date(date)?))
}

/// What a document is, of which meeting, where and when: `Verslag NAVO-ministers van Defensie,
/// Brussel 14-15 juni 2007` (`when` as the title shows it).
pub fn of_meeting(kind: Option<Kind>, name: &str, place: Option<&str>, when: &str) -> String {
    let label = kind.map_or("Brief", |k| k.label());
    let at = place.map(|p| format!("{p} ")).unwrap_or_default();
    // A committee's report is about the meeting, not of it.
    let over = match kind {
        Some(Kind::Overleg | Kind::SchriftelijkOverleg) => " over de",
        _ => "",
    };
    let name = if name.is_empty() {
        "NAVO-ministers van Defensie"
    } else {
        name
    };
    format!("{label}{over} {name}, {at}{when}")
}

/// `15-16 juni 2023`, `15 februari 2024`, `30 juni-1 juli 2023` from two ISO dates.
fn range(start: &str, end: &str) -> Option<String> {
    let (sy, sm, sd) = parts(start)?;
    let (ey, em, ed) = parts(end)?;
    let month = |m: usize| MONTHS.get(m.checked_sub(1)?).copied();
    Some(if start == end {
        format!("{sd} {} {sy}", month(sm)?)
    } else if (sy, sm) == (ey, em) {
        format!("{sd}-{ed} {} {sy}", month(sm)?)
    } else {
        format!("{sd} {}-{ed} {} {ey}", month(sm)?, month(em)?)
    })
}

/// `2025-01-31` -> `31 januari 2025`, `2023-06` -> `juni 2023`, `2024` -> `2024`.
fn dutch_date(iso: &str) -> Option<String> {
    let mut it = iso.split('-');
    let year = it.next()?;
    let Some(m) = it.next() else {
        return Some(year.to_string());
    };
    let month = MONTHS.get(m.parse::<usize>().ok()?.checked_sub(1)?)?;
    Some(match it.next() {
        Some(d) => format!("{} {month} {year}", d.parse::<u8>().ok()?),
        None => format!("{month} {year}"),
    })
}

fn parts(iso: &str) -> Option<(u16, usize, u8)> {
    let mut it = iso.split('-');
    Some((
        it.next()?.parse().ok()?,
        it.next()?.parse().ok()?,
        it.next()?.parse().ok()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::{Kind, Meeting};

    #[test]
    fn titles_name_kind_meeting_place_and_dates() {
        let meta = Meta {
            kind: Some(Kind::Verslag),
            meeting: Some(Meeting {
                place: Some("Brussel".into()),
                start: "2023-06-15".into(),
                end: "2023-06-16".into(),
                summit: None,
                name: "NAVO-ministers van Defensie".into(),
            }),
            ..Meta::default()
        };
        assert_eq!(
            title(&meta).unwrap(),
            "Verslag NAVO-ministers van Defensie, Brussel 15-16 juni 2023"
        );
    }

    #[test]
    fn a_title_is_true_to_the_kind_and_a_betreft_line_comes_first() {
        let meeting = |name: &str, place: &str| Meeting {
            place: Some(place.into()),
            start: "2022-02-16".into(),
            end: "2022-02-17".into(),
            summit: None,
            name: name.into(),
        };
        let overleg = Meta {
            kind: Some(Kind::Overleg),
            meeting: Some(meeting("NAVO-ministers van Defensie", "Brussel")),
            ..Meta::default()
        };
        assert_eq!(
            title(&overleg).unwrap(),
            "Verslag van een commissiedebat over de NAVO-ministers van Defensie, Brussel 16-17 \
             februari 2022"
        );
        let top = Meta {
            kind: Some(Kind::Agenda),
            meeting: Some(meeting("NAVO-top", "Vilnius")),
            ..Meta::default()
        };
        assert_eq!(
            title(&top).unwrap(),
            "Geannoteerde agenda NAVO-top, Vilnius 16-17 februari 2022"
        );
        // A summit whose text names its place only as the summit's.
        let mut summit = meeting("NAVO-top", "x");
        (summit.place, summit.summit) = (None, Some("Vilnius".into()));
        let unplaced = Meta {
            kind: Some(Kind::Agenda),
            meeting: Some(summit),
            ..Meta::default()
        };
        assert_eq!(
            title(&unplaced).unwrap(),
            "Geannoteerde agenda NAVO-top, Vilnius 16-17 februari 2022"
        );
        let betreft = Meta {
            subject: Some("Geannoteerde agenda NAVO-defensieministers 13 februari".into()),
            ..top
        };
        assert_eq!(
            title(&betreft).unwrap(),
            "Geannoteerde agenda NAVO-defensieministers 13 februari"
        );
    }

    #[test]
    fn ranges_over_months() {
        assert_eq!(
            range("2023-06-30", "2023-07-01").unwrap(),
            "30 juni-1 juli 2023"
        );
        assert_eq!(
            range("2024-02-15", "2024-02-15").unwrap(),
            "15 februari 2024"
        );
    }

    #[test]
    fn without_a_meeting_kind_and_date_or_nothing() {
        let meta = Meta {
            date: Some("2025-01-31".into()),
            ..Meta::default()
        };
        assert_eq!(title(&meta).unwrap(), "Brief van 31 januari 2025");
        assert_eq!(title(&Meta::default()), None);
    }
}
