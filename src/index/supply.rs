//! Files handed over to a loaded index: each checked as its kind, against its name (names are
//! hashes of content) and against the files it must fit, before it is kept; a file that does not
//! fit is refused and its slot waits for a good one. And which files could not be fetched.

use super::{ANOTHER_BUILD, Held, Index, Slot};
use crate::error::{Error, Result};
use crate::format::chunk::{TermChunk, TermEntry};
use crate::format::letter::Letter;
use crate::format::names;
use crate::format::pack::{self, InPack, PACK_LETTERS};
use crate::format::{table, words};
use crate::say::cat;

impl Index {
    /// Every loaded chunk's terms must lie in its range, and its positions must be there.
    pub(super) fn check_chunks(&self) -> Result<()> {
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
            return Err(Error::corrupt(cat!(
                bytes.len(),
                " bytes, more than this index's files have (",
                self.largest,
                ")"
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
                return Err(Error::corrupt(ANOTHER_BUILD).in_file(earlier.as_str()));
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
        let canonical = member < PACK_LETTERS && cat!('/', pack, ".kz#", member) == rest;
        (canonical && n < self.docs && !self.letters.contains_key(&n)).then_some(n)
    }

    /// The name a letter is asked for by: its pack's file and its place in it.
    pub(super) fn letter_name(folder: &str, doc: u32) -> String {
        cat!(folder, '/', doc / PACK_LETTERS, ".kz#", doc % PACK_LETTERS)
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
}
