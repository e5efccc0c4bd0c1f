//! The entry file, `kamerzoek.idx`: the only file loaded before the first query. It holds the
//! counts BM25 needs and names every other file: the term chunks by their first term, so a query
//! knows which to fetch. A small index keeps every file inside it instead. See `FORMAT.md`.

use super::chunk::{front_coded, put_front_coded};
use super::{
    FileKind, MAX_FILE_BYTES, MAX_LETTERS, NAME_HASH_BYTES, Reader, finished, put_bytes, put_str,
    put_varint,
};
use crate::error::{Error, Result};
use crate::say::cat;

/// Where a file is: inside the entry file, or beside it under a content-hashed name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileRef {
    Inline(Vec<u8>),
    File(String),
    /// Not stored: a one-file index derives it from the letters and chunks inside it.
    Derived,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChunkRef {
    /// The chunk's first term; a term lives in the last chunk whose first term is not after it.
    pub first: String,
    pub terms: FileRef,
    pub positions: FileRef,
}

impl ChunkRef {
    /// The names of a chunk's two files, from the hash of both their contents.
    pub fn names(hash: u64) -> (String, String) {
        super::names::chunk_names(hash)
    }

    /// The hash both file names share, when they are named so.
    fn hash(&self) -> Option<u64> {
        let (FileRef::File(t), FileRef::File(p)) = (&self.terms, &self.positions) else {
            return None;
        };
        let hex = t.strip_prefix("t-")?.strip_suffix(".kz")?;
        let hash = u64::from_str_radix(hex, 16).ok()?;
        (hex.len() == 2 * NAME_HASH_BYTES && (t.clone(), p.clone()) == Self::names(hash))
            .then_some(hash)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Letters {
    /// Every letter file, by number.
    Inline(Vec<Vec<u8>>),
    /// A folder holding `<number>.kz` for each letter.
    Folder(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub docs: u32,
    /// Words in all letters together: with `docs`, the average length BM25 needs.
    pub total_length: u64,
    /// The largest file of the index but this one, unpacked: a reader unpacks no file past it,
    /// so a crafted file cannot be a gzip bomb.
    pub largest: u32,
    /// The build's stamp, which each of its letters carries (from version 10; 0 before): of
    /// every letter's id and text and the site owner's synonyms.
    pub stamp: u64,
    pub table: FileRef,
    pub ids: FileRef,
    pub words: FileRef,
    pub letters: Letters,
    pub chunks: Vec<ChunkRef>,
}

/// What an entry file names beside itself: its files, and its letter folder with the letter
/// count (the folder holds `<number>.kz` for numbers below it: a pack each from version 7, a
/// letter each before).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub files: Vec<String>,
    pub letters: Option<(String, u32)>,
}

impl Entry {
    pub fn named(&self) -> Named {
        let mut files = Vec::new();
        let refs = [&self.table, &self.ids, &self.words]
            .into_iter()
            .chain(self.chunks.iter().flat_map(|c| [&c.terms, &c.positions]));
        for file in refs {
            if let FileRef::File(name) = file {
                files.push(name.clone());
            }
        }
        files.sort();
        files.dedup();
        let letters = match &self.letters {
            Letters::Folder(name) => Some((name.clone(), self.docs)),
            Letters::Inline(_) => None,
        };
        Named { files, letters }
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        put_varint(&mut out, u64::from(self.docs));
        put_varint(&mut out, self.total_length);
        put_varint(&mut out, u64::from(self.largest));
        out.extend_from_slice(&self.stamp.to_le_bytes());
        for file in [&self.table, &self.ids, &self.words] {
            put_ref(&mut out, file);
        }
        match &self.letters {
            Letters::Inline(files) => {
                out.push(0);
                for f in files {
                    put_bytes(&mut out, f);
                }
            }
            Letters::Folder(name) => {
                out.push(1);
                put_str(&mut out, name);
            }
        }
        put_varint(&mut out, self.chunks.len() as u64);
        let mut previous = "";
        for c in &self.chunks {
            put_front_coded(&mut out, &c.first, previous);
            previous = &c.first;
            match c.hash() {
                // The common case of a split index: both names from one hash, 6 bytes.
                Some(hash) => {
                    out.push(1);
                    out.extend_from_slice(&hash.to_le_bytes()[..NAME_HASH_BYTES]);
                }
                None => {
                    out.push(0);
                    put_ref(&mut out, &c.terms);
                    put_ref(&mut out, &c.positions);
                }
            }
        }
        super::seal(FileKind::Entry, &out)
    }

    pub fn decode(bytes: &[u8]) -> Result<Entry> {
        Self::decode_versions(bytes, super::VERSION..=super::VERSION)
    }

    /// An entry file of any of `versions`. Version 3 had no `largest`; 4 and 5 differ from each
    /// other in the term chunks only.
    pub(crate) fn decode_versions(
        bytes: &[u8],
        versions: std::ops::RangeInclusive<u16>,
    ) -> Result<Entry> {
        let (version, body) = super::open_versions(FileKind::Entry, bytes, versions)?;
        let mut r = Reader::new(body, "the entry file");
        let docs = r.u32()?;
        if docs > MAX_LETTERS {
            return Err(Error::corrupt(cat!(
                docs,
                " letters, more than an index may hold (",
                MAX_LETTERS,
                ")"
            )));
        }
        let total_length = r.varint()?;
        let largest = if version >= 4 {
            r.u32()?
        } else {
            MAX_FILE_BYTES
        };
        if largest > MAX_FILE_BYTES {
            return Err(Error::corrupt(cat!(
                "files of ",
                largest,
                " bytes, more than an index file may have (",
                MAX_FILE_BYTES,
                ")"
            )));
        }
        let stamp = if version >= 10 {
            u64::from_le_bytes(
                r.take(8)?
                    .try_into()
                    .map_err(|_| Error::corrupt("the entry file's stamp"))?,
            )
        } else {
            0
        };
        let table = get_ref(&mut r)?;
        let ids = get_ref(&mut r)?;
        let words = get_ref(&mut r)?;
        let letters = match r.u8()? {
            0 => {
                let mut files = Vec::new();
                for _ in 0..docs {
                    files.push(r.bytes()?.to_vec());
                }
                Letters::Inline(files)
            }
            1 => Letters::Folder(safe_name(r.str()?)?),
            other => return Err(Error::corrupt(cat!("letters stored as ", other))),
        };
        let n = r.count()?;
        let mut chunks: Vec<ChunkRef> = Vec::with_capacity(n);
        for _ in 0..n {
            let first = front_coded(&mut r, chunks.last().map(|c| c.first.as_str()))?;
            let (terms, positions) = match r.u8()? {
                0 => (get_ref(&mut r)?, get_ref(&mut r)?),
                1 => {
                    let mut hash = [0; 8];
                    hash[..NAME_HASH_BYTES].copy_from_slice(r.take(NAME_HASH_BYTES)?);
                    let hash = u64::from_le_bytes(hash);
                    let (t, p) = ChunkRef::names(hash);
                    (FileRef::File(t), FileRef::File(p))
                }
                other => return Err(Error::corrupt(cat!("a chunk stored as ", other))),
            };
            if terms == FileRef::Derived || positions == FileRef::Derived {
                return Err(Error::corrupt("a term chunk must be stored"));
            }
            chunks.push(ChunkRef {
                first,
                terms,
                positions,
            });
        }
        finished(&r, FileKind::Entry)?;
        let inline = |f: &FileRef| matches!(f, FileRef::Inline(_));
        // The table, ids and words are derived from the letters and the terms, never positions.
        let whole =
            matches!(letters, Letters::Inline(_)) && chunks.iter().all(|c| inline(&c.terms));
        if !whole
            && [&table, &ids, &words]
                .iter()
                .any(|f| **f == FileRef::Derived)
        {
            return Err(Error::corrupt("a split index must store every file"));
        }
        Ok(Entry {
            docs,
            total_length,
            largest,
            stamp,
            table,
            ids,
            words,
            letters,
            chunks,
        })
    }
}

fn put_ref(out: &mut Vec<u8>, file: &FileRef) {
    match file {
        FileRef::Inline(bytes) => {
            out.push(0);
            put_bytes(out, bytes);
        }
        FileRef::File(name) => {
            out.push(1);
            put_str(out, name);
        }
        FileRef::Derived => out.push(2),
    }
}

fn get_ref(r: &mut Reader) -> Result<FileRef> {
    match r.u8()? {
        0 => Ok(FileRef::Inline(r.bytes()?.to_vec())),
        1 => Ok(FileRef::File(safe_name(r.str()?)?)),
        2 => Ok(FileRef::Derived),
        other => Err(Error::corrupt(cat!("a file stored as ", other))),
    }
}

/// A file name the loader may fetch: lowercase letters, digits, `-` and `.`, not starting with a
/// dot. Never a path or a URL, so a crafted entry file cannot send the page elsewhere.
fn safe_name(name: &str) -> Result<String> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.');
    if ok {
        Ok(name.to_string())
    } else {
        Err(Error::corrupt(cat!("unsafe file name \"", name, "\"")))
    }
}
