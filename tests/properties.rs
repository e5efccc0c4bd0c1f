//! Properties over generated letters: the codec gives back what it was given, every word of a
//! letter finds it, and the engine agrees with a naive scan of the letters.

use kamerzoek::Searcher;
use kamerzoek::analyze::{Analyzer, CompoundSplitter, fold, is_stop_word, words};
use kamerzoek::format::layout::Layout;
use kamerzoek::indexer::{Analyzed, Event, Output, RawLetter, Writer};
use kamerzoek::lexicon::Lexicon;
use proptest::prelude::*;
use std::collections::BTreeSet;

/// Words like the letters': plain, inflected, compounds, diacritics, codes, English, stop words.
const POOL: &[&str] = &[
    "steun",
    "Oekraïne",
    "oekraine",
    "luchtverdediging",
    "luchtverdedigingsmiddelen",
    "afweer",
    "bondgenoten",
    "bondgenoot",
    "trainingen",
    "training",
    "F-16",
    "F16",
    "NAVO-top",
    "NAVO",
    "Vilnius",
    "de",
    "het",
    "en",
    "van",
    "burden",
    "sharing",
    "opleidingsprogramma",
    "militairen",
    "Georgië",
    "87",
    "mln.",
    "défense",
    "zeestrijdkrachten",
    "patriot",
    "Patriot-luchtafweer",
];

fn letter_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(POOL),
            prop::sample::select(&[" ", " ", "\n", ". ", ", "][..]),
        ),
        1..40,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .map(|(w, sep)| format!("{w}{sep}"))
            .collect()
    })
}

fn letters() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(letter_text(), 1..6)
}

/// An index of the texts as `kamerzoek build` makes it, in one file or in many (a chunk per few
/// terms, a file per letter), and what the build analyzed of each letter.
fn build_seen(texts: &[String], split: bool) -> (Output, Vec<Analyzed>) {
    let letters: Vec<RawLetter> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| RawLetter {
            id: format!("{i:03}"),
            text: text.clone(),
        })
        .collect();
    let layout = if split {
        Layout {
            chunk_bytes: 64,
            single_file_bytes: 0,
        }
    } else {
        Layout::default()
    };
    let mut seen = Vec::new();
    let output =
        kamerzoek::testing::build_index_into(&letters, Writer::with_layout(layout), &mut |event| {
            if let Event::Analyzed(a) = event {
                seen.push(a.clone());
            }
        })
        .unwrap();
    (output, seen)
}

/// [`build_seen`]'s index, with every file handed over.
fn build(texts: &[String], split: bool) -> Searcher {
    open_all(&build_seen(texts, split).0)
}

fn open_all(output: &Output) -> Searcher {
    let mut searcher = kamerzoek::testing::open_output(output).unwrap();
    for (name, bytes) in kamerzoek::testing::unpacked_files(output).unwrap() {
        searcher.supply(&name, &bytes).unwrap();
    }
    searcher
}

fn bodies(searcher: &Searcher) -> Vec<String> {
    let index = searcher.index();
    let mut ask = index.ask();
    (0..index.doc_count() as u32)
        .map(|n| ask.document(n).unwrap().body.clone())
        .collect()
}

/// The terms of each stored letter, found the slow way: the index analyzer over its text, with
/// the corpus's words known to the compound splitter, as the indexer has them.
fn naive_terms(bodies: &[String]) -> Vec<BTreeSet<String>> {
    let mut splitter = CompoundSplitter::new(Lexicon::dutch());
    for body in bodies {
        for w in words(body) {
            splitter.add_corpus_word(&fold(&body[w.start..w.end]));
        }
    }
    let analyzer = Analyzer::for_index(splitter);
    bodies
        .iter()
        .map(|body| analyzer.analyze(body).into_iter().map(|t| t.term).collect())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn encode_then_decode_gives_back_every_letter_and_posting(texts in letters(), split: bool) {
        let (output, seen) = build_seen(&texts, split);
        let searcher = open_all(&output);
        let index = searcher.index();
        let mut ask = index.ask();
        prop_assert_eq!(seen.len(), texts.len());
        for (n, expected) in seen.into_iter().enumerate() {
            let letter = ask.letter(n as u32).unwrap();
            // The letters it names are the build's, known when every letter is in: each
            // another letter of this index, never itself.
            let mut document = letter.document.clone();
            for link in document.meta.related.drain(..) {
                prop_assert!(link.id != document.id && link.id.parse::<usize>().is_ok());
            }
            prop_assert!(document.meta.same_meeting.is_empty());
            prop_assert_eq!(&document, &expected.document);
            prop_assert_eq!(&letter.extras, &expected.extras);
            prop_assert_eq!(&letter.parts, &expected.parts);
            for (term, occ) in &expected.terms {
                let at = index.lookup(term).unwrap();
                let rows = index.rows(at).unwrap();
                let i = rows.iter().position(|r| r.doc == n as u32).unwrap();
                prop_assert_eq!(rows[i].whole, occ.whole);
                prop_assert_eq!(rows[i].headed, occ.headed);
                let positions = ask.positions(at, &rows).unwrap().unwrap();
                prop_assert_eq!(&positions[i], &occ.positions);
            }
        }
        prop_assert!(!ask.waiting());
    }

    #[test]
    fn every_word_of_a_letter_finds_it(texts in letters(), split: bool) {
        let searcher = build(&texts, split);
        for (i, body) in bodies(&searcher).iter().enumerate() {
            for w in words(body) {
                let word = &body[w.start..w.end];
                // A trailing space: the word as typed whole, not as a prefix.
                let hits = searcher.search(&format!("{word} "), 100).unwrap().expect_ready().hits;
                prop_assert!(
                    hits.iter().any(|h| h.id == format!("{i:03}")),
                    "{word:?} does not find letter {i}"
                );
            }
        }
    }

    #[test]
    fn plain_queries_find_exactly_what_a_naive_scan_finds(
        texts in letters(),
        picks in prop::collection::vec(prop::sample::select(POOL), 1..3),
        split: bool,
    ) {
        let searcher = build(&texts, split);
        let terms = naive_terms(&bodies(&searcher));
        let analyzer = Analyzer::new();
        let query = format!("{} ", picks.join(" "));
        let tokens = analyzer.analyze(&query);
        let wanted: Vec<String> = tokens.iter().map(|t| t.term.clone()).collect();
        // Only words the index holds: a word it lacks is retried as a typo, which a scan cannot model.
        prop_assume!(wanted.iter().all(|t| terms.iter().any(|set| set.contains(t))));
        // Stop words do not select when there are other words; every other word does.
        let stop = |t: &kamerzoek::analyze::Token| is_stop_word(&fold(&query[t.start..t.end]));
        let others = tokens.iter().any(|t| !stop(t));
        let mut required: Vec<String> =
            tokens.iter().filter(|t| !(others && stop(t))).map(|t| t.term.clone()).collect();
        required.dedup();
        let letters_with = |all: bool| -> BTreeSet<String> {
            terms
                .iter()
                .enumerate()
                .filter(|(_, set)| {
                    let has = |t: &String| set.contains(t);
                    if all { required.iter().all(has) } else { required.iter().any(has) }
                })
                .map(|(i, _)| format!("{i:03}"))
                .collect()
        };
        let (expected, partial) = match letters_with(true) {
            // No letter has every word: those with any, when there are two words or more.
            full if full.is_empty() && required.len() > 1 => (letters_with(false), true),
            full => (full, false),
        };
        // Joined words (`NAVO-top`) are a phrase, which stays strict in a partial answer: a
        // scan of terms cannot model that.
        let phrases = picks.iter().any(|p| analyzer.analyze(p).len() > 1);
        prop_assume!(!(partial && phrases));
        let results = searcher.search(&query, 100).unwrap().expect_ready();
        // A word that stands for others too (a translation, an acronym) finds their letters as
        // well, which a scan of its own terms cannot model.
        prop_assume!(results.expanded.is_empty());
        prop_assert_eq!(results.partial, partial && !expected.is_empty(), "query {:?}", query);
        let found: BTreeSet<String> = results.hits.into_iter().map(|h| h.id).collect();
        prop_assert_eq!(found, expected, "query {:?}", query);
    }

    /// Issue 31: a query of words is never a dead end. Words typed joined with hyphens are not
    /// strict (only quotes are): whatever a visitor types without quotes or a minus, when a
    /// letter holds any of its words other than function words, the answer is not empty.
    #[test]
    fn a_query_of_words_finds_something_when_a_letter_has_any_of_them(
        texts in letters(),
        picks in prop::collection::vec(
            (prop::sample::select(QUERY_POOL), prop::sample::select(&[" ", " ", "-"][..])),
            1..7,
        ),
        split: bool,
    ) {
        let searcher = build(&texts, split);
        let terms = naive_terms(&bodies(&searcher));
        let mut query = String::new();
        for (i, (word, sep)) in picks.iter().enumerate() {
            if i > 0 {
                query.push_str(sep);
            }
            query.push_str(word);
        }
        query.push(' ');
        let analyzer = Analyzer::new();
        let held = analyzer.analyze(&query).into_iter().any(|t| {
            !is_stop_word(&fold(&query[t.start..t.end]))
                && terms.iter().any(|set| set.contains(&t.term))
        });
        let results = searcher.search(&query, 10).unwrap().expect_ready();
        if held {
            prop_assert!(results.total > 0, "query {:?} found nothing", query);
        }
    }
}

/// What visitors type: the letters' words, and words no letter has.
const QUERY_POOL: &[&str] = &[
    "steun",
    "Oekraïne",
    "luchtverdediging",
    "afweer",
    "bondgenoten",
    "NAVO",
    "NAVO-top",
    "Patriot-luchtafweer",
    "F-16",
    "de",
    "van",
    "wat",
    "over",
    "militairen",
    "zeppelin",
    "kwartels",
    "partners",
    "lidstaten",
    "3,5",
    "procent",
];
