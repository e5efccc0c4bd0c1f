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
    let ollongren = Some("K.H. Ollongren".to_string());
    assert_eq!(
        got,
        [
            ollongren.clone(),
            ollongren.clone(),
            ollongren,
            None,
            Some("R.P. Brekelmans".into())
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
