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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::{IndexBuilder, IndexData};
    use crate::doc::Document;
    use crate::error::Error;

    fn sample() -> IndexData {
        let mut b = IndexBuilder::new(crate::analyze::CompoundSplitter::dutch());
        b.add(Document::new(
            "000_a",
            "De steun aan Oekraïne.\nLuchtverdediging voor Oekraïne.",
        ));
        b.add(Document::new(
            "001_b",
            "Patriot-luchtafweerrakketten en F-16 trainingen, € 87 mln.",
        ));
        b.add(Document::new("002_c", ""));
        b.finish()
    }

    #[test]
    fn round_trips_documents_and_every_posting_list() {
        let data = sample();
        let index = decode(&encode(&data)).unwrap();
        assert_eq!(index.docs(), &data.docs[..]);
        assert_eq!(index.terms().len(), data.terms.len());
        for (term, postings) in &data.terms {
            assert_eq!(&index.postings(term).unwrap(), postings, "{term}");
        }
        assert!(index.postings("ontbreekt").unwrap().is_empty());
    }

    #[test]
    fn an_empty_index_round_trips() {
        let index = decode(&encode(&IndexData::default())).unwrap();
        assert!(index.docs().is_empty());
    }

    #[test]
    fn encoding_is_deterministic() {
        assert_eq!(encode(&sample()), encode(&sample()));
    }

    #[test]
    fn rejects_wrong_magic() {
        assert_eq!(decode(b"<!doctype html>").err(), Some(Error::BadMagic));
        assert_eq!(decode(b"").err(), Some(Error::BadMagic));
    }

    #[test]
    fn rejects_another_version() {
        let mut bytes = encode(&sample());
        bytes[4..6].copy_from_slice(&(VERSION + 1).to_le_bytes());
        assert_eq!(
            decode(&bytes).err(),
            Some(Error::Version {
                expected: VERSION,
                got: VERSION + 1
            })
        );
    }

    #[test]
    fn every_truncation_is_a_typed_error() {
        let bytes = encode(&sample());
        for len in 0..bytes.len() {
            assert!(decode(&bytes[..len]).is_err(), "truncated to {len} bytes");
        }
    }

    /// Found by `cargo fuzz run decode`: a checksum-valid file whose fst has a malformed node.
    #[test]
    fn a_malformed_term_dictionary_is_a_typed_error() {
        let data = include_bytes!("../../tests/data/fst-malformed-node.bin");
        let mut sealed = data.to_vec();
        sealed.extend_from_slice(&crc32fast::hash(data).to_le_bytes());
        assert!(matches!(decode(&sealed), Err(Error::Corrupt { .. })));
    }

    #[test]
    fn every_flipped_byte_is_detected() {
        let bytes = encode(&sample());
        for i in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[i] ^= 0x10;
            assert!(decode(&damaged).is_err(), "flip at byte {i}");
        }
    }
}
