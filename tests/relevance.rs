//! The relevance suites under `cargo test` too: every case of `tests/relevance/*.tsv`, judged as
//! `tests/relevance/score.py` judges it (modes top, all, exact, first; letters by the first three
//! characters of their ids), on indexes built as `kamerzoek build` builds them and searched as
//! `kamerzoek search --json --limit 10` searches. So `cargo test` alone catches a ranking
//! regression; `scripts/test.sh` also runs them through the CLI with the Python judge.

use kamerzoek::Searcher;
use kamerzoek::folder::Folder;
use kamerzoek::search::SearchOptions;
use std::path::Path;
use std::process::Command;

/// The cases of a suite: (query, expected letters, mode).
fn cases(suite: &str) -> Vec<(String, Vec<String>, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/relevance")
        .join(suite);
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with("query\t"))
        .map(|line| {
            let mut fields = line.split('\t');
            let query = fields.next().unwrap().to_string();
            let expect = fields.next().unwrap();
            let mode = fields.next().unwrap().to_string();
            let expected = if expect == "-" {
                Vec::new()
            } else {
                expect.split(',').map(String::from).collect()
            };
            (query, expected, mode)
        })
        .collect()
}

/// Whether `ids`, best first, pass a case: score.py's `judge`.
fn judge(ids: &[String], expect: &[String], mode: &str) -> bool {
    let got: Vec<&str> = ids.iter().map(|i| i.get(..3).unwrap_or(i)).collect();
    fn set<'a>(s: &[&'a str]) -> std::collections::BTreeSet<&'a str> {
        s.iter().copied().collect()
    }
    let expected: Vec<&str> = expect.iter().map(String::as_str).collect();
    let within = |n: usize| set(&got[..n.min(got.len())]);
    match mode {
        "top" => within(expected.len()) == set(&expected),
        "all" => set(&expected).is_subset(&set(&got)),
        "exact" => set(&got) == set(&expected),
        "first" => {
            !got.is_empty()
                && got[0] == expected[0]
                && set(&expected).is_subset(&within(expected.len()))
        }
        other => panic!("unknown mode {other:?}"),
    }
}

/// Builds `letters` with the command line, into a folder of its own.
fn built(letters: &str) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = Command::new(env!("CARGO_BIN_EXE_kamerzoek"))
        .args(["build", root.join(letters).to_str().unwrap(), "--out"])
        .arg(out.path())
        .arg("--index-only")
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    out
}

/// Every case of `suite` on the index of `letters`; the failing ones, as score.py prints them.
fn failures(letters: &str, suite: &str) -> Vec<String> {
    let dir = built(letters);
    let folder = Folder::new(dir.path());
    let mut searcher = Searcher::new(folder.open().unwrap());
    let options = SearchOptions::parse(10, &[], "relevance", "always", "").unwrap();
    let all = cases(suite);
    assert!(all.len() >= 30, "{suite}: {} cases", all.len());
    let mut failed = Vec::new();
    for (query, expect, mode) in all {
        let results = folder
            .answer(&mut searcher, |s| s.search_with(&query, &options))
            .unwrap();
        let ids: Vec<String> = results.hits.iter().map(|h| h.id.clone()).collect();
        if !judge(&ids, &expect, &mode) {
            failed.push(format!(
                "{query:?} [{mode} {}] got {ids:?}",
                expect.join(",")
            ));
        }
    }
    failed
}

#[test]
fn every_case_of_the_five_letters_suites_passes() {
    for suite in ["queries.tsv", "behaviours.tsv"] {
        let failed = failures("seeds", suite);
        assert!(failed.is_empty(), "{suite}: {failed:#?}");
    }
}

#[test]
fn every_case_of_the_real_documents_suite_passes() {
    let failed = failures("tests/data/real", "real.tsv");
    assert!(failed.is_empty(), "real.tsv: {failed:#?}");
}
