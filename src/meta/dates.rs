//! Dutch dates in running text: `31 januari 2025`, `15 en 16 juni 2023`, `16 juni`, `15-16 juni`,
//! `10/11 juni`, `8 tot en met 10 juli`, `30 juni en 1 juli 2023` (across two months), each with
//! where it stands. A date without a year keeps `year: None`; the caller decides which
//! year it is.

/// Dutch month names, January first.
pub const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// First and last day of the range (the same for one day).
    pub first_day: u8,
    pub last_day: u8,
    pub month: u8,
    /// The last day's month: `month` but for a range across two months.
    pub last_month: u8,
    pub year: Option<u16>,
    /// Byte offsets of the mention in the text.
    pub start: usize,
    pub end: usize,
}

/// A calendar date, for ordering and ISO output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ymd {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Ymd {
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl DateMention {
    pub fn first(&self, year: u16) -> Ymd {
        Ymd {
            year: self.year.unwrap_or(year),
            month: self.month,
            day: self.first_day,
        }
    }

    pub fn last(&self, year: u16) -> Ymd {
        Ymd {
            year: self.year.unwrap_or(year),
            month: self.last_month,
            day: self.last_day,
        }
    }
}

/// The month number of a Dutch month name.
pub fn month_number(word: &str) -> Option<u8> {
    let lower = word.to_lowercase();
    MONTHS.iter().position(|m| *m == lower).map(|i| i as u8 + 1)
}

/// A token of the text: a run of letters or of digits, or one other non-space character.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    text: &'a str,
    start: usize,
}

fn toks(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c.is_alphanumeric() {
            let digit = c.is_ascii_digit();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() && d.is_ascii_digit() == digit {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
        }
        out.push(Tok {
            text: &text[i..end],
            start: i,
        });
    }
    out
}

fn day(t: &Tok) -> Option<u8> {
    t.text.parse::<u8>().ok().filter(|d| (1..=31).contains(d))
}

fn year(t: &Tok) -> Option<u16> {
    t.text
        .parse::<u16>()
        .ok()
        .filter(|y| (1900..=2200).contains(y) && t.text.len() == 4)
}

fn weekday(t: &Tok) -> bool {
    const DAYS: [&str; 7] = [
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
    ];
    DAYS.iter().any(|d| t.text.eq_ignore_ascii_case(d))
}

/// How many tokens join two days at `j`: `en`, `-`, `–`, `/`, `t/m`, `tot en met`; 0 for none.
fn joiner(t: &[Tok], j: usize) -> usize {
    let at = |k: usize| t.get(j + k).map(|x| x.text);
    match at(0) {
        Some("en") | Some("-") | Some("–") | Some("/") => 1,
        Some("t") if at(1) == Some("/") && at(2) == Some("m") => 3,
        Some("tot") if at(1) == Some("en") && at(2) == Some("met") => 3,
        _ => 0,
    }
}

/// Every date mention in `text`, in order.
pub fn find(text: &str) -> Vec<DateMention> {
    let t = toks(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let Some(first) = day(&t[i]) else {
            i += 1;
            continue;
        };
        // `15 en 16 juni`, `15-16 juni`, `10/11 juni`, `15 t/m 16 juni`, `8 tot en met 10 juli`:
        // a second day before the month.
        let mut j = i + 1;
        let mut last = first;
        let joined = joiner(&t, j);
        // `13 en donderdag 14 februari`: an agenda names the days of the week.
        let skip = joined + usize::from(joined > 0 && t.get(j + joined).is_some_and(weekday));
        if joined > 0
            && let Some(d) = t.get(j + skip).and_then(day)
        {
            last = d;
            j += skip + 1;
        }
        let Some(month) = t.get(j).and_then(|x| month_number(x.text)) else {
            i += 1;
            continue;
        };
        let mut end = t[j].start + t[j].text.len();
        let mut last_month = month;
        // `30 juni en 1 juli 2023`: a range across two months (only from one day).
        if last == first {
            let skip = joiner(&t, j + 1);
            let next_day = t.get(j + 1 + skip).and_then(day);
            let next_month = t.get(j + 2 + skip).and_then(|x| month_number(x.text));
            if let (true, Some(d), Some(m)) = (skip > 0, next_day, next_month)
                && m > month
            {
                last = d;
                last_month = m;
                j += skip + 2;
                end = t[j].start + t[j].text.len();
            }
        }
        let year = t.get(j + 1).and_then(year);
        if year.is_some() {
            end = t[j + 1].start + t[j + 1].text.len();
            j += 1;
        }
        if (last_month, last) >= (month, first) {
            out.push(DateMention {
                first_day: first,
                last_day: last,
                month,
                last_month,
                year,
                start: t[i].start,
                end,
            });
        }
        i = j + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (u8, u8, u8, Option<u16>) {
        let d = find(text);
        assert_eq!(d.len(), 1, "{text}: {d:?}");
        (d[0].first_day, d[0].last_day, d[0].month, d[0].year)
    }

    #[test]
    fn reads_dutch_dates_and_ranges() {
        assert_eq!(one("Den Haag, 31 januari 2025"), (31, 31, 1, Some(2025)));
        assert_eq!(one("Op 15 en 16 juni 2023 vond"), (15, 16, 6, Some(2023)));
        assert_eq!(one("van 15-16 juni."), (15, 16, 6, None));
        assert_eq!(one("plaats op 16 juni in Brussel"), (16, 16, 6, None));
        assert_eq!(one("op 13 februari te Brussel"), (13, 13, 2, None));
        assert_eq!(one("op 10/11 juni 2010 in"), (10, 11, 6, Some(2010)));
        assert_eq!(one("van 8 tot en met 10 juli"), (8, 10, 7, None));
    }

    #[test]
    fn a_range_may_name_the_days_of_the_week() {
        assert_eq!(
            one("op woensdag 13 en donderdag 14 februari a.s."),
            (13, 14, 2, None)
        );
        assert_eq!(
            one("van maandag 8 tot en met woensdag 10 juli 2024"),
            (8, 10, 7, Some(2024))
        );
    }

    #[test]
    fn a_range_may_cross_two_months() {
        let text = "de top van 30 juni en 1 juli 2023 in Madrid";
        let d = find(text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&text[d[0].start..d[0].end], "30 juni en 1 juli 2023");
        assert_eq!(d[0].first(0).iso(), "2023-06-30");
        assert_eq!(d[0].last(0).iso(), "2023-07-01");
        // Two dates joined by `en` in the same month order are a range; back in time, two dates.
        assert_eq!(find("op 3 juli en 1 juni").len(), 2);
    }

    #[test]
    fn offsets_cover_the_mention() {
        let text = "Op 15 en 16 juni 2023 vond";
        let d = find(text)[0];
        assert_eq!(&text[d.start..d.end], "15 en 16 juni 2023");
    }

    #[test]
    fn ignores_numbers_that_are_no_dates() {
        assert!(find("€ 87 mln. en 2% van het bbp, nr. 449 1").is_empty());
        assert!(find("32 juni 2023").is_empty());
    }

    #[test]
    fn iso_dates() {
        assert_eq!(find("1 juli 2023")[0].first(0).iso(), "2023-07-01");
        assert_eq!(find("16 juni")[0].last(2022).iso(), "2022-06-16");
    }
}
