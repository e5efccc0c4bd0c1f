//! `kamerzoek build --offline`: a service worker that keeps the search working without a network.
//!
//! A service worker serves only the pages in its own folder and below, so it cannot live in the
//! site folder (the owner's pages are beside it, not in it): it is written beside that folder, in
//! the folder of the pages, as `kamerzoek-sw.js`, and `offline.js` in the site folder registers it.
//! The worker is the template `www/kamerzoek-sw.js` with its build filled in: a version (the
//! worker is replaced when any file it stores changes) and the files stored on the first visit.

use super::site::{self, INDEX_DIR, REGISTRATION, SERVICE_WORKER};
use kamerzoek::format::{ENTRY_FILE, Named, fnv64};
use kamerzoek::{Error, Result};
use std::path::{Path, PathBuf};

/// The template's placeholder for the build, a string literal minification keeps as it is.
const PLACEHOLDER: &str = "\"__KAMERZOEK_BUILD__\"";

/// `2M`, `500K`, `1048576`: a size in bytes.
pub fn parse_size(text: &str) -> Result<u64> {
    let t = text.trim();
    let (digits, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => t.split_at(i),
        None => (t, ""),
    };
    let factor = match unit.to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" | "KB" => 1 << 10,
        "M" | "MB" => 1 << 20,
        "G" | "GB" => 1 << 30,
        _ => 0,
    };
    digits
        .parse::<u64>()
        .ok()
        .filter(|_| factor > 0)
        .and_then(|n| n.checked_mul(factor))
        .ok_or_else(|| Error::BadOption {
            message: format!(
                "--precache-max {text:?}: not a size (bytes, or with K or M: 500K, 2M)"
            ),
        })
}

/// Where the worker goes: beside the site folder.
fn worker_path(out: &Path) -> Result<PathBuf> {
    let absolute = std::path::absolute(out).map_err(|e| Error::io(out.display(), e))?;
    match (absolute.parent(), absolute.file_name()) {
        (Some(parent), Some(_)) => Ok(parent.join(SERVICE_WORKER)),
        _ => Err(Error::BadOption {
            message: format!(
                "{}: --offline writes its service worker beside the site folder, in the folder of \
                 the pages; this folder has none above it",
                out.display()
            ),
        }),
    }
}

/// Checks, before anything is written, that the worker's place holds no file of the owner's;
/// adds the registration script to the site's names.
pub fn check(out: &Path, names: &mut Vec<&'static str>) -> Result<()> {
    let worker = worker_path(out)?;
    let parent = worker.parent().unwrap_or(Path::new("."));
    site::check_folder_names(parent, &[SERVICE_WORKER])?;
    if site::asset(REGISTRATION).is_none() {
        return Err(Error::BadOption {
            message: "this kamerzoek was compiled without its service worker (www/dist/): run \
                      scripts/build-web.sh, then build kamerzoek again"
                .into(),
        });
    }
    template()?;
    names.push(REGISTRATION);
    Ok(())
}

/// The worker's template, checked to have one place for its build.
fn template() -> Result<&'static str> {
    let template = site::asset(SERVICE_WORKER)
        .and_then(|bytes| std::str::from_utf8(bytes).ok())
        .filter(|t| t.matches(PLACEHOLDER).count() == 1);
    template.ok_or_else(|| Error::BadOption {
        message: "this kamerzoek was compiled without a usable service worker (www/dist/): run \
                  scripts/build-web.sh, then build kamerzoek again"
            .into(),
    })
}

/// The registration script, a file of the site.
pub fn registration() -> Option<(&'static str, &'static [u8])> {
    site::asset(REGISTRATION).map(|bytes| (REGISTRATION, bytes))
}

/// Writes the worker for the site in `out`, whose index names `index`'s files: it stores the
/// engine, the widget and the entry file on a first visit, and every index file too when they
/// come to at most `precache_max` bytes. Returns what it stores first, in bytes.
pub fn write(out: &Path, index: &Named, precache_max: u64) -> Result<u64> {
    let worker = worker_path(out)?;
    let dir = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut first: Vec<String> = site::ENGINE
        .iter()
        .chain(site::WIDGET)
        .map(|n| (*n).to_string())
        .collect();
    first.push(format!("{INDEX_DIR}/{ENTRY_FILE}"));
    let mut rest: Vec<String> = index
        .files
        .iter()
        .map(|n| format!("{INDEX_DIR}/{n}"))
        .collect();
    if let Some((folder, count)) = &index.letters {
        rest.extend((0..*count).map(|n| format!("{INDEX_DIR}/{folder}/{n}.kz")));
    }
    // The version: every byte the worker stores, so a new build or engine makes a new worker.
    let mut seen = Vec::new();
    let mut rest_bytes = 0u64;
    for name in first.iter().chain(&rest) {
        let path = out.join(name);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(path.display(), e))?;
        seen.extend_from_slice(&fnv64(&bytes).to_le_bytes());
        if rest.contains(name) {
            rest_bytes += bytes.len() as u64;
        }
    }
    let whole = rest_bytes <= precache_max;
    let stored: Vec<&String> = if whole {
        first.iter().chain(&rest).collect()
    } else {
        first.iter().collect()
    };
    let build = format!(
        "{{version:{:?},dir:{:?},precache:[{}]}}",
        format!("{:016x}", fnv64(&seen)),
        format!("{dir}/"),
        stored
            .iter()
            .map(|n| format!("{n:?}"))
            .collect::<Vec<_>>()
            .join(",")
    );
    let template =
        std::str::from_utf8(site::asset(SERVICE_WORKER).unwrap_or_default()).map_err(|_| {
            Error::BadOption {
                message: "the embedded service worker is not UTF-8".into(),
            }
        })?;
    if template.matches(PLACEHOLDER).count() != 1 {
        return Err(Error::BadOption {
            message: "the embedded service worker has no place for its build".into(),
        });
    }
    kamerzoek::format::store::write_beside(
        &worker,
        template.replace(PLACEHOLDER, &build).as_bytes(),
    )?;
    super::say(&format!(
        "offline: {} serves the pages in {} and below without a network; it stores the engine{} \
         on a first visit{}",
        worker.display(),
        worker.parent().unwrap_or(Path::new(".")).display(),
        if whole {
            format!(" and the whole index ({rest_bytes} bytes)")
        } else {
            String::new()
        },
        if whole {
            String::new()
        } else {
            format!(
                ", and each index file as a visitor fetches it (the index is {rest_bytes} bytes, \
                 over --precache-max {precache_max})"
            )
        }
    ));
    Ok(rest_bytes)
}
