//! Query parsing. The query text goes through the same analyzer as the letters; on top of its
//! words the syntax has two operators:
//! - `"quoted words"`: a phrase, the words in this order side by side (stop words included);
//!   an unclosed quote runs to the end of the query;
//! - `-word`, `-"a phrase"`: letters containing it are left out.
//!
//! Words joined without a space (`NAVO-top`, `NAVO’s`) are a phrase too. The last word is a
//! prefix while it is being typed: when the query does not end in a space or a quote.
//!
//! (Longer than 400 lines with its tests, which read best beside the grammar they pin down.)

use crate::analyze::{Analyzer, Token, fold, is_invisible, lowercase};
use crate::say::cat;

/// Queries longer than this many clauses are cut: every clause must match, so more is noise.
/// With [`MAX_PHRASE_WORDS`] and the caps on prefixes and typos (`expand.rs`), this bounds the
/// work of a query whatever its length: reading it is linear, searching it is at most 32 clauses
/// of at most 50 terms or 32 phrase words each.
pub const MAX_CLAUSES: usize = 32;
/// Phrases longer than this are cut to their first words.
pub const MAX_PHRASE_WORDS: usize = 32;
/// Query text past this many characters is not read: a page of pasted text (400,000
/// characters held the page's thread for 8 s) says no more than its first thousand characters,
/// whose words already pass [`MAX_CLAUSES`]; the answer says the query was cut (`cut`).
pub const MAX_QUERY_CHARS: usize = 1000;

/// `text` cut to [`MAX_QUERY_CHARS`] characters, at the last white space before the cut when one
/// is near (a word is not cut in two); and whether it was cut.
pub fn cut(text: &str) -> (&str, bool) {
    let Some((at, _)) = text.char_indices().nth(MAX_QUERY_CHARS) else {
        return (text, false);
    };
    let head = &text[..at];
    let near = head
        .char_indices()
        .rev()
        .take(64)
        .find(|(_, c)| c.is_whitespace());
    (near.map_or(head, |(i, _)| &head[..i]), true)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    Term {
        /// The analyzed term.
        term: String,
        /// The word folded but not stemmed: prefixes and highlighting use it.
        word: String,
        /// The word as typed, lowercased (diacritics kept): exact matches rank higher.
        surface: String,
        /// Also match terms that start with `word`.
        prefix: bool,
    },
    Phrase {
        terms: Vec<String>,
        /// Typed in quotes: taken as typed, never expanded. Else a joined word (`Secretaris-
        /// Generaal`, `NATO-Ukraine`), which may stand for something else as a whole, and
        /// which letters may have only as its words.
        quoted: bool,
        /// The words as typed, lowercased: what a hit that lacks them says it misses.
        surface: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// What letters must contain.
    pub must: Vec<Clause>,
    /// What letters must not contain.
    pub must_not: Vec<Clause>,
}

impl Clause {
    /// The words of the clause as the visitor typed them (lowercased): what a partial hit says
    /// it misses.
    pub fn words(&self) -> String {
        match self {
            Clause::Term { surface, .. } => surface.clone(),
            Clause::Phrase {
                surface,
                quoted: true,
                ..
            } => cat!('"', surface, '"'),
            Clause::Phrase { surface, .. } => surface.clone(),
        }
    }
}

/// Dates typed in numbers (`15-04-2020`, `15/4/2020`, `15.04.2020`) as Dutch writes them in
/// words (`15 april 2020`): how the letters write their dates, and how their metadata indexes
/// them. Anything else is kept as typed. Written as one pass over the bytes: the wasm carries it.
fn numeric_dates(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    // A byte of a letter or digit, or of a character beyond ASCII (a letter, most likely).
    let word_byte = |b: &u8| b.is_ascii_alphanumeric() || *b >= 0x80;
    let mut i = 0;
    while i < bytes.len() {
        // A run of digits and separators that starts a word.
        let starts = bytes[i].is_ascii_digit() && (i == 0 || !word_byte(&bytes[i - 1]));
        if !starts {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < bytes.len() && matches!(bytes[end], b'0'..=b'9' | b'-' | b'/' | b'.') {
            end += 1;
        }
        // Separators after the date (`1.2.2024.`) end a sentence, not the date.
        let mut date_end = end;
        while matches!(bytes[date_end - 1], b'-' | b'/' | b'.') {
            date_end -= 1;
        }
        let alone = !bytes.get(end).is_some_and(word_byte);
        if let Some((day, month)) = alone.then(|| date_of(&bytes[i..date_end])).flatten() {
            out.push_str(&text[copied..i]);
            out.push_str(&text[i + day.start..i + day.end]);
            out.push(' ');
            out.push_str(month);
            out.push(' ');
            out.push_str(&text[date_end - 4..date_end]);
            copied = date_end;
        }
        i = end;
    }
    out.push_str(&text[copied..]);
    out
}

/// The day's digits (without a leading zero) and the month's name of `d-m-yyyy` (or with `/` or
/// `.`), for a real day and month.
fn date_of(run: &[u8]) -> Option<(std::ops::Range<usize>, &'static str)> {
    let mut field = [0u32; 3];
    let mut len = [0usize; 3];
    let mut k = 0;
    for &c in run {
        if c.is_ascii_digit() {
            field[k] = field[k] * 10 + u32::from(c - b'0');
            len[k] += 1;
            if len[k] > 4 {
                return None;
            }
        } else {
            k += 1;
            if k == 3 {
                return None;
            }
        }
    }
    let shape = k == 2
        && (1..=2).contains(&len[0])
        && (1..=2).contains(&len[1])
        && len[2] == 4
        && (1..=31).contains(&field[0]);
    let month = crate::meta::MONTHS.get((field[1] as usize).checked_sub(1)?)?;
    let zero = usize::from(len[0] == 2 && run[0] == b'0');
    shape.then_some((zero..len[0], *month))
}

impl Query {
    pub fn parse(text: &str, analyzer: &Analyzer) -> Query {
        let mut query = Query {
            must: Vec::new(),
            must_not: Vec::new(),
        };
        // A word pasted from a PDF may carry a soft hyphen: gone from the letters, gone here.
        let visible: String = text.chars().filter(|&c| !is_invisible(c)).collect();
        let dated = numeric_dates(&visible);
        // From here on the text is the visible one: offsets into it must not meet the original.
        let text = dated.as_str();
        let mut rest = text;
        let mut last_was_open_word = false;
        while !rest.is_empty() {
            let (segment, quoted, after) = next_segment(rest);
            if quoted {
                let terms: Vec<String> = analyzer
                    .analyze(segment)
                    .into_iter()
                    .map(|t| t.term)
                    .collect();
                if !terms.is_empty() {
                    query.push(
                        Clause::Phrase {
                            terms,
                            quoted: true,
                            surface: lowercase(segment.trim()),
                        },
                        segment_negated(text, rest),
                    );
                }
                last_was_open_word = false;
            } else {
                last_was_open_word = query.push_words(segment, analyzer);
            }
            rest = after;
        }
        let open = last_was_open_word && !text.ends_with(char::is_whitespace);
        if open && let Some(Clause::Term { prefix, .. }) = query.must.last_mut() {
            *prefix = true;
        }
        query.must.truncate(MAX_CLAUSES);
        query.must_not.truncate(MAX_CLAUSES);
        query
    }

    fn push(&mut self, mut clause: Clause, negated: bool) {
        if let Clause::Phrase { terms, .. } = &mut clause {
            terms.truncate(MAX_PHRASE_WORDS);
        }
        let list = if negated {
            &mut self.must_not
        } else {
            &mut self.must
        };
        if !list.contains(&clause) {
            list.push(clause);
        }
    }

    /// Adds the words of unquoted text; true when the text ends in a positive single word.
    fn push_words(&mut self, text: &str, analyzer: &Analyzer) -> bool {
        let tokens = analyzer.analyze(text);
        let mut last_positive_term = false;
        for group in word_groups(text, &tokens) {
            let first = &group[0];
            let negated = text[..first.start].ends_with('-')
                && text[..first.start - 1]
                    .chars()
                    .next_back()
                    .is_none_or(char::is_whitespace);
            let clause = if group.len() == 1 {
                Clause::Term {
                    term: first.term.clone(),
                    // A code's word is its joined form: `f16`, not `f-16`.
                    word: fold(&text[first.start..first.end])
                        .chars()
                        .filter(|c| c.is_alphanumeric())
                        .collect(),
                    surface: lowercase(&text[first.start..first.end]),
                    prefix: false,
                }
            } else {
                Clause::Phrase {
                    terms: group.iter().map(|t| t.term.clone()).collect(),
                    quoted: false,
                    surface: lowercase(&text[first.start..group[group.len() - 1].end]),
                }
            };
            last_positive_term = !negated && group.len() == 1;
            self.push(clause, negated);
        }
        last_positive_term
            && tokens
                .last()
                .is_some_and(|t| t.end == text.trim_end().len())
    }

    pub fn is_empty(&self) -> bool {
        self.must.is_empty() && self.must_not.is_empty()
    }
}

/// Whether the quote that starts `rest` (a suffix of `text`) has a `-` before it, after a space.
fn segment_negated(text: &str, rest: &str) -> bool {
    let before = &text[..text.len() - rest.len()];
    before.ends_with('-')
        && before[..before.len() - 1]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace)
}

/// The next unquoted run or quoted phrase of `rest`: (its text, quoted?, what follows).
fn next_segment(rest: &str) -> (&str, bool, &str) {
    if let Some(inner) = rest.strip_prefix('"') {
        return match inner.find('"') {
            Some(end) => (&inner[..end], true, &inner[end + 1..]),
            None => (inner, true, ""),
        };
    }
    match rest.find('"') {
        Some(at) => (&rest[..at], false, &rest[at..]),
        None => (rest, false, ""),
    }
}

/// Tokens grouped into words: tokens with no space between them belong together.
fn word_groups<'t>(text: &str, tokens: &'t [Token]) -> Vec<&'t [Token]> {
    let mut groups = Vec::new();
    let mut start = 0;
    for i in 1..=tokens.len() {
        let split = i == tokens.len()
            || text[tokens[i - 1].end..tokens[i].start].contains(char::is_whitespace);
        if split {
            groups.push(&tokens[start..i]);
            start = i;
        }
    }
    groups.retain(|g| !g.is_empty());
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Query {
        Query::parse(text, &Analyzer::new())
    }

    #[test]
    fn dates_in_numbers_are_read_as_words() {
        let cases = [
            ("15-04-2020", "15 april 2020"),
            ("verslag 18/10/2018 ", "verslag 18 oktober 2018 "),
            ("1.2.2024.", "1 februari 2024."),
            ("\"op 09-07-2023\"", "\"op 9 juli 2023\""),
            // Not dates: kept as typed.
            ("32-01-2020", "32-01-2020"),
            ("15-13-2020", "15-13-2020"),
            ("15-04-20", "15-04-20"),
            ("nr15-04-2020", "nr15-04-2020"),
            ("15-04-2020x", "15-04-2020x"),
            ("1-2-3-2024", "1-2-3-2024"),
            ("F-16 2024", "F-16 2024"),
            ("", ""),
        ];
        for (typed, read) in cases {
            assert_eq!(numeric_dates(typed), read, "{typed}");
        }
    }

    fn term(term: &str, word: &str, prefix: bool) -> Clause {
        Clause::Term {
            term: term.into(),
            word: word.into(),
            surface: word.into(),
            prefix,
        }
    }

    fn phrase(terms: &[&str], surface: &str) -> Clause {
        Clause::Phrase {
            terms: terms.iter().map(|t| t.to_string()).collect(),
            quoted: true,
            surface: surface.into(),
        }
    }

    #[test]
    fn words_are_analyzed_and_the_last_is_a_prefix() {
        let q = parse("Trainingen OEKRAÏNE");
        let mut oekraine = term("oekrain", "oekraine", true);
        if let Clause::Term { surface, .. } = &mut oekraine {
            *surface = "oekraïne".into();
        }
        assert_eq!(q.must, [term("training", "trainingen", false), oekraine]);
        assert!(q.must_not.is_empty());
    }

    #[test]
    fn a_trailing_space_ends_the_prefix() {
        assert_eq!(parse("lucht ").must, [term("lucht", "lucht", false)]);
    }

    #[test]
    fn quotes_make_a_phrase_with_its_stop_words() {
        let q = parse("\"steun aan Oekraïne\"");
        assert_eq!(
            q.must,
            [phrase(&["steun", "aan", "oekrain"], "steun aan oekraïne")]
        );
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_end() {
        assert_eq!(
            parse("navo \"militaire mobiliteit").must[1],
            phrase(&["militair", "mobiliteit"], "militaire mobiliteit")
        );
    }

    #[test]
    fn a_minus_before_a_word_or_phrase_excludes_it() {
        let q = parse("Oekraïne -Vilnius -\"NAVO top\"");
        assert!(matches!(&q.must[..], [Clause::Term { term, .. }] if term == "oekrain"));
        assert_eq!(
            q.must_not,
            [
                term("vilnius", "vilnius", false),
                phrase(&["navo", "top"], "navo top")
            ]
        );
    }

    #[test]
    fn a_hyphen_inside_a_word_is_no_minus() {
        let q = parse("NAVO-top F-16");
        let mut f16 = term("f16", "f16", true);
        if let Clause::Term { surface, .. } = &mut f16 {
            *surface = "f-16".into();
        }
        // A joined word is a phrase, but not a quoted one: it may stand for something else.
        let joined = Clause::Phrase {
            terms: vec!["navo".into(), "top".into()],
            quoted: false,
            surface: "navo-top".into(),
        };
        assert_eq!(q.must, [joined, f16]);
        assert!(q.must_not.is_empty());
    }

    #[test]
    fn codes_join_across_a_space() {
        assert!(matches!(&parse("f 16").must[..], [Clause::Term { term, .. }] if term == "f16"));
    }

    #[test]
    fn operators_alone_are_an_empty_query() {
        for text in [
            "",
            " ",
            "-",
            "\"",
            "\"\"",
            "- \" *",
            "-\"",
            "🙂",
            "\u{0}\u{1b}",
        ] {
            assert!(parse(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn very_long_queries_are_cut_to_a_bounded_number_of_clauses() {
        let text = (0..10_000)
            .map(|i| format!("woord{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(parse(&text).must.len(), MAX_CLAUSES);
    }

    #[test]
    fn a_query_past_its_length_is_cut_between_words() {
        assert_eq!(cut("navo top"), ("navo top", false));
        let exact = "a".repeat(MAX_QUERY_CHARS);
        assert_eq!(cut(&exact), (exact.as_str(), false));
        let words = "lucht ".repeat(40_000);
        let (head, was_cut) = cut(&words);
        assert!(was_cut);
        assert!(
            head.chars().count() <= MAX_QUERY_CHARS && head.ends_with("lucht"),
            "{head}"
        );
        // One long word, in characters of several bytes: cut inside it, on a boundary.
        let word = "ë".repeat(5000);
        let (head, was_cut) = cut(&word);
        assert!(was_cut);
        assert_eq!(head.chars().count(), MAX_QUERY_CHARS);
    }
}
