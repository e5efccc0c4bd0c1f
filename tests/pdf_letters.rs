//! PDF letters index as their text does. The PDFs in `tests/pdf/out/` are laid out by
//! `tests/pdf/make-pdfs.sh` as a ministry letter is (A4, a letterhead, a running header and
//! "Pagina N van M" on each page, footnotes at the page foot, justified and hyphenated text, one
//! with a two-column part, all with fi/fl ligatures); beside each is the text `pdftotext` (poppler)
//! takes out of it, the way the letters in `seeds/` were made. Both are built, and each letter's
//! terms and metadata are compared.

use kamerzoek::indexer::{BuildOptions, Event, build_folder};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const OUT: &str = "tests/pdf/out";

struct Letter {
    body: String,
    pages: Vec<u32>,
    terms: BTreeSet<String>,
    meta: String,
    title: String,
}

fn built(dir: &Path) -> (BTreeMap<String, Letter>, Vec<String>) {
    let out = tempfile::tempdir().unwrap();
    let mut letters = BTreeMap::new();
    let mut warnings = Vec::new();
    build_folder(
        dir,
        out.path(),
        &BuildOptions::default(),
        &mut |event| match event {
            Event::Analyzed(a) => {
                let d = &a.document;
                let m = &d.meta;
                let meta = format!(
                    "{:?} {:?} {:?} {:?} {:?}",
                    m.date, m.kind, m.meeting, m.minister, m.kamerstuk
                );
                let terms = a.terms.keys().cloned().collect();
                let title = d.title.clone();
                let (body, pages) = (d.body.clone(), d.pages.clone());
                letters.insert(
                    d.id.clone(),
                    Letter {
                        body,
                        pages,
                        terms,
                        meta,
                        title,
                    },
                );
            }
            Event::Warning(w) => warnings.push(format!("{}: {}", w.path, w.message)),
            Event::Progress { .. } => {}
        },
    )
    .unwrap();
    (letters, warnings)
}

/// The letters' ids: the PDFs made from the seeds and from two real documents.
fn ids() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(OUT)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            let id = name.strip_suffix(".pdf")?.to_string();
            (id != "hello").then_some(id)
        })
        .collect();
    ids.sort();
    ids
}

/// What the letterhead says (`make-pdfs.sh` writes it beside each PDF): the date and the subject.
fn letterhead(id: &str) -> (String, String) {
    let json = std::fs::read_to_string(Path::new(OUT).join(format!("{id}.src.json"))).unwrap();
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let head = &json["letterhead"];
    let (day, month, year) = match head["datum"]
        .as_str()
        .unwrap()
        .split(' ')
        .collect::<Vec<_>>()[..]
    {
        [d, m, y] => (d.parse::<u32>().unwrap(), m.to_string(), y.to_string()),
        _ => panic!("{id}: datum"),
    };
    let m = kamerzoek::meta::MONTHS
        .iter()
        .position(|n| *n == month)
        .unwrap()
        + 1;
    let date = format!("{year}-{m:02}-{day:02}");
    (date, head["betreft"].as_str().unwrap().to_string())
}

/// The terms one side has and the other does not, and why. The PDFs are hyphenated with groff's
/// German patterns (it has no Dutch ones), which break where a Dutch typesetter never would,
/// between two vowels (`verantwo-ordelijkheid`): the clean-up keeps a hyphen where vowels clash
/// (`zee-egel`) unless it has seen the word whole, and in seven letters it has not. `pdftotext`
/// joins every line-end hyphen itself, right or wrong (`NAVO-commando...` loses its hyphen).
const EXPECTED: [(&str, &str, &str); 7] = [
    (
        "000_679e953a95cdb28b",
        "informatiekno oppunt ortdur vo",
        "informatieknooppunt informatieknop knooppunt knop navocommando navocommandovoer navocommandovoeringstructur navoverband punt voortdur",
    ),
    ("001_dc9679a733d371f6", "", "model1"),
    ("002_98b48cd194d964b7", "", "defensieuitgav"),
    ("003_980bcab816f23ad2", "", "aangehaald"),
    (
        "004_f5176af3915674b6",
        "geinformeerd ordelijk sen try vall verantwo",
        "aanvall geinformeerd1 navotop passport sentry verantwoord",
    ),
    (
        "r25_verslag-navo-top-warschau-2016",
        "",
        "defensieministeriel dmm ministeriel",
    ),
    (
        "r43_ga-navo-top-vilnius-2023",
        "summit",
        "defenc defensieministeriel dmm ministeriel",
    ),
];

#[test]
fn a_pdf_letter_gives_the_terms_and_metadata_of_its_text() {
    let ids = ids();
    assert_eq!(ids.len(), 7, "{ids:?}");
    let pdfs = tempfile::tempdir().unwrap();
    let texts = tempfile::tempdir().unwrap();
    for id in &ids {
        let from = Path::new(OUT);
        std::fs::copy(
            from.join(format!("{id}.pdf")),
            pdfs.path().join(format!("{id}.pdf")),
        )
        .unwrap();
        std::fs::copy(
            from.join(format!("{id}.pdftotext.txt")),
            texts.path().join(format!("{id}.txt")),
        )
        .unwrap();
    }
    let (from_pdf, warned) = built(pdfs.path());
    assert!(warned.is_empty(), "{warned:?}");
    let (from_text, _) = built(texts.path());
    assert_eq!(from_pdf.len(), 7);
    for id in &ids {
        let (p, t) = (&from_pdf[id], &from_text[id]);
        // The PDF's letterhead keeps its label beside its value, where pdftotext puts the labels
        // (Datum, Betreft) in a column of their own: the PDF reads better than its text here.
        let (date, subject) = letterhead(id);
        assert_eq!(p.title, subject, "{id}: the title is the Betreft line");
        assert!(
            p.meta.starts_with(&format!("Some(\"{date}\")")),
            "{id}: {} {date}",
            p.meta
        );
        // The page numbers are gone (the running header is checked in src/clean/furniture.rs).
        assert!(
            !p.terms.contains("pagina"),
            "{id}: a page number from the PDF"
        );
        // Each page begins where the page of pdftotext's text begins, after its running column.
        let tops: Vec<String> =
            std::fs::read_to_string(Path::new(OUT).join(format!("{id}.pdftotext.txt")))
                .unwrap()
                .split('\u{c}')
                .filter(|page| !page.trim().is_empty())
                .map(|page| {
                    let first = page.lines().map(str::trim).find(|l| {
                        !l.is_empty()
                            && !l.starts_with("Datum")
                            && !l.starts_with("Onze referentie")
                    });
                    first
                        .unwrap()
                        .split_whitespace()
                        .take(3)
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
        assert_eq!(p.pages.len(), tops.len(), "{id}: pages");
        for (page, (&start, top)) in p.pages.iter().zip(&tops).enumerate().skip(1) {
            let here: String = p.body[start as usize..]
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(&here, top, "{id}: page {}", page + 1);
        }
        let only = |a: &Letter, b: &Letter| {
            a.terms
                .difference(&b.terms)
                .cloned()
                .collect::<Vec<_>>()
                .join(" ")
        };
        let expected = EXPECTED.iter().find(|e| e.0 == id).unwrap();
        assert_eq!(
            (only(p, t).as_str(), only(t, p).as_str()),
            (expected.1, expected.2),
            "{id}: (terms only from the PDF, only from pdftotext's text)"
        );
    }
}
