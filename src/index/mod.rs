//! A loaded index: the entry file, and whatever other files of the folder have been handed over
//! so far. The index itself only tells what is here; a question ([`Ask`], `ask.rs`) notes the
//! files its lookups lacked and ends as [`crate::Answer::Need`] with their names; the caller (the
//! page's `engine.js`, or `crate::folder` natively) fetches them, hands them over and asks again.
//! So a query downloads only the chunks its words live in and the letters it shows.

mod ask;
mod supply;
pub use ask::Ask;

use crate::analyze::Word;
use crate::error::{Error, Result};
use crate::format::chunk::{TermChunk, TermEntry};
use crate::format::entry::{Entry, FileRef, Letters};
use crate::format::letter::Letter;

use crate::format::postings::Row;
use crate::format::{table, words};
use crate::meta::Meta;
use crate::sorted::{SortedMap, SortedSet};
use std::sync::OnceLock;

/// What a file of another build given under this build's name is told.
const ANOTHER_BUILD: &str = "not the file its name says (a file of another build?)";

/// A file of the folder: here, or known only by name until it is handed over.
enum Slot<T> {
    Ready(T),
    Missing(String),
}

impl<T> Slot<T> {
    /// The file's name while it is not here.
    fn missing(&self) -> Option<&str> {
        match self {
            Slot::Ready(_) => None,
            Slot::Missing(name) => Some(name),
        }
    }

    fn new(
        file: FileRef,
        decode: impl FnOnce(&[u8]) -> Result<T>,
        derive: impl FnOnce() -> T,
    ) -> Result<Self> {
        Ok(match file {
            FileRef::Inline(bytes) => Slot::Ready(decode(&bytes)?),
            FileRef::File(name) => Slot::Missing(name),
            // The entry decoder allows this only when every letter and chunk is inside.
            FileRef::Derived => Slot::Ready(derive()),
        })
    }
}

struct Chunk {
    first: String,
    terms: Slot<TermChunk>,
    positions: Slot<Vec<u8>>,
    /// The positions file's name and FNV-1a 64 as it came, once it is here: its term chunk
    /// holds the hash it must have.
    positions_file: Option<(String, u64)>,
}

/// Where a term's entry is: which chunk, which entry of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermRef {
    chunk: usize,
    entry: usize,
}

pub struct Index {
    docs: u32,
    avg_length: f32,
    /// No file of this index unpacks to more (the entry file says so).
    largest: u32,
    chunks: Vec<Chunk>,
    table: Slot<table::LetterTable>,
    ids: Slot<Vec<String>>,
    words: Slot<Vec<(String, u32)>>,
    /// The folder of letter files, when they are not inside the entry file.
    letter_folder: Option<String>,
    letters: SortedMap<u32, Held>,
    /// The build's stamp, which each of its letters carries.
    stamp: u64,
    /// Names of the files handed over so far: handing one over again is harmless.
    supplied: SortedSet<String>,
    /// Files the caller could not fetch (a 404, a network error): lookups answer without them,
    /// as if empty, and say so, until [`Index::retry`].
    unavailable: SortedSet<String>,
}

/// A letter here, and its words once it has been shown: worked out the first time and kept,
/// since tokenizing a long letter on every query would cost more than the rest of the query.
struct Held {
    letter: Letter,
    words: OnceLock<LetterWords>,
}

impl Held {
    fn new(letter: Letter) -> Held {
        Held {
            letter,
            words: OnceLock::new(),
        }
    }
}

/// A letter's first words (as many as excerpts read) and the terms of the compound parts among
/// them, by position.
pub struct LetterWords {
    pub words: Vec<Word>,
    pub parts: Vec<(u32, String)>,
}

impl Index {
    /// Opens an index from its entry file's bytes (unpacked). See `FORMAT.md`.
    pub fn from_bytes(bytes: &[u8]) -> Result<Index> {
        let entry = Entry::decode(bytes)?;
        let docs = entry.docs;
        let avg_length = if docs == 0 {
            0.0
        } else {
            (entry.total_length as f64 / f64::from(docs)) as f32
        };
        let mut chunks = Vec::with_capacity(entry.chunks.len());
        for c in entry.chunks {
            let positions_file = match &c.positions {
                FileRef::Inline(bytes) => Some((String::new(), crate::format::fnv64(bytes))),
                _ => None,
            };
            chunks.push(Chunk {
                first: c.first,
                positions_file,
                terms: Slot::new(c.terms, |b| TermChunk::decode(b, docs), TermChunk::default)?,
                positions: Slot::new(
                    c.positions,
                    |b| {
                        crate::format::open(crate::format::FileKind::Positions, b)
                            .map(<[u8]>::to_vec)
                    },
                    Vec::new,
                )?,
            });
        }
        let mut letters = SortedMap::new();
        let letter_folder = match entry.letters {
            Letters::Inline(files) => {
                for (n, bytes) in files.iter().enumerate() {
                    let letter = Letter::decode(bytes)?;
                    if letter.doc as usize != n {
                        return Err(Error::corrupt("a letter file has another number"));
                    }
                    if letter.stamp != entry.stamp {
                        return Err(Error::corrupt(ANOTHER_BUILD));
                    }
                    letters.insert(letter.doc, Held::new(letter));
                }
                None
            }
            Letters::Folder(name) => Some(name),
        };
        let in_order = || {
            (0..docs)
                .filter_map(|n| letters.get(&n).map(|h| &h.letter))
                .collect::<Vec<_>>()
        };
        let table = Slot::new(
            entry.table,
            |b| table::decode_table(b, docs),
            || table::LetterTable {
                metas: in_order().iter().map(|l| l.document.meta.clone()).collect(),
                // Every letter is here: its hits are shown whole at once.
                previews: Vec::new(),
            },
        )?;
        let ids = Slot::new(
            entry.ids,
            |b| table::decode_ids(b, docs),
            || in_order().iter().map(|l| l.document.id.clone()).collect(),
        )?;
        let words = Slot::new(entry.words, words::decode, || {
            chunks
                .iter()
                .filter_map(|c| match &c.terms {
                    Slot::Ready(t) => Some(t.terms.iter().map(|t| (t.term.clone(), t.df))),
                    Slot::Missing(_) => None,
                })
                .flatten()
                .collect()
        })?;
        let index = Index {
            docs,
            avg_length,
            largest: entry.largest,
            chunks,
            table,
            ids,
            words,
            letter_folder,
            letters,
            stamp: entry.stamp,
            supplied: Default::default(),
            unavailable: SortedSet::new(),
        };
        index.check_chunks()?;
        Ok(index)
    }

    pub fn doc_count(&self) -> usize {
        self.docs as usize
    }

    /// The files a first query may want whatever its words, not here yet: the letter table (a
    /// query shows its titles as soon as its chunks are here, before its letters), the word list
    /// (a typo's corrections) and the letter folder, named with its `/`, for the directories of
    /// its packs (where the letters lie); one a line, by their names in the index folder (a list
    /// would cost the wasm its own glue). In a small archive a page fetches the directories with
    /// the engine and the rest when a visitor is about to type (`engine.js`: some 35 KB gzip in
    /// all at 1,000 letters); in a larger one, each as a query needs it.
    pub fn opening(&self) -> String {
        let mut names = String::new();
        for name in [self.table.missing(), self.words.missing()]
            .into_iter()
            .flatten()
        {
            names.push_str(name);
            names.push('\n');
        }
        // The letter folder, named with its `/`, stands for its directories (`h0.kz` ...: one
        // per 16 packs of 64 letters, FORMAT.md), which the page reads and the engine never does.
        if let Some(folder) = &self.letter_folder {
            names.push_str(folder);
            names.push_str("/\n");
        }
        names
    }

    /// The most bytes any file of this index but the entry file unpacks to: a reader stops
    /// unpacking past it.
    pub fn largest_file(&self) -> u32 {
        self.largest
    }

    pub fn avg_length(&self) -> f32 {
        self.avg_length
    }

    /// The chunk a term lives in.
    fn route(&self, term: &str) -> usize {
        self.chunks
            .partition_point(|c| c.first.as_str() <= term)
            .saturating_sub(1)
    }

    /// Whether the chunk `term` lives in could not be fetched: whether the index holds `term` is
    /// then unknown, not no.
    pub fn lacks_chunk_of(&self, term: &str) -> bool {
        self.chunks.get(self.route(term)).is_some_and(
            |c| matches!(&c.terms, Slot::Missing(name) if self.unavailable.contains(name)),
        )
    }

    /// The name of the file of the chunk `term` lives in, while it is not loaded.
    #[cfg(test)]
    pub fn missing_chunk_of(&self, term: &str) -> Option<&str> {
        match &self.chunks.get(self.route(term))?.terms {
            Slot::Missing(name) => Some(name),
            Slot::Ready(_) => None,
        }
    }

    pub fn term(&self, r: TermRef) -> &TermEntry {
        match &self.chunks[r.chunk].terms {
            Slot::Ready(c) => &c.terms[r.entry],
            Slot::Missing(_) => unreachable!("a TermRef comes from a loaded chunk"),
        }
    }

    /// The see-also entries of the terms that start with `prefix` and are not `prefix` itself,
    /// from the chunk `prefix` routes to, if it is here (never asks for a file).
    pub fn see_also_extending(
        &self,
        prefix: &str,
    ) -> impl Iterator<Item = &[(String, crate::format::chunk::Why)]> {
        let entries = match self.chunks.get(self.route(prefix)).map(|c| &c.terms) {
            Some(Slot::Ready(terms)) => terms.see_also.as_slice(),
            _ => &[],
        };
        let from = entries.partition_point(|(key, _)| key.as_str() <= prefix);
        entries[from..]
            .iter()
            .take_while(move |(key, _)| key.starts_with(prefix))
            .map(|(_, targets)| targets.as_slice())
    }

    /// The file of the chunk `term` lives in, while it is not here.
    #[cfg(test)]
    pub(crate) fn chunk_name(&self, term: &str) -> Option<String> {
        match &self.chunks.get(self.route(term))?.terms {
            Slot::Missing(name) => Some(name.clone()),
            Slot::Ready(_) => None,
        }
    }

    /// Where `term` is, when its chunk is here (the index only tells; [`Ask::lookup`] asks).
    pub fn lookup(&self, term: &str) -> Option<TermRef> {
        let chunk = self.route(term);
        match &self.chunks.get(chunk)?.terms {
            Slot::Ready(terms) => terms.find(term).map(|entry| TermRef { chunk, entry }),
            Slot::Missing(_) => None,
        }
    }

    /// The rows of a term.
    pub fn rows(&self, r: TermRef) -> Result<Vec<Row>> {
        match &self.chunks[r.chunk].terms {
            Slot::Ready(c) => c.rows(r.entry),
            Slot::Missing(_) => Ok(Vec::new()),
        }
    }

    /// Letter `doc`'s id and title from the letter table, where it is here and keeps them (a
    /// small archive's): its hit can be shown before its file comes.
    pub fn preview(&self, doc: u32) -> Option<(&str, &str)> {
        match &self.table {
            Slot::Ready(t) => t
                .previews
                .get(doc as usize)
                .map(|(id, title)| (id.as_str(), title.as_str())),
            Slot::Missing(_) => None,
        }
    }

    /// Per letter, the metadata filters, facets and sorting read, if the table is here (the
    /// index only tells; [`Ask::table`] asks).
    pub fn table(&self) -> Option<&[Meta]> {
        match &self.table {
            Slot::Ready(t) => Some(&t.metas),
            Slot::Missing(_) => None,
        }
    }
}
