//! An index folder on disk, for the command line and the tests: opens the entry file and answers
//! each [`Answer::Need`] by reading the named files from the folder's [`Store`], as the page's
//! `engine.js` does over HTTP.

use crate::error::{Error, Result};
use crate::format::store::Store;
use crate::format::{ENTRY_FILE, MAX_ENTRY_BYTES};
use crate::index::Index;
use crate::{Answer, Searcher};
use std::path::Path;

/// Each round loads at least one new file; a query needs at most: the chunks of its words, their
/// positions, the table, the word list, then the letters shown. More rounds mean a broken index.
const MAX_ROUNDS: usize = 16;

pub struct Folder {
    store: Store,
}

impl Folder {
    pub fn new(dir: &Path) -> Self {
        Folder {
            store: Store::folder(dir),
        }
    }

    /// Opens the index: its entry file only.
    pub fn open(&self) -> Result<Index> {
        let bytes = self.store.get(ENTRY_FILE, u64::from(MAX_ENTRY_BYTES))?;
        Index::from_bytes(&bytes).map_err(|e| match &self.store {
            Store::Folder { dir, .. } => e.in_file(dir.join(ENTRY_FILE).display()),
            Store::Memory(_) => e,
        })
    }

    /// Runs `ask` until it stops needing files, handing them over from the folder.
    pub fn answer<T>(
        &self,
        searcher: &mut Searcher,
        ask: impl FnMut(&Searcher) -> Result<Answer<T>>,
    ) -> Result<T> {
        // The entry file states how large its other files are: nothing unpacks past that.
        let limit = u64::from(searcher.index().largest_file());
        answer(searcher, ask, |name| self.store.get(name, limit))
    }
}

/// Runs `ask` until it stops needing files, handing over each from `fetch` (unpacked).
pub fn answer<T>(
    searcher: &mut Searcher,
    mut ask: impl FnMut(&Searcher) -> Result<Answer<T>>,
    mut fetch: impl FnMut(&str) -> Result<Vec<u8>>,
) -> Result<T> {
    for _ in 0..MAX_ROUNDS {
        match ask(searcher)? {
            Answer::Ready(answer) => return Ok(answer),
            Answer::Need(names) => {
                for name in names {
                    let bytes = fetch(&name)?;
                    searcher.supply(&name, &bytes)?;
                }
            }
        }
    }
    Err(Error::corrupt("a query kept asking for more files"))
}
