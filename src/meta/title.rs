//! A readable title, since the letters have none: what the letter is, of which meeting, where and
//! when: `Verslag NAVO-ministers van Defensie, Brussel 15-16 juni 2023`. Without a meeting, the
//! kind and the date; without either, nothing (the caller falls back to the first sentence).

use super::Meta;
use super::dates::MONTHS;

pub fn title(meta: &Meta) -> Option<String> {
    let label = meta.kind.map_or("Brief", |k| k.label());
    if let Some(m) = &meta.meeting {
        let when = range(&m.start, &m.end)?;
        let at = m
            .place
            .as_deref()
            .map(|p| format!("{p} "))
            .unwrap_or_default();
        return Some(format!("{label} NAVO-ministers van Defensie, {at}{when}"));
    }
    let date = meta.date.as_deref()?;
    Some(format!("{label} van {}", dutch_date(date)?))
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
            }),
            ..Meta::default()
        };
        assert_eq!(
            title(&meta).unwrap(),
            "Verslag NAVO-ministers van Defensie, Brussel 15-16 juni 2023"
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
