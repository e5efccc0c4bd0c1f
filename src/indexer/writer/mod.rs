//! Letters, analyzed, -> the files of an index folder. The writer takes one letter at a time: it
//! encodes the letter's file at once (`waiting.rs` keeps it) and hands its terms to the
//! [`Postings`] buffer, which spills past a budget, so memory stays bounded. At the end
//! ([`Writer::finish`], `finish.rs`) it walks the terms in order, cutting chunks where the
//! [`Layout`] says (`chunks.rs`), has the letters name one another (`links.rs`), chooses one file
//! or many, and puts every file into the [`Store`] (`files.rs`): a small index in one file, a
//! large one in many, each named by its content. See `FORMAT.md`.

mod chunks;
mod files;
mod finish;
mod links;
mod waiting;

use super::meetings::Meetings;
use super::postings::{Occurrence, Postings};
use super::see_also::Learned;
use crate::doc::Document;
use crate::error::Result;
use crate::format::fnv64_on;
use crate::format::layout::Layout;
use crate::format::letter::Letter;
use crate::format::store::Store;
use crate::format::table::TableBuilder;
use files::Files;
use std::collections::BTreeMap;
use std::path::Path;
use waiting::Waiting;

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

pub struct Writer {
    layout: Layout,
    /// The files put so far, and the store they went into.
    files: Files,
    postings: Postings,
    finished: bool,
    docs: u32,
    total_length: u64,
    letters: Waiting,
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

impl Writer {
    pub fn new() -> Self {
        Self::default()
    }

    /// A writer into memory with this layout (tests use tiny values to get many files from few
    /// letters).
    pub fn with_layout(layout: Layout) -> Self {
        Writer {
            layout,
            files: Files::new(Store::memory()),
            postings: Postings::in_memory(),
            finished: false,
            docs: 0,
            total_length: 0,
            letters: Waiting::default(),
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
    /// runs in the store's work folder, made now; the entry file is left to the caller, to put in
    /// place last.
    pub fn into_folder(mut self, dir: &Path, spill_bytes: usize) -> Result<Self> {
        let mut store = Store::folder(dir);
        if let Some(work) = store.work_folder()? {
            self.postings = Postings::spilling(work.to_path_buf(), spill_bytes);
        }
        self.files = Files::new(store);
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
        self.letters.keep(&mut self.files, &self.layout, sealed)
    }
}

impl Drop for Writer {
    /// A failed build takes back the files it made; the store's work folder goes with it either
    /// way.
    fn drop(&mut self) {
        if !self.finished {
            self.files.store.take_back();
        }
    }
}
