//! Every count of every file kind is checked before anything is allocated (FORMAT.md). Each
//! file of a small split index gets, at every offset of its body, a huge varint written over
//! its bytes (`ff ff ff ff 0f`, and 100 million), its checksum fixed so the damage gets past
//! it; whatever loads is then searched, read and asked for facets. A global allocator refuses
//! any single allocation past 64 MB, so a count that reaches an allocation fails this test
//! (before the fix, a crafted letter count in the entry file asked for 171 GB).

use kamerzoek::format::{ENTRY_FILE, crc32};
use kamerzoek::search::{FacetCount, SearchOptions};
use kamerzoek::{Error, Index, Searcher};
use std::alloc::{GlobalAlloc, Layout, System};

struct Bounded;

const LIMIT: usize = 64 * 1024 * 1024;

unsafe impl GlobalAlloc for Bounded {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        assert!(
            layout.size() <= LIMIT,
            "an allocation of {} bytes",
            layout.size()
        );
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        assert!(new_size <= LIMIT, "a reallocation to {new_size} bytes");
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Bounded = Bounded;

fn letters() -> Vec<kamerzoek::indexer::RawLetter> {
    let texts = [
        "Den Haag, 3 juni 2024\nBetreft Geannoteerde agenda\nDe NAVO steunt Oekraïne met Patriot-systemen.",
        "Den Haag, 9 juli 2023\nVerslag van de NAVO-top in Vilnius over luchtverdediging en F-16.",
        "Beslisnota over de NAVO-begroting en de bijdrage van Nederland.",
    ];
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| kamerzoek::indexer::RawLetter {
            id: format!("l{i}"),
            text: t.to_string(),
        })
        .collect()
}

/// The file with `bytes` written over its body at `at`, checksum fixed.
fn crafted(file: &[u8], at: usize, bytes: &[u8]) -> Option<Vec<u8>> {
    let body_end = file.len() - 4;
    if at + bytes.len() > body_end {
        return None;
    }
    let mut out = file[..body_end].to_vec();
    out[at..at + bytes.len()].copy_from_slice(bytes);
    let crc = crc32(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    Some(out)
}

/// Everything a visitor can ask of an index, each answered as far as the files allow.
fn exercise(searcher: &mut Searcher, files: &[(String, Vec<u8>)]) {
    let options = SearchOptions {
        facets: FacetCount::Always,
        ..SearchOptions::default()
    };
    let mut filtered = options.clone();
    let _ = filtered.filters.add_spec("year=2024");
    for query in [
        "",
        "navo",
        "-navo",
        "\"de navo\"",
        "oekraine patriot",
        "vilnuis",
    ] {
        for options in [&options, &filtered] {
            let _ = kamerzoek::folder::answer(
                searcher,
                |s| s.search_with(query, options),
                |name| lookup(files, name),
            );
        }
    }
    for id in ["l0", "l1", "l2"] {
        let _ =
            kamerzoek::folder::answer(searcher, |s| s.read(id, "navo"), |name| lookup(files, name));
    }
}

fn lookup(files: &[(String, Vec<u8>)], name: &str) -> kamerzoek::Result<Vec<u8>> {
    files
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, b)| b.clone())
        .ok_or_else(|| Error::io(name, std::io::ErrorKind::NotFound.into()))
}

#[test]
fn a_crafted_count_anywhere_in_any_file_allocates_nothing_large() {
    let output = kamerzoek::testing::build_index_with_layout(&letters(), 64, 0);
    let unpack = |b: &[u8]| kamerzoek::format::store::gunzip(b, u64::MAX).unwrap();
    let entry = unpack(&output.entry);
    let files: Vec<(String, Vec<u8>)> = output
        .files
        .iter()
        .map(|(n, b)| (n.clone(), unpack(b)))
        .collect();
    let huge: [&[u8]; 2] = [&[0xff, 0xff, 0xff, 0xff, 0x0f], &[0x80, 0xc2, 0xd7, 0x2f]];
    let mut tried = 0;
    for (name, file) in
        std::iter::once((ENTRY_FILE.to_string(), entry.clone())).chain(files.clone())
    {
        for at in 8..file.len() {
            for bytes in huge {
                let Some(damaged) = crafted(&file, at, bytes) else {
                    continue;
                };
                tried += 1;
                if name == ENTRY_FILE {
                    if let Ok(index) = Index::from_bytes(&damaged) {
                        exercise(&mut Searcher::new(index), &files);
                    }
                } else {
                    let mut with: Vec<(String, Vec<u8>)> = files.clone();
                    with.iter_mut()
                        .filter(|(n, _)| *n == name)
                        .for_each(|(_, b)| *b = damaged.clone());
                    let index = Index::from_bytes(&entry).unwrap();
                    exercise(&mut Searcher::new(index), &with);
                }
            }
        }
    }
    assert!(tried > 1_000, "{tried} crafted files");
}

#[test]
fn the_letter_count_of_the_report_is_refused_or_bounded() {
    // The case of the report: the entry file's letter count (its first varint) set to 2^32 - 1.
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let (letters, _) = kamerzoek::indexer::read_letters(&seeds, false).unwrap();
    for (chunk, single) in [(12 * 1024, 256 * 1024), (64, 0)] {
        let output = kamerzoek::testing::build_index_with_layout(&letters, chunk, single);
        let entry = kamerzoek::format::store::gunzip(&output.entry, u64::MAX).unwrap();
        let body = &entry[8..entry.len() - 4];
        let old = body.iter().position(|b| b & 0x80 == 0).unwrap() + 1;
        for count in [u32::MAX, 100_000_000, kamerzoek::format::MAX_LETTERS] {
            let mut varint = Vec::new();
            let mut v = count;
            while v >= 0x80 {
                varint.push((v as u8) | 0x80);
                v >>= 7;
            }
            varint.push(v as u8);
            let mut new = entry[..8].to_vec();
            new.extend_from_slice(&varint);
            new.extend_from_slice(&body[old..]);
            let crc = crc32(&new);
            new.extend_from_slice(&crc.to_le_bytes());
            match Index::from_bytes(&new) {
                Err(e) => assert!(matches!(e, Error::Corrupt { .. } | Error::Truncated { .. })),
                Ok(index) => {
                    let files: Vec<(String, Vec<u8>)> = output
                        .files
                        .iter()
                        .map(|(n, b)| {
                            (
                                n.clone(),
                                kamerzoek::format::store::gunzip(b, u64::MAX).unwrap(),
                            )
                        })
                        .collect();
                    let mut searcher = Searcher::new(index);
                    let options = SearchOptions {
                        facets: FacetCount::Always,
                        ..SearchOptions::default()
                    };
                    let answer = kamerzoek::folder::answer(
                        &mut searcher,
                        |s| s.search_with("", &options),
                        |name| lookup(&files, name),
                    );
                    assert!(answer.is_err(), "{count}: the table gives the count away");
                }
            }
        }
    }
}
