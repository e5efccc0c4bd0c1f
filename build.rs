//! Generates the folding tables of `src/analyze/fold.rs` from `unicode-normalization`.
//!
//! Folding is NFKD, minus combining marks, lowercased. Shipping the full NFKD tables would cost
//! ~120 KB of WebAssembly, more than the whole engine, and core's case tables (all scripts) another
//! 18 KB, so the build computes, for every character in the scripts a Dutch archive meets (Latin,
//! Greek, Cyrillic, ligatures, super- and subscripts, fullwidth forms), its fold and its lowercase,
//! and keeps those that differ from the character itself. Characters elsewhere are left as they
//! are. The same tables serve the indexer and the query.

use std::fmt::Write;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

const FOLDED_RANGES: &[(u32, u32)] = &[
    (0x0080, 0x024F), // Latin-1 Supplement, Latin Extended-A and -B
    (0x0370, 0x04FF), // Greek, Cyrillic
    (0x1E00, 0x1FFF), // Latin Extended Additional, Greek Extended
    (0x2070, 0x209F), // superscripts and subscripts
    (0xFB00, 0xFB06), // Latin ligatures
    (0xFF01, 0xFF5E), // fullwidth ASCII
];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    // `web`: the WebAssembly module pages load (wasm32-unknown-unknown, `src/wasm.rs`), which
    // does no I/O. The indexer compiled for WASI (wasm32-wasip1, run by Node) is not `web`: it
    // has a file system and is the native build's code.
    println!("cargo::rustc-check-cfg=cfg(web)");
    let var = |name| std::env::var(name).unwrap_or_default();
    if var("CARGO_CFG_TARGET_ARCH") == "wasm32" && var("CARGO_CFG_TARGET_OS") == "unknown" {
        println!("cargo::rustc-cfg=web");
    }
    web_assets();
    let mut keys = Vec::new();
    let mut singles: Vec<(u16, u16)> = Vec::new();
    let mut lowers: Vec<(u16, u16)> = Vec::new();
    let mut offsets = vec![0u16];
    let mut pool = String::new();
    for &(first, last) in FOLDED_RANGES {
        for c in (first..=last).filter_map(char::from_u32) {
            let folded: String = c
                .nfkd()
                .filter(|m| !is_combining_mark(*m))
                .flat_map(char::to_lowercase)
                .collect();
            if folded != c.to_string() {
                let mut chars = folded.chars();
                match (chars.next().map(|f| u16::try_from(f as u32)), chars.next()) {
                    (Some(Ok(single)), None) => singles.push((c as u32 as u16, single)),
                    _ => {
                        keys.push(c as u32 as u16);
                        pool.push_str(&folded);
                        offsets.push(u16::try_from(pool.len()).expect("fold pool fits in u16"));
                    }
                }
            }
            let lower: Vec<char> = c.to_lowercase().collect();
            if lower != [c] && lower.len() == 1 {
                lowers.push((c as u32 as u16, lower[0] as u32 as u16));
            }
        }
    }

    let mut marks: Vec<(u32, u32)> = Vec::new();
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        if is_combining_mark(c) {
            match marks.last_mut() {
                Some(run) if run.1 + 1 == c as u32 => run.1 = c as u32,
                _ => marks.push((c as u32, c as u32)),
            }
        }
    }

    let mut out = String::new();
    writeln!(
        out,
        "pub static FOLD_KEYS: [u16; {}] = {keys:?};",
        keys.len()
    )
    .unwrap();
    writeln!(
        out,
        "pub static FOLD_OFFSETS: [u16; {}] = {offsets:?};",
        offsets.len()
    )
    .unwrap();
    writeln!(out, "pub static FOLD_POOL: &str = {pool:?};").unwrap();
    let fold_runs = runs(&singles);
    writeln!(
        out,
        "pub static FOLD_RUNS: [(u16, u16, u16, u8); {}] = {fold_runs:?};",
        fold_runs.len()
    )
    .unwrap();
    let lower_runs = runs(&lowers);
    writeln!(
        out,
        "pub static LOWER_RUNS: [(u16, u16, u16, u8); {}] = {lower_runs:?};",
        lower_runs.len()
    )
    .unwrap();
    // Ranges as varints (the gap since the last range's end, then the range's length less one):
    // 2 or 3 bytes a range where a pair of u32 takes 8; `fold.rs` unpacks them on first use.
    let mut packed = Vec::new();
    let mut next = 0u32;
    for &(first, last) in &marks {
        varint(&mut packed, first - next);
        varint(&mut packed, last - first);
        next = last + 1;
    }
    writeln!(
        out,
        "pub static COMBINING_MARKS_PACKED: [u8; {}] = {packed:?};",
        packed.len()
    )
    .unwrap();
    let path = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("fold_tables.rs");
    std::fs::write(path, out).unwrap();
}

/// `v` as a LEB128 varint.
fn varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A character map as runs, 8 bytes each, not pairs of 4 (the wasm carries these tables): a run
/// `(first, last, value, flags)` maps `first`, `first + step`, ... `last` (step 2 when flags has
/// bit 0) to `value`, or with bit 1 to `value` plus the key's distance from `first` (`A`..`Z` to
/// `a`..`z`; `Ā`, `Ă`, ... to `ā`, `ă`, ...). A run takes only consecutive entries of the sorted
/// map, so runs never overlap and a key between a step-2 run's keys is in no run.
fn runs(map: &[(u16, u16)]) -> Vec<(u16, u16, u16, u8)> {
    let mut out: Vec<(u16, u16, u16, u8)> = Vec::new();
    let mut i = 0;
    while i < map.len() {
        let (first, value) = map[i];
        let mut run = (first, first, value, 0u8);
        if let Some(&(next, next_value)) = map.get(i + 1) {
            let step = next - first;
            let shift = next_value.wrapping_sub(value) == step;
            if (step == 1 || step == 2) && (shift || next_value == value) {
                run.3 = u8::from(step == 2) | if shift { 2 } else { 0 };
                let mut j = i + 1;
                while let Some(&(key, v)) = map.get(j) {
                    let expected = if shift {
                        value.wrapping_add(key - first)
                    } else {
                        value
                    };
                    if key != run.1 + step || v != expected {
                        break;
                    }
                    run.1 = key;
                    j += 1;
                }
                out.push(run);
                i = j;
                continue;
            }
        }
        out.push(run);
        i += 1;
    }
    out
}

/// The list of the prebuilt web assets in `www/dist/` (made by `scripts/build-web.sh`), for the
/// command line to carry into every site it writes: `(path, include_bytes!(..))` pairs, sorted.
/// Without the folder the list is empty, and the command line says so when asked for a site.
fn web_assets() {
    let root = std::path::Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("www/dist");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, "", &mut files);
    files.sort();
    let mut out = String::from("pub static WEB_ASSETS: &[(&str, &[u8])] = &[\n");
    for name in &files {
        println!("cargo:rerun-if-changed={}", root.join(name).display());
        writeln!(
            out,
            "    ({name:?}, include_bytes!({:?})),",
            root.join(name).display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    let path = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("web_assets.rs");
    std::fs::write(path, out).unwrap();
}

/// Every file below `dir`, by its path relative to the root (`pkg/kamerzoek_bg.wasm`).
fn collect(dir: &std::path::Path, prefix: &str, files: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            println!("cargo:rerun-if-changed={}", entry.path().display());
            collect(&entry.path(), &format!("{prefix}{name}/"), files);
        } else if kind.is_file() {
            files.push(format!("{prefix}{name}"));
        }
    }
}
