//! `kamerzoek build --offline`: a service worker that keeps the search working without a network.
//!
//! A service worker serves only the pages in its own folder and below, so it cannot live in the
//! site folder (the owner's pages are beside it, not in it): it is written beside that folder, in
//! the folder of the pages, as `kamerzoek-sw.js`, and `offline.js` in the site folder registers it.
//! The worker is the template `www/kamerzoek-sw.js` with its build filled in: a version (the
//! worker is replaced when any file it stores changes) and the files stored on the first visit.

use super::site::{self, INDEX_DIR, REGISTRATION, SERVICE_WORKER};
use kamerzoek::format::{Named, fnv64};
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
        .ok_or_else(|| Error::BadArgument {
            flag: "--precache-max",
            value: text.into(),
            takes: "a size: bytes, or with K or M (500K, 2M)",
        })
}

/// Where the worker goes, beside the site folder, and the folder's name as a URL path segment.
fn placed(out: &Path) -> Result<(PathBuf, String)> {
    let absolute = std::path::absolute(out).map_err(|e| Error::io(out.display(), e))?;
    // `--out .` is the folder's own name, not `.`.
    let absolute: PathBuf = absolute.components().collect();
    match (absolute.parent(), absolute.file_name()) {
        (Some(parent), Some(name)) => Ok((
            parent.join(SERVICE_WORKER),
            percent_encoded(&name.to_string_lossy()),
        )),
        _ => Err(Error::NoPagesFolder {
            path: out.display().to_string(),
        }),
    }
}

/// A folder name as a path segment of a URL: `zoeken` stays, `a b` is `a%20b`.
fn percent_encoded(name: &str) -> String {
    let mut out = String::new();
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The site folder a kamerzoek worker serves, as its build names it; None for a file that is not
/// an unedited kamerzoek worker.
fn serves(worker: &[u8]) -> Option<String> {
    if !site::is_ours(SERVICE_WORKER, worker) {
        return None;
    }
    let text = std::str::from_utf8(worker).ok()?;
    let rest = &text[text.find("dir:\"")? + 5..];
    Some(rest[..rest.find('"')?].to_string())
}

/// What to do with the worker beside the site folder, decided before anything is written.
pub enum Worker {
    /// Write it, with the build filled in.
    Write,
    /// Rewrite this site's worker as retired: a build without `--offline` after one with it.
    Retire,
    /// Leave what is there alone (nothing, or not this site's).
    Leave,
}

/// Checks, before anything is written, what the worker's place holds: with `--offline`, nothing,
/// or this site's own worker, in a folder the build can write; adds the registration script to
/// the site's names. Without `--offline`, a worker of this site is to be retired.
pub fn check(out: &Path, offline: bool, names: &mut Vec<&'static str>) -> Result<Worker> {
    // A folder with none above it (`--out /`) has no place for a worker: only --offline needs one.
    let (worker, dir) = match placed(out) {
        Ok(placed) => placed,
        Err(_) if !offline => return Ok(Worker::Leave),
        Err(e) => return Err(e),
    };
    let present = std::fs::read(&worker).ok();
    let this_site = present
        .as_deref()
        .and_then(serves)
        .is_some_and(|d| d == format!("{dir}/"));
    if !offline {
        return Ok(if this_site {
            Worker::Retire
        } else {
            Worker::Leave
        });
    }
    let parent = worker.parent().unwrap_or(Path::new("."));
    if present.is_some() && !this_site {
        return Err(match present.as_deref().and_then(serves) {
            Some(other) => Error::WorkerTaken {
                worker: worker.display().to_string(),
                site: parent
                    .join(other.trim_end_matches('/'))
                    .display()
                    .to_string(),
            },
            None => Error::NotOurs {
                paths: vec![worker.display().to_string()],
                replacer: "--offline",
                instead: "Build without --offline".into(),
            },
        });
    }
    // The worker is written last: a folder it cannot be written in must stop the build first.
    std::fs::create_dir_all(parent)
        .and_then(|()| tempfile_probe(parent))
        .map_err(|e| Error::io(parent.display(), e))?;
    if site::asset(REGISTRATION).is_none() {
        return Err(Error::WithoutAssets {
            lacks: REGISTRATION.into(),
        });
    }
    template()?;
    names.push(REGISTRATION);
    Ok(Worker::Write)
}

/// Whether a file can be made in `dir`: made and removed at once.
fn tempfile_probe(dir: &Path) -> std::io::Result<()> {
    let probe = dir.join(format!(
        ".kamerzoek-probe-{}",
        kamerzoek::format::store::process_id()
    ));
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)?;
    std::fs::remove_file(&probe)
}

/// The worker's template, checked to have one place for its build.
fn template() -> Result<&'static str> {
    let template = site::asset(SERVICE_WORKER)
        .and_then(|bytes| std::str::from_utf8(bytes).ok())
        .filter(|t| t.matches(PLACEHOLDER).count() == 1);
    template.ok_or_else(|| Error::WithoutAssets {
        lacks: format!("a usable {SERVICE_WORKER}"),
    })
}

/// The registration script, a file of the site.
pub fn registration() -> Option<(&'static str, &'static [u8])> {
    site::asset(REGISTRATION).map(|bytes| (REGISTRATION, bytes))
}

/// A worker made and checked before the index is committed, put in place just before it: a
/// worker that cannot be written (an immutable file, a folder by its name, a full disk) stops the
/// build while the earlier index is still whole, and a commit that fails afterwards puts the
/// earlier worker back. So a deployed worker never lists files of an index that is not there.
pub struct Prepared {
    path: PathBuf,
    bytes: Vec<u8>,
    /// What was at its place before: put back by `undo`.
    before: Option<Vec<u8>>,
    message: String,
}

impl Prepared {
    /// Writes the worker beside its place and renames it in.
    pub fn put(&self) -> Result<()> {
        kamerzoek::format::store::write_beside(&self.path, &self.bytes)
    }

    /// Puts back what was there before `put` (best effort: the build is failing already).
    pub fn undo(&self) {
        let _ = match &self.before {
            Some(bytes) => kamerzoek::format::store::write_beside(&self.path, bytes),
            None => std::fs::remove_file(&self.path).map_err(|e| Error::io("", e)),
        };
    }

    /// Says what the worker does, once the build has ended well.
    pub fn say(&self) {
        super::say(&self.message);
    }
}

fn prepared(worker: PathBuf, build: &str, message: String) -> Result<Prepared> {
    let filled = template()?.replace(PLACEHOLDER, build);
    Ok(Prepared {
        before: std::fs::read(&worker).ok(),
        bytes: site::stamped(SERVICE_WORKER, filled.as_bytes()),
        path: worker,
        message,
    })
}

/// This site's worker retired: it deletes its stores and unregisters itself.
pub fn retire(out: &Path) -> Result<Prepared> {
    let (worker, dir) = placed(out)?;
    let build = format!(
        "{{version:\"retired\",dir:{:?},precache:[],retired:true}}",
        format!("{dir}/")
    );
    let message = format!(
        "offline: {} retired (built without --offline): a visitor's browser drops its stores and \
         the worker on their next visit",
        worker.display()
    );
    prepared(worker, &build, message)
}

/// The worker for the site in `out`, whose new index names `index`'s files and whose entry file,
/// not yet in place, is `entry`: it stores the engine, the widget and the entry file on a first
/// visit, and every index file too when they come to at most `precache_max` bytes.
pub fn prepare(out: &Path, index: &Named, entry: &[u8], precache_max: u64) -> Result<Prepared> {
    let (worker, dir) = placed(out)?;
    // Everything a page loads from the site folder, `offline.js` and `file-check.js` too.
    let mut first = site::first_query();
    first.extend([REGISTRATION, "file-check.js", site::RESTART].map(String::from));
    let mut rest: Vec<String> = index
        .files
        .iter()
        .map(|n| format!("{INDEX_DIR}/{n}"))
        .collect();
    if let Some((folder, count)) = &index.letters {
        rest.extend(
            kamerzoek::format::pack::folder_files(*count)
                .map(|f| format!("{INDEX_DIR}/{folder}/{f}")),
        );
    }
    let entry_name = format!("{INDEX_DIR}/{}", kamerzoek::format::ENTRY_FILE);
    let hash_of = |name: &str| -> Result<(u64, u64)> {
        if *name == entry_name {
            return Ok((fnv64(entry), entry.len() as u64));
        }
        let path = out.join(name);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(path.display(), e))?;
        Ok((fnv64(&bytes), bytes.len() as u64))
    };
    // The version: every byte the worker stores and what it stores first, so a new build, engine
    // or limit makes a new worker with a store of its own.
    let mut seen = Vec::new();
    for name in &first {
        seen.extend_from_slice(&hash_of(name)?.0.to_le_bytes());
    }
    let mut rest_bytes = 0u64;
    for name in &rest {
        let (hash, len) = hash_of(name)?;
        seen.extend_from_slice(&hash.to_le_bytes());
        rest_bytes += len;
    }
    let whole = rest_bytes <= precache_max;
    let stored: Vec<&String> = if whole {
        first.iter().chain(&rest).collect()
    } else {
        first.iter().collect()
    };
    for name in &stored {
        seen.extend_from_slice(name.as_bytes());
        seen.push(0);
    }
    let build = format!(
        "{{version:{:?},dir:{:?},precache:[{}],retired:false}}",
        format!("{:016x}", fnv64(&seen)),
        format!("{dir}/"),
        stored
            .iter()
            .map(|n| format!("{n:?}"))
            .collect::<Vec<_>>()
            .join(",")
    );
    let message = format!(
        "offline: {} serves the pages in {} and below that include {dir}/{REGISTRATION}; it \
         stores the engine{} on a first visit{}",
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
    );
    prepared(worker, &build, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_with_none_above_it_needs_no_worker_unless_offline() {
        let mut names = Vec::new();
        assert!(matches!(
            check(Path::new("/"), false, &mut names),
            Ok(Worker::Leave)
        ));
        let err = check(Path::new("/"), true, &mut names)
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("none above it"), "{err}");
        assert!(names.is_empty());
    }
}
