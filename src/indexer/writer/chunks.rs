//! The term walk's chunks: terms, in order, cut where the [`Layout`] says, each chunk with the
//! see-also entries its range of terms holds (an entry goes to the chunk whose range holds it,
//! so a query fetches the entries of its words with their chunk). Chunks are held while the
//! index may still be one file; once it cannot, each is put into the store as it is cut, so the
//! postings are never all in memory at once.

use super::files::Files;
use crate::error::Result;
use crate::format::chunk::{ChunkWriter, SeeAlso};
use crate::format::entry::{ChunkRef, FileRef};
use crate::format::layout::Layout;
use crate::format::names::chunk_hash;
use crate::format::{FileKind, fnv64, seal};
use crate::indexer::postings::TermPostings;
use std::collections::{BTreeMap, btree_map};
use std::iter::Peekable;
use std::mem::take;

/// A chunk cut: its first term, its sealed terms and positions.
struct Cut {
    first: String,
    terms: Vec<u8>,
    positions: Vec<u8>,
    /// Whether no term of it has positions.
    no_positions: bool,
}

/// What the walk cut.
pub(super) struct Chunks {
    /// Put into the store as they were cut.
    placed: Vec<ChunkRef>,
    /// Held while the index may be one file.
    held: Vec<Cut>,
    /// The bytes of the one file so far: the letters held and the chunks held.
    pub one_file: usize,
    /// Whether the index can no longer be one file.
    pub split: bool,
    /// The see-also entries as the chunks store them, for the build to print their size.
    pub see_also: Vec<u8>,
}

pub(super) struct Cutter {
    layout: Layout,
    see_also: Peekable<btree_map::IntoIter<String, SeeAlso>>,
    chunk: ChunkWriter,
    first: String,
    positions: Vec<u8>,
    done: Chunks,
}

impl Cutter {
    /// A walk for an index whose letters take `letters` bytes held in memory, or are in the
    /// store already (`split`: too many for one file).
    pub fn new(
        layout: Layout,
        see_also: BTreeMap<String, SeeAlso>,
        letters: usize,
        split: bool,
    ) -> Self {
        Cutter {
            layout,
            see_also: see_also.into_iter().peekable(),
            chunk: ChunkWriter::default(),
            first: String::new(),
            positions: Vec::new(),
            done: Chunks {
                placed: Vec::new(),
                held: Vec::new(),
                one_file: letters,
                split,
                see_also: Vec::new(),
            },
        }
    }

    /// Adds the next term: the see-also entries before it go into the chunk being filled, which
    /// is cut before the term where the layout says.
    pub fn add(&mut self, files: &mut Files, t: &TermPostings) -> Result<()> {
        while let Some((from, to)) = self.see_also.next_if(|(from, _)| *from < t.term) {
            self.chunk.add_see_also(&from, &to);
        }
        if self
            .layout
            .cut_before(self.chunk.len(), self.chunk.last(), &t.term)
        {
            let (_, sealed) = self.cut();
            self.done.one_file += sealed;
            self.done.split |= !self.layout.fits_one_file(self.done.one_file);
            if self.done.split {
                for cut in take(&mut self.done.held) {
                    let chunk = put(files, cut)?;
                    self.done.placed.push(chunk);
                }
            }
        }
        if self.chunk.is_empty() {
            self.first = t.term.clone();
        }
        self.positions.extend_from_slice(&t.positions);
        self.chunk
            .add(&t.term, t.df, &t.surfaces, &t.rows, t.positions.len());
        Ok(())
    }

    /// The end of the walk: the see-also entries after the last term go into the last chunk,
    /// which is cut (an index of no terms has one chunk, empty).
    pub fn finish(mut self) -> Chunks {
        for (from, to) in self.see_also.by_ref() {
            self.chunk.add_see_also(&from, &to);
        }
        if !self.chunk.is_empty() || (self.done.held.is_empty() && self.done.placed.is_empty()) {
            // The last chunk counts by its body, a few bytes under its sealed size, as the
            // one-file size has always counted it.
            let (body, _) = self.cut();
            self.done.one_file += body;
        }
        self.done
    }

    /// Seals the chunk being filled, with its positions, and holds it. Its size, body and
    /// positions, and sealed.
    fn cut(&mut self) -> (usize, usize) {
        let body = self.chunk.len();
        self.done
            .see_also
            .extend_from_slice(self.chunk.see_also_bytes());
        let no_positions = self.positions.is_empty();
        let positions = seal(FileKind::Positions, &take(&mut self.positions));
        let terms = take(&mut self.chunk).finish(fnv64(&positions));
        let sizes = (body + positions.len(), terms.len() + positions.len());
        self.done.held.push(Cut {
            first: take(&mut self.first),
            terms,
            positions,
            no_positions,
        });
        sizes
    }
}

impl Chunks {
    /// The chunks' places in the entry file: the one file holds each chunk (its positions beside
    /// it, as only phrases read them, unless there are none), or each is put into the store.
    pub fn place(mut self, files: &mut Files, single: bool) -> Result<Vec<ChunkRef>> {
        for cut in self.held {
            self.placed.push(if single {
                let positions = if cut.no_positions {
                    FileRef::Inline(cut.positions)
                } else {
                    files.put_named("p", &cut.positions)?
                };
                ChunkRef {
                    first: cut.first,
                    terms: FileRef::Inline(cut.terms),
                    positions,
                }
            } else {
                put(files, cut)?
            });
        }
        Ok(self.placed)
    }
}

/// Puts a chunk's two files, named from one hash of both: the entry file stores 6 bytes a chunk.
fn put(files: &mut Files, cut: Cut) -> Result<ChunkRef> {
    let hash = chunk_hash(fnv64(&cut.terms), fnv64(&cut.positions));
    let (t, p) = ChunkRef::names(hash);
    files.put(&t, &cut.terms)?;
    files.put(&p, &cut.positions)?;
    Ok(ChunkRef {
        first: cut.first,
        terms: FileRef::File(t),
        positions: FileRef::File(p),
    })
}
