// The query fuzz target's body, shared with `tests/fuzz_regressions.rs` (which replays every
// committed corpus input through it on `cargo test`, so the harness cannot go stale unnoticed).
// Included, not a module: the fuzz crate and the tests are separate crates.
//
// Arbitrary query strings through the parser and the whole search path, on a small real index.
// The index is one file with its positions beside it (as every small index is): a phrase needs
// that file, which the harness hands over as the page does, from the in-memory output.

use kamerzoek::Searcher;
use kamerzoek::indexer::RawLetter;
use kamerzoek::indexer::Output;
use kamerzoek::search::SearchOptions;
use std::sync::{Mutex, OnceLock};

fn output() -> &'static Output {
    static OUTPUT: OnceLock<Output> = OnceLock::new();
    OUTPUT.get_or_init(|| {
        let letters = [
            "Den Haag, 31 januari 2025\n\nDe steun aan Oekraïne gaat door. Patriot-luchtafweerrakketten.\n\nOekraïne\n\nF-16 trainingen en luchtverdedigingsmiddelen.\n\nDe Minister van Defensie,\nK.H. Ollongren\n",
            "Op 15 en 16 juni 2023 vond in Brussel een bijeenkomst plaats. De bondge-\nnoten spraken over afschrikking.1\n\n1 Kamerstuk 28 676, nr. 449.\n",
        ];
        let letters: Vec<RawLetter> = letters
            .iter()
            .enumerate()
            .map(|(i, text)| RawLetter { id: format!("{i:03}"), text: text.to_string() })
            .collect();
        kamerzoek::testing::build_index(&letters)
    })
}

fn searcher() -> &'static Mutex<Searcher> {
    static SEARCHER: OnceLock<Mutex<Searcher>> = OnceLock::new();
    SEARCHER.get_or_init(|| Mutex::new(kamerzoek::testing::open_output(output()).expect("a fresh index loads")))
}

/// One fuzz input: searched, each hit read, and searched again with a filter.
pub fn run_query(data: &[u8]) {
    let Ok(query) = std::str::from_utf8(data) else { return };
    let output = output();
    let mut s = searcher().lock().unwrap_or_else(|e| e.into_inner());
    let results = kamerzoek::testing::answer_from(output, &mut s, |s| s.search(query, 10))
        .expect("a valid index never fails a search");
    assert!(results.hits.len() <= results.total);
    assert!(!results.incomplete, "every file of the index is at hand");
    for hit in &results.hits {
        assert!(!hit.excerpt.contains("<script"), "excerpts are escaped");
        let reading = kamerzoek::testing::answer_from(output, &mut s, |s| s.read(&hit.id, query))
            .expect("a hit can be read");
        assert!(reading.is_some(), "a hit is a letter of the index");
    }
    let mut options = SearchOptions::default();
    options.filters.add_spec("kind=agenda").unwrap_or(());
    let _ = kamerzoek::testing::answer_from(output, &mut s, |s| s.search_with(query, &options))
        .expect("a valid index never fails a filtered search");
}
