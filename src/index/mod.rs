//! A loaded index: the entry file, and whatever other files of the folder have been handed over
//! so far. The index itself only tells what is here; a question ([`Ask`], `ask.rs`) notes the
//! files its lookups lacked and ends as [`crate::Answer::Need`] with their names; the caller (the
//! page's `engine.js`, or `crate::folder` natively) fetches them, hands them over and asks again.
//! So a query downloads only the chunks its words live in and the letters it shows.

mod ask;
pub use ask::Ask;

use crate::analyze::Word;
use crate::error::{Error, Result};
use crate::format::chunk::{TermChunk, TermEntry};
use crate::format::entry::{Entry, FileRef, Letters};
use crate::format::letter::Letter;
use crate::format::names;
use crate::format::pack::{self, InPack, PACK_LETTERS};
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
        let chunks = entry
            .chunks
            .into_iter()
            .map(|c| {
                let positions_file = match &c.positions {
                    FileRef::Inline(bytes) => Some((String::new(), crate::format::fnv64(bytes))),
                    _ => None,
                };
                Ok(Chunk {
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
                })
            })
            .collect::<Result<Vec<_>>>()?;
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

    /// Every loaded chunk's terms must lie in its range, and its positions must be there.
    fn check_chunks(&self) -> Result<()> {
        for i in 0..self.chunks.len() {
            self.check_chunk(i)?;
        }
        Ok(())
    }

    fn check_chunk(&self, i: usize) -> Result<()> {
        let c = &self.chunks[i];
        let next = self.chunks.get(i + 1).map(|n| n.first.as_str());
        if let Slot::Ready(terms) = &c.terms {
            let inside =
                |t: &TermEntry| t.term >= c.first && next.is_none_or(|n| t.term.as_str() < n);
            if !terms.terms.iter().all(inside) {
                return Err(Error::corrupt("a term chunk holds terms of another"));
            }
            // A query term before the first chunk's first term routes to the first chunk.
            let see_inside = |(from, _): &(String, crate::format::chunk::SeeAlso)| {
                (i == 0 || *from >= c.first) && next.is_none_or(|n| from.as_str() < n)
            };
            if !terms.see_also.iter().all(see_inside) {
                return Err(Error::corrupt(
                    "a term chunk holds see-also entries of another",
                ));
            }
            if c.positions_file
                .as_ref()
                .is_some_and(|(_, h)| *h != terms.positions_hash)
            {
                return Err(Error::corrupt(ANOTHER_BUILD));
            }
            if let Slot::Ready(positions) = &c.positions {
                let end = terms.terms.last().map_or(0, |t| t.positions.end);
                if end != positions.len() {
                    return Err(Error::corrupt("a positions chunk does not fit its terms"));
                }
            }
        }
        Ok(())
    }

    /// Hands over a file the index named (unpacked bytes). A name the index does not know is an
    /// error; a file that is already here is ignored.
    pub fn supply(&mut self, name: &str, bytes: &[u8]) -> Result<()> {
        if self.supplied.contains(name) {
            return Ok(());
        }
        if bytes.len() as u64 > u64::from(self.largest) {
            return Err(Error::corrupt(format!(
                "{} bytes, more than this index's files have ({})",
                bytes.len(),
                self.largest
            ))
            .in_file(name));
        }
        self.load(name, bytes)?;
        self.supplied.add(name.to_string());
        Ok(())
    }

    fn load(&mut self, name: &str, bytes: &[u8]) -> Result<()> {
        let docs = self.docs;
        let wrong = |e: Error| e.in_file(name);
        // A file is what its name says, or it is another build's (copied over, or a server's
        // cache of an earlier index): names are hashes of content (`format::names`), checked
        // once a file has opened as its kind (so damage is still told as damage). A term
        // chunk's name covers its positions too, whose hash it holds; a positions chunk is
        // checked against that hash (`check_chunk`), a letter by its stamp.
        // (Names are compared as the build writes them, not parsed: the wasm has the writing.)
        let own = |kind: &str| {
            if names::own_name(kind, bytes) == name {
                Ok(())
            } else {
                Err(wrong(Error::corrupt(ANOTHER_BUILD)))
            }
        };
        // Files are named by content, so two chunks can share a positions file (both empty, say):
        // it fills every slot that names it.
        let mut chunk_file = false;
        for i in 0..self.chunks.len() {
            let c = &mut self.chunks[i];
            let filled_terms = if matches!(&c.terms, Slot::Missing(n) if n == name) {
                let chunk = TermChunk::decode(bytes, docs).map_err(wrong)?;
                let hash = names::chunk_hash(crate::format::fnv64(bytes), chunk.positions_hash);
                if names::chunk_names(hash).0 != name {
                    return Err(wrong(Error::corrupt(ANOTHER_BUILD)));
                }
                c.terms = Slot::Ready(chunk);
                true
            } else if matches!(&c.positions, Slot::Missing(n) if n == name) {
                let body = crate::format::open(crate::format::FileKind::Positions, bytes);
                c.positions = Slot::Ready(body.map_err(wrong)?.to_vec());
                c.positions_file = Some((name.to_string(), crate::format::fnv64(bytes)));
                false
            } else {
                continue;
            };
            chunk_file = true;
            // Positions that came before their term chunk are checked against it now, and
            // blamed: the term chunk has just proven itself by its name.
            if let (Slot::Ready(terms), Some((earlier, hash))) = (&c.terms, &c.positions_file)
                && *hash != terms.positions_hash
                && filled_terms
            {
                let earlier = earlier.clone();
                c.positions = Slot::Missing(earlier.clone());
                c.positions_file = None;
                self.supplied.remove(earlier.as_str());
                return Err(Error::corrupt(ANOTHER_BUILD).in_file(&earlier));
            }
            if let Err(e) = self.check_chunk(i) {
                // A file that does not fit is not kept: the slot waits for a good one.
                let c = &mut self.chunks[i];
                if filled_terms {
                    c.terms = Slot::Missing(name.to_string());
                } else {
                    c.positions = Slot::Missing(name.to_string());
                    c.positions_file = None;
                }
                return Err(wrong(e));
            }
        }
        if chunk_file {
            return Ok(());
        }
        if matches!(&self.table, Slot::Missing(n) if n == name) {
            let table = table::decode_table(bytes, docs).map_err(wrong)?;
            own("m")?;
            self.table = Slot::Ready(table);
        } else if matches!(&self.ids, Slot::Missing(n) if n == name) {
            let ids = table::decode_ids(bytes, docs).map_err(wrong)?;
            own("i")?;
            self.ids = Slot::Ready(ids);
        } else if matches!(&self.words, Slot::Missing(n) if n == name) {
            let words = words::decode(bytes).map_err(wrong)?;
            own("w")?;
            self.words = Slot::Ready(words);
        } else if let Some(n) = self.letter_number(name) {
            let letter = Letter::decode(bytes).map_err(wrong)?;
            if letter.doc != n {
                return Err(wrong(Error::corrupt("the letter file has another number")));
            }
            if letter.stamp != self.stamp {
                return Err(wrong(Error::corrupt(ANOTHER_BUILD)));
            }
            self.letters.insert(n, Held::new(letter));
        } else {
            return Err(Error::UnknownFile {
                name: name.to_string(),
            });
        }
        Ok(())
    }

    /// `l-…/1.kz#3` -> 67 (the member 3 of pack 1), for a letter of this index not yet loaded.
    fn letter_number(&self, name: &str) -> Option<u32> {
        let rest = name.strip_prefix(self.letter_folder.as_deref()?)?;
        // Split at a character, not a string: a string pattern costs the wasm a substring search.
        let (pack, member) = rest.strip_prefix('/')?.split_once('#')?;
        let (pack, member): (u32, u32) = (
            pack.strip_suffix(".kz")?.parse().ok()?,
            member.parse().ok()?,
        );
        let n = pack.checked_mul(PACK_LETTERS)?.checked_add(member)?;
        let canonical = member < PACK_LETTERS && format!("/{pack}.kz#{member}") == rest;
        (canonical && n < self.docs && !self.letters.contains_key(&n)).then_some(n)
    }

    /// The name a letter is asked for by: its pack's file and its place in it.
    fn letter_name(folder: &str, doc: u32) -> String {
        format!("{folder}/{}.kz#{}", doc / PACK_LETTERS, doc % PACK_LETTERS)
    }

    /// Where the letter a need names is: its pack's file, its member, the pack's letter count;
    /// `None` for any other name. For the callers that fetch files (`folder.rs`, `engine.js`
    /// reads the same from the name and the pack's header).
    pub fn in_pack(&self, name: &str) -> Option<InPack> {
        let (file, _) = name.split_once('#')?;
        let n = self.letter_number(name)?;
        Some(InPack {
            pack: file.to_string(),
            member: (n % PACK_LETTERS) as usize,
            count: pack::count(n / PACK_LETTERS, self.docs),
        })
    }

    /// The caller could not fetch `name`: answer without it (a chunk's terms as none, a letter as
    /// not shown) and say so, rather than fail the whole query.
    pub fn unavailable(&mut self, name: &str) {
        self.unavailable.add(name.to_string());
    }

    /// Asks again for the files that could not be fetched (the next query tries them again).
    pub fn retry(&mut self) {
        self.unavailable.clear();
    }

    pub fn doc_count(&self) -> usize {
        self.docs as usize
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
