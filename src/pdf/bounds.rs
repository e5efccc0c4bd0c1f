//! The inflated size of a PDF's streams, measured before the reader inflates them, so a bomb
//! costs a bounded count of bytes streamed through, not gigabytes of memory.

use super::Problem;
use flate2::read::ZlibDecoder;
use pdf_extract::{Document, Object};
use std::io::Read;

/// `Err(Problem::Bomb)` when the compressed streams other than images inflate to more than
/// `limit` bytes together. Images are left: the text reader never inflates them.
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
        let flate = stream
            .filters()
            .is_ok_and(|filters| filters.contains(&&b"FlateDecode"[..]));
        if image || !flate {
            continue;
        }
        // Counted, not kept: at most what is left of the limit, plus one byte to see past it.
        let mut decoder = ZlibDecoder::new(&stream.content[..]).take(limit - total + 1);
        total += std::io::copy(&mut decoder, &mut std::io::sink()).unwrap_or(0);
        if total > limit {
            return Err(Problem::Bomb);
        }
    }
    Ok(())
}
