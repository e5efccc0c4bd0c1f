//! Where the pages of a letter begin in its cleaned text. The PDF reader (and `pdftotext`) ends
//! each page with a form feed; the clean-up then joins broken words, drops page furniture and
//! moves footnotes to the end, so the feeds cannot simply be kept in the text. Instead the
//! cleaned text's words are found again, in order, among the raw text's words, each of which
//! knows its page: a page begins at the first word found on it.

use crate::analyze::{fold, words};
use std::collections::HashMap;

/// The byte offsets in `body` (the cleaned `raw`) where each page begins, the first at 0; empty
/// when `raw` marks no pages.
///
/// The words are matched as a patience diff does: only words that stand once in each text are
/// anchors (a common word would match the wrong one, and one mismatch drifts every later one),
/// and of those, the longest run in the same order in both (footnotes moved to the end fall
/// out). A page begins at its first anchor; a page without one begins where the next does.
pub fn starts(raw: &str, body: &str) -> Vec<u32> {
    if !raw.contains('\u{c}') {
        return Vec::new();
    }
    // The raw text's words, each with its page; the body's, each with its offset.
    let mut page = 0usize;
    let mut last = 0usize;
    let mut raw_words = Vec::new();
    for w in words(raw) {
        page += raw[last..w.start].matches('\u{c}').count();
        last = w.start;
        raw_words.push((fold(&raw[w.start..w.end]), page));
    }
    let body_words: Vec<(String, usize)> = words(body)
        .map(|w| (fold(&body[w.start..w.end]), w.start))
        .collect();
    let in_raw = once(raw_words.iter().map(|w| w.0.as_str()));
    let in_body = once(body_words.iter().map(|w| w.0.as_str()));
    // (place in body, place in raw) of each word that stands once in each, in the body's order.
    let mut anchors: Vec<(usize, usize)> = in_body
        .iter()
        .filter_map(|(word, at)| Some(((*at)?, (*in_raw.get(word)?)?)))
        .collect();
    anchors.sort_unstable();
    let mut starts = vec![0u32];
    for (mut b, mut r) in in_order(&anchors) {
        let page = raw_words[r].1;
        if starts.len() > page {
            continue;
        }
        // The page's first anchor; the words before it that match too, on the same page, are
        // its first words (a word the clean-up mended is two raw words).
        while b > 0 && r > 0 && raw_words[r - 1].1 == page {
            let word = &body_words[b - 1].0;
            if raw_words[r - 1].0 == *word {
                r -= 1;
            } else if r > 1
                && raw_words[r - 2].1 == page
                && word.strip_prefix(raw_words[r - 2].0.as_str())
                    == Some(raw_words[r - 1].0.as_str())
            {
                r -= 2;
            } else {
                break;
            }
            b -= 1;
        }
        while starts.len() <= page {
            starts.push(body_words[b].1 as u32);
        }
    }
    starts
}

/// Each word's place, if it stands once.
fn once<'a>(words: impl Iterator<Item = &'a str>) -> HashMap<&'a str, Option<usize>> {
    let mut seen: HashMap<&str, Option<usize>> = HashMap::new();
    for (i, w) in words.enumerate() {
        seen.entry(w).and_modify(|s| *s = None).or_insert(Some(i));
    }
    seen
}

/// The longest subsequence of `anchors` whose places in the raw text ascend (patience sorting).
fn in_order(anchors: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // tails[k]: the anchor ending the best run of length k + 1; back: each anchor's predecessor.
    let mut tails: Vec<usize> = Vec::new();
    let mut back = vec![usize::MAX; anchors.len()];
    for (i, a) in anchors.iter().enumerate() {
        let k = tails.partition_point(|&t| anchors[t].1 < a.1);
        if k > 0 {
            back[i] = tails[k - 1];
        }
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut run = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied().unwrap_or(usize::MAX);
    while at != usize::MAX {
        run.push(anchors[at]);
        at = back[at];
    }
    run.reverse();
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_begin_at_their_first_word_after_the_clean_up() {
        let raw = "De Ministers spraken over steun aan Oekra-\n\u{c}Pagina 1 van 2\nïne en over de \
                   luchtverdediging van Europa.\n\u{c}";
        let body = "De Ministers spraken over steun aan Oekraïne en over de luchtverdediging van \
                    Europa.\n";
        let starts = starts(raw, body);
        // The word broken over the page is mended and not found again: the page begins at the
        // next word found on it.
        assert_eq!(starts.len(), 2);
        assert!(body[starts[1] as usize..].starts_with("en over de luchtverdediging"));
        assert!(super::starts("geen pagina", "geen pagina").is_empty());
    }

    #[test]
    fn footnotes_moved_to_the_end_do_not_move_a_page() {
        let raw = "Eerste pagina tekst hier.\n1 Kamerstuk voetnoot tekst\n\u{c}Tweede pagina \
                   vervolgt de brief.\n\u{c}";
        let body = "Eerste pagina tekst hier.\nTweede pagina vervolgt de brief.\n\n1 Kamerstuk \
                    voetnoot tekst\n";
        let starts = starts(raw, body);
        assert_eq!(starts, vec![0, body.find("Tweede").unwrap() as u32]);
    }
}
