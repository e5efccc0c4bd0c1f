//! The names a build gives its files, read back: a name is a shape (`t-`, `p-`, `m-`, `i-`,
//! `w-` and 12 hex digits and `.kz`; a letter folder `l-` and 12 hex digits) and a claim about
//! the content, the hash in it (`FORMAT.md`, Files on disk). Checking the claim proves a file is
//! what its name says: the build removes no file it cannot prove an earlier build wrote (an
//! entry file is no proof, anyone can write one), and the engine refuses a file of another build
//! given under this one's name.

use super::NAME_HASH_BYTES;
use super::bytes::{fnv64, fnv64_on, name_hash};
use crate::say::{Hex, cat};

/// What a file name says it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Name {
    /// `t-<hash>.kz` or `p-<hash>.kz`: half of a term chunk's pair, named by the hash of both
    /// (see [`chunk_hash`]), or (`p-` alone) a one-file index's positions, named by their own.
    Terms(u64),
    Positions(u64),
    /// `m-`, `i-`, `w-`: the letter table, the id list, the word list, each named by its own
    /// bytes.
    Own(u64),
    /// `l-<hash>`: a folder of letter packs, named by every letter.
    Letters(u64),
}

/// The shape of `name`, when it is one a build writes; None for any other name (the owner's).
pub fn parse(name: &str) -> Option<Name> {
    let hash = |hex: &str| {
        (hex.len() == 2 * NAME_HASH_BYTES
            && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
        .then(|| u64::from_str_radix(hex, 16).ok())
        .flatten()
    };
    if let Some(hex) = name.strip_prefix("l-") {
        return hash(hex).map(Name::Letters);
    }
    let (kind, hex) = name.strip_suffix(".kz")?.split_once('-')?;
    let hash = hash(hex)?;
    match kind {
        "t" => Some(Name::Terms(hash)),
        "p" => Some(Name::Positions(hash)),
        "m" | "i" | "w" => Some(Name::Own(hash)),
        _ => None,
    }
}

/// The hash that names a term chunk's two files: of both their (unpacked) contents' hashes, so
/// that each name stands for both.
pub fn chunk_hash(terms: u64, positions: u64) -> u64 {
    // `name_hash` of the 16 bytes of both, without making them.
    fnv64_on(fnv64(&terms.to_le_bytes()), &positions.to_le_bytes()) >> 16
}

/// The name a file of its own content must have: `m-`, `i-` or `w-` (`kind`) and its hash.
pub fn own_name(kind: &str, bytes: &[u8]) -> String {
    cat!(kind, '-', Hex(name_hash(bytes), 12), ".kz")
}

/// The names of a term chunk's two files, `t-<hash>.kz` and `p-<hash>.kz`.
pub fn chunk_names(hash: u64) -> (String, String) {
    (
        cat!("t-", Hex(hash, 12), ".kz"),
        cat!("p-", Hex(hash, 12), ".kz"),
    )
}

/// Whether `bytes` (unpacked) are what a name of its own, `hash`, says.
pub fn is_own(hash: u64, bytes: &[u8]) -> bool {
    name_hash(bytes) == hash
}

/// Whether a chunk's two files (unpacked) are what their shared name's `hash` says.
pub fn is_pair(hash: u64, terms: &[u8], positions: &[u8]) -> bool {
    chunk_hash(fnv64(terms), fnv64(positions)) == hash
}

/// Whether `name` is a file a letter folder holds: `<pack>.kz` or `h<k>.kz`, a number without
/// leading zeros below `count` (packs of letters, or a letter each before version 7).
pub fn in_letter_folder(name: &str, count: u32) -> bool {
    let bare = name.strip_prefix('h').unwrap_or(name);
    bare.strip_suffix(".kz")
        .and_then(|n| n.parse::<u32>().ok())
        .is_some_and(|n| n < count && cat!(n, ".kz") == bare)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_shapes_a_build_writes_are_names() {
        assert_eq!(
            parse("t-0123456789ab.kz"),
            Some(Name::Terms(0x0123456789ab))
        );
        assert_eq!(
            parse("p-0123456789ab.kz"),
            Some(Name::Positions(0x0123456789ab))
        );
        assert_eq!(parse("m-0123456789ab.kz"), Some(Name::Own(0x0123456789ab)));
        assert_eq!(parse("l-0123456789ab"), Some(Name::Letters(0x0123456789ab)));
        for other in [
            "my-thesis-v2.docx",
            "t-0123456789AB.kz",
            "t-0123456789a.kz",
            "t-0123456789abc.kz",
            "x-0123456789ab.kz",
            "t-0123456789ab.kz.bak",
            "t-+123456789ab.kz",
            "l-0123456789ab.kz",
            "l-0123456789ab/0.kz",
            "kamerzoek.idx",
            "index.html",
        ] {
            assert_eq!(parse(other), None, "{other}");
        }
    }

    #[test]
    fn a_file_is_what_its_name_says_or_not() {
        let (t, p) = (b"terms".as_slice(), b"positions".as_slice());
        let pair = chunk_hash(fnv64(t), fnv64(p));
        let both = [fnv64(t).to_le_bytes(), fnv64(p).to_le_bytes()].concat();
        assert_eq!(
            pair,
            name_hash(&both),
            "the hash of both hashes, as version 9 named them"
        );
        assert!(is_pair(pair, t, p));
        assert_eq!(parse(&own_name("m", t)), Some(Name::Own(name_hash(t))));
        assert!(!is_pair(pair, t, b"other positions"));
        assert!(is_own(name_hash(t), t));
        assert!(!is_own(name_hash(t), p));
    }

    #[test]
    fn a_letter_folder_holds_packs_and_directories_by_number() {
        for ours in ["0.kz", "3.kz", "h0.kz", "h3.kz"] {
            assert!(in_letter_folder(ours, 4), "{ours}");
        }
        for other in [
            "4.kz",
            "03.kz",
            "h.kz",
            "notes.txt",
            "0.kz.part",
            "-1.kz",
            "+1.kz",
        ] {
            assert!(!in_letter_folder(other, 4), "{other}");
        }
    }
}
