//! Letters, analyzed, -> the files of an index folder. The writer takes one letter at a time: it
//! encodes the letter's file at once and hands its terms to the [`Postings`] buffer, which
//! spills past a budget, so memory stays bounded. At the end it walks the terms in order, cuts
//! them into chunks where the [`Layout`] says, and puts every file into the [`Store`]: a small
//! index in one file, a large one in many, each named by its content. See `FORMAT.md`.

use super::meetings::Meetings;
use super::postings::{Occurrence, Postings};
use super::related::{self, Related};
use super::see_also::Learned;
use crate::doc::Document;
use crate::error::{Error, Result};
use crate::format::chunk::ChunkWriter;
use crate::format::entry::{ChunkRef, Entry, FileRef, Letters};
use crate::format::layout::Layout;
use crate::format::letter::Letter;
use crate::format::pack::{self, PACK_LETTERS};
use crate::format::store::{Store, gunzip, gzip, write_beside};
use crate::format::table::{TableBuilder, encode_ids};
use crate::format::words::WordsWriter;
use crate::format::{FileKind, fnv64, fnv64_on, name_hash};
use crate::meta::Link;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Buffered postings past this many bytes go to a run on disk (a folder build only).
pub const SPILL_BYTES: usize = 64 * 1024 * 1024;

/// Everything the indexer learned about one letter.
#[derive(Clone)]
pub struct Analyzed {
    pub document: Document,
    pub terms: BTreeMap<String, Occurrence>,
    pub extras: Vec<(String, Vec<u32>)>,
    /// Compound parts as (position, start, end): the bytes of the folded word at the position.
    pub parts: Vec<(u32, u32, u32)>,
    /// The see-also table's target phrases that stand in the letter (`see_also::Phrases`).
    pub phrases: Vec<String>,
}

/// The files of an index folder, each gzip-compressed: the entry file, the other files' names,
/// and (when written to memory) their bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub entry: Vec<u8>,
    pub names: Vec<String>,
    pub files: Vec<(String, Vec<u8>)>,
    pub see_also: SeeAlsoSize,
    /// What the letters name of one another.
    pub links: Links,
}

/// Letters that name others of their meeting, that name related letters, and the bytes the
/// names take in the letter files (before compression).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Links {
    pub same_meeting: usize,
    pub related: usize,
    pub bytes: usize,
}

/// The see-also table's size, for the build to print: it rides in the term chunks, so a query
/// downloads the part of it its words' chunks hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeeAlsoSize {
    pub entries: usize,
    /// Its bytes in the chunks, and gzip of them together.
    pub raw: usize,
    pub gzip: usize,
    /// Acronyms the letters define (pairs of acronym and long form).
    pub acronyms: usize,
}

/// The letters' files: in memory while they may still fit in one file, then spooled.
#[derive(Default)]
struct Spool {
    held: Vec<Vec<u8>>,
    held_bytes: usize,
    /// Once spooled: each letter's content hash, for the folder's name.
    hashes: Vec<u64>,
    spooled: bool,
}

/// Where letter files wait until the folder's name is known.
const SPOOL: &str = "letters";
/// Where the packs of the spooled letters are made, then moved into place as the letter folder.
const PACKS: &str = "packs";

pub struct Writer {
    layout: Layout,
    store: Store,
    /// In a folder build: the work folder for spooled letter files and posting runs, made by
    /// this writer under a name nothing had, so it is this writer's to remove.
    work: Option<PathBuf>,
    postings: Postings,
    finished: bool,
    /// The largest file written, unpacked: the entry file states it as a bound for readers.
    largest: usize,
    docs: u32,
    total_length: u64,
    letters: Spool,
    ids: Vec<String>,
    /// What the letter table keeps of each letter so far.
    table: TableBuilder,
    /// Each letter's meeting, to find the letters of one meeting at the end.
    meetings: Meetings,
    learned: Learned,
    /// The stamp the entry file and every letter carry (`stamp`).
    stamp: u64,
}

impl Default for Writer {
    fn default() -> Self {
        Self::with_layout(Layout::default())
    }
}

/// The start of a build's work folder's name, `<prefix><pid>-<n>`: a build that finds one left
/// by a killed build removes it (`src/cli/lock.rs`).
pub const WORK_FOLDER: &str = ".kamerzoek-build-";
/// The file a build writes into its work folder first, and its content: a folder of the work
/// folder's name without it is not a build's, and is never removed.
pub const WORK_MARK: (&str, &[u8]) = ("kamerzoek-work", b"the work folder of a kamerzoek build\n");

impl Writer {
    pub fn new() -> Self {
        Self::default()
    }

    /// A writer into memory with this layout (tests use tiny values to get many files from few
    /// letters).
    pub fn with_layout(layout: Layout) -> Self {
        Writer {
            layout,
            store: Store::memory(),
            work: None,
            postings: Postings::in_memory(),
            finished: false,
            largest: 0,
            docs: 0,
            total_length: 0,
            letters: Spool::default(),
            ids: Vec::new(),
            table: TableBuilder::default(),
            meetings: Meetings::default(),
            learned: Learned::default(),
            stamp: 0,
        }
    }

    /// Sets the build's stamp from `letters`, a hash of every letter's id and text in order
    /// (`fnv64_on` of their hashes), before the first letter is added: with the site owner's
    /// synonyms and the format's version it tells this build's letters from another's, so the
    /// same letters always get the same stamp (a rebuild gives the same bytes) and other letters
    /// another.
    pub fn stamp(&mut self, letters: u64) {
        let mut stamp = fnv64_on(letters, &crate::format::VERSION.to_le_bytes());
        for group in &self.learned.synonyms {
            for term in group {
                stamp = fnv64_on(stamp, term.as_bytes());
                stamp = fnv64_on(stamp, &[0]);
            }
            stamp = fnv64_on(stamp, &[1]);
        }
        self.stamp = stamp;
    }

    /// Writes the files into `dir` as they are made, with postings past `spill_bytes` spilled to
    /// runs; the entry file is left to the caller, to put in place last. The work folder is made
    /// now, under a name nothing in `dir` has, so removing it later removes nothing else.
    pub fn into_folder(mut self, dir: &Path, spill_bytes: usize) -> Result<Self> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir.display(), e))?;
        let pid = std::process::id();
        let mut attempt = 0;
        let work = loop {
            let work = dir.join(format!("{WORK_FOLDER}{pid}-{attempt}"));
            match std::fs::create_dir(&work) {
                Ok(()) => {
                    let (name, mark) = WORK_MARK;
                    if let Err(e) = std::fs::write(work.join(name), mark) {
                        let _ = std::fs::remove_dir_all(&work);
                        return Err(Error::io(work.display(), e));
                    }
                    break work;
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                    attempt += 1;
                }
                Err(e) => return Err(Error::io(work.display(), e)),
            }
        };
        self.store = Store::folder(dir);
        self.postings = Postings::spilling(work.clone(), spill_bytes);
        self.work = Some(work);
        Ok(self)
    }

    /// The site owner's synonyms (groups of query phrases), for the see-also table.
    pub fn with_synonyms(mut self, groups: Vec<Vec<String>>) -> Self {
        self.learned.synonyms = groups;
        self
    }

    /// What the see-also table is made of so far: the pipeline adds the letters' acronyms before
    /// it analyzes them, so each letter is searched for their long forms.
    pub fn learned(&mut self) -> &mut Learned {
        &mut self.learned
    }

    /// Puts a file where it goes, noting its size.
    fn put(&mut self, name: &str, bytes: &[u8]) -> Result<()> {
        self.largest = self.largest.max(bytes.len());
        self.store.put(name, bytes)
    }

    pub fn add(&mut self, letter: Analyzed) -> Result<()> {
        let doc = self.docs;
        if doc == 0 {
            // What the letters define is learned before the first letter is added.
            self.postings.watch(super::see_also::asked(&self.learned));
        }
        self.docs += 1;
        let document = letter.document;
        for phrase in letter.phrases {
            *self.learned.phrases.entry(phrase).or_default() += 1;
        }
        self.total_length += u64::from(document.length);
        self.postings.add(doc, document.length, letter.terms)?;
        self.ids.push(document.id.clone());
        self.table.add(&document.meta, &document.title);
        self.meetings.add(&document.meta);
        let sealed = Letter {
            doc,
            stamp: self.stamp,
            document,
            extras: letter.extras,
            parts: letter.parts,
        }
        .encode();
        self.keep_letter(sealed)
    }

    /// Holds a letter's file while the index may fit in one file; past that, writes them all.
    fn keep_letter(&mut self, sealed: Vec<u8>) -> Result<()> {
        let l = &mut self.letters;
        if !l.spooled {
            l.held_bytes += sealed.len();
            l.held.push(sealed);
            if self.layout.fits_one_file(l.held_bytes) {
                return Ok(());
            }
            return self.spool_held();
        }
        self.spool_letter(self.docs as usize - 1, &sealed)
    }

    /// Spools every letter held so far.
    fn spool_held(&mut self) -> Result<()> {
        self.letters.spooled = true;
        let held = std::mem::take(&mut self.letters.held);
        for (n, bytes) in held.into_iter().enumerate() {
            self.spool_letter(n, &bytes)?;
        }
        Ok(())
    }

    fn spool_letter(&mut self, n: usize, sealed: &[u8]) -> Result<()> {
        self.letters.hashes.push(fnv64(sealed));
        let name = format!("{SPOOL}/{n}.kz");
        match &self.work {
            Some(work) => {
                self.largest = self.largest.max(sealed.len());
                write_beside(&work.join(&name), &gzip(sealed))
            }
            None => self.put(&name, sealed),
        }
    }

    pub fn finish(mut self) -> Result<Output> {
        let output = self.write_all()?;
        self.finished = true;
        Ok(output)
    }

    fn write_all(&mut self) -> Result<Output> {
        let mut related = Related::new(self.docs, self.total_length);
        // The see-also table, cut along the chunks as the terms are: an entry goes to the chunk
        // whose range holds it.
        let table = super::see_also::table(|t| self.postings.has(t), &self.learned);
        let entries = table.len();
        // The table's bytes as the chunks store them, for the build to print its size.
        let mut see_bytes = Vec::new();
        let mut see = table.into_iter().peekable();
        let mut terms =
            std::mem::replace(&mut self.postings, Postings::in_memory()).into_terms()?;
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
        while let Some(t) = terms.next_term()? {
            while let Some((from, to)) = see.next_if(|(from, _)| *from < t.term) {
                chunk.add_see_also(&from, &to);
            }
            if self.layout.cut_before(chunk.len(), chunk.last(), &t.term) {
                see_bytes.extend_from_slice(chunk.see_also_bytes());
                let pos = crate::format::seal(FileKind::Positions, &std::mem::take(&mut positions));
                let done = std::mem::take(&mut chunk).finish(fnv64(&pos));
                pending_bytes += done.len() + pos.len();
                pending.push((std::mem::take(&mut first), done, pos));
                split |= !self.layout.fits_one_file(pending_bytes);
                if split {
                    for (first, terms, positions) in pending.drain(..) {
                        let written = self.put_chunk(first, terms, positions, &mut names)?;
                        entry_chunks.push(written);
                    }
                }
            }
            if chunk.is_empty() {
                first = t.term.clone();
            }
            positions.extend_from_slice(&t.positions);
            if related.wants(t.df) {
                // Read back as a reader reads them: stored column by column.
                let stored = crate::format::postings::columns(&t.rows, t.df as usize);
                let rows = crate::format::postings::rows(
                    &stored,
                    t.df as usize,
                    self.docs,
                    t.surfaces.len(),
                )?;
                related.add_term(t.df, &rows);
            }
            words.add(&t.term, t.df);
            chunk.add(&t.term, t.df, &t.surfaces, &t.rows, t.positions.len());
        }
        for (from, to) in see {
            chunk.add_see_also(&from, &to);
        }
        if !chunk.is_empty() || (pending.is_empty() && entry_chunks.is_empty()) {
            let pos = crate::format::seal(FileKind::Positions, &positions);
            pending_bytes += chunk.len() + pos.len();
            see_bytes.extend_from_slice(chunk.see_also_bytes());
            pending.push((first, chunk.finish(fnv64(&pos)), pos));
        }
        // The postings' merge is done: its buffers go before the letters are linked.
        drop(terms);
        let linked = self.link_letters(related.finish())?;
        // Held letters grew by the letters they name: the one-file size counts it.
        if !self.letters.spooled {
            pending_bytes += linked.bytes;
        }
        let titles = self.table.titles_bytes(&self.ids);
        let table = std::mem::take(&mut self.table).finish(&self.ids);
        let ids = encode_ids(self.ids.iter().map(String::as_str));
        let words = words.finish();
        let single = !split
            && self
                .layout
                .fits_one_file(pending_bytes + table.len() - titles + ids.len() + words.len());
        for (first, terms, positions) in pending {
            entry_chunks.push(if single {
                // Only phrases read positions: even a one-file index keeps them beside it (a
                // fifth of the five letters' index), unless there are none.
                let positions = if crate::format::open(FileKind::Positions, &positions)?.is_empty()
                {
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
            stamp: self.stamp,
            table,
            ids,
            words,
            letters,
            chunks: entry_chunks,
        };
        let store = std::mem::replace(&mut self.store, Store::memory());
        let files = match store {
            Store::Memory(files) => files,
            folder => {
                // Kept for taking back if the caller's last step fails before `finish` returns.
                self.store = folder;
                Vec::new()
            }
        };
        Ok(Output {
            entry: gzip(&entry.encode()),
            names,
            files,
            see_also: SeeAlsoSize {
                entries,
                raw: see_bytes.len(),
                gzip: gzip(&see_bytes).len(),
                acronyms: self.learned.acronyms.len(),
            },
            links: linked,
        })
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
        let hash = crate::format::names::chunk_hash(fnv64(&terms), fnv64(&positions));
        let (t, p) = ChunkRef::names(hash);
        self.put(&t, &terms)?;
        self.put(&p, &positions)?;
        names.extend([t.clone(), p.clone()]);
        Ok(ChunkRef {
            first,
            terms: FileRef::File(t),
            positions: FileRef::File(p),
        })
    }

    /// Writes into each letter the others of its meeting (see `meetings`) and its related
    /// letters (`related`, from [`Related::finish`]): each letter is read back from where it
    /// waits, and sealed again. Returns the letters that name others of their meeting, and the
    /// bytes all the names take.
    fn link_letters(&mut self, related: Vec<u32>) -> Result<Links> {
        let meetings = std::mem::take(&mut self.meetings);
        let mut same = meetings
            .links(&self.ids, |n| self.table.about(n))
            .into_iter()
            .peekable();
        // The titles of the letters some letter names as related, end to end in one string
        // (a letter's title is `text[at[n]..at[n + 1]]`): a few bytes a letter, not a String.
        let mut named = vec![false; self.docs as usize];
        for n in 0..self.docs as usize {
            for other in related::of(&related, n) {
                named[other as usize] = true;
            }
        }
        let (mut text, mut at) = (String::new(), vec![0u32]);
        for (n, &named) in named.iter().enumerate() {
            if named {
                text.push_str(&crate::format::letter::title_of(&self.waiting_letter(n)?)?);
            }
            at.push(text.len() as u32);
        }
        let title = |n: usize| Some(text[at[n] as usize..at[n + 1] as usize].to_string());
        let mut links = Links::default();
        for n in 0..self.docs as usize {
            let meeting = same.next_if(|(m, _)| *m as usize == n).map(|(_, l)| l);
            let near: Vec<Link> = related::of(&related, n)
                .map(|other| {
                    let (kind, date) = self.table.about(other as usize);
                    Link {
                        id: self.ids[other as usize].clone(),
                        kind,
                        date,
                        title: title(other as usize),
                    }
                })
                .collect();
            if meeting.is_none() && near.is_empty() {
                continue;
            }
            let waiting = self.waiting_letter(n)?;
            let mut letter = Letter::decode(&waiting)?;
            if let Some(meeting) = meeting {
                links.same_meeting += 1;
                letter.document.meta.same_meeting = meeting;
            }
            links.related += usize::from(!near.is_empty());
            letter.document.meta.related = near;
            let sealed = letter.encode();
            links.bytes += sealed.len().saturating_sub(waiting.len());
            self.replace_letter(n, sealed)?;
        }
        Ok(links)
    }

    /// Letter `n`'s file as it waits to be placed: held in memory, or spooled (gzip).
    fn waiting_letter(&self, n: usize) -> Result<Vec<u8>> {
        if !self.letters.spooled {
            return Ok(self.letters.held[n].clone());
        }
        let name = format!("{SPOOL}/{n}.kz");
        let packed = match &self.work {
            Some(work) => {
                let path = work.join(&name);
                std::fs::read(&path).map_err(|e| Error::io(path.display(), e))?
            }
            None => self.store.get_stored(&name)?,
        };
        gunzip(&packed, u64::MAX)
    }

    fn replace_letter(&mut self, n: usize, sealed: Vec<u8>) -> Result<()> {
        self.largest = self.largest.max(sealed.len());
        if !self.letters.spooled {
            self.letters.held_bytes += sealed.len();
            self.letters.held_bytes -= self.letters.held[n].len();
            self.letters.held[n] = sealed;
            return Ok(());
        }
        self.letters.hashes[n] = fnv64(&sealed);
        let name = format!("{SPOOL}/{n}.kz");
        match (&self.work, &mut self.store) {
            (Some(work), _) => write_beside(&work.join(&name), &gzip(&sealed)),
            (None, Store::Memory(files)) => {
                let file = files.iter_mut().find(|(f, _)| *f == name);
                let file = file.ok_or(Error::Internal {
                    what: "a letter held in memory went missing",
                })?;
                file.1 = gzip(&sealed);
                Ok(())
            }
            (None, Store::Folder { .. }) => Err(Error::Internal {
                what: "a folder build without its work folder",
            }),
        }
    }

    /// Names the letters' folder by their content and puts the spooled files there.
    fn letter_folder(&mut self, names: &mut Vec<String>) -> Result<String> {
        // Spooled past the one-file size only if they were many; a split index of few letters
        // (tests, tiny layouts) spools them now.
        if !self.letters.spooled {
            self.spool_held()?;
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
        let docs = self.docs;
        match (&mut self.store, &self.work) {
            (Store::Folder { dir, .. }, Some(work)) => {
                let (spool, packs, to) = (work.join(SPOOL), work.join(PACKS), dir.join(&folder));
                // The same letters as a build before are the same files; the spool goes with
                // the work folder.
                if !to.exists() {
                    std::fs::create_dir(&packs).map_err(|e| Error::io(packs.display(), e))?;
                    let count = docs.div_ceil(PACK_LETTERS);
                    let mut headers = Vec::new();
                    for p in 0..count {
                        let members = (p * PACK_LETTERS..docs.min((p + 1) * PACK_LETTERS))
                            .map(|n| {
                                let path = spool.join(format!("{n}.kz"));
                                std::fs::read(&path).map_err(|e| Error::io(path.display(), e))
                            })
                            .collect::<Result<Vec<_>>>()?;
                        let bytes = pack::encode(&members);
                        write_beside(&packs.join(format!("{p}.kz")), &bytes)?;
                        headers.extend_from_slice(pack::header(&bytes));
                        if (p + 1) % pack::DIRECTORY_PACKS == 0 || p + 1 == count {
                            let name = format!("h{}.kz", p / pack::DIRECTORY_PACKS);
                            write_beside(&packs.join(name), &gzip(&headers))?;
                            headers.clear();
                        }
                    }
                    std::fs::rename(&packs, &to).map_err(|e| Error::io(to.display(), e))?;
                    self.store.made(to);
                }
            }
            (Store::Memory(files), _) => {
                // The spooled letters, in number order, out of the files and into packs.
                let mut letters: Vec<(u32, Vec<u8>)> = Vec::new();
                files.retain_mut(|(name, bytes)| {
                    let number = name
                        .strip_prefix(SPOOL)
                        .and_then(|rest| rest.strip_prefix('/')?.strip_suffix(".kz")?.parse().ok());
                    match number {
                        Some(n) => {
                            letters.push((n, std::mem::take(bytes)));
                            false
                        }
                        None => true,
                    }
                });
                letters.sort_unstable_by_key(|(n, _)| *n);
                let packs: Vec<Vec<u8>> = letters
                    .chunks(PACK_LETTERS as usize)
                    .map(|members| {
                        let members: Vec<Vec<u8>> =
                            members.iter().map(|(_, b)| b.clone()).collect();
                        pack::encode(&members)
                    })
                    .collect();
                for (d, some) in packs.chunks(pack::DIRECTORY_PACKS as usize).enumerate() {
                    let headers: Vec<u8> =
                        some.iter().flat_map(|p| pack::header(p)).copied().collect();
                    files.push((format!("{folder}/h{d}.kz"), gzip(&headers)));
                }
                for (p, bytes) in packs.into_iter().enumerate() {
                    files.push((format!("{folder}/{p}.kz"), bytes));
                }
            }
            (Store::Folder { .. }, None) => {
                return Err(Error::Internal {
                    what: "a folder build without its work folder",
                });
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
        if let Some(work) = &self.work {
            let _ = std::fs::remove_dir_all(work);
        }
        if !self.finished {
            self.store.take_back();
        }
    }
}
