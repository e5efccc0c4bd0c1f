//! Properties over generated letters: the codec gives back what it was given, every word of a
//! letter finds it, and the engine agrees with a naive scan of the letters.

use kamerzoek::analyze::{Analyzer, CompoundSplitter, fold, words};
use kamerzoek::build::{IndexBuilder, Letter};
use kamerzoek::lexicon::Lexicon;
use kamerzoek::{Document, Index, Searcher, format};
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

fn build(texts: &[String]) -> Searcher {
    let letters: Vec<Letter> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| Letter {
            id: format!("{i:03}"),
            text: text.clone(),
        })
        .collect();
    Searcher::new(Index::from_bytes(&kamerzoek::build_index(&letters)).unwrap())
}

/// The terms of each stored letter, found the slow way: the index analyzer over its text, with
/// the corpus's words known to the compound splitter, as the indexer has them.
fn naive_terms(index: &Index) -> Vec<BTreeSet<String>> {
    let mut splitter = CompoundSplitter::new(Lexicon::dutch());
    for doc in index.docs() {
        for w in words(&doc.body) {
            splitter.add_corpus_word(&fold(&doc.body[w.start..w.end]));
        }
    }
    let analyzer = Analyzer::for_index(splitter);
    index
        .docs()
        .iter()
        .map(|d| {
            analyzer
                .analyze(&d.body)
                .into_iter()
                .map(|t| t.term)
                .collect()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn encode_then_decode_gives_back_every_document_and_posting(texts in letters()) {
        let mut builder = IndexBuilder::new(CompoundSplitter::dutch());
        for (i, text) in texts.iter().enumerate() {
            builder.add(Document::new(&format!("{i}"), text));
        }
        let data = builder.finish();
        let index = format::decode(&format::encode(&data)).unwrap();
        prop_assert_eq!(index.docs(), &data.docs[..]);
        prop_assert_eq!(index.terms().len(), data.terms.len());
        for (term, postings) in &data.terms {
            prop_assert_eq!(&index.postings(term).unwrap(), postings);
        }
    }

    #[test]
    fn every_word_of_a_letter_finds_it(texts in letters()) {
        let searcher = build(&texts);
        for (i, doc) in searcher.index().docs().iter().enumerate() {
            for w in words(&doc.body) {
                let word = &doc.body[w.start..w.end];
                // A trailing space: the word as typed whole, not as a prefix.
                let hits = searcher.search(&format!("{word} "), 100).unwrap().hits;
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
    ) {
        let searcher = build(&texts);
        let terms = naive_terms(searcher.index());
        let analyzer = Analyzer::new();
        let query = format!("{} ", picks.join(" "));
        let wanted: Vec<String> = analyzer.analyze(&query).into_iter().map(|t| t.term).collect();
        // Only words the index holds: a word it lacks is retried as a typo, which a scan cannot model.
        prop_assume!(wanted.iter().all(|t| terms.iter().any(|set| set.contains(t))));
        let expected: BTreeSet<String> = terms
            .iter()
            .enumerate()
            .filter(|(_, set)| wanted.iter().all(|t| set.contains(t)))
            .map(|(i, _)| format!("{i:03}"))
            .collect();
        let found: BTreeSet<String> =
            searcher.search(&query, 100).unwrap().hits.into_iter().map(|h| h.id).collect();
        prop_assert_eq!(found, expected, "query {:?}", query);
    }
}
