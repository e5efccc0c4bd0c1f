//! Excerpts: the passage of about [`WORDS`] words with the most distinct matched clauses, whole
//! words, HTML-escaped, with matched words wrapped in `<mark>`. Escaping comes first, so a letter
//! can never put markup in the page.
//!
//! What matched is known from the postings, as word positions; position `i` is the `i`-th word of
//! the body, so the tokenizer alone (no stemming) finds it.

use crate::analyze::Word;

pub const WORDS: usize = 30;
/// Excerpts are cut from the letter's first this many bytes (about 20,000 words, a report of
/// sixty pages): what an excerpt costs does not grow with the letter past that. A letter whose
/// matches all lie further on shows its opening; the reader marks every match.
pub const SCAN_BYTES: usize = 128 * 1024;
/// A longer word (a number of 20,000 digits, a URL) is cut, so it cannot widen the page.
pub const MAX_WORD_CHARS: usize = 40;
/// Longer runs of punctuation between words (a line of dots) are cut likewise.
const MAX_GAP_CHARS: usize = 12;

/// A matched word: its position, and which query clause it matched.
pub type Match = (u32, u16);

/// The excerpt of `body`, whose words are `words`; `matched` is sorted by position.
#[cfg(test)]
pub fn excerpt(body: &str, words: &[Word], matched: &[Match]) -> String {
    render(body, words, matched, best_window(words.len(), matched, &[]))
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
            push_cut(&mut out, word, MAX_WORD_CHARS);
            out.push_str("</mark>");
        } else {
            push_cut(&mut out, word, MAX_WORD_CHARS);
        }
    }
    // Keep the punctuation that closes the last word (`plaats.`), up to the next space.
    let last = words[end - 1].end;
    let tail = body[last..].split(char::is_whitespace).next().unwrap_or("");
    push_cut(&mut out, tail, MAX_GAP_CHARS);
    if end < words.len() {
        out.push_str(" …");
    }
    out
}

/// The first word of the window whose distinct matched clauses weigh most (`weight`, by clause:
/// the rarer the word the more; a clause past its end weighs 1), then with the most matches (the
/// first such window). `matched` ascends by position. One pass: the window slides forward with
/// its anchor, so a letter with a hundred thousand matches costs no more than its matches.
/// Integer weights, so that the sums the window slides with are exact.
pub fn best_window(len: usize, matched: &[Match], weight: &[u32]) -> usize {
    let weight = |c: u16| weight.get(usize::from(c)).copied().unwrap_or(1);
    let clauses = matched
        .iter()
        .map(|m| usize::from(m.1) + 1)
        .max()
        .unwrap_or(0);
    let mut per_clause = vec![0u32; clauses];
    let (mut distinct, mut inside) = (0u32, 0usize);
    let (mut lo, mut hi) = (0, 0);
    let mut best = (0, 0, 0);
    for &(position, _) in matched {
        // Start a little before the match, so the excerpt gives it some context.
        let start = (position as usize)
            .saturating_sub(WORDS / 4)
            .min(len.saturating_sub(WORDS));
        while hi < matched.len() && (matched[hi].0 as usize) < start + WORDS {
            let c = &mut per_clause[usize::from(matched[hi].1)];
            distinct += if *c == 0 { weight(matched[hi].1) } else { 0 };
            *c += 1;
            inside += 1;
            hi += 1;
        }
        while lo < hi && (matched[lo].0 as usize) < start {
            let c = &mut per_clause[usize::from(matched[lo].1)];
            *c -= 1;
            distinct -= if *c == 0 { weight(matched[lo].1) } else { 0 };
            inside -= 1;
            lo += 1;
        }
        if (distinct, inside) > (best.0, best.1) {
            best = (distinct, inside, start);
        }
    }
    best.2
}

/// `text` escaped, cut after `max` characters with an ellipsis.
fn push_cut(out: &mut String, text: &str, max: usize) {
    match text.char_indices().nth(max) {
        Some((i, _)) => {
            push_escaped(out, &text[..i]);
            out.push('…');
        }
        None => push_escaped(out, text),
    }
}

/// Whitespace between words (PDF line breaks included) becomes one space; punctuation stays.
fn push_gap(out: &mut String, gap: &str) {
    let mut space = false;
    let mut kept = 0;
    for c in gap.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        kept += 1;
        if kept <= MAX_GAP_CHARS {
            push_escaped_char(out, c);
        } else if kept == MAX_GAP_CHARS + 1 {
            out.push('…');
        }
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
    fn long_tokens_and_runs_of_punctuation_are_cut() {
        let long = "9".repeat(20_000);
        let body = format!("het getal {long} en {} daarna", ".".repeat(5_000));
        let e = cut(&body, &[2]);
        assert!(e.len() < 200, "{} bytes", e.len());
        assert!(
            e.contains(&format!("<mark>{}…</mark>", "9".repeat(MAX_WORD_CHARS))),
            "{e}"
        );
        assert!(
            e.contains(&format!(" {}… daarna", ".".repeat(MAX_GAP_CHARS))),
            "{e}"
        );
    }

    /// The window the quadratic search of an earlier version chose, as the oracle.
    fn best_window_by_brute_force(len: usize, matched: &[Match], weight: &[u32]) -> usize {
        let mut best = (0, 0, 0);
        for &(position, _) in matched {
            let start = (position as usize)
                .saturating_sub(WORDS / 4)
                .min(len.saturating_sub(WORDS));
            let inside: Vec<u16> = matched
                .iter()
                .filter(|m| (start..start + WORDS).contains(&(m.0 as usize)))
                .map(|m| m.1)
                .collect();
            let mut clauses = inside.clone();
            clauses.sort_unstable();
            clauses.dedup();
            let weighs: u32 = clauses
                .iter()
                .map(|&c| weight.get(usize::from(c)).copied().unwrap_or(1))
                .sum();
            if (weighs, inside.len()) > (best.0, best.1) {
                best = (weighs, inside.len(), start);
            }
        }
        best.2
    }

    #[test]
    fn the_sliding_window_chooses_what_the_brute_force_chooses() {
        let mut state = 7u64;
        let mut next = |n: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % n
        };
        for _ in 0..500 {
            let len = 1 + next(400) as usize;
            let mut matched: Vec<Match> = (0..next(60))
                .map(|_| (next(len as u64) as u32, next(4) as u16))
                .collect();
            matched.sort_unstable();
            matched.dedup_by_key(|m| m.0);
            let weight: Vec<u32> = (0..next(5)).map(|_| next(3000) as u32).collect();
            assert_eq!(
                best_window(len, &matched, &weight),
                best_window_by_brute_force(len, &matched, &weight),
                "{len} {matched:?}"
            );
        }
    }

    #[test]
    fn no_match_gives_the_opening_words() {
        let e = cut("een twee drie", &[]);
        assert_eq!(e, "een twee drie");
    }
}
