//! Letters, analyzed, -> the files of an index folder. The writer takes one letter at a time: it
//! writes the letter's file at once and keeps, per term, only its encoded rows and positions,
//! spilling them to runs on disk past a budget, so memory stays bounded. At the end it merges the
//! runs, cuts the terms into chunks by size and chooses the layout: a small index goes in one
//! file, a large one in many, each compressed and named by its content. See `FORMAT.md`.

use super::chunk::ChunkWriter;
use super::entry::{ChunkRef, Entry, FileRef, Letters};
use super::letter::Letter;
use super::postings::{MAX_SURFACES, Row, put_positions, put_row};
use super::spill::{Run, write_run};
use super::table::{encode_ids, encode_table};
use super::words::WordsWriter;
use super::{Kind, fnv64, name_hash};
use crate::doc::Document;
use crate::error::{Error, Result};
use crate::meta::Meta;
use flate2::Compression;
use flate2::write::GzEncoder;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A term chunk is cut once its dictionary and rows reach this many bytes (a median 11 KB gzip at
/// 20,000 letters, whose rows pack densely): small enough that a query fetches little, large
/// enough that the entry file stays short.
pub const CHUNK_BYTES: usize = 12 * 1024;
/// Terms sharing this many first bytes are one family, kept in one chunk where the size allows.
const FAMILY_BYTES: usize = 4;
/// An index whose files together are at most this large goes in one file (but for its positions,
/// which only phrases read): one request instead of several, and less than the letters' own files
/// would cost in headers and gzip frames.
pub const SINGLE_FILE_BYTES: usize = 256 * 1024;
/// Buffered postings past this many bytes go to a run on disk (a folder sink only).
pub const SPILL_BYTES: usize = 128 * 1024 * 1024;

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
    /// Compound parts as (position, start, end): the bytes of the folded word at the position.
    pub parts: Vec<(u32, u32, u32)>,
}

#[derive(Default)]
struct TermAcc {
    df: u32,
    last_doc: u32,
    surfaces: Vec<String>,
    rows: Vec<u8>,
    positions: Vec<u8>,
}

/// The files of an index folder, each gzip-compressed: the entry file, the other files' names,
/// and (when written to memory) their bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub entry: Vec<u8>,
    pub names: Vec<String>,
    pub files: Vec<(String, Vec<u8>)>,
}

/// Where the files go: kept in memory, or written into a folder as they are made.
enum Sink {
    Memory(Vec<(String, Vec<u8>)>),
    /// The index folder, and the work folder inside it for letter files being spooled and
    /// posting runs; made by this writer (a name nothing had), so it is this writer's to remove.
    Folder {
        dir: PathBuf,
        work: PathBuf,
    },
}

impl Sink {
    fn work(&self) -> Option<&Path> {
        match self {
            Sink::Memory(_) => None,
            Sink::Folder { work, .. } => Some(work),
        }
    }
}

impl Sink {
    /// Puts a file; in a folder, notes it in `created` when no file of that name was there (a
    /// name means one content, so one that was there is the same file, of an earlier build).
    fn put(&mut self, name: &str, bytes: Vec<u8>, created: &mut Vec<PathBuf>) -> Result<()> {
        match self {
            Sink::Memory(files) => files.push((name.to_string(), bytes)),
            Sink::Folder { dir, .. } => {
                let target = dir.join(name);
                if !target.exists() {
                    created.push(target.clone());
                }
                write_file(&target, &bytes)?;
            }
        }
        Ok(())
    }
}

/// Writes beside the target and renames: a reader sees the whole file or none.
fn write_file(target: &Path, bytes: &[u8]) -> Result<()> {
    let io = |e| Error::io(target.display(), e);
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let name = target
        .file_name()
        .map_or_else(Default::default, |n| n.to_string_lossy());
    let partial = target.with_file_name(format!(".{name}.partial"));
    let written = std::fs::write(&partial, bytes).and_then(|()| std::fs::rename(&partial, target));
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written.map_err(io)
}

/// The letters' files: in memory while they may still fit in one file, then spooled.
struct Spool {
    held: Vec<Vec<u8>>,
    held_bytes: usize,
    /// Once spooled: each letter's content hash, for the folder's name.
    hashes: Vec<u64>,
    spooled: bool,
}

pub struct Writer {
    chunk_bytes: usize,
    single_file_bytes: usize,
    spill_bytes: usize,
    sink: Sink,
    /// Files and folders this writer made in a folder sink: removed again if the build fails,
    /// so a failed build leaves nothing it cannot account for.
    created: Vec<PathBuf>,
    finished: bool,
    /// The largest file written, unpacked: the entry file states it as a bound for readers.
    largest: usize,
    docs: u32,
    total_length: u64,
    letters: Spool,
    ids: Vec<String>,
    metas: Vec<Meta>,
    terms: HashMap<String, TermAcc>,
    buffered: usize,
    runs: Vec<PathBuf>,
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
            spill_bytes: usize::MAX,
            sink: Sink::Memory(Vec::new()),
            created: Vec::new(),
            finished: false,
            largest: 0,
            docs: 0,
            total_length: 0,
            letters: Spool {
                held: Vec::new(),
                held_bytes: 0,
                hashes: Vec::new(),
                spooled: false,
            },
            ids: Vec::new(),
            metas: Vec::new(),
            terms: HashMap::new(),
            buffered: 0,
            runs: Vec::new(),
        }
    }

    /// Writes the files into `dir` as they are made, with postings past `spill_bytes` spilled to
    /// runs; the entry file is left to the caller, to put in place last. The work folder is made
    /// now, under a name nothing in `dir` has, so removing it later removes nothing else.
    pub fn into_folder(mut self, dir: &Path, spill_bytes: usize) -> Result<Self> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir.display(), e))?;
        let pid = std::process::id();
        let mut attempt = 0;
        let work = loop {
            let work = dir.join(format!(".kamerzoek-build-{pid}-{attempt}"));
            match std::fs::create_dir(&work) {
                Ok(()) => break work,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                    attempt += 1;
                }
                Err(e) => return Err(Error::io(work.display(), e)),
            }
        };
        self.sink = Sink::Folder {
            dir: dir.to_path_buf(),
            work,
        };
        self.spill_bytes = spill_bytes;
        Ok(self)
    }

    /// Puts a file where it goes, noting its size.
    fn put(&mut self, name: &str, bytes: &[u8]) -> Result<()> {
        self.largest = self.largest.max(bytes.len());
        self.sink.put(name, gzip(bytes), &mut self.created)
    }

    pub fn add(&mut self, letter: Analyzed) -> Result<()> {
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
            let before = acc.rows.len() + acc.positions.len();
            put_row(&mut acc.rows, &row, acc.last_doc);
            put_positions(&mut acc.positions, &occ.positions);
            self.buffered += acc.rows.len() + acc.positions.len() - before;
            acc.last_doc = number;
            acc.df += 1;
        }
        self.ids.push(doc.id.clone());
        self.metas.push(doc.meta.clone());
        let sealed = Letter {
            number,
            doc,
            extras: letter.extras,
            parts: letter.parts,
            words: Default::default(),
        }
        .encode();
        self.keep_letter(sealed)?;
        if self.buffered > self.spill_bytes {
            self.spill()?;
        }
        Ok(())
    }

    /// Holds a letter's file while the index may fit in one file; past that, writes them all.
    fn keep_letter(&mut self, sealed: Vec<u8>) -> Result<()> {
        let l = &mut self.letters;
        if !l.spooled {
            l.held_bytes += sealed.len();
            l.held.push(sealed);
            if l.held_bytes <= self.single_file_bytes {
                return Ok(());
            }
            l.spooled = true;
            let held = std::mem::take(&mut l.held);
            for (n, bytes) in held.into_iter().enumerate() {
                self.spool_letter(n, &bytes)?;
            }
            return Ok(());
        }
        self.spool_letter(self.docs as usize - 1, &sealed)
    }

    fn spool_letter(&mut self, n: usize, sealed: &[u8]) -> Result<()> {
        self.letters.hashes.push(fnv64(sealed));
        let name = format!("{SPOOL}/{n}.kz");
        match self.sink.work() {
            Some(work) => {
                self.largest = self.largest.max(sealed.len());
                write_file(&work.join(&name), &gzip(sealed))
            }
            None => self.put(&name, sealed),
        }
    }

    /// Writes the buffered postings to a run and empties the buffers.
    fn spill(&mut self) -> Result<()> {
        let Some(work) = self.sink.work() else {
            return Ok(());
        };
        let path = work.join(format!("run-{}", self.runs.len()));
        let mut terms: Vec<(&String, &TermAcc)> = self
            .terms
            .iter()
            .filter(|(_, a)| !a.rows.is_empty())
            .collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(b.0));
        std::fs::create_dir_all(work).map_err(|e| Error::io(work.display(), e))?;
        write_run(
            &path,
            terms
                .into_iter()
                .map(|(t, a)| (t.as_str(), a.rows.as_slice(), a.positions.as_slice())),
        )
        .map_err(|e| Error::io(path.display(), e))?;
        for acc in self.terms.values_mut() {
            acc.rows = Vec::new();
            acc.positions = Vec::new();
        }
        self.buffered = 0;
        self.runs.push(path);
        Ok(())
    }

    pub fn finish(mut self) -> Result<Output> {
        let output = self.write_all()?;
        self.finished = true;
        Ok(output)
    }

    fn write_all(&mut self) -> Result<Output> {
        let mut terms: Vec<(String, TermAcc)> =
            std::mem::take(&mut self.terms).into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut runs = Vec::with_capacity(self.runs.len());
        for path in &self.runs {
            runs.push(Run::open(path).map_err(|e| Error::io(path.display(), e))?);
        }
        let mut words = WordsWriter::default();
        // Chunks are held only while the index may still fit in one file; past that, each is
        // written as it is cut, so the postings are never all in memory at once.
        let held: usize = self.letters.held.iter().map(Vec::len).sum();
        let mut split = self.letters.spooled;
        let mut pending: Vec<(String, Vec<u8>, Vec<u8>)> = Vec::new();
        let mut pending_bytes = held;
        let mut names = Vec::new();
        let mut entry_chunks = Vec::new();
        let mut chunk = ChunkWriter::default();
        let (mut first, mut positions) = (String::new(), Vec::new());
        let mut rows = Vec::new();
        for (term, acc) in terms {
            if self.cut_before(&chunk, &term) {
                let done = std::mem::take(&mut chunk).finish();
                let pos = super::seal(Kind::Positions, &std::mem::take(&mut positions));
                pending_bytes += done.len() + pos.len();
                pending.push((std::mem::take(&mut first), done, pos));
                split |= pending_bytes > self.single_file_bytes;
                if split {
                    for (first, terms, positions) in pending.drain(..) {
                        let written = self.put_chunk(first, terms, positions, &mut names)?;
                        entry_chunks.push(written);
                    }
                }
            }
            if chunk.is_empty() {
                first = term.clone();
            }
            // The term's rows and positions: from each run in order, then what is buffered.
            rows.clear();
            let start = positions.len();
            for run in &mut runs {
                let taken = run.take(&term).map_err(|e| Error::io("a posting run", e))?;
                if let Some((r, p)) = taken {
                    rows.extend_from_slice(&r);
                    positions.extend_from_slice(&p);
                }
            }
            rows.extend_from_slice(&acc.rows);
            positions.extend_from_slice(&acc.positions);
            words.add(&term, acc.df);
            chunk.add(&term, acc.df, &acc.surfaces, &rows, positions.len() - start);
        }
        if !chunk.is_empty() || (pending.is_empty() && entry_chunks.is_empty()) {
            let pos = super::seal(Kind::Positions, &positions);
            pending_bytes += chunk.len() + pos.len();
            pending.push((first, chunk.finish(), pos));
        }
        let table = encode_table(&self.metas);
        let ids = encode_ids(self.ids.iter().map(String::as_str));
        let words = words.finish();
        let single = !split
            && pending_bytes + table.len() + ids.len() + words.len() <= self.single_file_bytes;
        for (first, terms, positions) in pending {
            entry_chunks.push(if single {
                // Only phrases read positions: even a one-file index keeps them beside it (a
                // fifth of the five letters' index), unless there are none.
                let positions = if super::open(Kind::Positions, &positions)?.is_empty() {
                    FileRef::Inline(positions)
                } else {
                    let name = format!("p-{:012x}.kz", name_hash(&positions));
                    self.put(&name, &positions)?;
                    names.push(name.clone());
                    FileRef::File(name)
                };
                ChunkRef {
                    first,
                    terms: FileRef::Inline(terms),
                    positions,
                }
            } else {
                self.put_chunk(first, terms, positions, &mut names)?
            });
        }
        let mut place = |writer: &mut Self, prefix: &str, bytes: Vec<u8>| -> Result<FileRef> {
            let name = format!("{prefix}-{:012x}.kz", name_hash(&bytes));
            writer.put(&name, &bytes)?;
            names.push(name.clone());
            Ok(FileRef::File(name))
        };
        // One file holds every letter and chunk: the rest is derived from them when loaded.
        let (table, ids, words) = if single {
            (FileRef::Derived, FileRef::Derived, FileRef::Derived)
        } else {
            (
                place(self, "m", table)?,
                place(self, "i", ids)?,
                place(self, "w", words)?,
            )
        };
        let letters = if single {
            Letters::Inline(std::mem::take(&mut self.letters.held))
        } else {
            Letters::Folder(self.letter_folder(&mut names)?)
        };
        let entry = Entry {
            docs: self.docs,
            total_length: self.total_length,
            largest: u32::try_from(self.largest).unwrap_or(u32::MAX),
            table,
            ids,
            words,
            letters,
            chunks: entry_chunks,
        };
        Ok(Output {
            entry: gzip(&entry.encode()),
            names,
            files: match &mut self.sink {
                Sink::Memory(files) => std::mem::take(files),
                Sink::Folder { .. } => Vec::new(),
            },
        })
    }

    /// Whether the chunk ends before `next`: once it reaches the target size, at a term that
    /// starts a new family (shares fewer than [`FAMILY_BYTES`] with the last), so a word and its
    /// compounds (`luchtverdedig`, `luchtverdedigingssystem`) land in one chunk and a prefix query
    /// fetches one file; at twice the size, wherever it is.
    fn cut_before(&self, chunk: &ChunkWriter, next: &str) -> bool {
        let len = chunk.len();
        if len >= 2 * self.chunk_bytes {
            return true;
        }
        let shared = chunk
            .last()
            .bytes()
            .zip(next.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        len >= self.chunk_bytes && shared < FAMILY_BYTES
    }

    /// Writes a chunk's two files, named from one hash of both: the entry file stores 6 bytes a
    /// chunk.
    fn put_chunk(
        &mut self,
        first: String,
        terms: Vec<u8>,
        positions: Vec<u8>,
        names: &mut Vec<String>,
    ) -> Result<ChunkRef> {
        let both: Vec<u8> = [fnv64(&terms), fnv64(&positions)]
            .iter()
            .flat_map(|h| h.to_le_bytes())
            .collect();
        let (t, p) = ChunkRef::names(name_hash(&both));
        self.put(&t, &terms)?;
        self.put(&p, &positions)?;
        names.extend([t.clone(), p.clone()]);
        Ok(ChunkRef {
            first,
            terms: FileRef::File(t),
            positions: FileRef::File(p),
        })
    }

    /// Names the letters' folder by their content and puts the spooled files there.
    fn letter_folder(&mut self, names: &mut Vec<String>) -> Result<String> {
        // Spooled past the one-file size only if they were many; a split index of few letters
        // (tests, tiny layouts) spools them now.
        if !self.letters.spooled {
            self.letters.spooled = true;
            let held = std::mem::take(&mut self.letters.held);
            for (n, bytes) in held.into_iter().enumerate() {
                self.spool_letter(n, &bytes)?;
            }
        }
        // One name for the folder, from every letter's bytes: a letter's URL changes when any
        // letter does, so each URL still means one content forever.
        let all: Vec<u8> = self
            .letters
            .hashes
            .iter()
            .flat_map(|h| h.to_le_bytes())
            .collect();
        let folder = format!("l-{:012x}", name_hash(&all));
        match &mut self.sink {
            Sink::Memory(files) => {
                for (name, _) in files.iter_mut() {
                    if let Some(rest) = name.strip_prefix(SPOOL) {
                        *name = format!("{folder}{rest}");
                    }
                }
            }
            Sink::Folder { dir, work } => {
                let (from, to) = (work.join(SPOOL), dir.join(&folder));
                if to.exists() {
                    // The same letters as a build before: the same files. The spool is in the
                    // work folder, removed with it.
                } else {
                    std::fs::rename(&from, &to).map_err(|e| Error::io(to.display(), e))?;
                    self.created.push(to);
                }
            }
        }
        names.push(folder.clone());
        Ok(folder)
    }
}

impl Drop for Writer {
    /// The work folder goes, whether the build finished or failed: spooled letters were moved out
    /// of it, and runs are done with either way. A failed build also takes back the files it made.
    fn drop(&mut self) {
        if let Some(work) = self.sink.work() {
            let _ = std::fs::remove_dir_all(work);
        }
        if !self.finished {
            for path in self.created.drain(..).rev() {
                let _ = if path.is_dir() {
                    std::fs::remove_dir_all(&path)
                } else {
                    std::fs::remove_file(&path)
                };
            }
        }
    }
}

/// Where letter files wait until the folder's name is known.
const SPOOL: &str = "letters";

/// Gzip at the best level, with no name or time in the header: the same bytes give the same file.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::with_capacity(bytes.len() / 3), Compression::best());
    encoder
        .write_all(bytes)
        .expect("writing to memory cannot fail");
    encoder.finish().expect("writing to memory cannot fail")
}
