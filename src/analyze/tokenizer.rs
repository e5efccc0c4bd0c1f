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

/// Every word of `text`, in order.
pub fn words(text: &str) -> impl Iterator<Item = Word> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = chars.next()?;
            if is_word_char(c) && !super::fold::is_combining_mark(c) {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !is_word_char(c) {
                end = i;
                break;
            }
            chars.next();
        }
        Some(Word { start, end })
    })
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
    fn empty_and_symbol_only_text_has_no_words() {
        assert!(texts("").is_empty());
        assert!(texts(" - \" * 🙂 \u{0}").is_empty());
    }
}
