//! The inflated size of a PDF's streams, measured before the reader inflates them, so a bomb
//! costs a bounded count of bytes streamed through, not gigabytes of memory.
//!
//! Twice: over the raw file before it is parsed (the parser inflates object streams while it
//! loads), and over the parsed document (its streams decrypted) before the text is read. Each
//! stream is counted as `lopdf` inflates it: zlib, and where that fails at once, raw deflate
//! after the two header bytes; what came out before an error counts too. A stream the reader
//! would decode with a filter whose output cannot be bounded this way (LZW, a chain of filters)
//! is refused: letters are written with plain deflate.

use super::Problem;
use flate2::read::{DeflateDecoder, ZlibDecoder};
use pdf_extract::{Document, Object};
use std::io::Read;

/// `Err(Problem::Bomb)` when the streams of the raw file inflate to more than `limit` bytes
/// together, images left out (nothing inflates them).
pub fn raw_within(bytes: &[u8], limit: u64) -> Result<(), Problem> {
    let mut total = 0u64;
    let mut at = 0;
    while let Some(found) = find(&bytes[at..], b"stream") {
        let keyword = at + found;
        at = keyword + b"stream".len();
        // `endstream` ends one; `stream` then an end of line begins one.
        if bytes[..keyword].ends_with(b"end") {
            continue;
        }
        let start = match &bytes[at..] {
            [b'\r', b'\n', ..] => at + 2,
            [b'\n' | b'\r', ..] => at + 1,
            _ => continue,
        };
        let end = find(&bytes[start..], b"endstream").map_or(bytes.len(), |e| start + e);
        let head = &bytes[keyword.saturating_sub(2048)..keyword];
        let dict = find_last(head, b"obj").map_or(head, |o| &head[o..]);
        if find(dict, b"/Image").is_none() {
            total += inflated(&bytes[start..end], limit - total + 1);
            if total > limit {
                return Err(Problem::Bomb);
            }
        }
        at = end;
    }
    Ok(())
}

/// [`raw_within`] over the parsed document's streams (decrypted, where it was encrypted), and
/// a stream whose filters cannot be measured refused.
pub fn inflated_within(doc: &Document, limit: u64) -> Result<(), Problem> {
    let mut total = 0u64;
    for object in doc.objects.values() {
        let Object::Stream(stream) = object else {
            continue;
        };
        let image = stream
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|name| name == b"Image");
        if image {
            continue;
        }
        let filters = stream.filters().unwrap_or_default();
        match filters.as_slice() {
            [] => {}
            [b"FlateDecode"] => total += inflated(&stream.content, limit - total + 1),
            // Text filters: their output is at most the size of their input.
            [b"ASCIIHexDecode" | b"ASCII85Decode"] => {}
            [filter, ..] if filters.len() == 1 => {
                return Err(Problem::Filter(
                    String::from_utf8_lossy(filter).into_owned(),
                ));
            }
            _ => return Err(Problem::Filter("a chain of filters".into())),
        }
        if total > limit {
            return Err(Problem::Bomb);
        }
    }
    Ok(())
}

/// What `data` inflates to, counted up to `cap`: as zlib, and where that gives nothing, as raw
/// deflate after the two header bytes (as `lopdf` retries it).
fn inflated(data: &[u8], cap: u64) -> u64 {
    let zlib = counted(ZlibDecoder::new(data), cap);
    if zlib.1 || zlib.0 > 0 || data.len() <= 2 {
        return zlib.0;
    }
    counted(DeflateDecoder::new(&data[2..]), cap).0.max(zlib.0)
}

/// The bytes `reader` gives before its end, an error or `cap`; and whether it ended cleanly.
fn counted(mut reader: impl Read, cap: u64) -> (u64, bool) {
    let mut buffer = [0u8; 16 * 1024];
    let mut count = 0u64;
    while count < cap {
        match reader.read(&mut buffer) {
            Ok(0) => return (count, true),
            Ok(n) => count += n as u64,
            Err(_) => return (count, false),
        }
    }
    (count, false)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{Compression, write::ZlibEncoder};
    use std::io::Write;

    fn zlib(bytes: &[u8]) -> Vec<u8> {
        let mut e = ZlibEncoder::new(Vec::new(), Compression::best());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn pdf_with(stream: &[u8], dict: &str) -> Vec<u8> {
        let mut pdf = format!(
            "%PDF-1.5\n1 0 obj\n<< {dict} /Length {} >>\nstream\n",
            stream.len()
        )
        .into_bytes();
        pdf.extend_from_slice(stream);
        pdf.extend_from_slice(b"\nendstream\nendobj\n%%EOF\n");
        pdf
    }

    #[test]
    fn an_object_stream_bomb_is_counted_before_parsing() {
        let bomb = zlib(&vec![b' '; 3 << 20]);
        let pdf = pdf_with(&bomb, "/Type /ObjStm /N 1 /First 0 /Filter /FlateDecode");
        assert_eq!(raw_within(&pdf, 2 << 20), Err(Problem::Bomb));
        assert_eq!(raw_within(&pdf, 4 << 20), Ok(()));
        // An image is never inflated: not counted.
        let image = pdf_with(&bomb, "/Subtype /Image /Filter /FlateDecode");
        assert_eq!(raw_within(&image, 2 << 20), Ok(()));
    }

    #[test]
    fn a_broken_zlib_header_or_checksum_still_counts_what_inflates() {
        let mut broken = zlib(&vec![b'a'; 3 << 20]);
        broken[0] = 0; // no zlib header: lopdf inflates it as raw deflate
        assert!(inflated(&broken, u64::MAX) >= 3 << 20);
        let mut bad_sum = zlib(&vec![b'a'; 3 << 20]);
        let n = bad_sum.len();
        bad_sum[n - 1] ^= 0xff; // a wrong adler32 after all of it
        let counted = inflated(&bad_sum, u64::MAX);
        assert!(counted >= (3 << 20) - (64 << 10), "{counted}");
    }
}
