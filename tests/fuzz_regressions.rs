//! Every committed input of every fuzz target, replayed through the same body the target runs
//! (`fuzz/harness/*.rs`), on the stable toolchain without libFuzzer: a harness that no longer
//! holds for its own corpus fails here, not months later in a fuzzing session. And every input
//! that ever crashed a target (`tests/data/fuzz-*/`, one file per finding, named after what it
//! broke) must now give a typed error or an answer.

mod decode {
    include!("../fuzz/harness/decode.rs");
}
mod query {
    include!("../fuzz/harness/query.rs");
}
mod analyze {
    include!("../fuzz/harness/analyze.rs");
}
mod pdf {
    include!("../fuzz/harness/pdf.rs");
}

use std::path::Path;

/// Runs the target's body on every committed input of its corpus (`fuzz/corpus/TARGET`) and on
/// every input that once crashed it (`tests/data/fuzz-TARGET`); a corpus of at least 100.
fn replay(target: &str, body: fn(&[u8])) {
    let mut count = 0;
    for folder in [
        format!("fuzz/corpus/{target}"),
        format!("tests/data/fuzz-{target}"),
    ] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).unwrap();
            let outcome = std::panic::catch_unwind(|| body(&bytes));
            assert!(outcome.is_ok(), "{} fails its target", path.display());
            count += 1;
        }
    }
    assert!(count > 100, "{target}: {count} inputs");
}

#[test]
fn the_decode_corpus_and_every_decode_finding_pass() {
    replay("decode", decode::run_decode);
}

#[test]
fn the_query_corpus_passes() {
    replay("query", query::run_query);
}

#[test]
fn the_analyze_corpus_passes() {
    replay("analyze", analyze::run_analyze);
}

#[test]
fn the_pdf_corpus_passes() {
    replay("pdf", pdf::run_pdf);
}
