//! Codes of letters and a number: `F-16`, `F16` and `f 16` are one thing, the term `f16`.
//! The tokenizer gives `F-16` and `f 16` as two words (`f`, `16`); this finds such pairs: one or
//! two letters, then a number, with a hyphen, one space, or nothing between them.

use super::Word;

/// Whether words `a` and `b` of `text` form a code. `uppercase` demands capitals (`F-16`), which
/// keeps running text (`t/m 1 september`) from making codes in the index.
pub fn is_code(text: &str, a: Word, b: Word, uppercase: bool) -> bool {
    let (left, gap, right) = (
        &text[a.start..a.end],
        &text[a.end..b.start],
        &text[b.start..b.end],
    );
    let letters = left.chars().count() <= 2 && left.chars().all(|c| c.is_ascii_alphabetic());
    let capitals = !uppercase || left.chars().all(|c| c.is_ascii_uppercase());
    let number = right.chars().all(|c| c.is_ascii_digit());
    // A year after a space is a date, not a code's number: `AO 2009` is the debate of 2009,
    // `GA 2014` the agenda of 2014.
    let year =
        gap == " " && right.len() == 4 && (right.starts_with("19") || right.starts_with("20"));
    letters && capitals && number && !year && matches!(gap, "-" | " " | "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::words;

    fn pair(text: &str, uppercase: bool) -> bool {
        let w: Vec<Word> = words(text).collect();
        is_code(text, w[0], w[1], uppercase)
    }

    #[test]
    fn recognises_codes() {
        assert!(pair("F-16", true));
        assert!(pair("F 35", true));
        assert!(pair("f 16", false));
        assert!(pair("MQ-9", true));
    }

    #[test]
    fn ignores_words_and_running_text() {
        assert!(!pair("t/m 1", true));
        assert!(!pair("nr. 449", false));
        assert!(!pair("NAVO-2024", true));
        assert!(!pair("f  16", false));
        assert!(!pair("AO 2009", false), "a year after a space");
        assert!(!pair("GA 2014", true));
    }
}
