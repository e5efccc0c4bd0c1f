//! Characters that PDF text carries but nobody sees: the soft hyphen (U+00AD), a hyphenation
//! point that a PDF keeps inside words or at a line end, and the zero-width spaces and joiners.
//! Left in, each splits a word in two (`lucht\u{AD}verdediging` would be `lucht` and
//! `verdediging`). They go first, before anything reads lines or words.

use crate::analyze::is_invisible;

/// `text` without invisible characters; a soft hyphen that ends a line joins the line to the
/// next, as the word it broke was meant to be read.
pub fn remove(text: &str) -> String {
    if !text.chars().any(is_invisible) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{AD}' {
            // Spaces, then a line break: the word continues on the next line.
            let mut ahead = chars.clone();
            while ahead.next_if(|c| *c == ' ' || *c == '\t').is_some() {}
            ahead.next_if_eq(&'\r');
            if ahead.next_if_eq(&'\n').is_some() {
                while ahead.next_if(|c| *c == ' ' || *c == '\t').is_some() {}
                chars = ahead;
            }
            continue;
        }
        if !is_invisible(c) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soft_hyphens_and_zero_width_characters_leave_words_whole() {
        let cases = [
            ("lucht\u{AD}verdediging", "luchtverdediging"),
            ("lucht\u{AD}\nverdediging en", "luchtverdediging en"),
            ("lucht\u{AD} \r\n  verdediging", "luchtverdediging"),
            ("Oekr\u{200B}aïne \u{FEFF}NAVO\u{200D}", "Oekraïne NAVO"),
            ("geen\nwijziging", "geen\nwijziging"),
        ];
        for (text, cleaned) in cases {
            assert_eq!(remove(text), cleaned, "{text:?}");
        }
    }
}
