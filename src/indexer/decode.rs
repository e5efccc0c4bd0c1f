//! A letter file's bytes as text: UTF-16 by its byte-order mark or its NULs, else UTF-8 where
//! it is valid and Windows-1252 byte by byte where it is not (what old Windows tools write);
//! control characters taken out; and whether what came out is text at all.

/// Windows-1252 for the bytes 0x80..=0x9F; the others are Latin-1. Its five unassigned bytes map
/// to the C1 controls of the same number, as the WHATWG decoder does, so nothing is lost.
const CP1252_80_9F: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

pub(super) fn cp1252(byte: u8) -> char {
    match byte {
        0x80..=0x9F => CP1252_80_9F[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// How a letter's bytes were read.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum ReadAs {
    Utf8,
    /// UTF-8 but for this many bytes, read as Windows-1252.
    Cp1252(usize),
    /// UTF-16, by its byte-order mark or by its NULs; `bad` unpaired surrogates.
    Utf16 {
        bom: bool,
        bad: usize,
    },
}

/// The text of `bytes`, and how it was read: UTF-16 by its byte-order mark (or by a NUL in every
/// other byte, which no text in another encoding has), else UTF-8 where it is valid and
/// Windows-1252 byte by byte where it is not.
pub(super) fn decode(bytes: &[u8]) -> (String, ReadAs) {
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((rest, true, true)),
        [0xFE, 0xFF, rest @ ..] => Some((rest, false, true)),
        _ => nul_parity(bytes).map(|little| (bytes, little, false)),
    };
    if let Some((rest, little, bom)) = utf16 {
        let units = rest.chunks_exact(2).map(|pair| {
            let pair = [pair[0], pair[1]];
            if little {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        });
        let mut bad = rest.len() % 2;
        let text = char::decode_utf16(units)
            .map(|c| {
                c.unwrap_or_else(|_| {
                    bad += 1;
                    char::REPLACEMENT_CHARACTER
                })
            })
            .collect();
        return (text, ReadAs::Utf16 { bom, bad });
    }
    let (text, fallback) = utf8_or_cp1252(bytes);
    let read_as = if fallback > 0 {
        ReadAs::Cp1252(fallback)
    } else {
        ReadAs::Utf8
    };
    (text, read_as)
}

/// Whether `bytes` look like UTF-16 without a byte-order mark: of an even length, with NULs in
/// most bytes of one parity (the high bytes of Latin letters) and in hardly any of the other;
/// Some(true) for little-endian.
pub(super) fn nul_parity(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 8 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let mut nuls = [0usize; 2];
    for (i, &b) in bytes.iter().enumerate() {
        nuls[i % 2] += usize::from(b == 0);
    }
    let half = bytes.len() / 2;
    let mostly = |n: usize| n * 10 >= half * 7;
    let hardly = |n: usize| n * 20 <= half;
    if mostly(nuls[1]) && hardly(nuls[0]) {
        Some(true)
    } else if mostly(nuls[0]) && hardly(nuls[1]) {
        Some(false)
    } else {
        None
    }
}

/// A warning for a text that is mostly no text (a binary file, an encoding no reader guessed):
/// fewer than half of its characters that are not white space are letters or digits, or a
/// quarter of them were `odd` (bytes that were no UTF-8, control characters, broken UTF-16),
/// where a letter saved by an old Windows tool has a few in a hundred.
pub(super) fn unreadable(text: &str, odd: usize) -> Option<String> {
    let (mut shown, mut words) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        shown += 1;
        words += usize::from(c.is_alphanumeric());
    }
    let shown = shown.max(1);
    if words * 2 < shown {
        Some(format!(
            "mostly unreadable: {} % of its characters are letters or digits; is it text?",
            words * 100 / shown
        ))
    } else if odd * 4 > shown {
        Some(format!(
            "mostly unreadable: {odd} bytes or characters were no text; is it text?"
        ))
    } else {
        None
    }
}

/// The text of `bytes`: UTF-8 where it is valid, Windows-1252 byte by byte where it is not; and
/// how many bytes were read as Windows-1252.
pub(super) fn utf8_or_cp1252(bytes: &[u8]) -> (String, usize) {
    let mut out = String::with_capacity(bytes.len());
    let mut rest = bytes;
    let mut fallback = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                out.push_str(valid);
                return (out, fallback);
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                // `valid_up_to` bytes are valid UTF-8, so this never falls back to the default.
                out.push_str(std::str::from_utf8(valid).unwrap_or_default());
                let bad = e.error_len().unwrap_or(after.len()).max(1);
                for &byte in &after[..bad] {
                    out.push(cp1252(byte));
                }
                fallback += bad;
                rest = &after[bad..];
            }
        }
    }
}

/// `text` with control characters other than tab, newline, carriage return and form feed
/// replaced by spaces; and how many there were.
pub(super) fn without_controls(text: String) -> (String, usize) {
    let is_bad = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}');
    let count = text.chars().filter(|&c| is_bad(c)).count();
    if count == 0 {
        return (text, 0);
    }
    let cleaned = text
        .chars()
        .map(|c| if is_bad(c) { ' ' } else { c })
        .collect();
    (cleaned, count)
}
