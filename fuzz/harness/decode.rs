// The decode fuzz target's body, shared with `tests/fuzz_regressions.rs`, which replays every
// committed corpus input and every input the fuzzer ever crashed on through it on `cargo test`.
// Included, not a module: the fuzz crate and the tests are separate crates.

use kamerzoek::indexer::RawLetter;
use kamerzoek::format::store::gunzip;
use kamerzoek::indexer::Output;
use kamerzoek::format::{FileKind, seal};
use kamerzoek::{Index, Searcher};
use std::sync::OnceLock;

const QUERIES: [&str; 7] = ["a", "oekraine", "\"de steun\"", "lucht", "patriott -navo", "", "-steun"];

/// Three letters, one chunk per few terms, the letters in a pack.
fn split() -> &'static Output {
    static OUTPUT: OnceLock<Output> = OnceLock::new();
    OUTPUT.get_or_init(|| {
        let letters: Vec<RawLetter> = [
            "De steun aan Oekraïne.\nLuchtverdediging voor Oekraïne.",
            "Patriot-luchtafweerrakketten en F-16 trainingen. De NAVO.",
            "Brief over de steun.",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| RawLetter { id: format!("{i}"), text: t.to_string() })
        .collect();
        kamerzoek::testing::build_index_with_layout(&letters, 48, 0)
    })
}

fn kind(name: &str) -> FileKind {
    match name.as_bytes()[0] {
        b't' => FileKind::Terms,
        b'p' => FileKind::Positions,
        b'm' => FileKind::Table,
        b'i' => FileKind::Ids,
        b'w' => FileKind::Words,
        _ => FileKind::Pack,
    }
}

/// Searches and reads, answering needs from `files` (name -> bytes as stored: gzip, a letter
/// pack, or plain) as the CLI does; a file that fails to load ends the query, as in the page.
fn exercise(mut searcher: Searcher, files: &dyn Fn(&str) -> Option<Vec<u8>>) {
    let fetch = |name: &str| {
        files(name).ok_or_else(|| kamerzoek::Error::UnknownFile { name: name.to_string() })
    };
    for query in QUERIES {
        // As the page asks: its preview (hits from the letter table, while letters come) is
        // written out as the wasm writes it.
        let search = |s: &Searcher| {
            let answer = s.search(query, 10);
            if let Ok(kamerzoek::Answer::Need { preview: Some(preview), .. }) = &answer {
                let _ = kamerzoek::json::to_string(preview);
            }
            answer
        };
        let _ = kamerzoek::folder::answer(&mut searcher, search, fetch);
        let _ = kamerzoek::folder::answer(&mut searcher, |s| s.read("0", query), fetch);
    }
}

/// One fuzz input: as an entry file, and as a replacement for one file of the split index.
pub fn run_decode(data: &[u8]) {
    let mut sealed_entry = seal(FileKind::Entry, data);
    for entry in [data, &sealed_entry[..]] {
        if let Ok(index) = Index::from_bytes(entry) {
            exercise(Searcher::new(index), &|_| None);
        }
    }
    sealed_entry.clear();
    let output = split();
    let real = |name: &str| -> Option<Vec<u8>> {
        let (_, bytes) = output.files.iter().find(|(n, _)| n == name)?;
        Some(bytes.clone())
    };
    // The fuzzed bytes in place of one file, chosen by the first byte.
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let (target, _) = &output.files[pick as usize % output.files.len()];
    for bytes in [rest.to_vec(), seal(kind(target), rest)] {
        let Ok(entry) = gunzip(&output.entry, u64::MAX) else {
            return;
        };
        let Ok(index) = Index::from_bytes(&entry) else {
            return;
        };
        exercise(Searcher::new(index), &|name| {
            if name == target { Some(bytes.clone()) } else { real(name) }
        });
    }
}
