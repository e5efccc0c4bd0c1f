//! An index folder on disk, for the command line and the tests: opens the entry file and answers
//! each [`Answer::Need`] by reading the named files, as the page's `engine.js` does over HTTP.

use crate::error::{Error, Result};
use crate::format::{ENTRY_FILE, MAX_ENTRY_BYTES};
use crate::index::Index;
use crate::{Answer, Searcher};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Each round loads at least one new file; a query needs at most: the chunks of its words, their
/// positions, the table, the word list, then the letters shown. More rounds mean a broken index.
const MAX_ROUNDS: usize = 16;

pub struct Folder {
    dir: PathBuf,
}

impl Folder {
    pub fn new(dir: &Path) -> Self {
        Folder {
            dir: dir.to_path_buf(),
        }
    }

    /// Opens the index: its entry file only.
    pub fn open(&self) -> Result<Index> {
        let path = self.dir.join(ENTRY_FILE);
        let bytes = self.read(&path, MAX_ENTRY_BYTES)?;
        Index::from_bytes(&bytes).map_err(|e| e.in_file(path.display()))
    }

    /// Runs `ask` until it stops needing files, handing them over from the folder.
    pub fn answer<T>(
        &self,
        searcher: &mut Searcher,
        ask: impl FnMut(&Searcher) -> Result<Answer<T>>,
    ) -> Result<T> {
        // The entry file states how large its other files are: nothing unpacks past that.
        let limit = searcher.index().largest_file();
        answer(searcher, ask, |name| self.read(&self.dir.join(name), limit))
    }

    fn read(&self, path: &Path, limit: u32) -> Result<Vec<u8>> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path.display(), e))?;
        gunzip(&bytes, u64::from(limit)).map_err(|e| e.in_file(path.display()))
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
