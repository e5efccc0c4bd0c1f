//! Letter packs: a split index keeps its letters [`PACK_LETTERS`] to a file, not one a file, so
//! that an archive of 100,000 letters is some 1,600 letter files, not 100,000 (static hosts limit
//! the files of a site, and many small files deploy slowly). Each letter stays a gzip member of
//! its own: a reader reads the pack's header (its first bytes, a `Range` request) once, then
//! fetches each letter it shows by its byte range; where a server ignores ranges, the whole
//! pack comes at once and serves every letter in it. See `FORMAT.md`.

use super::{FileKind, seal};
use crate::error::{Error, Result};
use std::ops::Range;

/// Letters in a pack: letter `n` is member `n % PACK_LETTERS` of pack `n / PACK_LETTERS`.
pub const PACK_LETTERS: u32 = 64;

/// Where a letter is: its pack's file (`l-<hash>/<pack>.kz`), its member, and how many letters
/// that pack holds (the last pack may hold fewer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InPack {
    pub pack: String,
    pub member: usize,
    pub count: u32,
}

/// Packs whose headers one directory file holds: `h<k>.kz` in the letter folder holds the
/// headers of packs `16 k` to `16 k + 15`, so that a page learns where 1,024 letters lie from one
/// small file, not from a request to each of sixteen packs before it can ask for their letters.
pub const DIRECTORY_PACKS: u32 = 16;

/// The files of a letter folder of `docs` letters: every pack, then every directory.
pub fn folder_files(docs: u32) -> impl Iterator<Item = String> {
    let packs = docs.div_ceil(PACK_LETTERS);
    let directories = packs.div_ceil(DIRECTORY_PACKS);
    (0..packs)
        .map(|p| format!("{p}.kz"))
        .chain((0..directories).map(|d| format!("h{d}.kz")))
}

/// Whether `name` (`l-<hash>/h<k>.kz`) is a directory: read by pages only, to locate letters;
/// the engine never asks for one.
pub fn is_directory(name: &str) -> bool {
    name.starts_with("l-") && name.rsplit('/').next().is_some_and(|f| f.starts_with('h'))
}

/// The count of letters a pack's header states (0 when its bytes are too short to hold one).
pub fn stated_count(pack: &[u8]) -> u32 {
    pack.get(8..12)
        .map_or(0, |c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

/// A pack's header, as long as its count says (a directory holds these back to back).
pub fn header(pack: &[u8]) -> &[u8] {
    &pack[..header_len(stated_count(pack)).min(pack.len())]
}

/// How many letters pack `pack` of an index of `docs` letters holds.
pub fn count(pack: u32, docs: u32) -> u32 {
    docs.saturating_sub(pack.saturating_mul(PACK_LETTERS))
        .min(PACK_LETTERS)
}

/// The length of the header of a pack of `count` letters: a sealed file (magic, version, flags,
/// CRC-32) around the count and the count + 1 offsets, four bytes each.
pub fn header_len(count: u32) -> usize {
    8 + 4 + 4 * (count as usize + 1) + 4
}

/// A pack of `members` (each a letter's file as stored, gzip-compressed): its header, then them.
pub fn encode(members: &[Vec<u8>]) -> Vec<u8> {
    let count = members.len() as u32;
    let mut body = Vec::with_capacity(4 * (members.len() + 2));
    body.extend_from_slice(&count.to_le_bytes());
    let mut at = header_len(count);
    body.extend_from_slice(&(at as u32).to_le_bytes());
    for m in members {
        at += m.len();
        body.extend_from_slice(&(at as u32).to_le_bytes());
    }
    let mut out = seal(FileKind::Pack, &body);
    for m in members {
        out.extend_from_slice(m);
    }
    out
}

/// Where each member of a pack of `count` letters lies, from the pack's first bytes (its header;
/// what follows need not be there): byte ranges from the start of the pack, in order.
pub fn members(bytes: &[u8], count: u32) -> Result<Vec<Range<usize>>> {
    members_of(bytes, count, super::VERSION..=super::VERSION)
}

/// The members of a pack written by this version or an earlier one with packs (7 on), by the
/// count its header states: for a build that removes an earlier build's letter folder only when
/// its letters prove it.
pub fn members_of_any_version(bytes: &[u8]) -> Result<Vec<Range<usize>>> {
    members_of(bytes, stated_count(bytes), 7..=super::VERSION)
}

fn members_of(
    bytes: &[u8],
    count: u32,
    versions: std::ops::RangeInclusive<u16>,
) -> Result<Vec<Range<usize>>> {
    if count == 0 || count > PACK_LETTERS {
        return Err(Error::corrupt(
            "a letter pack of no letters, or of too many",
        ));
    }
    let len = header_len(count);
    let header = bytes.get(..len).ok_or(Error::Truncated {
        what: "a letter pack's header",
    })?;
    let words: Vec<u32> = super::open_versions(FileKind::Pack, header, versions)?
        .1
        .chunks_exact(4)
        .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
        .collect();
    if words.first() != Some(&count) {
        return Err(Error::corrupt(
            "a letter pack holds another number of letters",
        ));
    }
    let offsets = &words[1..];
    if offsets.first() != Some(&(len as u32)) || offsets.windows(2).any(|w| w[1] <= w[0]) {
        return Err(Error::corrupt(
            "a letter pack's letters are out of order or empty",
        ));
    }
    Ok(offsets
        .windows(2)
        .map(|w| w[0] as usize..w[1] as usize)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack() -> (Vec<Vec<u8>>, Vec<u8>) {
        let members: Vec<Vec<u8>> = (0..5u8).map(|i| vec![i; 10 + i as usize]).collect();
        let bytes = encode(&members);
        (members, bytes)
    }

    #[test]
    fn a_pack_gives_back_each_member() {
        let (given, bytes) = pack();
        let ranges = members(&bytes, 5).unwrap();
        assert_eq!(ranges.len(), 5);
        for (m, r) in given.iter().zip(ranges) {
            assert_eq!(&bytes[r], m.as_slice());
        }
        // The header alone is enough.
        assert_eq!(super::members(&bytes[..header_len(5)], 5).unwrap().len(), 5);
    }

    #[test]
    fn every_truncation_and_flipped_byte_of_a_header_is_a_typed_error() {
        let (_, bytes) = pack();
        let len = header_len(5);
        for cut in 0..len {
            assert!(members(&bytes[..cut], 5).is_err(), "cut at {cut}");
        }
        for i in 0..len {
            for bit in 0..8 {
                let mut damaged = bytes.clone();
                damaged[i] ^= 1 << bit;
                assert!(members(&damaged, 5).is_err(), "byte {i} bit {bit}");
            }
        }
        // Another count than the index says.
        assert!(members(&bytes, 4).is_err());
        assert!(members(&bytes, 0).is_err());
        assert!(members(&bytes, 65).is_err());
    }

    #[test]
    fn a_directory_holds_each_packs_header_as_the_pack_begins() {
        let packs: Vec<Vec<u8>> = [5u8, 64, 1]
            .iter()
            .map(|&n| encode(&(0..n).map(|i| vec![i; 3]).collect::<Vec<_>>()))
            .collect();
        let dir: Vec<u8> = packs.iter().flat_map(|p| header(p)).copied().collect();
        let mut at = 0;
        for (pack, n) in packs.iter().zip([5u32, 64, 1]) {
            let len = header_len(n);
            assert_eq!(&dir[at..at + len], &pack[..len]);
            assert_eq!(members(&dir[at..], n).unwrap(), members(pack, n).unwrap());
            at += len;
        }
        assert_eq!(at, dir.len());
        let files: Vec<String> = folder_files(64 * 17 + 1).collect();
        assert_eq!(files.len(), 18 + 2);
        assert_eq!(files[17], "17.kz");
        assert_eq!(&files[18..], ["h0.kz", "h1.kz"]);
        assert_eq!(folder_files(0).count(), 0);
        assert!(is_directory("l-0123456789ab/h0.kz"));
        assert!(!is_directory("l-0123456789ab/0.kz") && !is_directory("h0.kz"));
    }

    #[test]
    fn letters_are_numbered_into_packs() {
        assert_eq!(count(0, 5), 5);
        assert_eq!(count(0, 64), 64);
        assert_eq!(count(1, 64), 0);
        assert_eq!(count(1, 65), 1);
        assert_eq!(count(u32::MAX, 65), 0);
    }
}
