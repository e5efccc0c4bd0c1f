//! An index folder on disk, for the command line and the tests: opens the entry file and answers
//! each [`Answer::Need`] by reading the named files from the folder's [`Store`], as the page's
//! `engine.js` does over HTTP.

use crate::error::{Error, Result};
use crate::format::store::{Store, gunzip};
use crate::format::{ENTRY_FILE, MAX_ENTRY_BYTES, pack};
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
        Index::from_bytes(&bytes).map_err(|e| self.store.located(ENTRY_FILE, e))
    }

    /// Runs `ask` until it stops needing files, handing them over from the folder.
    pub fn answer<T>(
        &self,
        searcher: &mut Searcher,
        ask: impl FnMut(&Searcher) -> Result<Answer<T>>,
    ) -> Result<T> {
        answer(searcher, ask, |name| self.store.get_stored(name))
    }
}

/// Runs `ask` until it stops needing files, handing over each from `fetch`, which gives a file's
/// bytes as a server would: stored (gzip-compressed; unpacked here, never past the size the
/// entry file states) or already unpacked. A letter comes out of its pack (`format::pack`).
pub fn answer<T>(
    searcher: &mut Searcher,
    mut ask: impl FnMut(&Searcher) -> Result<Answer<T>>,
    mut fetch: impl FnMut(&str) -> Result<Vec<u8>>,
) -> Result<T> {
    let limit = u64::from(searcher.index().largest_file());
    for _ in 0..MAX_ROUNDS {
        match ask(searcher)? {
            Answer::Ready { value, .. } => return Ok(value),
            // From disk, a prefetch gains nothing: every file comes at once when asked.
            Answer::Need { files, .. } => {
                for name in files {
                    let stored = match searcher.index().in_pack(&name) {
                        Some(at) => {
                            let bytes = fetch(&at.pack)?;
                            member(&bytes, at.member, at.count).map_err(|e| e.in_file(&at.pack))?
                        }
                        None => fetch(&name)?,
                    };
                    let bytes = gunzip(&stored, limit).map_err(|e| e.in_file(&name))?;
                    searcher.supply(&name, &bytes)?;
                }
            }
        }
    }
    Err(Error::corrupt("a query kept asking for more files"))
}

/// Member `member` of a pack of `count` letters.
fn member(pack: &[u8], member: usize, count: u32) -> Result<Vec<u8>> {
    let ranges = pack::members(pack, count)?;
    let range = ranges
        .get(member)
        .ok_or_else(|| Error::corrupt("no such letter in its pack"))?;
    pack.get(range.clone())
        .map(<[u8]>::to_vec)
        .ok_or(Error::Truncated {
            what: "a letter pack",
        })
}
