//! What a document of the dossier is, from its own conventions, strongest cue first:
//! 1. `beslisnota`: an internal decision memo: it has `Geadviseerd besluit` or `Kernpunten`;
//! 2. its heading, as the Kamer prints it at the top: `VERSLAG VAN EEN ALGEMEEN OVERLEG`,
//!    `VERSLAG VAN EEN COMMISSIEDEBAT` (and notaoverleg, wetgevingsoverleg): `overleg`, the
//!    committee's report of a debate; `VERSLAG VAN EEN SCHRIFTELIJK OVERLEG`, `INBRENG VERSLAG VAN
//!    EEN SCHRIFTELIJK OVERLEG`: `schriftelijk-overleg`;
//! 3. its `Betreft` line: `Geannoteerde agenda ...` or `Verslag ...`;
//! 4. its opening (the first [`OPENING`] bytes after the date line, where a letter says what it
//!    sends, `Hierbij ...`): `agenda` when it sends the `geannoteerde agenda` or looks ahead to
//!    the meeting
//!    (`a.s.`, `komen ... bijeen`, `vindt plaats`); `verslag` when it sends the `verslag` or looks
//!    back on it (`jl.`, `vond plaats`, `kwamen bijeen`, `informeer ik u over de resultaten`);
//! 5. a letter (`BRIEF VAN DE MINISTER`, or a `Den Haag, <date>` line) whose cues are missing or
//!    disagree: `brief`. Anything else: no kind. A wrong kind is worse than a general one.

use super::text::{contains_ci, head};
use serde::Serialize;

const OPENING: usize = 600;
/// How far into the document a heading or `Betreft` line is looked for.
const HEAD: usize = 1200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Agenda,
    Verslag,
    Beslisnota,
    Overleg,
    SchriftelijkOverleg,
    Brief,
}

const ALL: [Kind; 6] = [
    Kind::Agenda,
    Kind::Verslag,
    Kind::Beslisnota,
    Kind::Overleg,
    Kind::SchriftelijkOverleg,
    Kind::Brief,
];

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Agenda => "agenda",
            Kind::Verslag => "verslag",
            Kind::Beslisnota => "beslisnota",
            Kind::Overleg => "overleg",
            Kind::SchriftelijkOverleg => "schriftelijk-overleg",
            Kind::Brief => "brief",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        ALL.into_iter().find(|k| k.name() == name)
    }

    /// Every kind's name, for a message that lists them.
    pub fn names() -> impl Iterator<Item = &'static str> {
        ALL.into_iter().map(Kind::name)
    }

    /// How a title names it.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Agenda => "Geannoteerde agenda",
            Kind::Verslag => "Verslag",
            Kind::Beslisnota => "Beslisnota",
            Kind::Overleg => "Verslag van een commissiedebat",
            Kind::SchriftelijkOverleg => "Schriftelijk overleg",
            Kind::Brief => "Brief",
        }
    }
}

/// The heading lines that name a committee report, and its kind.
const HEADINGS: [(&str, Kind); 8] = [
    (
        "inbreng verslag van een schriftelijk overleg",
        Kind::SchriftelijkOverleg,
    ),
    ("inbreng schriftelijk overleg", Kind::SchriftelijkOverleg),
    // The committee's written questions with the minister's answers.
    ("lijst van vragen en antwoorden", Kind::SchriftelijkOverleg),
    (
        "verslag van een schriftelijk overleg",
        Kind::SchriftelijkOverleg,
    ),
    ("verslag van een algemeen overleg", Kind::Overleg),
    ("verslag van een commissiedebat", Kind::Overleg),
    ("verslag van een notaoverleg", Kind::Overleg),
    ("verslag van een wetgevingsoverleg", Kind::Overleg),
];

/// The kind of `body`; `dated` when it has a letter's date line (`Den Haag, 7 juli 2015`).
pub fn detect(body: &str, dated: bool) -> Option<Kind> {
    if contains_ci(body, "geadviseerd besluit") || body.contains("Kernpunten") {
        return Some(Kind::Beslisnota);
    }
    let top = head(body, HEAD);
    // A heading is on a line of its own, perhaps after the number (`Nr. 232 VERSLAG VAN EEN
    // ALGEMEEN OVERLEG`): in capitals as the Kamer prints it, or in any case at the line's start
    // as copies of it write it (`Verslag van een commissiedebat`).
    for line in top.lines() {
        let capitals = line.chars().filter(|c| c.is_uppercase()).count();
        let letters = line.chars().filter(|c| c.is_alphabetic()).count();
        let shouted = letters > 0 && capitals * 10 >= letters * 8;
        let opening = after_number(line).to_lowercase();
        let heading = HEADINGS
            .iter()
            .find(|(cue, _)| opening.starts_with(cue) || (shouted && contains_ci(line, cue)));
        if let Some((_, kind)) = heading {
            return Some(*kind);
        }
    }
    // The Kamer's own formulas, whatever the heading: a committee reports a debate (`Van dit
    // overleg brengt de commissie bijgaand ... verslag uit`), puts questions in writing (`een
    // aantal vragen en opmerkingen voor te leggen`), or a party's members give their input
    // (`De leden van de VVD-fractie hebben kennisgenomen van ...`).
    if contains_ci(top, "van dit overleg breng") {
        return Some(Kind::Overleg);
    }
    let written = [
        "vragen en opmerkingen voor te leggen",
        "vragen en opmerkingen voorgelegd",
    ];
    if written.iter().any(|cue| contains_ci(top, cue))
        || (contains_ci(top, "fractie hebben") && contains_ci(top, "kennisgenomen"))
    {
        return Some(Kind::SchriftelijkOverleg);
    }
    let letter = dated
        || top.lines().any(|l| {
            // `BRIEF VAN DE MINISTER(S) ...`, `BRIEF VAN DE STAATSSECRETARIS ...`, also after the
            // number (`Nr. 165 BRIEF VAN ...`).
            after_number(l).to_uppercase().starts_with("BRIEF VAN DE ")
        });
    if let Some(line) = top.lines().find_map(|l| l.trim().strip_prefix("Betreft")) {
        // The minister's answers in a written consultation about an agenda are answers.
        let subject = line.trim_start().to_lowercase();
        let answers = subject.contains("schriftelijk overleg")
            || subject.starts_with("beantwoording")
            || subject.starts_with("antwoord");
        if answers {
            return Some(Kind::SchriftelijkOverleg);
        }
        if contains_ci(line, "geannoteerde agenda") {
            return Some(Kind::Agenda);
        }
        if line.trim_start().to_lowercase().starts_with("verslag") {
            return Some(Kind::Verslag);
        }
    }
    let from = opening_start(body);
    let opening = head(&body[from..], OPENING);
    let first = opening.split(". ").next().unwrap_or(opening);
    // What the first sentence says it sends (`Hierbij bied ik u het verslag aan`): a letter that
    // reacts to someone's report (`Met deze brief reageer ik op het verslag van ...`) sends none.
    let sends = ["hierbij", "bijgaand", "met deze brief", "in deze brief"]
        .iter()
        .any(|cue| contains_ci(first, cue))
        && [
            "bied",
            "stuur",
            "zend",
            "ontvangt u",
            "toekomen",
            "treft u",
            "doe ik u",
        ]
        .iter()
        .any(|verb| contains_ci(first, verb));
    // What it sends first: the answers to a committee's questions about an agenda are answers
    // (a member's own questions, `vragen van het lid`, are not a written consultation).
    let lower = first.to_lowercase();
    let at = |cue: &str| lower.find(cue).unwrap_or(usize::MAX);
    let answers = at("antwoord");
    if sends
        && answers < at("geannoteerde agenda").min(at("verslag"))
        && !lower.contains("van het lid")
    {
        return Some(Kind::SchriftelijkOverleg);
    }
    let sends_agenda = sends && contains_ci(first, "geannoteerde agenda");
    let sends_report = sends && contains_ci(first, "verslag");
    match (sends_agenda, sends_report) {
        (true, false) => return Some(Kind::Agenda),
        (false, true) => return Some(Kind::Verslag),
        _ => {}
    }
    let ahead = [
        "geannoteerde agenda",
        "inzet voor",
        "komen de",
        "vindt plaats",
        "plaatsvindt",
        "vindt een",
        "a.s.",
        "aanstaande",
    ]
    .iter()
    .filter(|cue| contains_ci(opening, cue))
    .count();
    let back = [
        "vond",
        "vonden",
        "verloop",
        "verslag van de bijeenkomst",
        "spraken de",
        "kwamen",
        "plaatsgevonden",
        "werd",
        "informeer ik u over de resultaten",
        "informeer ik uw kamer over de uitkomst",
    ]
    .iter()
    .filter(|cue| contains_ci(opening, cue))
    .count()
        // `jl.` (the past) in the first sentence: it looks back on the meeting.
        + usize::from(contains_ci(first, "jl.") || contains_ci(first, "jongstleden"));
    match ahead.cmp(&back) {
        std::cmp::Ordering::Greater => Some(Kind::Agenda),
        std::cmp::Ordering::Less => Some(Kind::Verslag),
        std::cmp::Ordering::Equal => letter.then_some(Kind::Brief),
    }
}

/// A line without the document's number before it (`Nr. 232 VERSLAG ...` -> `VERSLAG ...`).
fn after_number(line: &str) -> &str {
    let line = line.trim_start();
    match line.get(..4) {
        Some(nr) if nr.eq_ignore_ascii_case("nr. ") => line[4..]
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start(),
        _ => line,
    }
}

/// Where a letter starts to speak: after its date line (`Den Haag, ...`) or its `Betreft` line,
/// when it has one near the top; else the start.
fn opening_start(body: &str) -> usize {
    let top = head(body, HEAD);
    let mut start = 0;
    let mut offset = 0;
    for line in top.split_inclusive('\n') {
        let t = line.trim();
        let dated = super::own_date(t).is_some();
        if dated || t.starts_with("Betreft") || t.starts_with("Datum") {
            start = offset + line.len();
        }
        offset += line.len();
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_kind_from_the_opening() {
        assert_eq!(
            detect(
                "Hierbij stuur ik u de geannoteerde agenda voor de DMM.",
                false
            ),
            Some(Kind::Agenda)
        );
        assert_eq!(
            detect("Op 15 juni vond in Brussel een DMM plaats.", false),
            Some(Kind::Verslag)
        );
        assert_eq!(
            detect("Aanleiding\nGeadviseerd besluit\nUw akkoord.", false),
            Some(Kind::Beslisnota)
        );
        assert_eq!(
            detect(
                "Op 14 en 15 juni jl. werd in Brussel een bijeenkomst gehouden. Met deze brief \
                 informeer ik u over de resultaten.",
                false
            ),
            Some(Kind::Verslag)
        );
    }

    #[test]
    fn a_heading_names_a_committee_report() {
        let ao = "28 676 NAVO\n\nNr. 232 VERSLAG VAN EEN ALGEMEEN OVERLEG\n\nVastgesteld 26 \
                  november 2015\n\nDe vaste commissie ... over de geannoteerde agenda";
        assert_eq!(detect(ao, false), Some(Kind::Overleg));
        let cd = "Nr. 389\nVERSLAG VAN EEN COMMISSIEDEBAT\nVastgesteld 2 maart 2022";
        assert_eq!(detect(cd, false), Some(Kind::Overleg));
        let so = "Nr. 12\nINBRENG VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\nVastgesteld 1 mei 2024";
        assert_eq!(detect(so, false), Some(Kind::SchriftelijkOverleg));
        let vragen = "28 676 NAVO\nNr. 300 LIJST VAN VRAGEN EN ANTWOORDEN\nVastgesteld 1 mei 2018";
        assert_eq!(detect(vragen, false), Some(Kind::SchriftelijkOverleg));
        // The words in running text are no heading.
        let letter = "Den Haag, 1 mei 2024\nIn het verslag van een algemeen overleg van maart \
                      zegde ik toe u te informeren.";
        assert_eq!(detect(letter, true), Some(Kind::Brief));
    }

    #[test]
    fn the_kamers_formulas_name_a_report_or_a_written_consultation_in_any_case() {
        let cd = "Verslag van een commissiedebat\nVastgesteld 2 maart 2022\nDe vaste commissie \
                  heeft op 10 februari 2022 overleg gevoerd over de geannoteerde agenda.";
        assert_eq!(detect(cd, false), Some(Kind::Overleg));
        let copied = "Vastgesteld 2 maart 2022\nDe vaste commissie heeft overleg gevoerd over: de \
                      geannoteerde agenda.\nVan dit overleg brengt de commissie bijgaand \
                      geredigeerd woordelijk verslag uit.";
        assert_eq!(detect(copied, false), Some(Kind::Overleg));
        let so = "Verslag van een schriftelijk overleg\nVastgesteld 12 maart 2019\nIn de vaste \
                  commissie voor Defensie bestond de behoefte een aantal vragen en opmerkingen \
                  voor te leggen over de geannoteerde agenda.";
        assert_eq!(detect(so, false), Some(Kind::SchriftelijkOverleg));
        let unheaded = "Vastgesteld 12 maart 2019\nIn de vaste commissie bestond de behoefte een \
                        aantal vragen en opmerkingen voor te leggen over de geannoteerde agenda.";
        assert_eq!(detect(unheaded, false), Some(Kind::SchriftelijkOverleg));
        let input = "Inbreng schriftelijk overleg\nDe leden van de VVD-fractie hebben \
                     kennisgenomen van de geannoteerde agenda.";
        assert_eq!(detect(input, false), Some(Kind::SchriftelijkOverleg));
    }

    #[test]
    fn the_ministers_answers_about_an_agenda_are_answers_not_the_agenda() {
        let betreft = "Datum 11 februari 2019\nBetreft Beantwoording schriftelijk overleg over de \
                       geannoteerde agenda NAVO-ministers van Defensie\nHierbij bied ik u de \
                       antwoorden aan.";
        assert_eq!(detect(betreft, true), Some(Kind::SchriftelijkOverleg));
        let opening = "Den Haag, 11 februari 2019\nHierbij bied ik u de antwoorden aan op de \
                       vragen van de vaste commissie over de geannoteerde agenda.";
        assert_eq!(detect(opening, true), Some(Kind::SchriftelijkOverleg));
        // The agenda sent first, answers mentioned after it: an agenda.
        let agenda = "Den Haag, 1 februari 2019\nHierbij bied ik u de geannoteerde agenda aan, \
                      met de antwoorden op eerdere vragen.";
        assert_eq!(detect(agenda, true), Some(Kind::Agenda));
    }

    #[test]
    fn the_betreft_line_and_what_the_letter_sends_come_before_other_cues() {
        let betreft = "Datum 10 februari 2026\nBetreft Geannoteerde agenda NAVO-ministers van \
                       Defensie\nOp 5 februari jl. sprak ik ...";
        assert_eq!(detect(betreft, true), Some(Kind::Agenda));
        // An agenda that mentions an earlier meeting (`jl.`) after saying what it sends.
        let agenda = "Den Haag, 9 april 2020\nHierbij ontvangt u de geannoteerde agenda ten \
                      behoeve van de bijeenkomst op 15 april 2020. Zij bouwt voort op de \
                      bijeenkomst van 2 april jl. die plaatsvond.";
        assert_eq!(detect(agenda, true), Some(Kind::Agenda));
        let report = "Den Haag, 18 oktober 2018\nHierbij bied ik u het verslag aan van de \
                      bijeenkomst van 3 en 4 oktober jl.";
        assert_eq!(detect(report, true), Some(Kind::Verslag));
        // Reacting to someone else's report is no report.
        let reaction = "Den Haag, 1 mei 2024\nMet deze brief reageer ik op het verzoek van de \
                        commissie om een reactie op het verslag van de Algemene Rekenkamer.";
        assert_eq!(detect(reaction, true), Some(Kind::Brief));
        // A sentence wrapped after a comma is no date line.
        let wrapped = "Den Haag, 5 februari 2024\n\nHierbij bied ik u de geannoteerde agenda aan \
                       voor de bijeenkomst van de NAVO-ministers\nvan Defensie, op 15 februari \
                       a.s. in Brussel.";
        assert_eq!(detect(wrapped, true), Some(Kind::Agenda));
    }

    #[test]
    fn no_cue_no_kind_but_a_letter_is_a_brief() {
        assert_eq!(
            detect(
                "Geachte voorzitter, hierbij een brief over iets anders.",
                false
            ),
            None
        );
        assert_eq!(detect("", false), None);
        let letter = "28 676 NAVO\nNr. 400 BRIEF VAN DE MINISTER VAN DEFENSIE\nDen Haag, 1 mei \
                      2024\nHierbij informeer ik u over de voortgang van het project.";
        assert_eq!(detect(letter, true), Some(Kind::Brief));
        // A state secretary's letter, its date line lost: still a letter.
        let secretary = "28 676 NAVO\nNr. 401 BRIEF VAN DE STAATSSECRETARIS VAN DEFENSIE\nHierbij \
                         informeer ik u over de voortgang.";
        assert_eq!(detect(secretary, false), Some(Kind::Brief));
    }

    #[test]
    fn names_round_trip() {
        for k in ALL {
            assert_eq!(Kind::from_name(k.name()), Some(k));
        }
    }

    #[test]
    fn an_unknown_kind_is_answered_with_every_kind() {
        let said = crate::error::Error::BadOption {
            option: crate::error::OptionName::Kind,
            value: "x".into(),
        }
        .to_string();
        let names: Vec<&str> = ALL.iter().map(|k| k.name()).collect();
        let (last, others) = names.split_last().unwrap();
        assert!(
            said.ends_with(&format!("; use {} or {last}", others.join(", "))),
            "{said}"
        );
    }
}
