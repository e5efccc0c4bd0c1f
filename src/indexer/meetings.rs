//! The letters of one meeting: the annotated agenda before it, the minister's report after it, the
//! committee debate about both. A build notes each letter's meeting as the letter goes by (a few
//! bytes), and at the end joins the letters that name the same kind of meeting on the same first
//! day, or at the same place in the same month (a report may give the meeting as 15-16 June where
//! the agenda said 15 June; a debate may name only the place and month). Each letter of a group
//! then names the others in its file (`Meta::same_meeting`), so a hit shows them without a fetch.

use crate::format::fnv64;
use crate::meta::{Kind, Link, Meta};
use std::collections::HashMap;

/// The most letters of one meeting: a meeting has a handful of documents (an agenda, a report, a
/// debate, written questions). More letters naming the same meeting are not one meeting's papers
/// (a generated archive that draws its meetings from a short list, a key that collides) and are
/// not linked: each would carry dozens of names that say nothing.
pub const MAX_GROUP: usize = 13;

/// What the build keeps of a letter about a meeting (only those: most letters of an archive may
/// be about none): its number, its meeting's keys (hashes) and its date.
struct Noted {
    letter: u32,
    /// The same kind of meeting on the same first day; at the same place in the same month.
    keys: (u64, Option<u64>),
    /// `2023-06-15` as 20230615, `2023-06` as 20230600, `2023` as 20230000; 0 without a date.
    date: u32,
}

#[derive(Default)]
pub struct Meetings {
    noted: Vec<Noted>,
    letters: u32,
}

impl Meetings {
    /// Notes the next letter (letters come in number order).
    pub fn add(&mut self, meta: &Meta) {
        let letter = self.letters;
        self.letters += 1;
        let Some(m) = &meta.meeting else {
            return;
        };
        let Some(month) = m.start.get(..7) else {
            return;
        };
        let name = m
            .name
            .strip_suffix(" (videoconferentie)")
            .unwrap_or(&m.name);
        let day = fnv64(format!("{name}\u{0}{}", m.start).as_bytes());
        let place = m.place.as_ref().map(|place| {
            let key = format!("{name}\u{0}{}\u{0}{month}", place.to_lowercase());
            fnv64(key.as_bytes())
        });
        self.noted.push(Noted {
            letter,
            keys: (day, place),
            date: meta.date.as_deref().map_or(0, date_number),
        });
    }

    /// Per letter of a meeting with other letters: its number and the others, oldest first
    /// (none for a group of more than [`MAX_GROUP`]). `ids` are the letters' ids by number,
    /// `about` gives a letter's kind and date.
    pub fn links(
        &self,
        ids: &[String],
        about: impl Fn(usize) -> (Option<Kind>, Option<String>),
    ) -> Vec<(u32, Vec<Link>)> {
        // Union-find over the noted letters: a key seen before joins its letter to the first.
        let mut parent: Vec<u32> = (0..self.noted.len() as u32).collect();
        fn root(parent: &mut [u32], mut n: u32) -> u32 {
            while parent[n as usize] != n {
                parent[n as usize] = parent[parent[n as usize] as usize];
                n = parent[n as usize];
            }
            n
        }
        let mut first: HashMap<u64, u32> = HashMap::new();
        for (i, noted) in self.noted.iter().enumerate() {
            let (day, place) = noted.keys;
            for key in std::iter::once(day).chain(place) {
                let other = *first.entry(key).or_insert(i as u32);
                let (a, b) = (root(&mut parent, i as u32), root(&mut parent, other));
                parent[a.max(b) as usize] = a.min(b);
            }
        }
        let mut groups: HashMap<u32, Vec<u32>> = HashMap::new();
        for i in 0..self.noted.len() as u32 {
            groups.entry(root(&mut parent, i)).or_default().push(i);
        }
        let mut links: Vec<(u32, Vec<Link>)> = Vec::new();
        let linked = groups
            .into_values()
            .filter(|m| (2..=MAX_GROUP).contains(&m.len()));
        for mut members in linked {
            members.sort_by_key(|&i| {
                let noted = &self.noted[i as usize];
                (noted.date, noted.letter)
            });
            for &i in &members {
                let others = members
                    .iter()
                    .filter(|&&m| m != i)
                    .map(|&m| {
                        let letter = self.noted[m as usize].letter as usize;
                        let (kind, date) = about(letter);
                        Link {
                            id: ids[letter].clone(),
                            kind,
                            date,
                            title: None,
                        }
                    })
                    .collect();
                links.push((self.noted[i as usize].letter, others));
            }
        }
        links.sort_unstable_by_key(|(n, _)| *n);
        links
    }
}

/// `2023-06-15` -> 20230615; `2023-06` -> 20230600; `2023` -> 20230000: sorts as the dates do,
/// a month before its days.
fn date_number(date: &str) -> u32 {
    let mut parts = date.split('-').map(|p| p.parse::<u32>().unwrap_or(0));
    let (y, m, d) = (
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
    );
    y * 10_000 + m.min(99) * 100 + d.min(99)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::Meeting;

    fn meta(kind: Kind, date: &str, name: &str, start: &str, place: Option<&str>) -> Meta {
        Meta {
            kind: Some(kind),
            date: Some(date.into()),
            meeting: Some(Meeting {
                place: place.map(str::to_string),
                start: start.into(),
                end: start.into(),
                summit: None,
                name: name.into(),
            }),
            ..Meta::default()
        }
    }

    const DMM: &str = "NAVO-ministers van Defensie";

    #[test]
    fn the_same_meeting_by_its_day_or_by_place_and_month_and_nothing_else() {
        let mut m = Meetings::default();
        // 0 and 1: the same first day; 2: the same place and month, another day given.
        m.add(&meta(
            Kind::Agenda,
            "2024-02-01",
            DMM,
            "2024-02-15",
            Some("Brussel"),
        ));
        m.add(&meta(Kind::Verslag, "2024-02-20", DMM, "2024-02-15", None));
        m.add(&meta(
            Kind::Overleg,
            "2024-02",
            &format!("{DMM} (videoconferentie)"),
            "2024-02-14",
            Some("brussel"),
        ));
        // 3: the same day, another kind of meeting; 4: no meeting; 5: another month.
        m.add(&meta(
            Kind::Agenda,
            "2024-02-01",
            "NAVO-top",
            "2024-02-15",
            Some("Brussel"),
        ));
        m.add(&Meta::default());
        m.add(&meta(
            Kind::Agenda,
            "2024-06-01",
            DMM,
            "2024-06-13",
            Some("Brussel"),
        ));
        let ids: Vec<String> = (0..6).map(|n| format!("l{n}")).collect();
        let about: Vec<(Option<Kind>, Option<String>)> = [
            (Some(Kind::Agenda), Some("2024-02-01")),
            (Some(Kind::Verslag), Some("2024-02-20")),
            (Some(Kind::Overleg), Some("2024-02")),
            (Some(Kind::Agenda), Some("2024-02-01")),
            (None, None),
            (Some(Kind::Agenda), Some("2024-06-01")),
        ]
        .into_iter()
        .map(|(k, d)| (k, d.map(str::to_string)))
        .collect();
        let links = m.links(&ids, |n| about[n].clone());
        let of = |n: u32| -> Vec<String> {
            links
                .iter()
                .find(|(l, _)| *l == n)
                .map(|(_, ls)| ls.iter().map(|l| l.id.clone()).collect())
                .unwrap_or_default()
        };
        assert_eq!(
            of(0),
            ["l2", "l1"],
            "oldest first: 2024-02 sorts before 2024-02-20"
        );
        assert_eq!(of(1), ["l2", "l0"]);
        assert_eq!(of(2), ["l0", "l1"]);
        assert!(of(3).is_empty() && of(4).is_empty() && of(5).is_empty());
        let first = &links[0].1[1];
        assert_eq!(
            (first.kind, first.date.as_deref()),
            (Some(Kind::Verslag), Some("2024-02-20"))
        );
    }

    #[test]
    fn a_meeting_of_more_letters_than_one_meeting_has_is_not_linked() {
        for (n, linked) in [(MAX_GROUP, MAX_GROUP), (MAX_GROUP + 1, 0)] {
            let mut m = Meetings::default();
            for _ in 0..n {
                m.add(&meta(Kind::Brief, "2024-02", DMM, "2024-02-15", None));
            }
            let ids: Vec<String> = (0..n).map(|n| n.to_string()).collect();
            let about = vec![(Some(Kind::Brief), Some("2024-02".to_string())); n];
            let links = m.links(&ids, |n| about[n].clone());
            assert_eq!(links.len(), linked);
            assert!(links.iter().all(|(_, l)| l.len() == n - 1));
        }
    }

    #[test]
    fn dates_sort_as_numbers() {
        let mut dates = ["2023-06-15", "2023", "2024-01", "2023-06"];
        dates.sort_by_key(|d| date_number(d));
        assert_eq!(dates, ["2023", "2023-06", "2023-06-15", "2024-01"]);
    }
}
