//! Sentences of a letter, with their offsets: split after `.`, `?`, `!` before a space, and at
//! blank lines (a date line or a heading is a sentence of its own); not after an abbreviation
//! (`d.d.`, `nr.`, `jl.`, `mln.`): a letter's date and a meeting's stand in one sentence.

/// Byte ranges of the sentences of `text`.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let end_here = match bytes[i] {
            b'.' => {
                bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace())
                    && !abbreviation(&text[start..i])
            }
            b'?' | b'!' => bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()),
            b'\n' => bytes.get(i + 1) == Some(&b'\n'),
            _ => false,
        };
        if end_here {
            push(text, start, i + 1, &mut out);
            start = i + 1;
        }
        i += 1;
    }
    push(text, start, text.len(), &mut out);
    out
}

/// Short words Dutch letters abbreviate with a full stop.
const ABBREVIATIONS: [&str; 24] = [
    "nr", "jl", "mln", "mld", "bijv", "ca", "dhr", "mevr", "mr", "dr", "drs", "ir", "prof", "blz",
    "art", "vs", "zgn", "resp", "incl", "excl", "evt", "max", "min", "nrs",
];

/// Whether the word before a full stop at the end of `before` is an abbreviation: one of
/// [`ABBREVIATIONS`] or a word with full stops inside (`d.d`, `a.s`, `t.b.v`).
fn abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
        || (word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.'))
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push((start + lead, end - trail));
    }
}

/// The first `bytes` of `text` at most, cut at a character boundary.
pub fn head(text: &str, bytes: usize) -> &str {
    let mut end = text.len().min(bytes);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The last `bytes` of `text` at most, cut at a character boundary.
pub fn tail(text: &str, bytes: usize) -> &str {
    let mut start = text.len().saturating_sub(bytes);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// Whether `haystack` contains `needle`, ignoring case.
pub fn contains_ci(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(&needle.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences_and_paragraphs() {
        let text = "Den Haag, 31 januari 2025\n\nHierbij stuur ik u de agenda. Het is 2.5 keer zo veel.\nKlaar";
        let parts: Vec<&str> = sentences(text)
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect();
        assert_eq!(
            parts,
            [
                "Den Haag, 31 januari 2025",
                "Hierbij stuur ik u de agenda.",
                "Het is 2.5 keer zo veel.",
                "Klaar"
            ]
        );
    }
}
