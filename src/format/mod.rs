//! The binary index format: encoder and decoder side by side, so they are tested together.
//! The layout is written down once, in `FORMAT.md` at the top of the repository.

mod bytes;
mod decode;
mod encode;
pub(crate) mod postings;

pub use decode::decode;
pub use encode::encode;

/// First bytes of every index file.
pub const MAGIC: [u8; 4] = *b"KZIX";
/// Bumped on every change of layout; readers refuse other versions with `Error::Version`.
pub const VERSION: u16 = 1;
/// Magic, version, flags.
const HEADER_LEN: usize = 8;
/// The CRC-32 at the end.
const FOOTER_LEN: usize = 4;
/// The file name of the index inside an index folder.
pub const INDEX_FILE: &str = "kamerzoek.idx";
