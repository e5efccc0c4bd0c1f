//! The binary index format (its version is [`VERSION`]): an entry file and the files it names,
//! each sealed with a magic, the version and a checksum. Encoders and decoders sit side by side per file kind, so
//! they are tested together. The layout is written down once, in `FORMAT.md`.

// The wasm only decodes; the encoders beside the decoders are used by the native build alone.
#![cfg_attr(web, allow(dead_code))]

mod bytes;
pub(crate) mod chunk;
pub(crate) mod entry;
pub mod layout;
pub(crate) mod letter;
pub mod names;
pub mod pack;
pub(crate) mod postings;
#[cfg(not(web))]
pub mod store;
pub(crate) mod table;
pub(crate) mod words;

pub use bytes::{NAME_HASH_BYTES, crc32, fnv64, fnv64_on, name_hash};
pub use entry::Named;

/// The files an entry file (unpacked) names beside itself, for an entry file of this version or
/// an earlier one back to [`OLDEST_NAMED_VERSION`]; an error when it is not one.
pub fn named_files(entry: &[u8]) -> Result<Named> {
    entry::Entry::decode_versions(entry, OLDEST_NAMED_VERSION..=VERSION).map(|e| e.named())
}
pub(crate) use bytes::{Reader, put_bytes, put_str, put_varint};

use crate::error::{Error, Result};
use crate::say::{Hex, cat};

/// Bumped on every change of layout; readers refuse other versions with `Error::Version`.
pub const VERSION: u16 = 12;
/// No index holds more letters: a stated bound for the entry file's count, which nothing else
/// in the entry file bounds (a split index keeps its letters elsewhere).
pub const MAX_LETTERS: u32 = 1 << 24;
/// No file of an index but the entry file unpacks to more (the largest is a letter, whose text
/// the build caps at 16 MB); the entry file states its index's own, smaller, bound.
pub const MAX_FILE_BYTES: u32 = 64 * 1024 * 1024;
/// No entry file unpacks to more: a one-file index is at most a few hundred kilobytes, a split
/// one's entry file names about 2,500 chunks in 13 KB at 100,000 letters.
pub const MAX_ENTRY_BYTES: u32 = 16 * 1024 * 1024;
/// The entry file's name inside an index folder; the only name that is not content-hashed.
pub const ENTRY_FILE: &str = "kamerzoek.idx";
/// Magic, version, flags.
const HEADER_LEN: usize = 8;
/// The CRC-32 at the end.
const FOOTER_LEN: usize = 4;

/// What a file holds; each kind has its own magic, so a file given for another is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Entry,
    Terms,
    Positions,
    Letter,
    Table,
    Ids,
    Words,
    Pack,
}

const KINDS: [FileKind; 8] = [
    FileKind::Entry,
    FileKind::Terms,
    FileKind::Positions,
    FileKind::Letter,
    FileKind::Table,
    FileKind::Ids,
    FileKind::Words,
    FileKind::Pack,
];

impl FileKind {
    pub fn magic(self) -> [u8; 4] {
        *match self {
            FileKind::Entry => b"KZIX",
            FileKind::Terms => b"KZTC",
            FileKind::Positions => b"KZPS",
            FileKind::Letter => b"KZLT",
            FileKind::Table => b"KZMT",
            FileKind::Ids => b"KZID",
            FileKind::Words => b"KZWD",
            FileKind::Pack => b"KZPK",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            FileKind::Entry => "an entry file",
            FileKind::Terms => "a term chunk",
            FileKind::Positions => "a positions chunk",
            FileKind::Letter => "a letter file",
            FileKind::Table => "the letter table",
            FileKind::Ids => "the id list",
            FileKind::Words => "the word list",
            FileKind::Pack => "a letter pack's header",
        }
    }
}

/// `body` framed as a file of `kind`: magic, version, flags, body, CRC-32 of all before it.
pub fn seal(kind: FileKind, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + HEADER_LEN + FOOTER_LEN);
    out.extend_from_slice(&kind.magic());
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(body);
    let crc = bytes::crc32(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    out
}

/// The body of a sealed file of `kind`, after checking, in this order: magic, header length,
/// version, flags, checksum.
pub fn open(kind: FileKind, bytes: &[u8]) -> Result<&[u8]> {
    open_versions(kind, bytes, VERSION..=VERSION).map(|(_, body)| body)
}

/// The oldest version whose entry file still tells which files it names: a build removes the
/// files of an earlier build of these versions too (`named_files`).
pub const OLDEST_NAMED_VERSION: u16 = 3;

/// [`open`], accepting any of `versions`; the version found, and the body.
pub(crate) fn open_versions(
    kind: FileKind,
    bytes: &[u8],
    versions: std::ops::RangeInclusive<u16>,
) -> Result<(u16, &[u8])> {
    let magic = bytes.get(..4);
    if magic != Some(&kind.magic()[..]) {
        return Err(match KINDS.iter().find(|k| Some(&k.magic()[..]) == magic) {
            Some(other) => Error::WrongFile {
                expected: kind.name(),
                got: other.name(),
            },
            None => Error::BadMagic,
        });
    }
    if bytes.len() < HEADER_LEN + FOOTER_LEN {
        return Err(Error::Truncated { what: "the header" });
    }
    let version = u16::from_le_bytes([bytes[4], bytes[5]]);
    if !versions.contains(&version) {
        return Err(Error::Version {
            expected: VERSION,
            got: version,
        });
    }
    let flags = u16::from_le_bytes([bytes[6], bytes[7]]);
    if flags != 0 {
        return Err(Error::corrupt(cat!(
            "unknown flags 0x",
            Hex(flags.into(), 4),
            " in the header"
        )));
    }
    let (content, footer) = bytes.split_at(bytes.len() - FOOTER_LEN);
    let expected = u32::from_le_bytes([footer[0], footer[1], footer[2], footer[3]]);
    let got = bytes::crc32(content);
    if expected != got {
        return Err(Error::ChecksumMismatch { expected, got });
    }
    Ok((version, &content[HEADER_LEN..]))
}

/// Fails unless the reader used every byte: nothing may follow a file's last field.
pub(crate) fn finished(r: &Reader, kind: FileKind) -> Result<()> {
    if r.is_empty() {
        Ok(())
    } else {
        Err(Error::corrupt(cat!("bytes after the end of ", kind.name())))
    }
}

#[cfg(test)]
mod tests;
