//! The site a build writes around its index: the engine and the widget that this binary carries
//! (`www/dist/`, embedded by `build.rs`), so that one command gives a folder to deploy.
//!
//! The folder may be shared with the owner's own files, as the index folder is: a file at one of
//! the names the build writes is replaced only when it carries kamerzoek's mark (every asset
//! starts with one; the wasm with its magic). Anything else there is the owner's, and the build
//! stops before it writes anything, naming it.

use kamerzoek::format::store::{gzip, write_beside};
use kamerzoek::format::{ENTRY_FILE, fnv64};
use kamerzoek::{Error, Result};
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/web_assets.rs"));

/// The index's folder inside a site.
pub const INDEX_DIR: &str = "index";
/// Written only with `--demo`: a page to try the search on, and an unrelated page embedding it.
const DEMO: &[&str] = &[
    "index.html",
    "style.css",
    "favicon.svg",
    "embed-example.html",
    "embed-example.css",
];
/// Written only with `--offline`, and filled in: see `offline.rs`.
pub const SERVICE_WORKER: &str = "kamerzoek-sw.js";
pub const REGISTRATION: &str = "offline.js";
/// In `www/dist/` but not part of a site: the sources it was built from.
const NOT_SHIPPED: &[&str] = &["SOURCES"];
/// Without these there is no site to write.
const REQUIRED: &[&str] = &[
    "kamerzoek.js",
    "engine.js",
    "widget.js",
    "pkg/kamerzoek.js",
    "pkg/kamerzoek_bg.wasm",
];
/// What a page downloads before its first query (with the entry file), in this order: the
/// engine fetches the module gzip (the plain one is for bundlers, and for a site without it);
/// the glue is in engine.js, its own file fetched only by a restart ([`RESTART`]).
const ENGINE: &[&str] = &["pkg/kamerzoek_bg.wasm.gz"];
/// What a restart of the engine imports anew: stored offline too.
pub const RESTART: &str = "pkg/kamerzoek.js";
const WIDGET: &[&str] = &["kamerzoek.js", "engine.js", "widget.js", "widget.css"];

/// An embedded asset by its path in the site.
pub fn asset(name: &str) -> Option<&'static [u8]> {
    WEB_ASSETS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, bytes)| *bytes)
}

/// The site's files other than the index and the service worker: the engine, the widget, and
/// with `demo` the demo pages. An error when this binary was built without its web assets.
pub fn files(demo: bool) -> Result<Vec<(&'static str, &'static [u8])>> {
    files_of(WEB_ASSETS, demo)
}

fn files_of(
    assets: &[(&'static str, &'static [u8])],
    demo: bool,
) -> Result<Vec<(&'static str, &'static [u8])>> {
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|n| !assets.iter().any(|(a, _)| a == n))
        .collect();
    if !missing.is_empty() {
        return Err(Error::WithoutAssets {
            lacks: missing.join(", "),
        });
    }
    Ok(assets
        .iter()
        .copied()
        .filter(|(n, _)| !NOT_SHIPPED.contains(n) && *n != SERVICE_WORKER && *n != REGISTRATION)
        .filter(|(n, _)| demo || !DEMO.contains(n))
        .collect())
}

/// A file as the site holds it: the asset behind kamerzoek's mark, which names the hash of what
/// follows it, so a later build knows the file as its own and as unedited. The wasm, which no
/// owner edits and which cannot carry a comment, is known by its magic, as is its gzip.
pub fn stamped(name: &str, content: &[u8]) -> Vec<u8> {
    if name.ends_with(".wasm") || name.ends_with(".gz") {
        return content.to_vec();
    }
    let hash = fnv64(content);
    let mut out = if name.ends_with(".html") || name.ends_with(".svg") {
        format!("<!-- kamerzoek {hash:016x} -->\n").into_bytes()
    } else {
        format!("/* kamerzoek {hash:016x} */\n").into_bytes()
    };
    out.extend_from_slice(content);
    out
}

/// What stands at a name the build writes.
#[derive(Debug, PartialEq, Eq)]
enum Found {
    /// Written by kamerzoek and unchanged since: a build may replace it.
    Ours,
    /// Written by kamerzoek, then changed: the owner's now.
    Edited,
    /// Not kamerzoek's.
    Foreign,
}

/// Whether kamerzoek wrote these bytes at this name, unedited since.
pub fn is_ours(name: &str, bytes: &[u8]) -> bool {
    found(name, bytes) == Found::Ours
}

fn found(name: &str, bytes: &[u8]) -> Found {
    let magic: Option<&[u8]> = if name.ends_with(".wasm") {
        Some(b"\0asm")
    } else if name.ends_with(".gz") {
        Some(&[0x1f, 0x8b])
    } else {
        None
    };
    if let Some(magic) = magic {
        return if bytes.starts_with(magic) {
            Found::Ours
        } else {
            Found::Foreign
        };
    }
    let marks: [(&[u8], &[u8]); 2] = [
        (b"/* kamerzoek ", b" */\n"),
        (b"<!-- kamerzoek ", b" -->\n"),
    ];
    for (open, close) in marks {
        let Some(rest) = bytes.strip_prefix(open) else {
            continue;
        };
        let hash = rest
            .get(..16)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u64::from_str_radix(h, 16).ok());
        let content = rest.get(16..).and_then(|r| r.strip_prefix(close));
        return match (hash, content) {
            (Some(hash), Some(content)) if fnv64(content) == hash => Found::Ours,
            _ => Found::Edited,
        };
    }
    Found::Foreign
}

/// Checks, before anything is written, that `out` can take a site: no file of the owner's stands
/// at a name the build writes, and the folder is not an index built alone (whose files a site
/// build would leave behind, stale, beside a new `index/`).
pub fn check_folder(out: &Path, names: &[&str]) -> Result<()> {
    if out.join(ENTRY_FILE).is_file() {
        return Err(Error::IndexAlone {
            path: out.display().to_string(),
        });
    }
    let mut foreign = owners_files(out, names);
    let index = out.join(INDEX_DIR);
    if std::fs::symlink_metadata(&index).is_ok_and(|m| !m.is_dir()) {
        foreign.push(index);
    }
    refuse(
        &foreign,
        &format!("--out {}", out.join("kamerzoek").display()),
    )
}

/// The owner's files among `names` in `dir` (files kamerzoek did not write, or that were edited
/// since), and links or files in place of the folders they go in.
fn owners_files(out: &Path, names: &[&str]) -> Vec<PathBuf> {
    let mut foreign = Vec::new();
    // A link standing for one of the site's folders would take its files elsewhere.
    let mut folders: Vec<&str> = names
        .iter()
        .filter_map(|n| n.rsplit_once('/'))
        .map(|(f, _)| f)
        .collect();
    folders.sort_unstable();
    folders.dedup();
    for folder in folders {
        let path = out.join(folder);
        if std::fs::symlink_metadata(&path).is_ok_and(|m| !m.is_dir()) {
            foreign.push(path);
        }
    }
    for name in names {
        let path = out.join(name);
        match std::fs::symlink_metadata(&path) {
            Err(_) => {}
            Ok(m) if m.is_file() => {
                let ours = std::fs::read(&path).is_ok_and(|b| found(name, &b) == Found::Ours);
                if !ours {
                    foreign.push(path);
                }
            }
            // A folder or a link at the name: not ours to replace.
            Ok(_) => foreign.push(path),
        }
    }
    foreign
}

/// An error naming the owner's files a build would replace, or nothing when there are none.
fn refuse(foreign: &[PathBuf], advice: &str) -> Result<()> {
    if foreign.is_empty() {
        return Ok(());
    }
    Err(Error::NotOurs {
        paths: foreign.iter().map(|p| p.display().to_string()).collect(),
        replacer: "the build",
        instead: format!("Build into a folder of its own ({advice})"),
    })
}

/// Writes each file, marked, beside its place and renames it in. Each file is whole; a page that
/// loads while a build runs may still get files of two builds (their names carry no version), so
/// the order narrows it: the wasm before its glue, the entry module last.
pub fn write(out: &Path, files: &[(&str, &[u8])]) -> Result<()> {
    let rank = |name: &str| match name {
        "pkg/kamerzoek_bg.wasm" | "pkg/kamerzoek_bg.wasm.gz" => 0,
        "kamerzoek.js" => 2,
        _ => 1,
    };
    let mut ordered: Vec<&(&str, &[u8])> = files.iter().collect();
    ordered.sort_by_key(|(name, _)| rank(name));
    for (name, bytes) in ordered {
        write_beside(&out.join(name), &stamped(name, bytes))?;
    }
    Ok(())
}

/// A file's size as a visitor downloads it: raw, and gzip (index files are stored gzip: their
/// stored size is their gzip size, their unpacked size the raw one).
pub fn sizes(path: &Path) -> Result<(u64, u64)> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path.display(), e))?;
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let raw = kamerzoek::format::store::gunzip(&bytes, u64::MAX)?.len() as u64;
        return Ok((raw, bytes.len() as u64));
    }
    Ok((bytes.len() as u64, gzip(&bytes).len() as u64))
}

/// The files a page fetches from a site before its first query, by their paths in the site: what
/// the build's size table lists, and what the offline worker stores first.
pub fn first_query() -> Vec<String> {
    ENGINE
        .iter()
        .chain(WIDGET)
        .map(|n| (*n).to_string())
        .chain([format!("{INDEX_DIR}/{ENTRY_FILE}")])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_binary_without_its_web_assets_says_so_instead_of_writing_half_a_site() {
        let err = files_of(&[], false).unwrap_err().to_string();
        assert!(
            err.contains("compiled without its web assets")
                && err.contains("scripts/build-web.sh")
                && err.contains("--index-only"),
            "{err}"
        );
        // One missing file is as good as none.
        let partial: &[(&str, &[u8])] = &[("kamerzoek.js", b"/* kamerzoek */")];
        assert!(
            files_of(partial, false)
                .unwrap_err()
                .to_string()
                .contains("engine.js")
        );
    }

    #[test]
    fn a_file_is_kamerzoeks_while_its_mark_matches_what_follows_it() {
        for (name, content) in [
            ("widget.js", &b"export{}"[..]),
            ("index.html", b"<!doctype html>"),
            ("pkg/kamerzoek_bg.wasm", b"\0asm\x01\0\0\0"),
            ("pkg/kamerzoek_bg.wasm.gz", b"\x1f\x8b\x08\0"),
        ] {
            let written = stamped(name, content);
            assert_eq!(found(name, &written), Found::Ours, "{name}");
            if !name.ends_with(".wasm") && !name.ends_with(".gz") {
                let mut edited = written.clone();
                edited.extend_from_slice(b" ");
                assert_eq!(found(name, &edited), Found::Edited, "{name}");
            }
        }
        assert_eq!(found("widget.js", b"// my widget"), Found::Foreign);
        assert_eq!(
            found("widget.js", b"/* kamerzoek */\nexport{}"),
            Found::Edited
        );
        assert_eq!(found("widget.js", b"/* kamerzoek zz"), Found::Edited);
        assert_eq!(
            found("pkg/kamerzoek_bg.wasm", b"/* kamerzoek */"),
            Found::Foreign
        );
        assert_eq!(
            found("pkg/kamerzoek_bg.wasm.gz", b"\0asm\x01\0\0\0"),
            Found::Foreign
        );
        assert_eq!(found("index.html", b"<!doctype html>"), Found::Foreign);
    }

    /// The modules a page loads before its first query are the ones the size table counts and
    /// the offline worker stores: a module the widget imports but the list lacks would be
    /// missing offline.
    #[test]
    fn every_module_the_widget_imports_is_counted_and_stored_offline() {
        let listed: Vec<&str> = ENGINE.iter().chain(WIDGET).copied().collect();
        let mut seen = 0;
        for name in listed.iter().filter(|n| n.ends_with(".js")) {
            let Some(text) = asset(name).map(String::from_utf8_lossy) else {
                continue; // a binary built without its web assets: the other test says so
            };
            let folder = name.rsplit_once('/').map_or("", |(f, _)| f);
            for import in text.split("from").skip(1) {
                let import = import.trim_start();
                let Some(path) = import
                    .strip_prefix("\"./")
                    .or_else(|| import.strip_prefix("'./"))
                    .and_then(|rest| rest.split(['"', '\'']).next())
                else {
                    continue;
                };
                let path = if folder.is_empty() {
                    path.to_string()
                } else {
                    format!("{folder}/{path}")
                };
                assert!(listed.contains(&path.as_str()), "{name} imports {path}");
                seen += 1;
            }
        }
        assert!(WEB_ASSETS.is_empty() || seen >= 3, "{seen} imports found");
    }
}
