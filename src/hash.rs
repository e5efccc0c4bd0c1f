//! The hashes that name things by their content: index files by their bytes (`format`), the words
//! a build learns (`lexicon::WordSet`). On the ground floor: what hashes needs nothing else.

/// FNV-1a, 64 bits: names files by their content, so a name never changes meaning.
pub fn fnv64(bytes: &[u8]) -> u64 {
    fnv64_on(0xcbf2_9ce4_8422_2325, bytes)
}

/// FNV-1a of `bytes` going on from `hash`: the hash of what gave `hash` followed by `bytes`.
pub fn fnv64_on(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Bytes of a name's hash where the entry file stores it (once per term chunk).
pub const NAME_HASH_BYTES: usize = 6;

/// The hash in a file's name: the top 48 bits of FNV-1a 64, its best mixed (its low bits hardly
/// depend on early bytes). 48 bits keep a chunk's reference in the entry file at 6 bytes instead
/// of 8 (1.2 KB less to load at 20,000 letters), and the odds that a rebuild names some changed
/// chunk as a cached one of the build before stay near n² / 2^49: 3 in 10^8 for 3,000 chunks.
pub fn name_hash(bytes: &[u8]) -> u64 {
    fnv64(bytes) >> 16
}
