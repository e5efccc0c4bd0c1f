//! Excerpts: the passage of about [`WORDS`] words with the most distinct matched clauses, whole
//! words, HTML-escaped, with matched words wrapped in `<mark>`. Escaping comes first, so a letter
//! can never put markup in the page.
//!
//! What matched is known from the postings, as word positions; position `i` is the `i`-th word of
//! the body, so the tokenizer alone (no stemming) finds it.

use crate::analyze::Word;

pub const WORDS: usize = 30;

/// A matched word: its position, and which query clause it matched.
pub type Match = (u32, u16);

/// The excerpt of `body`, whose words are `words`; `matched` is sorted by position.
#[cfg(test)]
pub fn excerpt(body: &str, words: &[Word], matched: &[Match]) -> String {
    render(body, words, matched, best_window(words.len(), matched))
}

/// The excerpt of [`WORDS`] words from word `start`.
pub fn render(body: &str, words: &[Word], matched: &[Match], start: usize) -> String {
    if words.is_empty() {
        return String::new();
    }
    let start = start.min(words.len() - 1);
    let end = (start + WORDS).min(words.len());
    let is_match = |i: usize| matched.binary_search_by(|m| (m.0 as usize).cmp(&i)).is_ok();
    let mut out = String::new();
    if start > 0 {
        out.push_str("… ");
    }
    for i in start..end {
        if i > start {
            push_gap(&mut out, &body[words[i - 1].end..words[i].start]);
        }
        let word = &body[words[i].start..words[i].end];
        if is_match(i) {
            out.push_str("<mark>");
            push_escaped(&mut out, word);
            out.push_str("</mark>");
        } else {
            push_escaped(&mut out, word);
        }
    }
    // Keep the punctuation that closes the last word (`plaats.`), up to the next space.
    let last = words[end - 1].end;
    let tail = body[last..].split(char::is_whitespace).next().unwrap_or("");
    push_escaped(&mut out, tail);
    if end < words.len() {
        out.push_str(" …");
    }
    out
}

/// The first word of the window holding the most distinct matched clauses, then the most matches.
pub fn best_window(len: usize, matched: &[Match]) -> usize {
    let mut best = (0, 0, 0);
    for &(position, _) in matched {
        // Start a little before the match, so the excerpt gives it some context.
        let start = (position as usize)
            .saturating_sub(WORDS / 4)
            .min(len.saturating_sub(WORDS));
        let inside: Vec<u16> = matched
            .iter()
            .filter(|m| (start..start + WORDS).contains(&(m.0 as usize)))
            .map(|m| m.1)
            .collect();
        let mut clauses = inside.clone();
        super::sort::sort(&mut clauses);
        clauses.dedup();
        if (clauses.len(), inside.len()) > (best.0, best.1) {
            best = (clauses.len(), inside.len(), start);
        }
    }
    best.2
}

/// Whitespace between words (PDF line breaks included) becomes one space; punctuation stays.
fn push_gap(out: &mut String, gap: &str) {
    let mut space = false;
    for c in gap.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        push_escaped_char(out, c);
    }
    if space {
        out.push(' ');
    }
}

pub fn push_escaped(out: &mut String, s: &str) {
    s.chars().for_each(|c| push_escaped_char(out, c));
}

fn push_escaped_char(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        c if c.is_control() => out.push(' '),
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::words;

    /// The excerpt of `body` with the words at `positions` matched (all one clause).
    fn cut(body: &str, positions: &[u32]) -> String {
        let w: Vec<Word> = words(body).collect();
        let matched: Vec<Match> = positions.iter().map(|&p| (p, 0)).collect();
        excerpt(body, &w, &matched)
    }

    #[test]
    fn marks_matches_and_joins_lines() {
        assert_eq!(
            cut("De steun aan\nOekraïne blijft.", &[1]),
            "De <mark>steun</mark> aan Oekraïne blijft."
        );
    }

    #[test]
    fn escapes_markup_before_marking() {
        let e = cut("a <script>alert(1)</script> & steun", &[5]);
        assert_eq!(
            e,
            "a &lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>steun</mark>"
        );
    }

    #[test]
    fn centres_on_the_match_in_a_long_text() {
        let body = format!("{} Vilnius {}", "woord ".repeat(100), "woord ".repeat(100));
        let e = cut(&body, &[100]);
        assert!(e.starts_with("… ") && e.ends_with(" …"), "{e}");
        assert!(e.contains("<mark>Vilnius</mark>"));
        assert_eq!(
            e.split_whitespace().filter(|w| *w == "woord").count(),
            WORDS - 1
        );
    }

    #[test]
    fn prefers_the_window_with_more_distinct_clauses() {
        let body = format!("alpha {} alpha beta", "woord ".repeat(60));
        let w: Vec<Word> = words(&body).collect();
        let e = excerpt(&body, &w, &[(0, 0), (61, 0), (62, 1)]);
        assert!(e.contains("<mark>alpha</mark> <mark>beta</mark>"), "{e}");
    }

    #[test]
    fn no_match_gives_the_opening_words() {
        let e = cut("een twee drie", &[]);
        assert_eq!(e, "een twee drie");
    }
}
