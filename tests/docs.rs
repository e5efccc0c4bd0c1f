//! The documents are true about the tree and the command line: every file or folder of the
//! repository they name exists, and every flag they give `kamerzoek` is one its `--help` lists.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

/// The documents a reader reads.
fn documents() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found: Vec<String> = [
        "README.md",
        "CONTRIBUTING.md",
        "ARCHITECTURE.md",
        "FORMAT.md",
        "METADATA.md",
        "bench/README.md",
        "packages/npm/README.md",
    ]
    .map(String::from)
    .to_vec();
    for entry in std::fs::read_dir(root.join("docs")).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".md") {
            found.push(format!("docs/{name}"));
        }
    }
    found.sort();
    found
}

/// The spans in backquotes of a Markdown text, code blocks' lines among them.
fn quoted(text: &str) -> Vec<String> {
    let mut spans = Vec::new();
    let mut in_block = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_block = !in_block;
            continue;
        }
        if in_block {
            spans.push(line.to_string());
            continue;
        }
        spans.extend(line.split('`').skip(1).step_by(2).map(String::from));
    }
    spans
}

/// Where the repository's own files live: a path starting so is one of the tree's.
const TREE: [&str; 10] = [
    "src/",
    "www/",
    "scripts/",
    "tests/",
    "docs/",
    "bench/",
    "fuzz/",
    "packages/",
    "seeds/",
    ".ci/",
];

#[test]
fn every_file_and_folder_a_document_names_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut missing = BTreeSet::new();
    for doc in documents() {
        let text = std::fs::read_to_string(root.join(&doc)).unwrap();
        for span in quoted(&text) {
            for word in span.split_whitespace() {
                let path = word.trim_matches(|c: char| "()[],;:'\"".contains(c));
                // Patterns (`l-<hash>/`, `*.tsv`) and what tools make (a fuzzer's crashes) are
                // not files of the tree.
                if !TREE.iter().any(|t| path.starts_with(t))
                    || path.contains(['<', '{', '*', '$'])
                    || path.starts_with("fuzz/artifacts")
                {
                    continue;
                }
                let path = path.split(['#', '?']).next().unwrap_or(path);
                if !root.join(path).exists() {
                    missing.insert(format!("{doc}: {path}"));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "named but not in the tree: {missing:#?}"
    );
}

#[test]
fn every_flag_a_document_gives_kamerzoek_is_one_it_takes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let help = |sub: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_kamerzoek"))
            .args([sub, "--help"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let mut wrong = BTreeSet::new();
    let mut checked = 0;
    for doc in documents() {
        let text = std::fs::read_to_string(root.join(&doc)).unwrap();
        for span in quoted(&text) {
            // `kamerzoek build ... --flag`, `target/release/kamerzoek search ...`.
            let words: Vec<&str> = span.split_whitespace().collect();
            let Some(at) = words.iter().position(|w| w.ends_with("kamerzoek")) else {
                continue;
            };
            let Some(sub) = words
                .get(at + 1)
                .filter(|s| s.chars().all(|c| c.is_ascii_lowercase()))
            else {
                continue;
            };
            let listed = help(sub);
            for flag in words[at + 2..].iter().filter(|w| w.starts_with("--")) {
                let flag = flag.split(['=', ')', ',', '`', '.']).next().unwrap_or(flag);
                checked += 1;
                if !listed.contains(&format!("{flag} ")) && !listed.contains(&format!("{flag}\n")) {
                    wrong.insert(format!("{doc}: kamerzoek {sub} {flag}"));
                }
            }
        }
    }
    assert!(
        checked > 10,
        "only {checked} flags found: is the reading wrong?"
    );
    assert!(wrong.is_empty(), "flags --help does not list: {wrong:#?}");
}
