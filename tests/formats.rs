//! Indexes of every format version, each built by the command line of the commit that made that
//! version (`tests/data/formats/README.md`): what this build does with each. An earlier version is
//! refused with the typed version error, which names it and says to rebuild; from version 3 on,
//! its entry file still names its files, for the build that replaces it; today's version reads
//! and answers.

use kamerzoek::folder::Folder;
use kamerzoek::format::store::gunzip;
use kamerzoek::format::{ENTRY_FILE, OLDEST_NAMED_VERSION, VERSION, named_files};
use kamerzoek::search::SearchOptions;
use kamerzoek::{Error, Searcher};
use std::path::PathBuf;
use std::process::Command;

fn fixture(version: u16) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/formats")
        .join(format!("v{version}"))
}

/// The entry file of a fixture, unpacked (version 1 stored it as it is).
fn entry(version: u16) -> Vec<u8> {
    let stored = std::fs::read(fixture(version).join(ENTRY_FILE)).unwrap();
    gunzip(&stored, u64::MAX).unwrap()
}

#[test]
fn every_earlier_version_is_refused_with_its_version_and_a_rebuild() {
    for got in 1..VERSION {
        let dir = fixture(got);
        let Err(err) = Folder::new(&dir).open() else {
            panic!("version {got} opened")
        };
        let Error::InFile { error, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(
            **error,
            Error::Version {
                expected: VERSION,
                got
            }
        );
        let said = err.to_string();
        assert!(
            said.contains(&format!("version {got} is not supported"))
                && said.contains("rebuild the index with `kamerzoek build`"),
            "{said}"
        );
        // The command line says it on one line and fails, as every error.
        let run = Command::new(env!("CARGO_BIN_EXE_kamerzoek"))
            .args(["search", dir.to_str().unwrap(), "navo"])
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(1));
        assert_eq!(
            String::from_utf8(run.stderr).unwrap(),
            format!("kamerzoek: error: {said}\n")
        );
    }
}

#[test]
fn an_entry_file_from_version_3_on_names_the_files_beside_it() {
    for version in 1..=VERSION {
        let named = named_files(&entry(version));
        if version < OLDEST_NAMED_VERSION {
            assert_eq!(
                named.unwrap_err(),
                Error::Version {
                    expected: VERSION,
                    got: version
                }
            );
            continue;
        }
        let named = named.unwrap_or_else(|e| panic!("version {version}: {e}"));
        let mut beside: Vec<String> = std::fs::read_dir(fixture(version))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n != ENTRY_FILE)
            .collect();
        beside.sort();
        let mut files = named.files.clone();
        files.sort();
        assert_eq!(files, beside, "version {version}");
        assert_eq!(
            named.letters, None,
            "a one-file index keeps its letters inside"
        );
    }
}

#[test]
fn todays_version_reads_and_answers_a_query() {
    let folder = Folder::new(&fixture(VERSION));
    let mut searcher = Searcher::new(folder.open().unwrap());
    assert_eq!(searcher.index().doc_count(), 2);
    let ids = |searcher: &mut Searcher, query: &str| -> Vec<String> {
        let results = folder
            .answer(searcher, |s| {
                s.search_with(query, &SearchOptions::default())
            })
            .unwrap();
        results.hits.into_iter().map(|h| h.id).collect()
    };
    assert_eq!(
        ids(&mut searcher, "navo"),
        ["001_dc9679a733d371f6", "003_980bcab816f23ad2"]
    );
    // A phrase reads the positions beside the entry file.
    assert_eq!(
        ids(&mut searcher, "\"zweedse minister van defensie\""),
        ["001_dc9679a733d371f6"]
    );
    let reading = folder
        .answer(&mut searcher, |s| s.read("003_980bcab816f23ad2", "dmm"))
        .unwrap()
        .unwrap();
    assert!(reading.title.starts_with("Beslisnota"), "{}", reading.title);
}
