//! Puts a built index folder in place so that a reader never sees half an index: the writer has
//! written every other file already, under names that say what they hold; the entry file goes
//! last, by rename, the one step that switches readers over.
//!
//! The folder is shared: a site owner's pages, the engine, files of other tools. So the build
//! removes only what it can prove a build wrote: a name of exactly a shape a build gives, and
//! content that is what the hash in the name says (`format::names`); a letter folder, by its
//! shape and only the files of a letter folder's shapes inside it. Which of those go: the files
//! the earlier entry file names (read before the new build starts) and the new one does not, and
//! what a build that was stopped left (files no entry file names). An entry file alone proves
//! nothing, anyone can write one. Nothing else is touched, whatever its name; what looks like
//! index files but cannot be proven is kept and reported.

use kamerzoek::Result;
use kamerzoek::format::names::{self, Name};
use kamerzoek::format::store::{gunzip, write_beside};
use kamerzoek::format::{
    ENTRY_FILE, MAX_ENTRY_BYTES, MAX_FILE_BYTES, Named, fnv64, name_hash, named_files,
};
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

/// Removes the earlier build's files that the new build does not name, those that prove to be
/// what their names say. Best effort: a file that cannot be removed costs disk space, not
/// correctness.
fn remove_stale(earlier: &Named, new: &BTreeSet<&str>, out: &Path) -> usize {
    let stale = earlier
        .files
        .iter()
        .map(String::as_str)
        .filter(|n| !new.contains(n));
    let mut removed = remove_proven(out, stale);
    if let Some((folder, _)) = &earlier.letters
        && !new.contains(folder.as_str())
        && let Some(Name::Letters(hash)) = names::parse(folder)
    {
        removed += remove_letters(&out.join(folder), hash);
    }
    removed
}

/// Removes what a build that was stopped left in `out` (before its entry file was put in place):
/// files and letter folders of a build's shapes that the entry file in place does not name, the
/// files only when they prove to be what their names say. Run holding the folder's lock, before
/// the build writes: nothing else can be writing them. Nothing goes when the entry file in place
/// cannot be read, since anything may be its.
pub fn remove_leftovers(out: &Path, earlier: &Earlier) -> usize {
    let named: BTreeSet<&str> = match earlier {
        Earlier::Index(named) => named
            .files
            .iter()
            .map(String::as_str)
            .chain(named.letters.as_ref().map(|(f, _)| f.as_str()))
            .collect(),
        Earlier::None => BTreeSet::new(),
        Earlier::Unreadable(_) => return 0,
    };
    let Ok(entries) = std::fs::read_dir(out) else {
        return 0;
    };
    let mut files = Vec::new();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if named.contains(name.as_str()) {
            continue;
        }
        match names::parse(&name) {
            Some(Name::Letters(hash)) => removed += remove_letters(&entry.path(), hash),
            None => {}
            Some(_) => files.push(name),
        }
    }
    removed + remove_proven(out, files.iter().map(String::as_str))
}

/// Removes the files of `out` among `candidates` that prove to be what their names say (a
/// chunk's two files by both); how many went.
fn remove_proven<'a>(out: &Path, candidates: impl Iterator<Item = &'a str>) -> usize {
    let proven: Vec<&str> = candidates.filter(|n| proves(out, n)).collect();
    proven
        .iter()
        .filter(|n| std::fs::remove_file(out.join(n)).is_ok())
        .count()
}

/// Whether the file `name` of `out` is what its name says.
fn proves(out: &Path, name: &str) -> bool {
    let read = |name: &str| unpacked(&out.join(name));
    let pair = |hash: u64| {
        let (t, p) = names::chunk_names(hash);
        match (read(&t), read(&p)) {
            (Some(t), Some(p)) => names::is_pair(hash, &t, &p),
            _ => false,
        }
    };
    match names::parse(name) {
        Some(Name::Own(hash)) => read(name).is_some_and(|b| names::is_own(hash, &b)),
        Some(Name::Terms(hash)) => pair(hash),
        Some(Name::Positions(hash)) => {
            read(name).is_some_and(|b| names::is_own(hash, &b)) || pair(hash)
        }
        Some(Name::Letters(_)) | None => false,
    }
}

/// A regular file's bytes (never a link's), unpacked within the largest size an index file has.
fn unpacked(path: &Path) -> Option<Vec<u8>> {
    if !path.symlink_metadata().is_ok_and(|m| m.is_file()) {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    gunzip(&bytes, u64::from(MAX_FILE_BYTES)).ok()
}

/// Removes a letter folder that proves to be what its name says, `l-<hash>`: its packs (or, before
/// version 7, its letter files) `0.kz`, `1.kz`, ... hold letters whose hashes, in order, give the
/// hash of its name; then the files of its shapes (`<n>.kz`, `h<n>.kz`) go, and the folder if
/// nothing else is in it. A folder that does not prove itself is left whole.
fn remove_letters(folder: &Path, hash: u64) -> usize {
    if !folder.symlink_metadata().is_ok_and(|m| m.is_dir()) {
        return 0;
    }
    let Some(packs) = proven_letters(folder, hash) else {
        return 0;
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if names::in_letter_folder(&name, packs)
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

/// How many files `0.kz`, `1.kz`, ... the letter folder holds, when the letters in them give
/// `hash`; None when they do not (a folder of the owner's, or of files not all there).
fn proven_letters(folder: &Path, hash: u64) -> Option<u32> {
    let mut letters = Vec::new();
    let mut files = 0u32;
    loop {
        let path = folder.join(format!("{files}.kz"));
        if !path.symlink_metadata().is_ok_and(|m| m.is_file()) {
            break;
        }
        let bytes = std::fs::read(&path).ok()?;
        for letter in pack_letters(&bytes)? {
            letters.extend_from_slice(&fnv64(&letter).to_le_bytes());
        }
        files += 1;
    }
    (files > 0 && name_hash(&letters) == hash).then_some(files)
}

/// The letters (unpacked) of a pack of any version with packs, or of a file of one letter
/// (before version 7, gzip).
fn pack_letters(bytes: &[u8]) -> Option<Vec<Vec<u8>>> {
    let limit = u64::from(MAX_FILE_BYTES);
    if !bytes.starts_with(b"KZPK") {
        return gunzip(bytes, limit).ok().map(|letter| vec![letter]);
    }
    kamerzoek::format::pack::members_of_any_version(bytes)
        .ok()?
        .into_iter()
        .map(|m| gunzip(bytes.get(m)?, limit).ok())
        .collect()
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
