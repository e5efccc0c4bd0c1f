//! Little-endian integers, LEB128 varints and length-prefixed strings, written to a `Vec<u8>` and
//! read back by a [`Reader`] that never reads past the end: it returns `Error::Truncated` instead.

use crate::error::{Error, Result};
use crate::say::cat;

pub fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

pub fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    put_varint(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

pub fn put_str(out: &mut Vec<u8>, s: &str) {
    put_bytes(out, s.as_bytes());
}

/// CRC-32 (IEEE), bytewise from a table built on first use: a table built at compile time is 1 KB
/// of the wasm that no compression shrinks, and a faster slicing-by-16 crate carries 16 KB of
/// tables for files of a few kilobytes.
pub fn crc32(bytes: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = [0u32; 256];
        for (i, entry) in table.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xedb8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *entry = c;
        }
        table
    });
    !bytes.iter().fold(!0u32, |c, &b| {
        table[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8)
    })
}

pub use crate::hash::{NAME_HASH_BYTES, fnv64, fnv64_on, name_hash};

pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// What is being read, for the error message when the bytes run out.
    what: &'static str,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8], what: &'static str) -> Self {
        Reader {
            bytes,
            pos: 0,
            what,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    pub fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        if n > self.remaining() {
            return Err(Error::Truncated { what: self.what });
        }
        let slice = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(slice)
    }

    pub fn varint(&mut self) -> Result<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.take(1)?[0];
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(Error::corrupt(cat!(
            "varint longer than 64 bits in ",
            self.what
        )))
    }

    /// A varint that must fit in a u32 (doc numbers, positions, lengths).
    pub fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }

    pub fn u32(&mut self) -> Result<u32> {
        let v = self.varint()?;
        u32::try_from(v).map_err(|_| Error::corrupt(cat!(v, " is out of range in ", self.what)))
    }

    /// A count of items that each take at least one byte: it cannot exceed the bytes left, which
    /// keeps a corrupt count from allocating more memory than the file could ever fill.
    /// A size or offset that refers to other bytes than these (checked by the caller).
    pub fn usize(&mut self) -> Result<usize> {
        let v = self.varint()?;
        usize::try_from(v)
            .ok()
            .filter(|&n| n <= u32::MAX as usize)
            .ok_or_else(|| Error::corrupt(cat!(v, " is out of range in ", self.what)))
    }

    pub fn count(&mut self) -> Result<usize> {
        let n = self.varint()?;
        if n > self.remaining() as u64 {
            return Err(Error::Truncated { what: self.what });
        }
        Ok(n as usize)
    }

    pub fn bytes(&mut self) -> Result<&'a [u8]> {
        let n = self.varint()?;
        let n = usize::try_from(n).map_err(|_| Error::Truncated { what: self.what })?;
        self.take(n)
    }

    pub fn str(&mut self) -> Result<&'a str> {
        let what = self.what;
        std::str::from_utf8(self.bytes()?)
            .map_err(|_| Error::corrupt(cat!("invalid UTF-8 in ", what)))
    }

    /// `n` strings, owned. (Loops like this one, not `collect::<Result<Vec<_>>>()`: each such
    /// collect costs the wasm some 600 bytes of iterator adapters.)
    pub fn strings(&mut self, n: usize) -> Result<Vec<String>> {
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(self.str()?.to_string());
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_is_the_ieee_checksum() {
        // The check value of CRC-32/ISO-HDLC.
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn varints_round_trip_at_the_edges() {
        for v in [0, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            let mut out = Vec::new();
            put_varint(&mut out, v);
            let mut r = Reader::new(&out, "test");
            assert_eq!(r.varint().unwrap(), v);
            assert!(r.is_empty());
        }
    }

    #[test]
    fn reading_past_the_end_is_a_typed_error() {
        let mut r = Reader::new(&[0x80], "postings");
        assert_eq!(r.varint(), Err(Error::Truncated { what: "postings" }));
        let mut r = Reader::new(&[5, b'a'], "docs");
        assert_eq!(r.str(), Err(Error::Truncated { what: "docs" }));
    }

    #[test]
    fn an_overlong_varint_is_corrupt_not_a_panic() {
        let bytes = [0xff; 11];
        assert!(matches!(
            Reader::new(&bytes, "x").varint(),
            Err(Error::Corrupt { .. })
        ));
    }

    #[test]
    fn a_count_larger_than_the_bytes_left_is_refused() {
        let mut out = Vec::new();
        put_varint(&mut out, 1 << 40);
        assert!(Reader::new(&out, "docs").count().is_err());
    }
}
