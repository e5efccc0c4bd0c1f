//! Date ranges: `--from 2023-01 --to 2024-06` in the CLI, `{ from, to }` in the JS API, and
//! `from=`/`to=` among the filters. A bound is a year, a month or a day; `from` stands for its
//! first day and `to` for its last, so `--from 2023 --to 2023` is the whole year.
//!
//! A letter's date may itself be a year or a month (`date_precision`): it passes when the time it
//! may stand for overlaps the range, so a letter dated only `2024` is in `--to 2024-06`. A letter
//! without a date passes no range, as a letter without a kind passes no kind filter.

use crate::error::{Error, OptionName, Result};

/// The bounds as sortable keys: `YYYY-MM-DD`, where a missing month or day is `00` for a lower
/// bound and `99` for an upper one (dates as text compare as dates when they are this wide).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateRange {
    from: Option<String>,
    to: Option<String>,
}

/// Which end of a range a bound is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    From,
    To,
}

impl Bound {
    pub fn name(self) -> &'static str {
        match self {
            Bound::From => "from",
            Bound::To => "to",
        }
    }
}

impl DateRange {
    pub fn is_empty(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// Sets one end; a bad date, an end given twice or a range that ends before it begins is an
    /// error naming the value.
    pub fn set(&mut self, bound: Bound, value: &str) -> Result<()> {
        let (year, month, day) = parse(value).ok_or_else(|| Error::BadOption {
            option: match bound {
                Bound::From => OptionName::From,
                Bound::To => OptionName::To,
            },
            value: value.trim().into(),
        })?;
        let fill = if bound == Bound::From { 0 } else { 99 };
        // By hand, not `format!("{:04}")`: width formatting costs the wasm a kilobyte.
        let mut key = String::with_capacity(10);
        for (i, n) in [year, month.unwrap_or(fill), day.unwrap_or(fill)]
            .into_iter()
            .enumerate()
        {
            if i > 0 {
                key.push('-');
            }
            let digits = if i == 0 { 4 } else { 2 };
            for place in (0..digits).rev() {
                key.push(char::from(b'0' + (n / 10u16.pow(place) % 10) as u8));
            }
        }
        let slot = match bound {
            Bound::From => &mut self.from,
            Bound::To => &mut self.to,
        };
        if slot.is_some() {
            return Err(Error::DateGivenTwice {
                bound: bound.name(),
            });
        }
        *slot = Some(key);
        if let (Some(from), Some(to)) = (&self.from, &self.to) {
            if from <= to {
                return Ok(());
            }
            return Err(Error::EmptyDateRange {
                from: shown(from).into(),
                to: shown(to).into(),
            });
        }
        Ok(())
    }

    /// Whether a letter dated `date` (`2025-01-31`, `2023-06` or `2024`) may lie in the range.
    pub fn accepts(&self, date: Option<&str>) -> bool {
        if self.is_empty() {
            return true;
        }
        let Some(date) = date else {
            return false;
        };
        let first = widen(date, "00");
        let last = widen(date, "99");
        self.from
            .as_deref()
            .is_none_or(|from| last.as_str() >= from)
            && self.to.as_deref().is_none_or(|to| first.as_str() <= to)
    }
}

/// A bound as it was meant: `2023-00-00` is `2023`, `2024-06-99` is `2024-06`.
fn shown(key: &str) -> &str {
    // `strip_suffix`, not `trim_end_matches`: no substring searcher in the wasm.
    let mut key = key;
    while let Some(rest) = key.strip_suffix("-00").or_else(|| key.strip_suffix("-99")) {
        key = rest;
    }
    key
}

/// A date of the letter table as a key as wide as the bounds.
fn widen(date: &str, fill: &str) -> String {
    let mut key = date.to_string();
    for _ in date.split('-').count()..3 {
        key.push('-');
        key.push_str(fill);
    }
    key
}

/// `2023`, `2023-6`, `2023-06` or `2023-06-15`: year, month and day, each checked (a 30th of
/// February is no date).
fn parse(value: &str) -> Option<(u16, Option<u16>, Option<u16>)> {
    let mut parts = value.trim().split('-');
    let year = number(parts.next()?, 4, 4)?;
    let month = match parts.next() {
        Some(m) => Some(number(m, 1, 2)?),
        None => None,
    };
    let day = match parts.next() {
        Some(d) => Some(number(d, 1, 2)?),
        None => None,
    };
    if parts.next().is_some() || !(1000..=9999).contains(&year) {
        return None;
    }
    if month.is_some_and(|m| !(1..=12).contains(&m)) {
        return None;
    }
    if let (Some(m), Some(d)) = (month, day) {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match m {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if d == 0 || d > days {
            return None;
        }
    }
    Some((year, month, day))
}

/// Digits only, `min..=max` of them.
fn number(text: &str, min: usize, max: usize) -> Option<u16> {
    if text.len() < min || text.len() > max || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(text.bytes().fold(0, |n, b| n * 10 + u16::from(b - b'0')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(from: Option<&str>, to: Option<&str>) -> Result<DateRange> {
        let mut r = DateRange::default();
        if let Some(f) = from {
            r.set(Bound::From, f)?;
        }
        if let Some(t) = to {
            r.set(Bound::To, t)?;
        }
        Ok(r)
    }

    #[test]
    fn a_bound_is_a_year_a_month_or_a_day() {
        let r = range(Some("2023-01"), Some("2024-06")).unwrap();
        assert!(r.accepts(Some("2023-01-01")));
        assert!(r.accepts(Some("2024-06-30")));
        assert!(!r.accepts(Some("2022-12-31")));
        assert!(!r.accepts(Some("2024-07-01")));
        let r = range(Some("2024-06-15"), None).unwrap();
        assert!(!r.accepts(Some("2024-06-14")));
        assert!(r.accepts(Some("2024-06-15")));
        let year = range(Some("2023"), Some("2023")).unwrap();
        assert!(year.accepts(Some("2023-12-31")) && !year.accepts(Some("2024-01-01")));
    }

    #[test]
    fn a_letter_dated_only_by_month_or_year_passes_when_it_may_lie_in_the_range() {
        let r = range(None, Some("2024-06")).unwrap();
        assert!(r.accepts(Some("2024")));
        assert!(r.accepts(Some("2024-06")));
        assert!(!r.accepts(Some("2024-07")));
        assert!(!r.accepts(None), "a letter without a date");
        assert!(DateRange::default().accepts(None), "no range, no test");
    }

    #[test]
    fn bad_dates_are_errors_naming_the_value() {
        for bad in [
            "2023-13",
            "2023-02-30",
            "2023-00",
            "23",
            "2023-06-15-1",
            "juni 2023",
            "",
            "2023--01",
            "+2023",
        ] {
            let err = range(Some(bad), None).unwrap_err().to_string();
            assert!(err.contains(&format!("\"{}\"", bad.trim())), "{bad}: {err}");
            assert!(err.contains("from"), "{err}");
        }
        assert!(range(Some("2024-02-29"), None).is_ok(), "a leap day");
        assert!(range(Some("2023-02-29"), None).is_err());
        let err = range(Some("2024-07"), Some("2024-06"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("from 2024-07 is after to 2024-06"), "{err}");
        let mut twice = range(Some("2024"), None).unwrap();
        assert!(twice.set(Bound::From, "2025").is_err());
    }
}
