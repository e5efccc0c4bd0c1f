//! Posting lists, in two files per term range: rows (which letters, how often, how long they are)
//! in the term chunk, and word positions in the positions chunk beside it, which only phrases
//! need. Most queries never download a position. See `FORMAT.md`.

use super::bytes::{Reader, put_varint};
use crate::error::{Error, Result};
use crate::say::cat;

/// One letter's occurrences of one term, without their positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub doc: u32,
    /// Occurrences: as a word of its own and as a part of a compound.
    pub freq: u32,
    /// How many of them are the term as a word of its own.
    pub whole: u32,
    /// How many of them stand in a heading.
    pub headed: u32,
    /// The letter's length in words, as its norm byte keeps it (see [`norm`]).
    pub length: u32,
    /// Bit i: the letter writes the term as its i-th surface form (see the chunk).
    pub surfaces: u32,
}

/// The most surface forms a term keeps track of: one bit each in a row.
pub const MAX_SURFACES: usize = 16;

/// Appends a row; `last_doc` is the previous row's letter (0 before the first).
pub fn put_row(out: &mut Vec<u8>, row: &Row, last_doc: u32) {
    put_varint(out, u64::from(row.doc - last_doc));
    put_varint(out, u64::from(row.freq));
    put_varint(out, u64::from(row.whole));
    put_varint(out, u64::from(row.headed));
    out.push(norm(row.length));
    put_varint(out, u64::from(row.surfaces));
}

/// A row's counts in one byte when they are small, as most are: `(F − 1) << 6 | parts << 4 |
/// headed << 2 | mask`. gzip codes bytes, so one byte for the four counts lets it code them by
/// how often they occur together (a mask of 1 comes with a whole word, parts with few
/// occurrences), about a third smaller than four columns of their own.
fn shape(freq: u32, parts: u32, headed: u32, mask: u32) -> Option<u8> {
    let fits = (1..=3).contains(&freq) && parts <= 3 && headed <= 3 && mask <= 3;
    fits.then(|| ((freq - 1) << 6 | parts << 4 | headed << 2 | mask) as u8)
}

/// The shape byte of a row whose counts do not fit one: they follow in the last column.
const SPILLED: u8 = 0xC0;

/// Row-major rows (as the writer appends them with [`put_row`]) rewritten column by column:
/// every letter delta, then every row's shape, then every norm, then the counts that did not fit
/// a shape. Each column is runs of like values, which gzip packs far better than rows interleaved.
pub fn columns(row_major: &[u8], count: usize) -> Vec<u8> {
    let mut r = Reader::new(row_major, "posting rows");
    let mut cols: [Vec<u8>; 4] = Default::default();
    for _ in 0..count {
        // The writer's own bytes: a failure here is a bug, and the rows would be lost.
        let mut next = || r.u32().expect("rows the writer encoded");
        let (delta, freq, whole, headed) = (next(), next(), next(), next());
        let norm = r.u8().expect("rows the writer encoded");
        let mask = r.u32().expect("rows the writer encoded");
        put_varint(&mut cols[0], u64::from(delta));
        let parts = freq - whole;
        match shape(freq, parts, headed, mask) {
            Some(byte) => cols[1].push(byte),
            None => {
                cols[1].push(SPILLED);
                for n in [freq, parts, headed, mask] {
                    put_varint(&mut cols[3], u64::from(n));
                }
            }
        }
        cols[2].push(norm);
    }
    cols.concat()
}

/// Decodes `count` rows (stored by [`columns`]), checking each against the `docs` letters and
/// `surfaces` forms.
pub fn rows(bytes: &[u8], count: usize, docs: u32, surfaces: usize) -> Result<Vec<Row>> {
    let mut r = Reader::new(bytes, "a posting list");
    let letters = ascending(&mut r, count, docs, "a posting list's letters")?;
    let shapes = r.take(count)?;
    let norms = r.take(count)?;
    let mut out = Vec::with_capacity(count);
    for ((doc, &shape), &norm) in letters.into_iter().zip(shapes).zip(norms) {
        let byte = u32::from(shape);
        let [freq, parts, headed, mask] = match shape {
            SPILLED => [r.u32()?, r.u32()?, r.u32()?, r.u32()?],
            0xC1.. => return Err(Error::corrupt("a posting's shape byte is out of range")),
            _ => [(byte >> 6) + 1, byte >> 4 & 3, byte >> 2 & 3, byte & 3],
        };
        if freq == 0 || parts > freq || headed > freq {
            return Err(Error::corrupt("a posting's counts do not add up"));
        }
        if surfaces < 32 && mask >> surfaces != 0 {
            return Err(Error::corrupt(
                "a posting names a surface form that does not exist",
            ));
        }
        out.push(Row {
            doc,
            freq,
            whole: freq - parts,
            headed,
            length: denorm(norm)
                .ok_or_else(|| Error::corrupt("a letter's norm is out of range"))?,
            surfaces: mask,
        });
    }
    if !r.is_empty() {
        return Err(Error::corrupt("bytes after the last posting"));
    }
    Ok(out)
}

/// Appends one row's positions (ascending), delta-coded.
pub fn put_positions(out: &mut Vec<u8>, positions: &[u32]) {
    let mut last = 0;
    for &p in positions {
        put_varint(out, u64::from(p - last));
        last = p;
    }
}

/// The positions of each row, `rows[i].freq` of them, from a term's part of a positions chunk.
pub fn positions(bytes: &[u8], rows: &[Row]) -> Result<Vec<Vec<u32>>> {
    let mut r = Reader::new(bytes, "a positions list");
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push(ascending(&mut r, row.freq as usize, u32::MAX, "positions")?);
    }
    if !r.is_empty() {
        return Err(Error::corrupt("bytes after the last position"));
    }
    Ok(out)
}

/// `n` delta-coded numbers (the first as itself), strictly ascending, each below `bound`.
pub fn ascending(r: &mut Reader, n: usize, bound: u32, what: &str) -> Result<Vec<u32>> {
    let mut out = Vec::with_capacity(n.min(r.remaining()));
    let mut last = 0u32;
    for i in 0..n {
        let delta = r.u32()?;
        last = last
            .checked_add(delta)
            .filter(|&v| v < bound && (i == 0 || delta > 0))
            .ok_or_else(|| Error::corrupt(cat!(what, " out of order or out of range")))?;
        out.push(last);
    }
    Ok(out)
}

/// Lengths below this are kept exactly.
const NORM_EXACT: u32 = 16;
/// The largest norm byte: a length of about 2^32 words.
const NORM_MAX: u8 = 239;

/// A letter's length in one byte, as Lucene and tantivy keep field lengths: exact below 16 words,
/// then a float with three bits of mantissa, so each byte stands for a range 1/16 to 1/8 wide and
/// is read as its middle (at most 6.25% off). BM25 needs only the ratio to the average length,
/// and one byte per row means no query downloads a table of every letter's length. Finer steps
/// cost bits in every row of every posting list: at 1.04 per step this column was 35% larger.
pub fn norm(length: u32) -> u8 {
    if length < NORM_EXACT {
        return length as u8;
    }
    let exponent = 31 - length.leading_zeros(); // 4 or more
    let mantissa = (length >> (exponent - 3)) & 7;
    (NORM_EXACT + (exponent - 4) * 8 + mantissa) as u8
}

/// The length a norm byte stands for; `None` past [`NORM_MAX`].
pub fn denorm(byte: u8) -> Option<u32> {
    let byte = u32::from(byte);
    if byte < NORM_EXACT {
        return Some(byte);
    }
    if byte > u32::from(NORM_MAX) {
        return None;
    }
    let (exponent, mantissa) = ((byte - NORM_EXACT) / 8 + 4, (byte - NORM_EXACT) % 8);
    let step = 1 << (exponent - 3);
    Some((8 + mantissa) * step + step / 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norms_are_exact_when_short_and_within_a_sixteenth_when_long() {
        for len in 0..NORM_EXACT {
            assert_eq!(denorm(norm(len)), Some(len));
        }
        let mut last = 0;
        for len in (16..100_000).chain([1 << 20, 123_456_789, u32::MAX - 1, u32::MAX]) {
            let byte = norm(len);
            assert!(byte >= last && byte <= NORM_MAX, "{len} -> {byte}");
            last = byte;
            let back = f64::from(denorm(byte).unwrap());
            assert!(
                (back / f64::from(len) - 1.0).abs() <= 1.0 / 16.0,
                "{len} -> {back}"
            );
        }
        assert_eq!(norm(u32::MAX), NORM_MAX);
        assert_eq!(denorm(NORM_MAX + 1), None);
    }

    #[test]
    fn rows_and_positions_round_trip() {
        let rows_in = [
            Row {
                doc: 2,
                freq: 2,
                whole: 1,
                headed: 1,
                length: 42,
                surfaces: 0b1,
            },
            Row {
                doc: 9,
                freq: 1,
                whole: 0,
                headed: 0,
                length: 7,
                surfaces: 0,
            },
        ];
        let (mut bytes, mut pos) = (Vec::new(), Vec::new());
        let mut last = 0;
        for (row, p) in rows_in.iter().zip([&[3u32, 17][..], &[0]]) {
            put_row(&mut bytes, row, last);
            put_positions(&mut pos, p);
            last = row.doc;
        }
        let bytes = columns(&bytes, 2);
        let back = rows(&bytes, 2, 10, 1).unwrap();
        assert_eq!(back, rows_in);
        assert_eq!(positions(&pos, &back).unwrap(), [vec![3, 17], vec![0]]);
        assert!(rows(&bytes, 2, 9, 1).is_err(), "letter 9 of 9");
        assert!(rows(&bytes, 1, 10, 1).is_err(), "a row left over");
    }

    #[test]
    fn counts_too_large_for_a_shape_byte_spill_and_come_back() {
        let row = |doc, freq, whole, headed, surfaces| Row {
            doc,
            freq,
            whole,
            headed,
            length: 42,
            surfaces,
        };
        let rows_in = [
            row(0, 3, 0, 3, 0),     // the largest shape
            row(1, 4, 4, 0, 1),     // F too large
            row(2, 2, 2, 0, 4),     // a third surface form
            row(5, 900, 1, 899, 1), // everything large
            row(6, 1, 1, 1, 3),
        ];
        let mut bytes = Vec::new();
        let mut last = 0;
        for r in &rows_in {
            put_row(&mut bytes, r, last);
            last = r.doc;
        }
        let stored = columns(&bytes, rows_in.len());
        assert_eq!(rows(&stored, 5, 10, 3).unwrap(), rows_in);
        // The shapes follow the five letter deltas (one byte each here).
        assert_eq!(&stored[5..10], &[0xBC, SPILLED, SPILLED, SPILLED, 0x07]);
        assert!(rows(&stored, 5, 10, 2).is_err(), "surface form 2 of 2");
        for bad in [0xC1, 0xFF] {
            let mut damaged = stored.clone();
            damaged[5] = bad;
            assert!(rows(&damaged, 5, 10, 3).is_err(), "shape {bad:#x}");
        }
    }
}
