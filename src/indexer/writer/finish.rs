//! The end of a build, step by step ([`Writer::finish`]): the see-also table, the walk of the
//! terms (chunks, the word list, related letters), the letters' links, the choice of one file or
//! many, then every file put in its place and the entry file made that names them.

use super::chunks::{Chunks, Cutter};
use super::{Links, Output, SeeAlsoSize, Writer};
use crate::error::Result;
use crate::format::chunk::SeeAlso;
use crate::format::entry::{Entry, FileRef};
use crate::format::postings;
use crate::format::store::gzip;
use crate::format::table::encode_ids;
use crate::format::words::WordsWriter;
use crate::indexer::postings::Postings;
use crate::indexer::related::Related;
use crate::indexer::see_also;
use std::collections::BTreeMap;

/// What the term walk leaves for the steps after it.
struct Walked {
    chunks: Chunks,
    words: Vec<u8>,
    /// Each letter's related letters ([`Related::finish`]).
    related: Vec<u32>,
}

/// The letter table, its titles' bytes (the one file derives them from its letters), the id list
/// and the word list.
struct Tables {
    table: Vec<u8>,
    titles: usize,
    ids: Vec<u8>,
    words: Vec<u8>,
}

impl Writer {
    /// Puts every file of the index but the entry file, which it returns, packed, for the caller
    /// to put in place last.
    pub fn finish(mut self) -> Result<Output> {
        let output = self.write_all()?;
        self.finished = true;
        Ok(output)
    }

    /// The end of a build, step by step.
    fn write_all(&mut self) -> Result<Output> {
        let see_also = see_also::table(|t| self.postings.has(t), &self.learned);
        let entries = see_also.len();
        let walked = self.walk_terms(see_also)?;
        let links = self.link_letters(walked.related)?;
        let tables = self.tables(walked.words);
        let single = self.one_file(&walked.chunks, &tables, &links);
        let see_also = SeeAlsoSize {
            entries,
            raw: walked.chunks.see_also.len(),
            gzip: gzip(&walked.chunks.see_also).len(),
            acronyms: self.learned.acronyms.len(),
        };
        let chunks = walked.chunks.place(&mut self.files, single)?;
        let [table, ids, words] = self.place_tables(tables, single)?;
        let letters = self.letters.place(&mut self.files, single)?;
        let entry = Entry {
            docs: self.docs,
            total_length: self.total_length,
            largest: u32::try_from(self.files.largest).unwrap_or(u32::MAX),
            stamp: self.stamp,
            table,
            ids,
            words,
            letters,
            chunks,
        };
        Ok(Output {
            entry: gzip(&entry.encode()),
            names: std::mem::take(&mut self.files.names),
            files: self.files.store.take_files(),
            see_also,
            links,
        })
    }

    /// Walks the terms in order, merged from the postings: each goes into its chunk, with the
    /// see-also entries before it (`see_also`), into the word list, and, weighed, into the
    /// letters' related letters.
    fn walk_terms(&mut self, see_also: BTreeMap<String, SeeAlso>) -> Result<Walked> {
        let mut related = Related::new(self.docs, self.total_length);
        let mut words = WordsWriter::default();
        let (held, split) = (self.letters.held_bytes(), self.letters.in_store());
        let mut cutter = Cutter::new(self.layout, see_also, held, split);
        let mut terms =
            std::mem::replace(&mut self.postings, Postings::in_memory()).into_terms()?;
        while let Some(t) = terms.next_term()? {
            cutter.add(&mut self.files, &t)?;
            if related.wants(t.df) {
                // Read back as a reader reads them: stored column by column.
                let stored = postings::columns(&t.rows, t.df as usize);
                let rows = postings::rows(&stored, t.df as usize, self.docs, t.surfaces.len())?;
                related.add_term(t.df, &rows);
            }
            words.add(&t.term, t.df);
        }
        // The postings' merge is done: its buffers go before the letters are linked.
        drop(terms);
        Ok(Walked {
            chunks: cutter.finish(),
            words: words.finish(),
            related: related.finish(),
        })
    }

    /// The letter table and the id list, encoded, with the word list.
    fn tables(&mut self, words: Vec<u8>) -> Tables {
        let titles = self.table.titles_bytes(&self.ids);
        Tables {
            table: std::mem::take(&mut self.table).finish(&self.ids),
            titles,
            ids: encode_ids(self.ids.iter().map(String::as_str)),
            words,
        }
    }

    /// Whether the index goes in one file: its letters and chunks fit so far (the letters held
    /// grown by the letters they name), and with the tables they still fit.
    fn one_file(&self, chunks: &Chunks, tables: &Tables, links: &Links) -> bool {
        let grown = if self.letters.in_store() {
            0
        } else {
            links.bytes
        };
        !chunks.split
            && self.layout.fits_one_file(
                chunks.one_file + grown + tables.table.len() - tables.titles
                    + tables.ids.len()
                    + tables.words.len(),
            )
    }

    /// The letter table, the id list and the word list, each in a file; one file holds every
    /// letter and chunk, and these are derived from them when loaded.
    fn place_tables(&mut self, tables: Tables, single: bool) -> Result<[FileRef; 3]> {
        if single {
            return Ok([FileRef::Derived, FileRef::Derived, FileRef::Derived]);
        }
        Ok([
            self.files.put_named("m", &tables.table)?,
            self.files.put_named("i", &tables.ids)?,
            self.files.put_named("w", &tables.words)?,
        ])
    }
}
