//! What a letter is, from cues in its text:
//! - `beslisnota`: an internal decision memo: it has `Geadviseerd besluit` or `Kernpunten`;
//! - `agenda`: an annotated agenda, sent before the meeting: its opening says it sends the
//!   `geannoteerde agenda`, or announces the Dutch `inzet` for a meeting that `komen ... bijeen`;
//! - `verslag`: a report, sent after the meeting: its opening tells that the meeting `vond plaats`
//!   or reports on its `verloop`.
//!
//! The opening is the first [`OPENING`] bytes: later paragraphs of an agenda may report on an
//! earlier meeting. No cue: no kind.

use super::text::contains_ci;
use serde::Serialize;

const OPENING: usize = 600;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Agenda,
    Verslag,
    Beslisnota,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Agenda => "agenda",
            Kind::Verslag => "verslag",
            Kind::Beslisnota => "beslisnota",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        [Kind::Agenda, Kind::Verslag, Kind::Beslisnota]
            .into_iter()
            .find(|k| k.name() == name)
    }

    /// How a title names it.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Agenda => "Geannoteerde agenda",
            Kind::Verslag => "Verslag",
            Kind::Beslisnota => "Beslisnota",
        }
    }
}

pub fn detect(body: &str) -> Option<Kind> {
    if contains_ci(body, "geadviseerd besluit") || body.contains("Kernpunten") {
        return Some(Kind::Beslisnota);
    }
    let cut = (0..=OPENING.min(body.len()))
        .rev()
        .find(|&i| body.is_char_boundary(i))
        .unwrap_or(0);
    let opening = &body[..cut];
    let agenda = [
        "geannoteerde agenda",
        "inzet voor",
        "komen de",
        "vindt plaats",
        "vindt een",
    ]
    .iter()
    .filter(|cue| contains_ci(opening, cue))
    .count();
    let report = [
        "vond",
        "verloop",
        "verslag van de bijeenkomst",
        "spraken de",
    ]
    .iter()
    .filter(|cue| contains_ci(opening, cue))
    .count();
    match agenda.cmp(&report) {
        std::cmp::Ordering::Greater => Some(Kind::Agenda),
        std::cmp::Ordering::Less => Some(Kind::Verslag),
        std::cmp::Ordering::Equal => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_kind_from_the_opening() {
        assert_eq!(
            detect("Hierbij stuur ik u de geannoteerde agenda voor de DMM."),
            Some(Kind::Agenda)
        );
        assert_eq!(
            detect("Op 15 juni vond in Brussel een DMM plaats."),
            Some(Kind::Verslag)
        );
        assert_eq!(
            detect("Aanleiding\nGeadviseerd besluit\nUw akkoord."),
            Some(Kind::Beslisnota)
        );
    }

    #[test]
    fn no_cue_no_kind() {
        assert_eq!(
            detect("Geachte voorzitter, hierbij een brief over iets anders."),
            None
        );
        assert_eq!(detect(""), None);
    }
}
