//! Every field on the five letters, with the values a person reads from them, and on made-up
//! letters that lack the cue.

use super::*;

fn seeds() -> Vec<Meta> {
    let (raw, bodies) = crate::test_seeds::cleaned();
    raw.iter()
        .zip(&bodies)
        .map(|(r, b)| extract(r, b))
        .collect()
}

fn meeting(place: &str, start: &str, end: &str, summit: Option<&str>) -> Option<Meeting> {
    Some(Meeting {
        place: Some(place.into()),
        start: start.into(),
        end: end.into(),
        summit: summit.map(Into::into),
        name: "NAVO-ministers van Defensie".into(),
    })
}

#[test]
fn dates_of_the_five_letters() {
    let got: Vec<(Option<String>, Option<Precision>)> = seeds()
        .into_iter()
        .map(|m| (m.date, m.date_precision))
        .collect();
    let month = Some(Precision::Month);
    assert_eq!(
        got,
        [
            (Some("2023-06".into()), month),
            (Some("2024-02".into()), month),
            (Some("2022-06".into()), month),
            (Some("2023-06".into()), month),
            (Some("2025-01-31".into()), Some(Precision::Day)),
        ]
    );
}

#[test]
fn kinds_of_the_five_letters() {
    let got: Vec<Option<Kind>> = seeds().into_iter().map(|m| m.kind).collect();
    use Kind::*;
    assert_eq!(
        got,
        [
            Some(Verslag),
            Some(Agenda),
            Some(Agenda),
            Some(Beslisnota),
            Some(Agenda)
        ]
    );
}

#[test]
fn meetings_of_the_five_letters() {
    let got: Vec<Option<Meeting>> = seeds().into_iter().map(|m| m.meeting).collect();
    assert_eq!(
        got,
        [
            meeting("Brussel", "2023-06-15", "2023-06-16", Some("Vilnius")),
            meeting("Brussel", "2024-02-15", "2024-02-15", None),
            meeting("Brussel", "2022-06-16", "2022-06-16", Some("Madrid")),
            meeting("Brussel", "2023-06-15", "2023-06-16", Some("Vilnius")),
            meeting("Brussel", "2025-02-13", "2025-02-13", Some("Den Haag")),
        ]
    );
}

#[test]
fn ministers_of_the_five_letters() {
    let got: Vec<Option<String>> = seeds().into_iter().map(|m| m.minister).collect();
    let ollongren = Some("Ollongren".to_string());
    assert_eq!(
        got,
        [
            ollongren.clone(),
            ollongren.clone(),
            ollongren,
            None,
            Some("Brekelmans".into())
        ]
    );
}

#[test]
fn kamerstuk_numbers_of_the_five_letters() {
    let got: Vec<Option<String>> = seeds().into_iter().map(|m| m.kamerstuk).collect();
    assert_eq!(
        got,
        [None, Some("28 676, nr. 449".into()), None, None, None]
    );
}

#[test]
fn titles_of_the_five_letters() {
    let got: Vec<String> = seeds().iter().map(|m| title(m).unwrap()).collect();
    assert_eq!(
        got,
        [
            "Verslag NAVO-ministers van Defensie, Brussel 15-16 juni 2023",
            "Geannoteerde agenda NAVO-ministers van Defensie, Brussel 15 februari 2024",
            "Geannoteerde agenda NAVO-ministers van Defensie, Brussel 16 juni 2022",
            "Beslisnota NAVO-ministers van Defensie, Brussel 15-16 juni 2023",
            "Geannoteerde agenda NAVO-ministers van Defensie, Brussel 13 februari 2025",
        ]
    );
}

#[test]
fn a_letter_without_any_cue_has_no_metadata() {
    let body = "Geachte voorzitter,\n\nIk schrijf u over de begroting.\n";
    assert_eq!(extract(body, body), Meta::default());
}

#[test]
fn a_letter_with_only_a_date_line() {
    let body = "Den Haag, 3 maart 2021\n\nIk schrijf u over de begroting.\n";
    let meta = extract(body, body);
    assert_eq!(meta.date.as_deref(), Some("2021-03-03"));
    assert_eq!(meta.date_precision, Some(Precision::Day));
    assert_eq!(meta.meeting, None);
    assert_eq!(title(&meta).as_deref(), Some("Brief van 3 maart 2021"));
}

#[test]
fn a_letter_with_only_a_colophon_is_dated_by_its_year() {
    let raw = "Ik schrijf u.\nkst-1-2\n’s-Gravenhage 2019 Tweede Kamer, vergaderjaar 2018–2019, 1 234, nr. 5 1\n";
    let meta = extract(raw, "Ik schrijf u.\n");
    assert_eq!(meta.date.as_deref(), Some("2019"));
    assert_eq!(meta.date_precision, Some(Precision::Year));
    assert_eq!(meta.kamerstuk.as_deref(), Some("1 234, nr. 5"));
}

#[test]
fn a_meeting_without_a_year_anywhere_has_no_dates() {
    let body = "De DMM vindt plaats op 13 februari te Brussel.\n";
    let meta = extract(body, body);
    assert_eq!(meta.meeting, None);
    assert_eq!(meta.date, None);
    assert_eq!(meta.kind, Some(Kind::Agenda));
}

/// The metadata of a made-up document (its raw text is its body).
fn of(text: &str) -> Meta {
    extract(text, text)
}

#[test]
fn a_meeting_date_without_a_date_of_its_own_is_said_to_be_the_meetings_month() {
    let m = of("Op 13 en 14 februari 2025 komen de NAVO-ministers van Defensie in Brussel bijeen.");
    assert_eq!(m.date.as_deref(), Some("2025-02"));
    assert_eq!(m.date_precision, Some(Precision::Month));
    assert_eq!(m.meeting.unwrap().start, "2025-02-13");
}

#[test]
fn an_english_meeting_name_is_a_meeting() {
    let m = of(
        "Den Haag, 3 februari 2025\nHierbij stuur ik u de geannoteerde agenda voor de NATO \
                Defence Ministers Meeting op 13 en 14 februari te Brussel.",
    );
    assert_eq!(m.kind, Some(Kind::Agenda));
    assert_eq!(m.date.as_deref(), Some("2025-02-03"));
    let meeting = m.meeting.unwrap();
    assert_eq!(
        (meeting.start.as_str(), meeting.end.as_str()),
        ("2025-02-13", "2025-02-14")
    );
    assert_eq!(meeting.name, "NAVO-ministers van Defensie");
    assert_eq!(meeting.place.as_deref(), Some("Brussel"));
}

#[test]
fn a_summit_across_two_months() {
    let m = of(
        "Den Haag, 12 juni 2026\nHierbij bieden wij u de geannoteerde agenda aan voor de \
                NAVO-top van 30 juni en 1 juli 2026 in ANKARA.",
    );
    let meeting = m.meeting.unwrap();
    assert_eq!(
        (meeting.start.as_str(), meeting.end.as_str()),
        ("2026-06-30", "2026-07-01")
    );
    assert_eq!(meeting.name, "NAVO-top");
    assert_eq!(
        meeting.place.as_deref(),
        Some("Ankara"),
        "capitals evened out"
    );
}

#[test]
fn a_letter_with_two_meetings_is_about_the_first() {
    let m = of(
        "Den Haag, 12 november 2025\nOp 15 oktober 2025 vonden in Brussel bijeenkomsten \
                plaats van de NAVO-ministers van Defensie. Op 16 oktober jl. kwam de Ukraine \
                Defence Contact Group bijeen.",
    );
    assert_eq!(m.kind, Some(Kind::Verslag));
    assert_eq!(m.meeting.unwrap().start, "2025-10-15");
}

#[test]
fn a_committee_report_is_about_the_meeting_of_the_agenda_it_debated() {
    let m = of(
        "28 676 NAVO\nNr. 400 VERSLAG VAN EEN COMMISSIEDEBAT\nVastgesteld 2 maart 2022\nDe \
                vaste commissie voor Defensie heeft op 10 februari 2022 overleg gevoerd over:\n\
                – de brief van 20 januari 2022 inzake het verslag van de bijeenkomst van de \
                NAVO-ministers van Defensie op 21 en 22 oktober 2021 (Kamerstuk 28 676, nr. 380);\n\
                – de brief d.d. 1 februari 2022 inzake de geannoteerde agenda voor de bijeenkomst \
                van de NAVO-ministers van Defensie op 16 en 17 februari 2022 te Brussel \
                (Kamerstuk 28 676, nr. 387).",
    );
    assert_eq!(m.kind, Some(Kind::Overleg));
    assert_eq!(m.date.as_deref(), Some("2022-03-02"));
    assert_eq!(m.date_precision, Some(Precision::Day));
    assert_eq!(m.kamerstuk.as_deref(), Some("28 676, nr. 400"));
    let meeting = m.meeting.clone().unwrap();
    assert_eq!(meeting.start, "2022-02-16");
    assert_eq!(
        crate::meta::title(&m).unwrap(),
        "Verslag van een commissiedebat over de NAVO-ministers van Defensie, Brussel 16-17 \
         februari 2022"
    );
}

#[test]
fn jl_and_as_put_a_date_without_a_year_on_the_right_side_of_the_letters_date() {
    let past = of(
        "Den Haag, 10 januari 2024\nOp 14 en 15 december jl. kwamen de NAVO-ministers \
                   van Defensie in Brussel bijeen.",
    );
    assert_eq!(past.meeting.unwrap().start, "2023-12-14");
    let ahead = of(
        "Den Haag, 20 december 2023\nHierbij de geannoteerde agenda voor de \
                    bijeenkomst van de NAVO-ministers van Defensie op 8 januari a.s.",
    );
    assert_eq!(ahead.meeting.unwrap().start, "2024-01-08");
}

#[test]
fn a_betreft_line_is_the_title_and_a_datum_line_the_date() {
    let m = of(
        "Datum 10 februari 2026\nBetreft Geannoteerde agenda NAVO-defensieministers \
                12-13 februari 2026\nGeachte voorzitter, op 12 en 13 februari komen de ministers \
                van Defensie bijeen in Brussel.",
    );
    assert_eq!(m.date.as_deref(), Some("2026-02-10"));
    assert_eq!(m.kind, Some(Kind::Agenda));
    assert_eq!(
        crate::meta::title(&m).as_deref(),
        Some("Geannoteerde agenda NAVO-defensieministers 12-13 februari 2026")
    );
    assert_eq!(m.meeting.unwrap().start, "2026-02-12");
}

#[test]
fn a_meeting_held_by_video_says_so_when_the_opening_does() {
    let m = of(
        "Den Haag, 9 april 2020\nHierbij ontvangt u de geannoteerde agenda ten behoeve van \
                de ingelaste bijeenkomst van NAVO-ministers van Defensie op 15 april 2020.\n\nDe \
                ingelaste videoteleconferentie bouwt voort op eerdere bijeenkomsten.",
    );
    assert_eq!(
        m.meeting.unwrap().name,
        "NAVO-ministers van Defensie (videoconferentie)"
    );
}

#[test]
fn a_meeting_that_is_not_the_alliances_is_no_meeting() {
    for text in [
        "Den Haag, 10 oktober 2023\nHierbij bied ik u de geannoteerde agenda aan voor de Europese \
         Raad (EU-top) van 26 en 27 oktober a.s. in Brussel.",
        "Den Haag, 10 november 2023\nHierbij bied ik u de geannoteerde agenda aan voor de OVSE \
         Ministeriële Raad van 30 november en 1 december a.s. in Skopje.",
    ] {
        assert_eq!(of(text).meeting, None, "{text}");
    }
    // A sentence wrapped after a comma keeps its meeting.
    let wrapped = of(
        "Den Haag, 5 juni 2023\n\nHierbij bied ik u de geannoteerde agenda aan voor de \
                      bijeenkomst van de NAVO-ministers van Defensie die plaatsvindt op\ndonderdag, \
                      15 juni 2023 in Brussel.",
    );
    assert_eq!(wrapped.kind, Some(Kind::Agenda));
    assert_eq!(wrapped.meeting.unwrap().start, "2023-06-15");
    // A `Datum` line deep in the text is not the document's date.
    let late = format!(
        "Den Haag, 10 juni 2024\nHierbij informeer ik u.\n{}\nDatum 1 maart 2024\n",
        "Een zin over iets anders. ".repeat(120)
    );
    assert_eq!(of(&late).date.as_deref(), Some("2024-06-10"));
}
