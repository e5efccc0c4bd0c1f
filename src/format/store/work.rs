//! The store's work area: what a build keeps that is not a file of the index yet (posting runs,
//! letters waiting until their folder's name is known, the packs being made of them). In a folder
//! store, a work folder beside the index's files, made under a name nothing there has and marked
//! as a build's, so that it and nothing else is removed: when the store goes, or by the next
//! build when this one was killed (`src/cli/lock.rs`). In a memory store, files by name. The
//! letters are packed by one implementation for both.

use super::{Place, Store, gunzip, gzip, write_beside};
use crate::error::{Error, Result};
use crate::format::pack::{self, DIRECTORY_PACKS, PACK_LETTERS};
use std::path::{Path, PathBuf};

/// The start of a build's work folder's name, `<prefix><pid>-<n>`: a build that finds one left
/// by a killed build removes it (`src/cli/lock.rs`).
pub const WORK_FOLDER: &str = ".kamerzoek-build-";
/// The file a build writes into its work folder first, and its content: a folder of the work
/// folder's name without it is not a build's, and is never removed.
pub const WORK_MARK: (&str, &[u8]) = ("kamerzoek-work", b"the work folder of a kamerzoek build\n");

/// Where letters wait until their folder's name is known.
const WAITING: &str = "letters";
/// Where the packs of the waiting letters are made, then moved into place as the letter folder.
const PACKS: &str = "packs";

impl Store {
    /// The work folder of a folder store, made at the first call (and the store's folder, if
    /// missing), for the work a build keeps on disk; none in memory.
    pub fn work_folder(&mut self) -> Result<Option<&Path>> {
        match &mut self.place {
            Place::Memory { .. } => Ok(None),
            Place::Folder { dir, work, .. } => made(dir, work).map(Some),
        }
    }

    /// Puts letter `n`'s file (sealed, unpacked) into the work area to wait for its folder, in
    /// place of the one there before.
    pub fn put_waiting(&mut self, n: u32, sealed: &[u8]) -> Result<()> {
        self.put_work(&waiting(n), gzip(sealed))
    }

    /// Letter `n`'s file as it waits, unpacked.
    pub fn get_waiting(&self, n: u32) -> Result<Vec<u8>> {
        gunzip(&self.get_work(&waiting(n))?, u64::MAX)
    }

    /// Packs the waiting letters `0..docs` into the letter folder `folder`, [`PACK_LETTERS`] to
    /// a pack, each [`DIRECTORY_PACKS`] packs' headers in a directory (`format::pack`), and puts
    /// the folder in place whole. A folder of that name already there holds the same letters (its
    /// name hashes them all): it is kept as it is.
    pub fn pack_waiting(&mut self, folder: &str, docs: u32) -> Result<()> {
        if self.has(folder) {
            return Ok(());
        }
        let count = docs.div_ceil(PACK_LETTERS);
        let mut headers = Vec::new();
        for p in 0..count {
            let members = (p * PACK_LETTERS..docs.min((p + 1) * PACK_LETTERS))
                .map(|n| self.get_work(&waiting(n)))
                .collect::<Result<Vec<_>>>()?;
            let bytes = pack::encode(&members);
            headers.extend_from_slice(pack::header(&bytes));
            self.put_work(&format!("{PACKS}/{p}.kz"), bytes)?;
            if (p + 1) % DIRECTORY_PACKS == 0 || p + 1 == count {
                let name = format!("{PACKS}/h{}.kz", p / DIRECTORY_PACKS);
                self.put_work(&name, gzip(&headers))?;
                headers.clear();
            }
        }
        self.place_packs(folder)
    }

    /// Puts a file already packed into the work area.
    fn put_work(&mut self, name: &str, packed: Vec<u8>) -> Result<()> {
        match &mut self.place {
            Place::Memory { work, .. } => {
                work.insert(name.to_string(), packed);
                Ok(())
            }
            Place::Folder { dir, work, .. } => write_beside(&made(dir, work)?.join(name), &packed),
        }
    }

    /// A file of the work area, as put.
    fn get_work(&self, name: &str) -> Result<Vec<u8>> {
        let missing = Error::Internal {
            what: "a work file of this build went missing",
        };
        match &self.place {
            Place::Memory { work, .. } => work.get(name).cloned().ok_or(missing),
            Place::Folder { work: None, .. } => Err(missing),
            Place::Folder {
                work: Some(work), ..
            } => {
                let path = work.join(name);
                std::fs::read(&path).map_err(|e| Error::io(path.display(), e))
            }
        }
    }

    /// Moves the packs made into place as the letter folder `folder`. A folder store renames its
    /// work folder's in: a reader sees every letter or none. A memory store lists the directories
    /// first, then the packs, each in number order, as it always has (the decode fuzz target
    /// picks a file by its place in the list).
    fn place_packs(&mut self, folder: &str) -> Result<()> {
        match &mut self.place {
            Place::Memory { files, work } => {
                let (prefix, mut placed) = (format!("{PACKS}/"), Vec::new());
                work.retain(|name, bytes| match name.strip_prefix(&prefix) {
                    Some(file) => {
                        placed.push((format!("{folder}/{file}"), std::mem::take(bytes)));
                        false
                    }
                    None => true,
                });
                placed.sort_by_cached_key(|(name, _)| {
                    let file = name.rsplit('/').next().unwrap_or_default();
                    let number = file.trim_start_matches('h').trim_end_matches(".kz");
                    (!pack::is_directory(name), number.parse::<u32>().ok())
                });
                files.extend(placed);
            }
            Place::Folder { dir, created, work } => {
                let (packs, to) = (made(dir, work)?.join(PACKS), dir.join(folder));
                // Made even for no letters: the folder the entry file names is there.
                std::fs::create_dir_all(&packs).map_err(|e| Error::io(packs.display(), e))?;
                std::fs::rename(&packs, &to).map_err(|e| Error::io(to.display(), e))?;
                created.push(to);
            }
        }
        Ok(())
    }
}

impl Drop for Store {
    /// The work folder goes with its store, whether the build finished or failed: the waiting
    /// letters were packed out of it, and runs are done with either way.
    fn drop(&mut self) {
        if let Place::Folder {
            work: Some(work), ..
        } = &self.place
        {
            let _ = std::fs::remove_dir_all(work);
        }
    }
}

fn waiting(n: u32) -> String {
    format!("{WAITING}/{n}.kz")
}

/// The work folder, made now if it is not yet.
fn made<'a>(dir: &Path, work: &'a mut Option<PathBuf>) -> Result<&'a Path> {
    let folder = match work.take() {
        Some(folder) => folder,
        None => make(dir)?,
    };
    Ok(work.insert(folder))
}

/// Makes a work folder in `dir` (made if missing) under a name nothing there has, so that
/// removing it later removes nothing else, and marks it.
fn make(dir: &Path) -> Result<PathBuf> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir.display(), e))?;
    let pid = super::process_id();
    let mut attempt = 0;
    loop {
        let work = dir.join(format!("{WORK_FOLDER}{pid}-{attempt}"));
        match std::fs::create_dir(&work) {
            Ok(()) => {
                let (name, mark) = WORK_MARK;
                if let Err(e) = std::fs::write(work.join(name), mark) {
                    let _ = std::fs::remove_dir_all(&work);
                    return Err(Error::io(work.display(), e));
                }
                return Ok(work);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(e) => return Err(Error::io(work.display(), e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_and_folder_stores_pack_waiting_letters_alike() {
        let dir = tempfile::tempdir().unwrap();
        let letters: Vec<Vec<u8>> = (0..70).map(|n| format!("brief {n}").into_bytes()).collect();
        let (mut memory, mut folder) = (Store::memory(), Store::folder(dir.path()));
        for store in [&mut memory, &mut folder] {
            for (n, letter) in (0..).zip(&letters) {
                store.put_waiting(n, b"eerder").unwrap();
                store.put_waiting(n, letter).unwrap();
            }
            assert_eq!(store.get_waiting(3).unwrap(), letters[3], "replaced");
            store.pack_waiting("l-1", 70).unwrap();
        }
        let files = memory.take_files();
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["l-1/h0.kz", "l-1/0.kz", "l-1/1.kz"]);
        for (name, bytes) in &files {
            assert_eq!(&folder.get_stored(name).unwrap(), bytes, "{name}");
        }
        let pack = folder.get_stored("l-1/1.kz").unwrap();
        let second = pack::members(&pack, 6).unwrap()[1].clone();
        assert_eq!(gunzip(&pack[second], 100).unwrap(), letters[65]);
        let work = folder.work_folder().unwrap().unwrap().to_path_buf();
        assert!(work.join(WORK_MARK.0).exists());
        drop(folder);
        assert!(!work.exists(), "the work folder goes with its store");
        assert!(dir.path().join("l-1").join("1.kz").exists());
    }

    #[test]
    fn a_letter_folder_already_there_is_kept_and_not_taken_back() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("l-1")).unwrap();
        std::fs::write(dir.path().join("l-1").join("0.kz"), b"van eerder").unwrap();
        let mut store = Store::folder(dir.path());
        store.put_waiting(0, b"brief").unwrap();
        store.pack_waiting("l-1", 1).unwrap();
        store.take_back();
        let kept = std::fs::read(dir.path().join("l-1").join("0.kz")).unwrap();
        assert_eq!(kept, b"van eerder");
    }
}
