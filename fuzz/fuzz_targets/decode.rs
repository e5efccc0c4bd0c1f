//! The index decoder on arbitrary bytes: a typed error or an index, never a panic. The bytes are
//! also tried with a valid checksum appended, so the fuzzer gets past the CRC into the sections;
//! an index that loads is searched, which decodes its posting lists.
#![no_main]

use kamerzoek::{Index, Searcher};
use libfuzzer_sys::fuzz_target;

fn exercise(bytes: &[u8]) {
    if let Ok(index) = Index::from_bytes(bytes) {
        let searcher = Searcher::new(index);
        for query in ["a", "oekraine", "\"de steun\"", "lucht", "patriott -navo"] {
            let _ = searcher.search(query, 10);
        }
        if let Some(id) = searcher.index().docs().first().map(|d| d.id.clone()) {
            let _ = searcher.read(&id, "de");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    exercise(data);
    let mut sealed = data.to_vec();
    sealed.extend_from_slice(&crc32fast::hash(data).to_le_bytes());
    exercise(&sealed);
});
