//! Puts a built index folder in place so that a reader never sees half an index: the writer has
//! written every other file already, under names that say what they hold; the entry file goes
//! last, by rename, the one step that switches readers over.
//!
//! The folder is shared: a site owner's pages, the engine, files of other tools. So the build
//! removes only what it can prove an earlier build wrote: the files that the earlier entry file
//! names, read and checked before the new build starts, and that the new one does not name.
//! Nothing else is touched, whatever its name; what looks like index files but is not named is
//! kept and reported.

use kamerzoek::Result;
use kamerzoek::format::store::{gunzip, write_beside};
use kamerzoek::format::{ENTRY_FILE, MAX_ENTRY_BYTES, Named, named_files};
use kamerzoek::indexer::Output;
use std::collections::BTreeSet;
use std::path::Path;

/// What an earlier build left in the output folder, as its entry file tells.
pub enum Earlier {
    /// No entry file: nothing is an earlier build's.
    None,
    Index(Named),
    /// An entry file that does not read as one: nothing is removed.
    Unreadable(String),
}

/// Reads the entry file already in `out`, before the build overwrites anything.
pub fn earlier(out: &Path) -> Earlier {
    let path = out.join(ENTRY_FILE);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Earlier::None,
        Err(e) => return Earlier::Unreadable(e.to_string()),
    };
    match gunzip(&bytes, u64::from(MAX_ENTRY_BYTES)).and_then(|b| named_files(&b)) {
        Ok(named) => Earlier::Index(named),
        Err(e) => Earlier::Unreadable(e.to_string()),
    }
}

pub struct Written {
    pub entry_bytes: usize,
    /// Files of the earlier build removed.
    pub removed: usize,
    /// Entries of the folder that look like index files but that no entry file named: kept.
    pub kept: Vec<String>,
}

pub fn write(output: &Output, out: &Path, earlier: &Earlier) -> Result<Written> {
    // The entry file is packed already; written beside its place and renamed, as every file.
    write_beside(&out.join(ENTRY_FILE), &output.entry)?;
    let new: BTreeSet<&str> = output.names.iter().map(String::as_str).collect();
    let removed = match earlier {
        Earlier::Index(named) => remove_stale(named, &new, out),
        Earlier::None | Earlier::Unreadable(_) => 0,
    };
    Ok(Written {
        entry_bytes: output.entry.len(),
        removed,
        kept: unnamed(out, &new),
    })
}

/// Takes back what a build wrote whose entry file was never put in place (the site's own files
/// could not be written): the files the new index names that the earlier one does not. Files of
/// both, by their content-named names, stay; with an earlier entry file that does not read,
/// nothing goes, since any file may be the earlier index's.
pub fn take_back(output: &Output, out: &Path, earlier: &Earlier) {
    let mut keep = BTreeSet::new();
    match earlier {
        Earlier::Index(named) => {
            keep.extend(named.files.iter().map(String::as_str));
            keep.extend(named.letters.as_ref().map(|(folder, _)| folder.as_str()));
        }
        Earlier::None => {}
        Earlier::Unreadable(_) => return,
    }
    if let Ok(new) = named(output) {
        remove_stale(&new, &keep, out);
    }
}

/// The files the built entry file names.
pub fn named(output: &Output) -> Result<Named> {
    gunzip(&output.entry, u64::from(MAX_ENTRY_BYTES)).and_then(|b| named_files(&b))
}

/// Removes the earlier build's files that the new build does not name. Best effort: a file that
/// cannot be removed costs disk space, not correctness.
fn remove_stale(earlier: &Named, new: &BTreeSet<&str>, out: &Path) -> usize {
    let mut removed = 0;
    for name in &earlier.files {
        let path = out.join(name);
        // Only a file: the name came from a checked entry file, but a folder there is not ours.
        if !new.contains(name.as_str())
            && path.symlink_metadata().is_ok_and(|m| m.is_file())
            && std::fs::remove_file(&path).is_ok()
        {
            removed += 1;
        }
    }
    if let Some((folder, count)) = &earlier.letters
        && !new.contains(folder.as_str())
    {
        removed += remove_letters(&out.join(folder), *count);
    }
    removed
}

/// Removes `<n>.kz` for each letter number below `count` (a letter, or a pack of them) and the
/// packs' directories `h<n>.kz` from an earlier build's letter folder, then the folder if nothing
/// else is in it.
fn remove_letters(folder: &Path, count: u32) -> usize {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let bare = name.strip_prefix('h').unwrap_or(&name);
        let number = bare.strip_suffix(".kz").and_then(|n| n.parse::<u32>().ok());
        let ours = number.is_some_and(|n| n < count && format!("{n}.kz") == bare);
        if ours
            && entry.file_type().is_ok_and(|t| t.is_file())
            && std::fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    // Fails, and keeps the folder, when anything else is in it.
    let _ = std::fs::remove_dir(folder);
    removed
}

/// Entries of `out` named like index files (`*.kz`, `l-*`) that the new build does not name:
/// an earlier version of kamerzoek removed such files unasked; now they stay, and are reported.
fn unnamed(out: &Path, new: &BTreeSet<&str>) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(out) else {
        return Vec::new();
    };
    let mut kept: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| (n.ends_with(".kz") || n.starts_with("l-")) && !new.contains(n.as_str()))
        .collect();
    kept.sort();
    kept
}
