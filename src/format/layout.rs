//! The layout of an index folder, decided from sizes alone (no I/O, so it is tested on numbers):
//! where term chunks are cut, and whether the whole index goes in one file. See `FORMAT.md`.

/// A term chunk is cut once its dictionary and rows reach this many bytes (a median 11 KB gzip at
/// 20,000 letters, whose rows pack densely): small enough that a query fetches little, large
/// enough that the entry file stays short.
pub const CHUNK_BYTES: usize = 12 * 1024;
/// Terms sharing this many first bytes are one family, kept in one chunk where the size allows.
pub const FAMILY_BYTES: usize = 4;
/// An index whose files together are at most this large goes in one file (but for its positions,
/// which only phrases read): one request instead of several, and less than the letters' own files
/// would cost in headers and gzip frames.
pub const SINGLE_FILE_BYTES: usize = 256 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    pub chunk_bytes: usize,
    pub single_file_bytes: usize,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            chunk_bytes: CHUNK_BYTES,
            single_file_bytes: SINGLE_FILE_BYTES,
        }
    }
}

impl Layout {
    /// Whether a chunk of `len` bytes whose last term is `last` ends before `next`: once it
    /// reaches the target size, at a term that starts a new family (shares fewer than
    /// [`FAMILY_BYTES`] with the last), so a word and its compounds (`luchtverdedig`,
    /// `luchtverdedigingssystem`) land in one chunk and a prefix query fetches one file; at twice
    /// the size, wherever it is.
    pub fn cut_before(&self, len: usize, last: &str, next: &str) -> bool {
        if len >= 2 * self.chunk_bytes {
            return true;
        }
        let shared = last
            .bytes()
            .zip(next.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        len >= self.chunk_bytes && shared < FAMILY_BYTES
    }

    /// Whether files of `bytes` together still fit in one file.
    pub fn fits_one_file(&self, bytes: usize) -> bool {
        bytes <= self.single_file_bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: Layout = Layout {
        chunk_bytes: 100,
        single_file_bytes: 1000,
    };

    #[test]
    fn a_chunk_is_cut_past_its_size_at_a_new_family() {
        assert!(!SMALL.cut_before(99, "lucht", "zee"), "not full yet");
        assert!(SMALL.cut_before(100, "lucht", "zee"), "full, a new family");
        assert!(
            !SMALL.cut_before(150, "luchtverdedig", "luchtvaart"),
            "full, but the same family: the compounds stay together"
        );
        assert!(
            SMALL.cut_before(200, "luchtverdedig", "luchtvaart"),
            "twice full: cut wherever"
        );
        assert!(
            SMALL.cut_before(100, "", "a"),
            "an empty last term shares nothing"
        );
    }

    #[test]
    fn one_file_up_to_its_size() {
        assert!(SMALL.fits_one_file(1000));
        assert!(!SMALL.fits_one_file(1001));
        assert!(Layout::default().fits_one_file(SINGLE_FILE_BYTES));
    }
}
