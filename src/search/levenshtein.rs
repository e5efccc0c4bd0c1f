//! Typo matching over the term dictionary: a Levenshtein automaton that the fst drives. Its state
//! is the last row of the edit-distance table between the query and the bytes read so far; a
//! branch of the dictionary is abandoned as soon as every cell of the row exceeds the bound.
//! fst's own Levenshtein DFA is faster to run but its builder costs 7 KB of gzipped wasm; for the
//! one or two edits allowed here, on the short terms of a dictionary, the row is cheap.

use fst::Automaton;

pub struct Levenshtein<'q> {
    query: &'q [u8],
    max: u8,
}

impl<'q> Levenshtein<'q> {
    pub fn new(query: &'q str, max: u8) -> Self {
        Levenshtein {
            query: query.as_bytes(),
            max,
        }
    }
}

impl Automaton for Levenshtein<'_> {
    /// The row, or `None` once no continuation can come within the bound.
    type State = Option<Vec<u8>>;

    fn start(&self) -> Self::State {
        Some((0..=self.query.len()).map(|i| i.min(255) as u8).collect())
    }

    fn is_match(&self, state: &Self::State) -> bool {
        state
            .as_ref()
            .is_some_and(|row| row[self.query.len()] <= self.max)
    }

    fn can_match(&self, state: &Self::State) -> bool {
        state.is_some()
    }

    fn accept(&self, state: &Self::State, byte: u8) -> Self::State {
        let row = state.as_ref()?;
        let mut next = Vec::with_capacity(row.len());
        next.push(row[0].saturating_add(1));
        for j in 1..row.len() {
            let substitute = row[j - 1].saturating_add(u8::from(self.query[j - 1] != byte));
            let cell = substitute
                .min(row[j].saturating_add(1))
                .min(next[j - 1].saturating_add(1));
            next.push(cell);
        }
        next.iter().any(|&d| d <= self.max).then_some(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fst::{IntoStreamer, Set, Streamer};

    fn matches(words: &[&str], query: &str, max: u8) -> Vec<String> {
        let mut sorted = words.to_vec();
        sorted.sort_unstable();
        let set = Set::from_iter(sorted).unwrap();
        let mut stream = set.search(Levenshtein::new(query, max)).into_stream();
        let mut out = Vec::new();
        while let Some(key) = stream.next() {
            out.push(String::from_utf8(key.to_vec()).unwrap());
        }
        out
    }

    #[test]
    fn finds_terms_within_the_bound() {
        let words = ["oekrain", "oekraien", "patriot", "patrouille", "vilnius"];
        assert_eq!(matches(&words, "oekraen", 1), ["oekraien", "oekrain"]);
        assert_eq!(matches(&words, "patriott", 1), ["patriot"]);
        assert_eq!(matches(&words, "patriott", 0), Vec::<String>::new());
        assert_eq!(matches(&words, "vilnus", 1), ["vilnius"]);
        assert_eq!(matches(&words, "", 1), Vec::<String>::new());
    }

    #[test]
    fn agrees_with_the_edit_distance_on_every_pair() {
        let words = [
            "a", "ab", "abc", "abd", "bcd", "xyz", "abcd", "dcba", "aabb",
        ];
        for query in ["abc", "ab", "b", "abcde", "zz"] {
            for max in 0..3u8 {
                let expected: Vec<String> = {
                    let mut v: Vec<String> = words
                        .iter()
                        .filter(|w| super::super::expand::levenshtein(query, w) <= max as usize)
                        .map(|w| w.to_string())
                        .collect();
                    v.sort();
                    v
                };
                assert_eq!(
                    matches(&words, query, max),
                    expected,
                    "{query} within {max}"
                );
            }
        }
    }
}
