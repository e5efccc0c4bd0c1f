//! Typo matching over the sorted word list: the state is the last row of the edit-distance table
//! between the query and the bytes read so far. Two neighbouring letters swapped count as one
//! edit (the optimal string alignment distance), as a thumb on a phone swaps them (`vilnuis`,
//! `verlsag`); plain Levenshtein would count two and find nothing within 1. Words share prefixes with their neighbours, so
//! the rows of a shared prefix are kept and only the rest of each word is stepped through; a
//! branch is abandoned as soon as every cell of its row exceeds the bound.

/// The `words` (ascending) within `max` byte edits of `query` (an insertion, a deletion, a
/// substitution, or a swap of two neighbours): each one's index and distance.
pub fn within<'w>(
    words: impl IntoIterator<Item = &'w str>,
    query: &str,
    max: u8,
) -> Vec<(usize, u8)> {
    let q = query.as_bytes();
    let mut rows: Vec<Vec<u8>> = vec![(0..=q.len()).map(|i| i.min(255) as u8).collect()];
    let mut previous: &[u8] = &[];
    let mut found = Vec::new();
    for (i, word) in words.into_iter().enumerate() {
        let w = word.as_bytes();
        let shared = w.iter().zip(previous).take_while(|(a, b)| a == b).count();
        rows.truncate(shared.min(rows.len() - 1) + 1);
        previous = w;
        while rows.len() <= w.len() {
            let read = rows.len() - 1;
            // The row and byte before the last, for a swap of this byte and the one before.
            let before = read.checked_sub(1).map(|k| (rows[k].as_slice(), w[k]));
            match step(
                q,
                before,
                rows.last().expect("the start row is never removed"),
                w[read],
                max,
            ) {
                Some(next) => rows.push(next),
                None => break,
            }
        }
        if rows.len() == w.len() + 1 && rows[w.len()][q.len()] <= max {
            found.push((i, rows[w.len()][q.len()]));
        }
    }
    found
}

/// The row after reading `byte`, or `None` once no continuation can come within `max`.
/// `before` is the row before `row` and the byte read to reach `row`. A branch is abandoned once
/// its row is past `max` everywhere: a swap costs what a substitution from that row would, so it
/// cannot bring a later row back within.
fn step(
    query: &[u8],
    before: Option<(&[u8], u8)>,
    row: &[u8],
    byte: u8,
    max: u8,
) -> Option<Vec<u8>> {
    let mut next = Vec::with_capacity(row.len());
    next.push(row[0].saturating_add(1));
    for j in 1..row.len() {
        let substitute = row[j - 1].saturating_add(u8::from(query[j - 1] != byte));
        let mut cell = substitute
            .min(row[j].saturating_add(1))
            .min(next[j - 1].saturating_add(1));
        if let Some((two_back, last)) = before
            && j >= 2
            && query[j - 1] == last
            && query[j - 2] == byte
            && last != byte
        {
            cell = cell.min(two_back[j - 2].saturating_add(1));
        }
        next.push(cell);
    }
    next.iter().any(|&d| d <= max).then_some(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(words: &[&str], query: &str, max: u8) -> Vec<String> {
        let mut sorted = words.to_vec();
        sorted.sort_unstable();
        within(sorted.iter().copied(), query, max)
            .into_iter()
            .map(|(i, _)| sorted[i].to_string())
            .collect()
    }

    #[test]
    fn finds_terms_within_the_bound() {
        let words = ["oekrain", "oekraien", "patriot", "patrouille", "vilnius"];
        assert_eq!(matches(&words, "oekraen", 1), ["oekraien", "oekrain"]);
        assert_eq!(matches(&words, "patriott", 1), ["patriot"]);
        assert_eq!(matches(&words, "patriott", 0), Vec::<String>::new());
        assert_eq!(matches(&words, "vilnus", 1), ["vilnius"]);
        assert_eq!(
            matches(&words, "vilnuis", 1),
            ["vilnius"],
            "a swap is one edit"
        );
        assert_eq!(
            matches(&words, "ptariot", 1),
            ["patriot"],
            "at the start too"
        );
        assert_eq!(matches(&words, "patrito", 1), ["patriot"], "and at the end");
        assert_eq!(matches(&words, "patroit", 0), Vec::<String>::new());
        assert_eq!(matches(&words, "", 1), Vec::<String>::new());
    }

    #[test]
    fn gives_the_distance_of_each_match() {
        let mut words = ["abc", "abd", "xbc", "abcd", "b"];
        words.sort_unstable();
        for (i, d) in within(words.iter().copied(), "abc", 2) {
            let oracle = super::super::expand::levenshtein("abc", words[i]);
            assert_eq!(usize::from(d), oracle, "{}", words[i]);
        }
    }

    #[test]
    fn agrees_with_the_edit_distance_on_every_pair() {
        let words = [
            "a", "ab", "abc", "abd", "bcd", "xyz", "abcd", "dcba", "aabb", "abce", "abcdef", "ba",
            "bac", "acb", "bca", "cab", "abdc", "badc", "aab", "aba",
        ];
        for query in ["abc", "ab", "b", "abcde", "zz", "ba", "acbd", "abab"] {
            for max in 0..3u8 {
                let mut expected: Vec<String> = words
                    .iter()
                    .filter(|w| super::super::expand::levenshtein(query, w) <= max as usize)
                    .map(|w| w.to_string())
                    .collect();
                expected.sort();
                assert_eq!(
                    matches(&words, query, max),
                    expected,
                    "{query} within {max}"
                );
            }
        }
    }
}
