//! Where the files of an index go and come from: one seam for the writer, the command line, the
//! CLI's reader and the tests. In memory, or a folder; every file gzip-compressed (deflate 9, no
//! name, no time: the same bytes give the same file), written beside its place and renamed into
//! it, so a reader sees the whole file or none. A folder store notes the files it made, to take
//! them back if the build fails: it never removes a file it did not make. A build's work (posting
//! runs, letters waiting for their folder's name, packs being made) goes to the store's work
//! area, `store/work.rs`: a work folder in a folder store, files by name in a memory store.

mod work;

pub use work::{WORK_FOLDER, WORK_MARK};

use crate::error::{Error, Result};
use flate2::Compression;
use flate2::write::GzEncoder;
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

pub struct Store {
    place: Place,
}

enum Place {
    Memory {
        /// Files by name, packed, in the order they were put.
        files: Vec<(String, Vec<u8>)>,
        /// The work area's files, by name, packed.
        work: BTreeMap<String, Vec<u8>>,
    },
    Folder {
        dir: PathBuf,
        /// Files (and folders) this store made, for [`Store::take_back`].
        created: Vec<PathBuf>,
        /// The work folder, once made (`work.rs`): this store's, removed when it goes.
        work: Option<PathBuf>,
    },
}

impl Store {
    pub fn memory() -> Store {
        Store::of_files(Vec::new())
    }

    /// A memory store holding `files` (name, bytes as stored), as an in-memory index has them.
    pub fn of_files(files: Vec<(String, Vec<u8>)>) -> Store {
        Store {
            place: Place::Memory {
                files,
                work: BTreeMap::new(),
            },
        }
    }

    pub fn folder(dir: &Path) -> Store {
        Store {
            place: Place::Folder {
                dir: dir.to_path_buf(),
                created: Vec::new(),
                work: None,
            },
        }
    }

    /// Puts a file (its bytes unpacked) under `name`, packed. In a folder, a file of the same
    /// name already there is the same file (names are content hashes) from an earlier build: it
    /// is replaced, not noted.
    pub fn put(&mut self, name: &str, bytes: &[u8]) -> Result<()> {
        let packed = gzip(bytes);
        match &mut self.place {
            Place::Memory { files, .. } => files.push((name.to_string(), packed)),
            Place::Folder { dir, created, .. } => {
                let target = dir.join(name);
                if !target.exists() {
                    created.push(target.clone());
                }
                write_beside(&target, &packed)?;
            }
        }
        Ok(())
    }

    /// A file's bytes, unpacked, at most `limit` of them.
    pub fn get(&self, name: &str, limit: u64) -> Result<Vec<u8>> {
        let packed = self.get_stored(name)?;
        gunzip(&packed, limit).map_err(|e| self.located(name, e))
    }

    /// A file's bytes as stored: gzip-compressed, or a letter pack of gzip members.
    pub fn get_stored(&self, name: &str) -> Result<Vec<u8>> {
        match &self.place {
            Place::Memory { files, .. } => files
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, packed)| packed.clone())
                .ok_or_else(|| Error::UnknownFile {
                    name: name.to_string(),
                }),
            Place::Folder { dir, .. } => {
                let path = dir.join(name);
                std::fs::read(&path).map_err(|e| Error::io(path.display(), e))
            }
        }
    }

    /// `error`, found in the file `name`: said with the file's path, in a folder.
    pub fn located(&self, name: &str, error: Error) -> Error {
        match &self.place {
            Place::Memory { .. } => error,
            Place::Folder { dir, .. } => error.in_file(dir.join(name).display()),
        }
    }

    /// Whether a file or folder of this name is there.
    fn has(&self, name: &str) -> bool {
        match &self.place {
            Place::Memory { files, .. } => files.iter().any(|(n, _)| {
                n.strip_prefix(name)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
            }),
            Place::Folder { dir, .. } => dir.join(name).exists(),
        }
    }

    /// The files of a memory store, taken out of it; none of a folder's.
    pub fn take_files(&mut self) -> Vec<(String, Vec<u8>)> {
        match &mut self.place {
            Place::Memory { files, .. } => std::mem::take(files),
            Place::Folder { .. } => Vec::new(),
        }
    }

    /// Removes what this store made, newest first (a failed build takes back its files).
    pub fn take_back(&mut self) {
        if let Place::Folder { created, .. } = &mut self.place {
            for path in created.drain(..).rev() {
                let _ = if path.is_dir() {
                    std::fs::remove_dir_all(&path)
                } else {
                    std::fs::remove_file(&path)
                };
            }
        }
    }
}

/// Writes `bytes` beside `target` and renames them into place: a reader sees the whole file or
/// none; a failed write leaves nothing behind. The file beside is made new (`create_new`: never
/// through a link or over a file someone left there) under a name no other build uses at once.
pub fn write_beside(target: &Path, bytes: &[u8]) -> Result<()> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let io = |e| Error::io(target.display(), e);
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let name = target
        .file_name()
        .map_or_else(Default::default, |n| n.to_string_lossy());
    let mut tries = 0;
    let (partial, mut file) = loop {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let partial = target.with_file_name(format!(".{name}.{}-{n}.partial", process_id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&partial)
        {
            Ok(file) => break (partial, file),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && tries < 16 => tries += 1,
            Err(e) => return Err(io(e)),
        }
    };
    let written = file
        .write_all(bytes)
        .and_then(|()| file.flush())
        .and_then(|()| {
            drop(file);
            std::fs::rename(&partial, target)
        });
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written.map_err(io)
}

/// This process's id, which names its work files; 0 under WASI, which has none (std's
/// `process::id` panics there): names stay unique by their counter and `create_new`.
pub fn process_id() -> u32 {
    #[cfg(target_os = "wasi")]
    return 0;
    #[cfg(not(target_os = "wasi"))]
    std::process::id()
}

/// Gzip at the best level, with no name or time in the header: the same bytes give the same file.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::with_capacity(bytes.len() / 3), Compression::best());
    encoder
        .write_all(bytes)
        .expect("writing to memory cannot fail");
    encoder.finish().expect("writing to memory cannot fail")
}

/// The bytes of a file as stored: unpacked when they are gzip, as is otherwise (so an index
/// whose files were unpacked by hand still loads). At most `limit` bytes.
pub fn gunzip(bytes: &[u8], limit: u64) -> Result<Vec<u8>> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        if bytes.len() as u64 > limit {
            return Err(Error::corrupt(
                "a file is larger than any index file may be",
            ));
        }
        return Ok(bytes.to_vec());
    }
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .take(limit.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| Error::corrupt(format!("damaged gzip: {e}")))?;
    if out.len() as u64 > limit {
        return Err(Error::corrupt(
            "a file unpacks to more than any index file may",
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_and_folder_stores_give_back_what_was_put() {
        let dir = tempfile::tempdir().unwrap();
        for mut store in [Store::memory(), Store::folder(dir.path())] {
            store.put("a-1.kz", b"een").unwrap();
            store.put("l-2/0.kz", b"twee").unwrap();
            assert_eq!(store.get("a-1.kz", 100).unwrap(), b"een");
            assert_eq!(store.get("l-2/0.kz", 100).unwrap(), b"twee");
            assert!(store.get("a-1.kz", 2).is_err(), "past the limit");
            assert!(store.get("b.kz", 100).is_err());
        }
    }

    #[test]
    fn a_folder_store_takes_back_only_what_it_made() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.kz"), gzip(b"van eerder")).unwrap();
        std::fs::write(dir.path().join("mine.txt"), b"van de eigenaar").unwrap();
        let mut store = Store::folder(dir.path());
        store.put("x.kz", b"van eerder").unwrap();
        store.put("y.kz", b"nieuw").unwrap();
        store.take_back();
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["mine.txt", "x.kz"]);
    }
}
