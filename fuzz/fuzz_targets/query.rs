//! Arbitrary query strings through the parser and the whole search path, on a small real index.
#![no_main]

use kamerzoek::Searcher;
use kamerzoek::build::Letter;
use kamerzoek::search::SearchOptions;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn searcher() -> &'static Searcher {
    static SEARCHER: OnceLock<Searcher> = OnceLock::new();
    SEARCHER.get_or_init(|| {
        let letters = [
            "Den Haag, 31 januari 2025\n\nDe steun aan Oekraïne gaat door. Patriot-luchtafweerrakketten.\n\nOekraïne\n\nF-16 trainingen en luchtverdedigingsmiddelen.\n\nDe Minister van Defensie,\nK.H. Ollongren\n",
            "Op 15 en 16 juni 2023 vond in Brussel een bijeenkomst plaats. De bondge-\nnoten spraken over afschrikking.1\n\n1 Kamerstuk 28 676, nr. 449.\n",
        ];
        let letters: Vec<Letter> = letters
            .iter()
            .enumerate()
            .map(|(i, text)| Letter { id: format!("{i:03}"), text: text.to_string() })
            .collect();
        // Small: one file, so every search answers at once (no files to fetch).
        kamerzoek::open_output(&kamerzoek::build_index(&letters)).expect("a fresh index loads")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else { return };
    let s = searcher();
    let results = s.search(query, 10).expect("a valid index never fails a search");
    assert!(results.hits.len() <= results.total);
    for hit in &results.hits {
        assert!(!hit.excerpt.contains("<script"), "excerpts are escaped");
        let _ = s.read(&hit.id, query);
    }
    let mut options = SearchOptions::default();
    options.filters.add_spec("kind=agenda").unwrap_or(());
    let _ = s.search_with(query, &options);
});
