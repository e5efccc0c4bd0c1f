//! One question's view of a loaded [`Index`]: every lookup that needs a file not yet here notes
//! its name in the question's own record and answers as if the file were empty. The question
//! ends as an [`Answer`]: ready, or the files to fetch first (and, either way, the files a coming
//! question may want). The record lives as long as the question and is passed by `&mut`: no
//! state shared between questions, nothing to reset by hand.

use super::{Held, Index, LetterWords, Slot, TermRef};
use crate::answer::Answer;
use crate::doc::Document;
use crate::error::{Error, Result};
use crate::format::chunk::Why;
use crate::format::letter::Letter;
use crate::format::postings::{self, Row};
use crate::meta::Meta;
use crate::sorted::SortedSet;

/// A prefix looks at the terms of at most this many chunks: a two-letter prefix of a large
/// archive could otherwise download much of the dictionary.
const MAX_PREFIX_CHUNKS: usize = 4;

pub struct Ask<'a> {
    index: &'a Index,
    /// Files a lookup wanted and the caller has not said it cannot fetch.
    need: SortedSet<String>,
    /// A lookup went without a file the caller could not fetch: the answer is incomplete.
    lacked: bool,
    /// Files a coming question may want, fetched without this answer waiting for them.
    prefetch: SortedSet<String>,
}

impl Index {
    /// Starts a question of this index.
    pub fn ask(&self) -> Ask<'_> {
        Ask {
            index: self,
            need: SortedSet::new(),
            lacked: false,
            prefetch: SortedSet::new(),
        }
    }
}

impl<'a> Ask<'a> {
    /// The index, for what needs no file (or only looks at what is here).
    pub fn index(&self) -> &'a Index {
        self.index
    }

    /// Whether a lookup of this question so far wanted a file that is not here: what it found
    /// may change once the file comes.
    pub fn waiting(&self) -> bool {
        !self.need.is_empty()
    }

    /// Whether a lookup went without a file the caller could not fetch.
    pub fn lacked(&self) -> bool {
        self.lacked
    }

    /// Ends the question: `value` when nothing was missing, else the files to fetch, with
    /// `preview` (what can be shown meanwhile) and the prefetch either way.
    pub fn answer<T>(self, value: T, preview: impl FnOnce(T) -> Option<T>) -> Answer<T> {
        let prefetch = self.prefetch.into_keys().collect();
        if self.need.is_empty() {
            Answer::Ready { value, prefetch }
        } else {
            Answer::Need {
                files: self.need.into_keys().collect(),
                preview: preview(value),
                prefetch,
            }
        }
    }

    /// Ends a question that failed: the files it wanted come first, since a lookup answered
    /// as if they were empty may be what failed.
    pub fn failed<T>(self, error: Error) -> Result<Answer<T>> {
        if self.need.is_empty() {
            return Err(error);
        }
        Ok(Answer::Need {
            files: self.need.into_keys().collect(),
            preview: None,
            prefetch: self.prefetch.into_keys().collect(),
        })
    }

    /// Notes that a lookup needs the file `name`: to fetch, or, when the caller could not,
    /// to say that the answer is incomplete.
    fn ask_for(&mut self, name: &str) {
        if self.index.unavailable.contains(name) {
            self.lacked = true;
        } else {
            self.need.add(name.to_string());
        }
    }

    fn get<T>(&mut self, slot: &'a Slot<T>) -> Option<&'a T> {
        match slot {
            Slot::Ready(t) => Some(t),
            Slot::Missing(name) => {
                self.ask_for(name);
                None
            }
        }
    }

    /// Notes that a coming question may want the chunk `term` lives in: the caller may fetch it
    /// while the visitor types, and no answer waits for it.
    pub fn prefetch(&mut self, term: &str) {
        let Some(chunk) = self.index.chunks.get(self.index.route(term)) else {
            return;
        };
        if let Slot::Missing(name) = &chunk.terms
            && !self.index.unavailable.contains(name)
        {
            self.prefetch.add(name.clone());
        }
    }

    /// Where `term` is; `None` when the index does not hold it (or its chunk is not here yet).
    pub fn lookup(&mut self, term: &str) -> Option<TermRef> {
        let chunk = self.index.route(term);
        let terms = self.get(&self.index.chunks.get(chunk)?.terms)?;
        terms.find(term).map(|entry| TermRef { chunk, entry })
    }

    /// The terms the query term `term` stands for besides itself (from its chunk's see-also
    /// table); empty until the chunk is here.
    pub fn see_also(&mut self, term: &str) -> &'a [(String, Why)] {
        let Some(chunk) = self.index.chunks.get(self.index.route(term)) else {
            return &[];
        };
        let Some(terms) = self.get(&chunk.terms) else {
            return &[];
        };
        match terms
            .see_also
            .binary_search_by(|(from, _)| from.as_str().cmp(term))
        {
            Ok(i) => &terms.see_also[i].1,
            Err(_) => &[],
        }
    }

    /// The terms that start with `prefix`, from the chunks they can live in (at most
    /// [`MAX_PREFIX_CHUNKS`]).
    pub fn prefixed(&mut self, prefix: &str) -> Vec<TermRef> {
        let index = self.index;
        let mut found = Vec::new();
        let start = index.route(prefix);
        let near = index.chunks.iter().enumerate().skip(start);
        for (chunk, c) in near.take(MAX_PREFIX_CHUNKS) {
            if chunk > start && !c.first.starts_with(prefix) {
                break;
            }
            let Some(terms) = self.get(&c.terms) else {
                continue;
            };
            let from = terms.terms.partition_point(|t| t.term.as_str() < prefix);
            found.extend(
                terms.terms[from..]
                    .iter()
                    .take_while(|t| t.term.starts_with(prefix))
                    .enumerate()
                    .map(|(i, _)| TermRef {
                        chunk,
                        entry: from + i,
                    }),
            );
        }
        found
    }

    /// Asks for the positions chunk of the chunk `term` lives in, when that chunk is not here
    /// yet either: a phrase needs both, and asking for them together saves a round of fetching
    /// (at the cost of the positions of a phrase whose words the index turns out not to hold).
    pub fn want_positions(&mut self, term: &str) {
        if let Some(chunk) = self.index.chunks.get(self.index.route(term))
            && matches!(chunk.terms, Slot::Missing(_))
        {
            self.get(&chunk.positions);
        }
    }

    /// The positions of each of `rows` (the term's rows); `None` until its positions chunk is here.
    pub fn positions(&mut self, r: TermRef, rows: &[Row]) -> Result<Option<Vec<Vec<u32>>>> {
        let Some(bytes) = self.get(&self.index.chunks[r.chunk].positions) else {
            return Ok(None);
        };
        // Checked against the positions chunk when both arrived; checked here again, because a
        // crafted entry file can pair a chunk with any positions file.
        let range = self.index.term(r).positions.clone();
        let bytes = bytes
            .get(range)
            .ok_or_else(|| Error::corrupt("a term's positions lie outside its positions chunk"))?;
        postings::positions(bytes, rows).map(Some)
    }

    /// Every term with its document frequency (for typos); `None` until the word list is here.
    pub fn words(&mut self) -> Option<&'a [(String, u32)]> {
        self.get(&self.index.words).map(Vec::as_slice)
    }

    /// Per letter, the metadata filters, facets and sorting read; `None` until the table is here.
    pub fn table(&mut self) -> Option<&'a [Meta]> {
        self.get(&self.index.table).map(|t| t.metas.as_slice())
    }

    /// The letter numbered `doc`; `None` until its file is here.
    pub fn letter(&mut self, doc: u32) -> Option<&'a Letter> {
        self.held(doc).map(|h| &h.letter)
    }

    fn held(&mut self, doc: u32) -> Option<&'a Held> {
        let index = self.index;
        let held = index.letters.get(&doc);
        if held.is_none()
            && let Some(folder) = &index.letter_folder
            && doc < index.docs
        {
            self.ask_for(&Index::letter_name(folder, doc));
        }
        held
    }

    /// The words of the letter numbered `doc`, worked out by `make` the first time; `None` until
    /// its file is here.
    pub fn letter_words(
        &mut self,
        doc: u32,
        make: impl FnOnce(&Letter) -> LetterWords,
    ) -> Option<(&'a Letter, &'a LetterWords)> {
        let held = self.held(doc)?;
        Some((&held.letter, held.words.get_or_init(|| make(&held.letter))))
    }

    pub fn document(&mut self, doc: u32) -> Option<&'a Document> {
        self.letter(doc).map(|l| &l.document)
    }

    /// The number of the letter `id`: from a letter already here, or from the id list.
    /// `None` when the index holds no such letter (or the id list is not here yet).
    pub fn number_of(&mut self, id: &str) -> Option<u32> {
        let index = self.index;
        if let Some(h) = index.letters.values().find(|h| h.letter.document.id == id) {
            return Some(h.letter.doc);
        }
        // Every letter of a one-file index is here: an id not among them is not in the index.
        index.letter_folder.as_ref()?;
        let ids = self.get(&index.ids)?;
        ids.iter().position(|i| i == id).map(|n| n as u32)
    }
}
