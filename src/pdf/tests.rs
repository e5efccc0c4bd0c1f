//! Each bad PDF of `tests/pdf/out/bad/` (made by `tests/pdf/make-pdfs.sh`) is one problem, in
//! bounded time and memory; the good ones give their text with ligatures undone and their pages.

use super::*;

fn read(name: &str) -> Result<String, Problem> {
    let path = format!("{}/tests/pdf/out/{name}", env!("CARGO_MANIFEST_DIR"));
    text(&std::fs::read(&path).unwrap(), &path)
}

#[test]
fn each_bad_pdf_is_its_own_problem() {
    let damaged = |r: Result<String, Problem>| matches!(r, Err(Problem::Damaged(_)));
    assert_eq!(read("bad/encrypted.pdf"), Err(Problem::Encrypted));
    assert_eq!(read("bad/scan.pdf"), Err(Problem::NoText { pages: 1 }));
    assert_eq!(read("bad/bomb.pdf"), Err(Problem::Bomb));
    assert_eq!(read("bad/not-a-pdf.pdf"), Err(Problem::NotPdf));
    assert_eq!(read("bad/empty.pdf"), Err(Problem::NotPdf));
    assert!(damaged(read("bad/truncated.pdf")));
    // poppler repairs a wrong startxref; lopdf does not: one warning, as for any damaged file.
    assert!(damaged(read("bad/bad-xref.pdf")));
}

#[test]
fn a_panic_of_the_reader_is_a_problem_of_its_file() {
    install_hook();
    let fault = read("bad/reader-panic.pdf");
    assert_eq!(
        fault,
        Err(Problem::ReaderFault(
            "unexpected encoding \"FooAnsiEncoding\"".into()
        ))
    );
}

#[test]
fn hostile_structures_end_in_text_or_a_problem() {
    // An owner password alone: the text is readable, as in every PDF viewer.
    assert!(
        read("bad/encrypted-noUserPw.pdf")
            .unwrap()
            .contains("Defensie")
    );
    // Objects nested 10,000 deep, a page tree that loops, a million pages claimed: each reads
    // as what it really holds.
    for name in ["nested", "nested-dict", "cyclic", "million-pages-dag"] {
        let read = read(&format!("bad/{name}.pdf"));
        assert!(read.is_ok(), "{name}: {read:?}");
    }
    let many = read("bad/million-pages.pdf").unwrap();
    assert!(many.matches('\u{c}').count() <= MAX_PAGES);
}

#[test]
fn a_too_large_file_or_too_many_pages_is_refused_before_reading() {
    let big = vec![b' '; MAX_PDF_BYTES as usize + 1];
    assert_eq!(
        text(&big, "big.pdf"),
        Err(Problem::TooLarge(big.len() as u64))
    );
    assert!(
        Problem::TooManyPages(1_000_000)
            .message()
            .contains("1000000 pages")
    );
}

#[test]
fn a_letter_keeps_its_words_its_ligatures_undone_and_its_pages() {
    let text = read("000_679e953a95cdb28b.pdf").unwrap();
    assert_eq!(text.matches('\u{c}').count(), 3, "three pages, each ended");
    assert!(!text.contains(['\u{fb01}', '\u{fb02}']), "no ligature left");
    for word in [
        "stafofficieren",
        "flexibele",
        "Oekraïense",
        "coördinatie",
        "informeer",
    ] {
        assert!(text.contains(word), "{word}");
    }
    // The two-column part is read column by column, not across.
    assert!(text.contains("Hij\npresenteerde tijdens de DMM een eerste voors-"));
    assert_eq!(read("hello.pdf").unwrap().trim(), "Hallo wereld");
}
