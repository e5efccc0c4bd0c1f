//! Round trips through every file kind, in both layouts, and what damage of each gives. Longer
//! than 400 lines: one test a file kind and a damage, kept beside each other to compare.

use super::*;
use crate::error::Error;
use crate::format::layout::Layout;
use crate::format::store::gunzip;
use crate::indexer::{Analyzed, Event, Output, RawLetter, Writer};
use crate::{Answer, Index, Searcher};

const BODIES: [&str; 3] = [
    "De steun aan Oekraïne.\nLuchtverdediging voor Oekraïne.",
    "Patriot-luchtafweerrakketten en F-16 trainingen, € 87 mln. Oekraine",
    "",
];

/// The letters of [`BODIES`], as the build reads them.
fn letters() -> Vec<RawLetter> {
    BODIES
        .iter()
        .enumerate()
        .map(|(i, b)| RawLetter {
            id: format!("00{i}_x"),
            text: b.to_string(),
        })
        .collect()
}

/// One file, or one file per chunk of a term or two and per letter.
fn layout(split: bool) -> Layout {
    if split {
        Layout {
            chunk_bytes: 16,
            single_file_bytes: 0,
        }
    } else {
        Layout::default()
    }
}

/// [`letters`] built as `kamerzoek build` builds them, into `writer`, and what the build analyzed
/// of each letter: what its index must give back.
fn build_seen(writer: Writer) -> crate::Result<(Output, Vec<Analyzed>)> {
    let mut seen = Vec::new();
    let output = crate::testing::build_index_into(&letters(), writer, &mut |event| {
        if let Event::Analyzed(a) = event {
            seen.push(a.clone());
        }
    })?;
    Ok((output, seen))
}

fn build(split: bool) -> Output {
    build_seen(Writer::with_layout(layout(split))).unwrap().0
}

fn open_all(output: &Output) -> Searcher {
    let mut s = crate::testing::open_output(output).unwrap();
    for (name, bytes) in crate::testing::unpacked_files(output).unwrap() {
        s.supply(&name, &bytes).unwrap();
    }
    s
}

#[test]
fn every_letter_and_posting_comes_back_in_both_layouts() {
    for split in [false, true] {
        let (output, seen) = build_seen(Writer::with_layout(layout(split))).unwrap();
        // One file but for the positions, which only phrases fetch; or a folder of files.
        let positions_only = output.files.iter().all(|(n, _)| n.starts_with("p-"));
        assert_eq!(positions_only, !split);
        assert!(!output.files.is_empty());
        let s = open_all(&output);
        let index = s.index();
        let mut ask = index.ask();
        assert_eq!(index.doc_count(), 3);
        assert_eq!(seen.len(), BODIES.len());
        for (n, expected) in seen.iter().enumerate() {
            let letter = ask.letter(n as u32).unwrap();
            // What the build adds when every letter is in: the letters it names.
            let mut document = letter.document.clone();
            document.meta.related.clear();
            document.meta.same_meeting.clear();
            assert_eq!(document, expected.document);
            assert_eq!(letter.extras, expected.extras);
            assert_eq!(letter.parts, expected.parts);
            for (term, occ) in &expected.terms {
                let at = index.lookup(term).unwrap_or_else(|| panic!("{term}"));
                let rows = index.rows(at).unwrap();
                let row = rows.iter().find(|r| r.doc == n as u32).unwrap();
                assert_eq!(
                    (row.freq as usize, row.whole, row.headed),
                    (occ.positions.len(), occ.whole, occ.headed)
                );
                let i = rows.iter().position(|r| r.doc == n as u32).unwrap();
                let positions = ask.positions(at, &rows).unwrap().unwrap();
                assert_eq!(positions[i], occ.positions, "{term}");
                let surfaces = &index.term(at).surfaces;
                for s in &occ.surfaces {
                    let bit = surfaces.iter().position(|x| x == s).unwrap();
                    assert_eq!(row.surfaces >> bit & 1, 1);
                }
            }
        }
        assert!(index.lookup("ontbreekt").is_none());
        assert_eq!(index.table().unwrap().len(), 3);
        assert!(!ask.waiting(), "every file was here");
    }
}

#[test]
fn a_split_index_fetches_only_what_a_query_needs() {
    let output = build(true);
    let mut s = crate::testing::open_output(&output).unwrap();
    let options = crate::search::SearchOptions {
        facets: crate::search::FacetCount::Never,
        ..Default::default()
    };
    let Ok(Answer::Need { files: first, .. }) = s.search_with("patriot", &options) else {
        panic!("nothing to fetch?")
    };
    assert_eq!(first.len(), 1, "one chunk, no table: {first:?}");
    assert!(first[0].starts_with("t-"));
    let Ok(Answer::Need { files: second, .. }) = s.search_with("patriot", &options) else {
        panic!("a need is reported again, until the file is handed over")
    };
    assert_eq!(first, second);
    let mut fetched = Vec::new();
    let results = crate::testing::answer_from(&output, &mut s, |s| {
        let r = s.search_with("patriot", &options);
        if let Ok(Answer::Need { files, .. }) = &r {
            fetched.extend(files.clone());
        }
        r
    })
    .unwrap();
    // The chunk, then the one letter shown: no positions, no table, no word list.
    assert_eq!(fetched.len(), 2, "{fetched:?}");
    assert!(fetched[1].starts_with("l-"), "{fetched:?}");
    assert_eq!(results.hits[0].id, "001_x");
    assert!(results.hits[0].excerpt.contains("<mark>Patriot</mark>"));
}

/// The split index of [`letters`] written into `dir`, spilling a run after every letter.
fn split_into_folder(dir: &std::path::Path) -> crate::Result<Output> {
    let writer = Writer::with_layout(layout(true)).into_folder(dir, 1)?;
    Ok(build_seen(writer)?.0)
}

#[test]
fn spilling_runs_and_writing_to_a_folder_change_no_byte() {
    let memory = build(true);
    let dir = tempfile::tempdir().unwrap();
    // A run after every letter: each term's postings come back from three runs.
    let folder = split_into_folder(dir.path()).unwrap();
    assert_eq!(folder.entry, memory.entry);
    assert_eq!(folder.names, memory.names);
    for (name, bytes) in &memory.files {
        let on_disk = std::fs::read(dir.path().join(name)).unwrap();
        assert_eq!(&on_disk, bytes, "{name}");
    }
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "work files left: {left:?}");
}

#[test]
fn a_build_that_fails_takes_back_the_files_it_made_and_only_those() {
    let memory = build(true);
    let dir = tempfile::tempdir().unwrap();
    // A file of the owner's, and a folder where the word list will go: writing it fails.
    std::fs::write(dir.path().join("notes.kz"), b"x").unwrap();
    let words = memory.names.iter().find(|n| n.starts_with("w-")).unwrap();
    std::fs::create_dir(dir.path().join(words)).unwrap();
    std::fs::write(dir.path().join(words).join("keep"), b"x").unwrap();
    assert!(split_into_folder(dir.path()).is_err());
    let mut left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["notes.kz", words.as_str()]);
    assert!(dir.path().join(words).join("keep").exists());
}

#[test]
fn encoding_is_deterministic() {
    assert_eq!(build(true), build(true));
    assert_eq!(build(false), build(false));
}

#[test]
fn an_empty_index_round_trips() {
    let output = crate::testing::build_index(&[]);
    let s = crate::testing::open_output(&output).unwrap();
    assert_eq!(s.index().doc_count(), 0);
    assert_eq!(s.search("oekraine", 10).unwrap().expect_ready().total, 0);
}

fn entry(output: &Output) -> Vec<u8> {
    gunzip(&output.entry, u64::MAX).unwrap()
}

#[test]
fn rejects_wrong_magic_and_files_of_another_kind() {
    assert_eq!(
        Index::from_bytes(b"<!doctype html>").err(),
        Some(Error::BadMagic)
    );
    assert_eq!(Index::from_bytes(b"").err(), Some(Error::BadMagic));
    let output = build(true);
    let (chunk_name, chunk) = output
        .files
        .iter()
        .find(|(n, _)| n.starts_with("t-"))
        .unwrap();
    let chunk = gunzip(chunk, u64::MAX).unwrap();
    assert!(matches!(
        Index::from_bytes(&chunk),
        Err(Error::WrongFile { .. })
    ));
    let mut s = crate::testing::open_output(&output).unwrap();
    let files = crate::testing::unpacked_files(&output).unwrap();
    let letter = files.iter().find(|(n, _)| n.starts_with("l-")).unwrap();
    let Err(e) = s.supply(chunk_name, &letter.1) else {
        panic!("a letter taken for a chunk")
    };
    assert!(
        e.to_string()
            .contains("expected a term chunk, got a letter file"),
        "{e}"
    );
    assert!(
        s.supply("t-0000000000000000.kz", &chunk).is_err(),
        "a name it does not know"
    );
}

#[test]
fn rejects_another_version() {
    let mut bytes = entry(&build(false));
    bytes[4..6].copy_from_slice(&(VERSION + 1).to_le_bytes());
    assert_eq!(
        Index::from_bytes(&bytes).err(),
        Some(Error::Version {
            expected: VERSION,
            got: VERSION + 1
        })
    );
}

#[test]
fn every_truncation_and_flipped_byte_of_every_file_is_a_typed_error() {
    let output = build(true);
    let mut files: Vec<(String, Vec<u8>)> = vec![(ENTRY_FILE.into(), entry(&output))];
    // One file of each kind: the first of each name prefix (a letter out of its pack).
    let unpacked = crate::testing::unpacked_files(&output).unwrap();
    for prefix in ["t-", "p-", "m-", "i-", "w-", "l-"] {
        let file = unpacked.iter().find(|(n, _)| n.starts_with(prefix));
        files.push(file.unwrap().clone());
    }
    for (name, bytes) in &files {
        let load = |damaged: &[u8]| -> crate::Result<()> {
            if name == ENTRY_FILE {
                return Index::from_bytes(damaged).map(drop);
            }
            crate::testing::open_output(&output)?.supply(name, damaged)
        };
        assert!(load(bytes).is_ok(), "{name} loads undamaged");
        for len in 0..bytes.len() {
            assert!(load(&bytes[..len]).is_err(), "{name} truncated to {len}");
        }
        for i in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[i] ^= 0x10;
            assert!(load(&damaged).is_err(), "{name}: flip at byte {i}");
        }
    }
}

#[test]
fn damaged_gzip_is_a_typed_error() {
    let output = build(false);
    let mut bytes = output.entry.clone();
    bytes.truncate(bytes.len() / 2);
    assert!(matches!(
        gunzip(&bytes, u64::MAX),
        Err(Error::Corrupt { .. })
    ));
    assert!(gunzip(&output.entry, 10).is_err(), "larger than the limit");
}

#[test]
fn an_entry_file_cannot_name_a_path_or_url() {
    use super::entry::{Entry, FileRef, Letters};
    for name in [
        "../x.kz",
        "https://evil.example/x",
        "/etc/passwd",
        ".hidden",
        "A.kz",
    ] {
        let entry = Entry {
            docs: 0,
            total_length: 0,
            largest: 0,
            stamp: 0,
            table: FileRef::File(name.into()),
            ids: FileRef::File("i.kz".into()),
            words: FileRef::File("w.kz".into()),
            letters: Letters::Inline(Vec::new()),
            chunks: Vec::new(),
        };
        assert!(
            matches!(
                Index::from_bytes(&entry.encode()),
                Err(Error::Corrupt { .. })
            ),
            "{name}"
        );
    }
}

#[test]
fn an_entry_file_of_an_earlier_version_still_names_its_files() {
    let output = build(true);
    let entry = entry(&output);
    let named = named_files(&entry).unwrap();
    assert!(named.letters.is_some() && !named.files.is_empty());
    // The same entry as version 4 wrote it (entries of 4 and 5 differ in nothing), and as
    // version 3 did (no `largest`): a build after an upgrade still knows which files were its.
    // The real indexes of each version (`tests/formats.rs`) are one file each; this is a split
    // one, whose entry names a letter folder, chunks and the table, id and word lists.
    let reseal = |version: u16, body: &[u8]| {
        let mut out = entry[..8].to_vec();
        out[4..6].copy_from_slice(&version.to_le_bytes());
        out.extend_from_slice(body);
        let crc = crc32(&out);
        out.extend_from_slice(&crc.to_le_bytes());
        out
    };
    let body = &entry[8..entry.len() - 4];
    let mut r = Reader::new(body, "test");
    r.varint().unwrap();
    r.varint().unwrap();
    let before_largest = body.len() - r.remaining();
    r.varint().unwrap();
    let after_largest = body.len() - r.remaining();
    // Before version 10 no stamp followed `largest`.
    let after_stamp = after_largest + 8;
    let v9: Vec<u8> = [&body[..after_largest], &body[after_stamp..]].concat();
    assert_eq!(named_files(&reseal(9, &v9)).unwrap(), named);
    let body = &v9;
    assert_eq!(named_files(&reseal(4, body)).unwrap(), named);
    let v3: Vec<u8> = [&body[..before_largest], &body[after_largest..]].concat();
    assert_eq!(named_files(&reseal(3, &v3)).unwrap(), named);
}

/// The five letters of `seeds/`, as the build reads them.
fn seed_letters() -> Vec<RawLetter> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let (files, _) = crate::indexer::list_letters(&dir, false).unwrap();
    files.iter().map(|f| f.read().unwrap().0).collect()
}

#[test]
fn real_letters_spilled_after_every_letter_give_the_same_bytes() {
    // Every spill forgets every term: the merge must rebase each term's rows (letters, surface
    // forms) and the see-also table must still know which of its targets the letters hold.
    let letters = seed_letters();
    let layout = Layout {
        chunk_bytes: 2048,
        single_file_bytes: 0,
    };
    let build = |writer| crate::testing::build_index_into(&letters, writer, &mut |_| {});
    let memory = build(Writer::with_layout(layout)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let writer = Writer::with_layout(layout)
        .into_folder(dir.path(), 1)
        .unwrap();
    let folder = build(writer).unwrap();
    assert!(memory.names.len() > 10, "{:?}", memory.names);
    assert_eq!(folder.entry, memory.entry);
    assert_eq!(folder.names, memory.names);
    for (name, bytes) in &memory.files {
        assert_eq!(
            &std::fs::read(dir.path().join(name)).unwrap(),
            bytes,
            "{name}"
        );
    }
}

#[test]
fn the_letters_of_one_meeting_name_each_other_in_both_layouts() {
    // The five letters: the report (000) and the decision memo (003) are about the meeting of
    // 15 June 2023 in Brussels; the three agendas each about another.
    let letters: Vec<RawLetter> = crate::test_seeds::raw()
        .into_iter()
        .enumerate()
        .map(|(i, text)| RawLetter {
            id: format!("00{i}"),
            text,
        })
        .collect();
    for (chunk, single) in [(12 * 1024, usize::MAX), (16, 0)] {
        let output = crate::testing::build_index_with_layout(&letters, chunk, single);
        assert_eq!(output.links.same_meeting, 2);
        let s = open_all(&output);
        let named = |n: u32| -> Vec<(String, Option<&'static str>)> {
            let letter = s.index().ask().letter(n).unwrap();
            letter
                .document
                .meta
                .same_meeting
                .iter()
                .map(|l| (l.id.clone(), l.kind.map(|k| k.name())))
                .collect()
        };
        assert_eq!(named(0), [("003".to_string(), Some("beslisnota"))]);
        assert_eq!(named(3), [("000".to_string(), Some("verslag"))]);
        for other in [1, 2, 4] {
            assert!(named(other).is_empty(), "{other}");
        }
    }
}

#[test]
fn the_letter_table_keeps_ids_and_titles_in_a_small_archive_only() {
    use crate::format::table::{PREVIEW_MAX_LETTERS, TableBuilder, decode_table};
    use crate::meta::Meta;
    let build = |n: usize| {
        let mut b = TableBuilder::default();
        let ids: Vec<String> = (0..n).map(|i| format!("{i:06}_x")).collect();
        for i in 0..n {
            b.add(&Meta::default(), &format!("Brief {i}"));
        }
        (b.finish(&ids), ids)
    };
    let (bytes, ids) = build(3);
    let table = decode_table(&bytes, 3).unwrap();
    assert_eq!(table.metas.len(), 3);
    let expected: Vec<(String, String)> = (0..3)
        .map(|i| (ids[i].clone(), format!("Brief {i}")))
        .collect();
    assert_eq!(table.previews, expected);
    // One letter more than the limit: no titles at all.
    let n = PREVIEW_MAX_LETTERS + 1;
    let table = decode_table(&build(n).0, n as u32).unwrap();
    assert_eq!(table.metas.len(), n);
    assert!(table.previews.is_empty());
    let table = decode_table(&build(PREVIEW_MAX_LETTERS).0, PREVIEW_MAX_LETTERS as u32).unwrap();
    assert_eq!(table.previews.len(), PREVIEW_MAX_LETTERS);
    // No minister, no field, 3 letters, then the titles flag: any other value than 0 or 1 is
    // damage, and so is a table that says it has titles and ends before them.
    let body = super::open(FileKind::Table, &bytes).unwrap();
    assert_eq!(&body[..4], [0, 0, 3, 1]);
    let mut crafted = body.to_vec();
    crafted[3] = 2;
    let err = decode_table(&seal(FileKind::Table, &crafted), 3).unwrap_err();
    assert!(matches!(err, Error::Corrupt { .. }), "{err:?}");
    let cut = &body[..body.len() - "Brief 2".len() - 1];
    assert!(decode_table(&seal(FileKind::Table, cut), 3).is_err());
}

#[test]
fn the_letter_table_keeps_ministers_and_the_owners_fields_and_refuses_fields_out_of_order() {
    use crate::format::table::{TableBuilder, decode_table};
    use crate::meta::Meta;
    let field = |name: &str, value: &str| (name.to_string(), value.to_string());
    let metas = [
        Meta {
            minister: Some("Ollongren".into()),
            fields: vec![field("commissie", "Defensie"), field("nr", "441")],
            ..Meta::default()
        },
        Meta::default(),
        Meta {
            minister: Some("Brekelmans".into()),
            fields: vec![field("nr", "450")],
            ..Meta::default()
        },
    ];
    let mut b = TableBuilder::default();
    for meta in &metas {
        b.add(meta, "");
    }
    let ids: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
    let bytes = b.finish(&ids);
    assert_eq!(decode_table(&bytes, 3).unwrap().metas, metas);
    // Two ministers, two field names (`commissie`, `nr`, ascending), then the letters: the
    // first's fields are named by their places, 0 and 1. A place no name has, or the same
    // place twice (a letter naming one field over and over), is damage.
    let body = super::open(FileKind::Table, &bytes).unwrap();
    let first = body
        .windows(4)
        .position(|w| w == [2, 0, 8, b'D'])
        .expect("the first letter's fields: 2, then place 0 and a value of 8 bytes");
    for place in [2, 1] {
        let mut crafted = body.to_vec();
        // The first field's place; for 1, the second's is 1 too.
        crafted[first + 1] = place;
        let err = decode_table(&seal(FileKind::Table, &crafted), 3).unwrap_err();
        assert_eq!(
            err,
            Error::corrupt("the letter table's fields are not its names in order"),
            "{place}"
        );
    }
    // A name longer than a build writes.
    let mut b = TableBuilder::default();
    let long = "n".repeat(crate::format::table::MAX_NAME_BYTES + 1);
    b.add(
        &Meta {
            fields: vec![field(&long, "x")],
            ..Meta::default()
        },
        "",
    );
    let err = decode_table(&b.finish(&ids[..1]), 1).unwrap_err();
    assert_eq!(
        err,
        Error::corrupt("the letter table names a field too long")
    );
}
