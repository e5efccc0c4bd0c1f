//! The letters' files from [`Writer::add`](super::Writer::add) to the end of the build: held in
//! memory while the index may still be one file; past that, waiting in the store's work area
//! until their folder's name, which hashes them all, is known. Linking rewrites them where they
//! wait; at the end they go inside the entry file, or are packed into their folder by the store.

use super::files::Files;
use crate::error::Result;
use crate::format::entry::Letters;
use crate::format::layout::Layout;
use crate::format::{fnv64, name_hash};

#[derive(Default)]
pub(super) struct Waiting {
    held: Vec<Vec<u8>>,
    /// The bytes of the letters held.
    held_bytes: usize,
    /// Once in the store: each letter's content hash, for the folder's name.
    hashes: Vec<u64>,
    in_store: bool,
}

impl Waiting {
    /// Keeps the next letter's file: held while the letters held fit in one file; past that,
    /// every letter goes to the store.
    pub fn keep(&mut self, files: &mut Files, layout: &Layout, sealed: Vec<u8>) -> Result<()> {
        if self.in_store {
            return self.put(files, &sealed);
        }
        self.held_bytes += sealed.len();
        self.held.push(sealed);
        if layout.fits_one_file(self.held_bytes) {
            return Ok(());
        }
        self.put_all(files)
    }

    /// Whether the letters went to the store, so the index will not be one file.
    pub fn in_store(&self) -> bool {
        self.in_store
    }

    /// The bytes of the letters held in memory.
    pub fn held_bytes(&self) -> usize {
        self.held_bytes
    }

    /// Letter `n`'s file as it waits.
    pub fn get(&self, files: &Files, n: usize) -> Result<Vec<u8>> {
        if !self.in_store {
            return Ok(self.held[n].clone());
        }
        files.store.get_waiting(n as u32)
    }

    /// Letter `n`'s file in place of the one that waits.
    pub fn replace(&mut self, files: &mut Files, n: usize, sealed: Vec<u8>) -> Result<()> {
        files.note_size(sealed.len());
        if !self.in_store {
            self.held_bytes += sealed.len();
            self.held_bytes -= self.held[n].len();
            self.held[n] = sealed;
            return Ok(());
        }
        self.hashes[n] = fnv64(&sealed);
        files.put_waiting(n, &sealed)
    }

    /// The letters' place in the entry file: inside it (`single`), or their folder, named by
    /// their content and packed.
    pub fn place(&mut self, files: &mut Files, single: bool) -> Result<Letters> {
        if single {
            return Ok(Letters::Inline(std::mem::take(&mut self.held)));
        }
        // In the store past the one-file size only if they were many; a split index of few
        // letters (tests, tiny layouts) puts them there now.
        if !self.in_store {
            self.put_all(files)?;
        }
        // One name for the folder, from every letter's bytes: a letter's URL changes when any
        // letter does, so each URL still means one content forever.
        let all: Vec<u8> = self.hashes.iter().flat_map(|h| h.to_le_bytes()).collect();
        let folder = format!("l-{:012x}", name_hash(&all));
        files
            .store
            .pack_waiting(&folder, self.hashes.len() as u32)?;
        files.names.push(folder.clone());
        Ok(Letters::Folder(folder))
    }

    /// Puts every letter held into the store.
    fn put_all(&mut self, files: &mut Files) -> Result<()> {
        self.in_store = true;
        self.held_bytes = 0;
        for sealed in std::mem::take(&mut self.held) {
            self.put(files, &sealed)?;
        }
        Ok(())
    }

    /// Puts the next letter's file into the store.
    fn put(&mut self, files: &mut Files, sealed: &[u8]) -> Result<()> {
        let n = self.hashes.len();
        self.hashes.push(fnv64(sealed));
        files.put_waiting(n, sealed)
    }
}
