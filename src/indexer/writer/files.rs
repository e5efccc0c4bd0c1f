//! The files a build has put into its [`Store`]: the names the entry file and the command line
//! are told of, in the order put, and the size of the largest, which the entry file states as a
//! bound for readers.

use crate::error::Result;
use crate::format::entry::FileRef;
use crate::format::name_hash;
use crate::format::store::Store;

pub(super) struct Files {
    pub store: Store,
    /// Every file, and the letter folder, in the order put.
    pub names: Vec<String>,
    /// The largest file written, unpacked.
    pub largest: usize,
}

impl Files {
    pub fn new(store: Store) -> Self {
        Files {
            store,
            names: Vec::new(),
            largest: 0,
        }
    }

    /// Puts a file (unpacked) under `name`.
    pub fn put(&mut self, name: &str, bytes: &[u8]) -> Result<()> {
        self.note_size(bytes.len());
        self.store.put(name, bytes)?;
        self.names.push(name.to_string());
        Ok(())
    }

    /// Puts a file under the name its content gives it, `<prefix>-<hash>.kz`.
    pub fn put_named(&mut self, prefix: &str, bytes: &[u8]) -> Result<FileRef> {
        let name = format!("{prefix}-{:012x}.kz", name_hash(bytes));
        self.put(&name, bytes)?;
        Ok(FileRef::File(name))
    }

    /// Puts letter `n`'s file into the store's work area, to wait for its folder's name.
    pub fn put_waiting(&mut self, n: usize, sealed: &[u8]) -> Result<()> {
        self.note_size(sealed.len());
        self.store.put_waiting(n as u32, sealed)
    }

    /// Notes a file of `len` bytes (unpacked) that is part of the index.
    pub fn note_size(&mut self, len: usize) {
        self.largest = self.largest.max(len);
    }
}
