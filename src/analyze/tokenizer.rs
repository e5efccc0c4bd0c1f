//! Splits text into words: maximal runs of letters, digits and combining marks, with byte offsets.

/// A word as it stands in the text: `text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
}

/// Combining marks belong to the word they follow, so decomposed input (`i` + U+0308) stays whole.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || super::fold::is_combining_mark(c)
}

/// Every word of `text`, in order. Scans bytes: ASCII, nearly all of the text, is classified by
/// one comparison, and only other bytes are decoded to a character and looked up.
pub fn words(text: &str) -> impl Iterator<Item = Word> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    // The character at byte `at`, which is always a character boundary here.
    let char_at = move |at: usize| text[at..].chars().next().unwrap_or(' ');
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() || (b == b'%' && after_number(bytes, i)) {
                break;
            }
            if b < 0x80 {
                i += 1;
                continue;
            }
            let c = char_at(i);
            // A combining mark with no letter before it starts no word.
            if c.is_alphanumeric() {
                break;
            }
            i += c.len_utf8();
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        // `%` after a number is a word of its own, read as `procent` (`2%` is `2 procent`).
        if bytes[i] == b'%' {
            i += 1;
            return Some(Word { start, end: i });
        }
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                i += 1;
            } else if b < 0x80 {
                break;
            } else {
                let c = char_at(i);
                if !is_word_char(c) {
                    break;
                }
                i += c.len_utf8();
            }
        }
        Some(Word { start, end: i })
    })
}

/// Whether the `%` at `at` follows a number, directly or after one space (`2%`, `3,5 %`).
fn after_number(bytes: &[u8], at: usize) -> bool {
    let before = match at.checked_sub(1).map(|b| bytes[b]) {
        Some(b' ') => at.checked_sub(2).map(|b| bytes[b]),
        other => other,
    };
    before.is_some_and(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        words(s).map(|w| &s[w.start..w.end]).collect()
    }

    #[test]
    fn splits_on_punctuation_and_space() {
        assert_eq!(
            texts("Op 15 en 16 juni, in Brussel: NAVO-Top."),
            [
                "Op", "15", "en", "16", "juni", "in", "Brussel", "NAVO", "Top"
            ]
        );
    }

    #[test]
    fn a_percent_sign_after_a_number_is_a_word() {
        assert_eq!(
            texts("2% en 3,5 % maar 50%-norm, % alleen, a% en 7 %%"),
            [
                "2", "%", "en", "3", "5", "%", "maar", "50", "%", "norm", "alleen", "a", "en", "7",
                "%"
            ]
        );
    }

    #[test]
    fn keeps_diacritics_and_decomposed_marks_inside_words() {
        assert_eq!(
            texts("Oekraïne Oekrai\u{308}ne"),
            ["Oekraïne", "Oekrai\u{308}ne"]
        );
    }

    #[test]
    fn a_leading_combining_mark_starts_no_word() {
        assert_eq!(texts("\u{308} a"), ["a"]);
    }

    #[test]
    fn offsets_are_byte_offsets() {
        let s = "€ 87 mln";
        let w: Vec<_> = words(s).collect();
        assert_eq!(w[0], Word { start: 4, end: 6 });
    }

    #[test]
    fn non_ascii_letters_and_separators() {
        assert_eq!(
            texts("NAVO’s «enablement» € 87 mln"),
            ["NAVO", "s", "enablement", "87", "mln"]
        );
        assert_eq!(texts("Россия ελλάδα"), ["Россия", "ελλάδα"]);
    }

    #[test]
    fn pdf_typography_separates_words() {
        assert_eq!(
            texts("\u{f0b7} Zoals ‘burden-sharing’ – 2023–2024 t/m d.d. “NAVO-norm”"),
            [
                "Zoals", "burden", "sharing", "2023", "2024", "t", "m", "d", "d", "NAVO", "norm"
            ]
        );
        assert_eq!(
            texts("’s-Gravenhage €5 miljard, 2%"),
            ["s", "Gravenhage", "5", "miljard", "2", "%"]
        );
    }

    #[test]
    fn empty_and_symbol_only_text_has_no_words() {
        assert!(texts("").is_empty());
        assert!(texts(" - \" * 🙂 \u{0}").is_empty());
    }
}
