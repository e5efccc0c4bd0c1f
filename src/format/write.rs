//! Letters, analyzed, -> the files of an index folder. The writer takes one letter at a time and
//! keeps, per term, only its encoded rows and positions; at the end it cuts the terms into chunks
//! by size and chooses the layout: a small index goes in one file, a large one in many, each
//! compressed and named by its content. See `FORMAT.md`.

use super::chunk::ChunkWriter;
use super::entry::{ChunkRef, Entry, FileRef, Letters};
use super::letter::Letter;
use super::postings::{MAX_SURFACES, Row, put_positions, put_row};
use super::table::{encode_ids, encode_table};
use super::words::WordsWriter;
use super::{ENTRY_FILE, Kind, fnv64};
use crate::doc::Document;
use crate::meta::Meta;
use flate2::Compression;
use flate2::write::GzEncoder;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;

/// A term chunk is cut once its dictionary and rows reach this many bytes (about 12 KB gzip):
/// small enough that a query fetches little, large enough that the entry file stays short.
pub const CHUNK_BYTES: usize = 40 * 1024;
/// An index whose files together are at most this large goes in one file: one request instead
/// of several, and less than the letters' own files would cost in headers and gzip frames.
pub const SINGLE_FILE_BYTES: usize = 256 * 1024;

/// One letter's occurrences of one term.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Occurrence {
    /// Ascending word positions, as a word of its own and as a part of a compound.
    pub positions: Vec<u32>,
    pub whole: u32,
    pub headed: u32,
    /// How the letter writes the term where it is a word of its own, lowercased.
    pub surfaces: Vec<String>,
}

/// Everything the indexer learned about one letter.
pub struct Analyzed {
    pub doc: Document,
    pub terms: BTreeMap<String, Occurrence>,
    pub extras: Vec<(String, Vec<u32>)>,
}

#[derive(Default)]
struct TermAcc {
    df: u32,
    last_doc: u32,
    surfaces: Vec<String>,
    rows: Vec<u8>,
    positions: Vec<u8>,
}

/// The files of an index folder, each gzip-compressed: the entry file and the others by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub entry: Vec<u8>,
    pub files: Vec<(String, Vec<u8>)>,
}

pub struct Writer {
    chunk_bytes: usize,
    single_file_bytes: usize,
    docs: u32,
    total_length: u64,
    letters: Vec<Vec<u8>>,
    ids: Vec<String>,
    metas: Vec<Meta>,
    terms: HashMap<String, TermAcc>,
}

impl Default for Writer {
    fn default() -> Self {
        Self::with_layout(CHUNK_BYTES, SINGLE_FILE_BYTES)
    }
}

impl Writer {
    pub fn new() -> Self {
        Self::default()
    }

    /// A writer that cuts chunks at `chunk_bytes` and keeps an index of at most
    /// `single_file_bytes` in one file (tests use tiny values to get many files from few letters).
    pub fn with_layout(chunk_bytes: usize, single_file_bytes: usize) -> Self {
        Writer {
            chunk_bytes,
            single_file_bytes,
            docs: 0,
            total_length: 0,
            letters: Vec::new(),
            ids: Vec::new(),
            metas: Vec::new(),
            terms: HashMap::new(),
        }
    }

    pub fn add(&mut self, letter: Analyzed) {
        let number = self.docs;
        self.docs += 1;
        let doc = letter.doc;
        self.total_length += u64::from(doc.length);
        for (term, occ) in letter.terms {
            let acc = self.terms.entry(term).or_default();
            let mut mask = 0u32;
            for s in &occ.surfaces {
                let i = match acc.surfaces.iter().position(|x| x == s) {
                    Some(i) => i,
                    None if acc.surfaces.len() < MAX_SURFACES => {
                        acc.surfaces.push(s.clone());
                        acc.surfaces.len() - 1
                    }
                    None => continue,
                };
                mask |= 1 << i;
            }
            let row = Row {
                doc: number,
                freq: occ.positions.len() as u32,
                whole: occ.whole,
                headed: occ.headed,
                length: doc.length,
                surfaces: mask,
            };
            put_row(&mut acc.rows, &row, acc.last_doc);
            put_positions(&mut acc.positions, &occ.positions);
            acc.last_doc = number;
            acc.df += 1;
        }
        self.ids.push(doc.id.clone());
        self.metas.push(doc.meta.clone());
        let sealed = Letter {
            number,
            doc,
            extras: letter.extras,
        }
        .encode();
        self.letters.push(sealed);
    }

    pub fn finish(self) -> Output {
        let mut terms: Vec<(String, TermAcc)> = self.terms.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut words = WordsWriter::default();
        let mut chunks: Vec<(String, Vec<u8>, Vec<u8>)> = Vec::new();
        let mut chunk = ChunkWriter::default();
        let (mut first, mut positions) = (String::new(), Vec::new());
        for (term, acc) in &terms {
            if chunk.len() >= self.chunk_bytes {
                let done = std::mem::take(&mut chunk).finish();
                let pos = super::seal(Kind::Positions, &std::mem::take(&mut positions));
                chunks.push((std::mem::take(&mut first), done, pos));
            }
            if chunk.is_empty() {
                first = term.clone();
            }
            words.add(term, acc.df);
            chunk.add(term, acc.df, &acc.surfaces, &acc.rows, acc.positions.len());
            positions.extend_from_slice(&acc.positions);
        }
        if !chunk.is_empty() || chunks.is_empty() {
            let pos = super::seal(Kind::Positions, &positions);
            chunks.push((first, chunk.finish(), pos));
        }
        let table = encode_table(&self.metas);
        let ids = encode_ids(self.ids.iter().map(String::as_str));
        let words = words.finish();

        let total: usize = [&table, &ids, &words]
            .iter()
            .map(|f| f.len())
            .chain(chunks.iter().map(|c| c.1.len() + c.2.len()))
            .chain(self.letters.iter().map(Vec::len))
            .sum();
        let mut out = Output {
            entry: Vec::new(),
            files: Vec::new(),
        };
        let single = total <= self.single_file_bytes;
        let mut place = |prefix: &str, bytes: Vec<u8>| -> FileRef {
            if single {
                return FileRef::Inline(bytes);
            }
            let name = format!("{prefix}-{:016x}.kz", fnv64(&bytes));
            out.files.push((name.clone(), gzip(&bytes)));
            FileRef::File(name)
        };
        let entry_chunks = chunks
            .into_iter()
            .map(|(first, terms, positions)| ChunkRef {
                first,
                terms: place("t", terms),
                positions: place("p", positions),
            })
            .collect();
        // One file holds every letter and chunk: the rest is derived from them when loaded.
        let (table, ids, words) = if single {
            (FileRef::Derived, FileRef::Derived, FileRef::Derived)
        } else {
            (place("m", table), place("i", ids), place("w", words))
        };
        let letters = if single {
            Letters::Inline(self.letters)
        } else {
            // One name for the folder, from every letter's bytes: a letter's URL changes when
            // any letter does, so each URL still means one content forever.
            let mut all = Vec::with_capacity(self.letters.len() * 8);
            for l in &self.letters {
                all.extend_from_slice(&fnv64(l).to_le_bytes());
            }
            let folder = format!("l-{:016x}", fnv64(&all));
            for (n, l) in self.letters.iter().enumerate() {
                out.files.push((format!("{folder}/{n}.kz"), gzip(l)));
            }
            Letters::Folder(folder)
        };
        let entry = Entry {
            docs: self.docs,
            total_length: self.total_length,
            table,
            ids,
            words,
            letters,
            chunks: entry_chunks,
        };
        out.entry = gzip(&entry.encode());
        out
    }
}

impl Output {
    /// Every file with its path in the folder, the entry file last.
    pub fn paths(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files
            .iter()
            .map(|(n, b)| (n.as_str(), b.as_slice()))
            .chain(std::iter::once((ENTRY_FILE, self.entry.as_slice())))
    }
}

/// Gzip at the best level, with no name or time in the header: the same bytes give the same file.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::with_capacity(bytes.len() / 3), Compression::best());
    encoder
        .write_all(bytes)
        .expect("writing to memory cannot fail");
    encoder.finish().expect("writing to memory cannot fail")
}
