//! Excerpts: the passage of about [`WORDS`] words with the most distinct matched terms, whole
//! words, HTML-escaped, with matched words wrapped in `<mark>`. Escaping comes first, so a letter
//! can never put markup in the page.

use crate::analyze::Token;

pub const WORDS: usize = 30;

/// The excerpt of `body`, whose tokens are `tokens`; `matched` tells which tokens to mark.
pub fn excerpt(body: &str, tokens: &[Token], matched: &dyn Fn(&Token) -> bool) -> String {
    if tokens.is_empty() {
        return String::new();
    }
    let start = best_window(tokens, matched);
    let end = (start + WORDS).min(tokens.len());
    let mut out = String::new();
    if start > 0 {
        out.push_str("… ");
    }
    for (i, token) in tokens[start..end].iter().enumerate() {
        if i > 0 {
            let gap = &body[tokens[start + i - 1].end..token.start];
            push_gap(&mut out, gap);
        }
        let word = &body[token.start..token.end];
        if matched(token) {
            out.push_str("<mark>");
            push_escaped(&mut out, word);
            out.push_str("</mark>");
        } else {
            push_escaped(&mut out, word);
        }
    }
    // Keep the punctuation that closes the last word (`plaats.`), up to the next space.
    let last = tokens[end - 1].end;
    let tail = body[last..].split(char::is_whitespace).next().unwrap_or("");
    push_escaped(&mut out, tail);
    if end < tokens.len() {
        out.push_str(" …");
    }
    out
}

/// The first token of the window holding the most distinct matched terms, then the most matches.
fn best_window(tokens: &[Token], matched: &dyn Fn(&Token) -> bool) -> usize {
    let hits: Vec<usize> = (0..tokens.len()).filter(|&i| matched(&tokens[i])).collect();
    let mut best = (0, 0, 0);
    for &hit in &hits {
        // Start a little before the match, so the excerpt gives it some context.
        let start = hit
            .saturating_sub(WORDS / 4)
            .min(tokens.len().saturating_sub(WORDS));
        let window = &tokens[start..(start + WORDS).min(tokens.len())];
        let mut terms: Vec<&str> = window
            .iter()
            .filter(|t| matched(t))
            .map(|t| t.term.as_str())
            .collect();
        let count = terms.len();
        terms.sort_unstable();
        terms.dedup();
        if (terms.len(), count) > (best.0, best.1) {
            best = (terms.len(), count, start);
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

fn push_escaped(out: &mut String, s: &str) {
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
    use crate::analyze::Analyzer;

    fn cut(body: &str, word: &str) -> String {
        let tokens = Analyzer::new().analyze(body);
        excerpt(body, &tokens, &|t: &Token| t.term == word)
    }

    #[test]
    fn marks_matches_and_joins_lines() {
        assert_eq!(
            cut("De steun aan\nOekraïne blijft.", "steun"),
            "De <mark>steun</mark> aan Oekraïne blijft."
        );
    }

    #[test]
    fn escapes_markup_before_marking() {
        let e = cut("a <script>alert(1)</script> & steun", "steun");
        assert_eq!(
            e,
            "a &lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>steun</mark>"
        );
    }

    #[test]
    fn centres_on_the_match_in_a_long_text() {
        let body = format!("{} Vilnius {}", "woord ".repeat(100), "woord ".repeat(100));
        let e = cut(&body, "vilnius");
        assert!(e.starts_with("… ") && e.ends_with(" …"), "{e}");
        assert!(e.contains("<mark>Vilnius</mark>"));
        assert_eq!(
            e.split_whitespace().filter(|w| *w == "woord").count(),
            WORDS - 1
        );
    }

    #[test]
    fn prefers_the_window_with_more_distinct_terms() {
        let body = format!("alpha {} alpha beta", "woord ".repeat(60));
        let tokens = Analyzer::new().analyze(&body);
        let e = excerpt(&body, &tokens, &|t: &Token| {
            t.term == "alpha" || t.term == "beta"
        });
        assert!(e.contains("<mark>alpha</mark> <mark>beta</mark>"), "{e}");
    }
}
