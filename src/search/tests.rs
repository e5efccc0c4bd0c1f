//! Ranking rules on small made-up letters, where each rule can be isolated. Longer than 400
//! lines: one test a rule, each a few lines, read as the list of what the ranking promises.

use super::*;
use crate::indexer::RawLetter;

/// Letters `000`, `001`, ... with these texts.
fn letters(bodies: &[&str]) -> Vec<RawLetter> {
    bodies
        .iter()
        .enumerate()
        .map(|(i, body)| RawLetter {
            id: format!("{i:03}"),
            text: body.to_string(),
        })
        .collect()
}

fn searcher(bodies: &[&str]) -> Searcher {
    let output = crate::testing::build_index(&letters(bodies));
    let mut s = crate::testing::open_output(&output).unwrap();
    // Beside a one-file index: the positions files, which phrases fetch.
    for (name, bytes) in crate::testing::unpacked_files(&output).unwrap() {
        s.supply(&name, &bytes).unwrap();
    }
    s
}

fn ids(s: &Searcher, query: &str) -> Vec<String> {
    s.search(query, 10)
        .unwrap()
        .expect_ready()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

#[test]
fn a_whole_word_outranks_the_same_word_inside_a_compound() {
    let s = searcher(&["het opleidingsprogramma loopt", "het programma loopt"]);
    assert_eq!(ids(&s, "programma "), ["001", "000"]);
}

#[test]
fn a_typo_is_only_tried_when_the_word_matches_nothing() {
    let s = searcher(&["de patriot staat er", "de patriots staan er"]);
    assert_eq!(ids(&s, "patriott ").len(), 2);
    // `patriot` exists, so its typo-neighbour `patriots` is not added by fuzziness; both letters
    // match only because the stemmer reduces `patriots` to `patriot`.
    let s = searcher(&["de patriot staat er", "de patriet staat er"]);
    assert_eq!(ids(&s, "patriot "), ["000"]);
}

#[test]
fn a_prefix_stands_for_at_most_fifty_terms_in_most_letters() {
    let many: Vec<String> = (0..80).map(|i| format!("abc{i:03}x")).collect();
    let s = searcher(&[&many.join(" "), "abc000x abc001x"]);
    let expanded = expand::prefixed(&mut s.index().ask(), "abc", "");
    assert_eq!(expanded.len(), 50);
    assert_eq!(
        expanded[0].term, "abc000x",
        "the terms in most letters come first"
    );
}

#[test]
fn phrases_need_adjacent_words_in_order() {
    let s = searcher(&[
        "militaire mobiliteit",
        "mobiliteit militaire",
        "militaire en mobiliteit",
    ]);
    assert_eq!(ids(&s, "\"militaire mobiliteit\""), ["000"]);
    assert_eq!(ids(&s, "militaire mobiliteit ").len(), 3);
}

#[test]
fn exclusions_remove_letters_and_keep_the_order_of_the_rest() {
    let s = searcher(&["navo top", "navo", "navo navo navo vilnius"]);
    assert_eq!(ids(&s, "navo -vilnius"), ["001", "000"]);
    assert_eq!(ids(&s, "-top"), ["001", "002"]);
}

#[test]
fn garbage_queries_answer_nothing_and_never_fail() {
    let s = searcher(&["gewone tekst"]);
    let long = "x".repeat(100_000);
    // A blank query browses: it lists the letters.
    for blank in ["", "   "] {
        assert_eq!(ids(&s, blank), ["000"], "{blank:?}");
    }
    for query in [
        "\"",
        "-",
        "- \" *",
        "\u{0}\u{7}",
        "🙂🙂",
        "\u{202e}tekst",
        &long,
    ] {
        let r = s.search(query, 10).unwrap().expect_ready();
        assert!(r.hits.is_empty() || query.contains("tekst"), "{query:?}");
    }
    assert_eq!(
        ids(&s, "\u{202e}tekst"),
        ["000"],
        "right-to-left marks are not words"
    );
}

#[test]
fn excerpts_mark_compounds_that_contain_the_query_word() {
    let s = searcher(&["Het kabinet levert een bijdrage aan de luchtafweer van Oekraïne."]);
    let hit = &s.search("afweer", 1).unwrap().expect_ready().hits[0];
    assert!(
        hit.excerpt.contains("<mark>luchtafweer</mark>"),
        "{}",
        hit.excerpt
    );
}

#[test]
fn a_word_in_a_heading_outranks_the_same_word_in_running_text() {
    let s = searcher(&[
        "De ministers spraken.\n\nLuchtverdediging\n\nDe lucht werd besproken.\n",
        "De ministers spraken over luchtverdediging.\n\nAfschrikking\n\nDe lucht werd besproken.\n",
    ]);
    assert_eq!(ids(&s, "luchtverdediging "), ["000", "001"]);
}

#[test]
fn the_word_exactly_as_typed_outranks_its_other_forms() {
    let s = searcher(&[
        "een training voor militairen",
        "de trainingen voor militairen",
    ]);
    assert_eq!(ids(&s, "trainingen "), ["001", "000"]);
    assert_eq!(ids(&s, "training "), ["000", "001"]);
}

#[test]
fn a_corrected_typo_is_suggested_as_the_letters_write_it() {
    let s = searcher(&["De steun aan Oekraïne gaat door."]);
    let r = s.search("steun oekraene", 10).unwrap().expect_ready();
    assert_eq!(r.hits.len(), 1);
    assert_eq!(r.suggestion.as_deref(), Some("steun oekraïne"));
    assert_eq!(
        s.search("steun oekraine", 10)
            .unwrap()
            .expect_ready()
            .suggestion,
        None
    );
}

#[test]
fn reading_a_letter_marks_every_match_in_order() {
    let s = searcher(&["Eerste alinea over steun.\n\nOekraïne\n\nDe steun aan Oekraïne.\n"]);
    let r = s.read("000", "steun").unwrap().expect_ready().unwrap();
    assert_eq!(r.matches, 2);
    assert!(
        r.html.contains("<mark data-match=\"0\">steun</mark>"),
        "{}",
        r.html
    );
    assert!(
        r.html.contains("<h3 id=\"oekraine\">Oekraïne</h3>"),
        "{}",
        r.html
    );
    assert_eq!(r.sections[0].anchor, "oekraine");
    assert!(s.read("999", "steun").unwrap().expect_ready().is_none());
    assert_eq!(
        s.read("000", "").unwrap().expect_ready().unwrap().matches,
        0
    );
}

#[test]
fn a_soft_hyphen_or_zero_width_space_inside_a_word_does_not_split_it() {
    let s = searcher(&[
        "de lucht\u{AD}verdediging van Oekraïne",
        "de lucht\u{AD}\nverdediging van Polen",
        "de Pa\u{200B}triot en de NAVO",
        "niets hiervan",
    ]);
    assert_eq!(ids(&s, "luchtverdediging "), ["000", "001"]);
    assert_eq!(ids(&s, "patriot "), ["002"]);
    // A query pasted with a soft hyphen finds them too, and the excerpt shows the word whole.
    let results = s
        .search("lucht\u{AD}verdediging ", 10)
        .unwrap()
        .expect_ready();
    assert_eq!(results.total, 2);
    assert!(
        results.hits[0]
            .excerpt
            .contains("<mark>luchtverdediging</mark>"),
        "{}",
        results.hits[0].excerpt
    );
}

#[test]
fn a_long_letter_gives_its_excerpt_from_its_first_pages() {
    let filler = "woord ".repeat(excerpt::SCAN_BYTES / 6 + 100);
    let s = searcher(&[
        &format!("begin Vilnius {filler} Vilnius Patriot einde"),
        &format!("begin {filler} Patriot einde"),
    ]);
    let results = s.search("vilnius ", 10).unwrap().expect_ready();
    assert!(
        results.hits[0]
            .excerpt
            .starts_with("begin <mark>Vilnius</mark>")
    );
    // Past the scanned part a match is found (the letter is a hit) but not looked for again:
    // the excerpt is the opening.
    let results = s.search("patriot ", 10).unwrap().expect_ready();
    assert_eq!(results.total, 2);
    for hit in &results.hits {
        assert!(hit.excerpt.starts_with("begin "), "{}", hit.excerpt);
        assert!(!hit.excerpt.contains("<mark>"), "{}", hit.excerpt);
    }
    // The reader marks every match, however far.
    let reading = s
        .read("000", "vilnius patriot")
        .unwrap()
        .expect_ready()
        .unwrap();
    assert_eq!(reading.matches, 3);
}

#[test]
fn a_file_that_cannot_be_fetched_leaves_out_what_it_holds_and_says_so() {
    let bodies = [
        "de NAVO en Oekraïne",
        "de NAVO in Vilnius",
        "de NAVO steunt",
    ];
    let output = crate::testing::build_index_with_layout(&letters(&bodies), 16, 0);
    let mut s = crate::testing::open_output(&output).unwrap();
    let letter = |n: u32| {
        let folder = output.names.iter().find(|n| n.starts_with("l-")).unwrap();
        format!("{folder}/0.kz#{n}")
    };
    // The second letter's file is gone (a 404): the others are shown, and the answer says so.
    s.unavailable(&letter(1));
    let ask = |s: &mut Searcher, q: &str| {
        let q = q.to_string();
        crate::testing::answer_from(&output, s, move |s| s.search(&q, 10)).unwrap()
    };
    let results = ask(&mut s, "navo ");
    assert_eq!(results.total, 3);
    let mut shown: Vec<&str> = results.hits.iter().map(|h| h.id.as_str()).collect();
    shown.sort();
    assert_eq!(shown, ["000", "002"]);
    assert!(results.incomplete);
    // Reading it is a clear error, not "no such letter".
    let read = crate::testing::answer_from(&output, &mut s, |s| s.read("001", "navo"));
    assert!(read.is_err());
    // Tried again on the next query: now it loads.
    s.retry();
    let results = ask(&mut s, "navo ");
    assert_eq!(results.hits.len(), 3);
    assert!(!results.incomplete);
    // A positions file missing: the letter opens, its phrase unmarked, and says so.
    let mut s = crate::testing::open_output(&output).unwrap();
    for name in output.names.iter().filter(|n| n.starts_with("p-")) {
        s.unavailable(name);
    }
    let reading = crate::testing::answer_from(&output, &mut s, |s| s.read("000", "\"de navo\""))
        .unwrap()
        .unwrap();
    assert!(reading.incomplete);
    assert_eq!(reading.matches, 0);
}

#[test]
fn a_word_being_typed_matches_words_as_written_beyond_their_stem() {
    let letters = [
        "de bondgenootschappelijke afschrikking",
        "de bondgenoten",
        "geen",
    ];
    let s = searcher(&letters);
    // `bondgenootschappelij` is longer than the stem `bondgenootschapp`: still a prefix of the word.
    assert_eq!(ids(&s, "bondgenootschappelij"), ["000"]);
    assert_eq!(ids(&s, "afschrikki"), ["000"]);
    // Typed whole (a space after it), it is a word, not a prefix.
    assert!(ids(&s, "bondgenootschappelij ").is_empty());
}

#[test]
fn a_soft_hyphen_before_a_quoted_phrase_is_no_panic() {
    // Found by `cargo fuzz run query`: offsets of the query without its soft hyphens were used
    // in the query with them.
    let s = searcher(&["de steun aan Oekraïne"]);
    for query in [
        "\u{AD}\u{AD}-\"steun",
        "a\u{AD}b -\"de steun\"",
        "\u{AD}\"𗙂\u{AD}\"",
    ] {
        assert!(s.search(query, 10).is_ok(), "{query:?}");
    }
}

#[test]
fn no_letter_with_every_word_gives_the_letters_with_most_of_them() {
    let s = searcher(&[
        "Finland en Zweden in de NAVO",
        "het lidmaatschap van Zweden",
        "de NAVO-top in Vilnius",
    ]);
    let r = s
        .search("finland lidmaatschap ", 10)
        .unwrap()
        .expect_ready();
    assert!(r.partial);
    let got: Vec<(&str, &[String])> = r
        .hits
        .iter()
        .map(|h| (h.id.as_str(), h.missing.as_slice()))
        .collect();
    assert_eq!(got.len(), 2);
    assert!(got.contains(&("000", &["lidmaatschap".to_string()][..])));
    assert!(got.contains(&("001", &["finland".to_string()][..])));
    // More of the words first: zweden and lidmaatschap (001) before zweden alone.
    let r = s
        .search("zweden lidmaatschap vilnius ", 10)
        .unwrap()
        .expect_ready();
    assert_eq!(r.hits[0].id, "001");
    assert!(r.hits[0].missing == ["vilnius"]);
    // A full answer is not partial, and says nothing is missing.
    let r = s.search("zweden navo ", 10).unwrap().expect_ready();
    assert!(!r.partial && r.hits.iter().all(|h| h.missing.is_empty()));
    assert_eq!(r.hits[0].id, "000");
}

#[test]
fn question_words_do_not_veto_and_phrases_and_exclusions_stay_strict() {
    let s = searcher(&[
        "Nederland droeg 40 miljoen euro bij aan de UDCG",
        "de UDCG kwam bijeen",
        "Nederland en Polen",
    ]);
    // `hoeveel` and `welke` are in no letter: they do not make the answer partial.
    let r = s
        .search("hoeveel droeg Nederland bij aan de UDCG ", 10)
        .unwrap()
        .expect_ready();
    assert!(!r.partial);
    assert_eq!(r.hits[0].id, "000");
    // A phrase must be in every hit, partial or not; an exclusion keeps a letter out.
    let r = s.search("\"de udcg\" polen ", 10).unwrap().expect_ready();
    assert!(r.partial);
    assert!(r.hits.iter().all(|h| h.id != "002"), "002 lacks the phrase");
    let r = s
        .search("nederland udcg -polen ", 10)
        .unwrap()
        .expect_ready();
    assert_eq!(
        r.hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
        ["000"]
    );
}

#[test]
fn a_letter_is_found_by_its_kind_minister_and_date_as_words() {
    let letters = letters(&[
        "Den Haag, 15 maart 2019\nVerslag van de bijeenkomst over de NAVO.\nDe Minister van Defensie,\nA.Th.B. Bijleveld-Schouten",
        "Den Haag, 2 oktober 2020\nBijgaand ontvangt u de geannoteerde agenda voor de NAVO.\nDe Minister van Defensie,\nA.Th.B. Bijleveld-Schouten",
    ]);
    let output = crate::testing::build_index(&letters);
    let mut s = crate::testing::open_output(&output).unwrap();
    let mut first = |q: &str| {
        let found = crate::testing::answer_from(&output, &mut s, |s| s.search(q, 10)).unwrap();
        found.hits[0].id.clone()
    };
    // `report` and `annotated` are in no letter's text: they are the kinds' words.
    assert_eq!(first("maart 2019 "), "000");
    assert_eq!(first("report navo "), "000");
    assert_eq!(first("annotated agenda "), "001");
    assert_eq!(first("2020 "), "001");
}

#[test]
fn an_acronym_a_letter_defines_finds_the_long_form_and_back() {
    let s = searcher(&[
        "De Defence Investment Pledge (DIP) vraagt twee procent van het bbp.",
        "Over de Defence Investment Pledge is opnieuw gesproken.",
        "De DIP blijft het doel van het kabinet.",
        "Iets anders: munitie en opleiding.",
    ]);
    // The acronym: the letters with it literally first, then the one with only the long form.
    let found = s.search("DIP", 10).unwrap().expect_ready();
    let got: Vec<&str> = found.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[2], "001", "{got:?}");
    assert_eq!(
        found.expanded,
        [Expanded {
            from: "dip".into(),
            to: "defence investment pledge".into(),
            why: "acronym"
        }]
    );
    // The long form: the letters with its words first, then the one with only `DIP`.
    let found = s
        .search("defence investment pledge", 10)
        .unwrap()
        .expect_ready();
    let got: Vec<&str> = found.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[2], "002", "{got:?}");
    assert!(
        found
            .expanded
            .iter()
            .any(|e| e.to == "dip" && e.why == "acronym")
    );
    // In quotes, a word is taken as typed.
    let found = s.search("\"DIP\"", 10).unwrap().expect_ready();
    assert!(found.expanded.is_empty());
    assert_eq!(found.hits.len(), 2);
}

#[test]
fn an_acronym_no_letter_defines_stands_for_nothing() {
    let s = searcher(&[
        "Zij spraken over de Verenigde Staten en de levering van wapens (VS) gaat door.",
        "De VS leveren meer.",
    ]);
    let found = s.search("VS", 10).unwrap().expect_ready();
    // Not the long form the parentheses seem to give; the country's name it is, by the table.
    assert!(
        found.expanded.iter().all(|e| e.why != "acronym"),
        "{:?}",
        found.expanded
    );
    assert_eq!(ids(&s, "VS"), ["001", "000"]);
}

#[test]
fn a_document_is_found_by_its_kamerstuk_number_as_people_write_it() {
    let s = searcher(&[
        "28 676 NAVO\nNr. 232 BRIEF VAN DE MINISTER VAN DEFENSIE\nDen Haag, 1 mei 2024\nHierbij \
         informeer ik u over de NAVO (Kamerstuk 28 676, nr. 230).",
        "28 676 NAVO\nNr. 230 BRIEF VAN DE MINISTER VAN DEFENSIE\nDen Haag, 1 april 2024\nHierbij \
         informeer ik u over de NAVO.",
    ]);
    for q in [
        "nr 232",
        "nr. 232",
        "28 676 nr. 232",
        "kst-28676-232",
        "kamerstuk 232",
    ] {
        assert_eq!(ids(&s, q).first().map(String::as_str), Some("000"), "{q}");
    }
    // A number the letter cites is no number of its own: 001 is nr. 230, first.
    assert_eq!(ids(&s, "nr 230").first().map(String::as_str), Some("001"));
}

#[test]
fn a_joined_word_stands_for_its_acronym_but_not_in_quotes() {
    let s = searcher(&[
        "De Secretaris-Generaal (SG) van de NAVO sprak.",
        "De SG opende de bijeenkomst.",
        "Iets anders over munitie.",
    ]);
    let found = s.search("secretaris-generaal", 10).unwrap().expect_ready();
    let got: Vec<&str> = found.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(got, ["000", "001"], "the letter with the words first");
    assert_eq!(found.expanded[0].from, "secretaris-generaal");
    assert_eq!(found.expanded[0].why, "acronym");
    assert_eq!(ids(&s, "\"secretaris-generaal\""), ["000"]);
}

#[test]
fn a_word_being_typed_prefetches_what_the_words_it_may_become_stand_for() {
    // One chunk a term family: `oekraine` and `ukraine` live apart.
    let output = crate::testing::build_index_with_layout(
        &letters(&[
            "De steun aan Oekraïne gaat door.",
            "Support for Ukraine goes on.",
        ]),
        64,
        0,
    );
    let mut s = crate::testing::open_output(&output).unwrap();
    let fetch = |s: &mut Searcher, query: &str| {
        crate::testing::answer_from(&output, s, |s| s.search(query, 10)).unwrap()
    };
    // `oekrai` being typed: its own chunk is fetched and waited for; `ukraine`'s, which the
    // whole word `oekraine` stands for too, is noted for fetching, and nothing waits for it.
    let typing = fetch(&mut s, "oekrai");
    assert_eq!(typing.hits.len(), 1);
    let Answer::Ready { prefetch, .. } = s.search("oekrai", 10).unwrap() else {
        panic!("its own chunk is here");
    };
    let ukraine = s.index().chunk_name("ukrain").unwrap();
    assert_ne!(Some(ukraine.clone()), s.index().chunk_name("oekrain"));
    assert!(prefetch.contains(&ukraine), "{prefetch:?}");
    // Nobody fetched it: once typed whole, the word waits for it.
    match s.search("oekraine ", 10).unwrap() {
        Answer::Need { files, .. } => assert!(files.contains(&ukraine), "{files:?}"),
        Answer::Ready { value, .. } => panic!("{value:?}"),
    }
}

#[test]
fn a_suggestion_replaces_the_corrected_word_and_keeps_its_punctuation() {
    let c = [("oekraene".to_string(), "oekraïne".to_string())];
    assert_eq!(
        suggest("Steun \"Oekraene,\" nu", &c).as_deref(),
        Some("Steun \"oekraïne,\" nu")
    );
    assert_eq!(suggest("(oekraene)", &c).as_deref(), Some("(oekraïne)"));
    assert_eq!(suggest("... oekraene", &c).as_deref(), Some("... oekraïne"));
    assert_eq!(suggest("navo", &[]), None);
}

#[test]
fn hits_waiting_only_for_their_letters_are_previewed_in_their_final_order_once_the_table_is_here() {
    let bodies = [
        "Verslag over de NAVO.\nDe NAVO en de NAVO-top en de NAVO-landen.",
        "Brief over steun.\nDe NAVO steunt Oekraïne.",
        "Agenda over de NAVO.\nDe NAVO en de NAVO-ministers.",
        "Brief over iets anders.\nGeen bondgenootschap hier.",
    ];
    let output = crate::testing::build_index_with_layout(&letters(&bodies), 64, 0);
    let files = crate::testing::unpacked_files(&output).unwrap();
    let supply = |s: &mut Searcher, take: &dyn Fn(&str) -> bool| {
        for (name, bytes) in files.iter().filter(|(n, _)| take(n)) {
            s.supply(name, bytes).unwrap();
        }
    };
    let letter = |n: &str| n.starts_with("l-");
    let table = |n: &str| n.starts_with("m-");
    let need = |s: &Searcher, options: &SearchOptions| match s.search_with("navo", options) {
        Ok(Answer::Need { files, preview, .. }) => (files, preview),
        other => panic!("{other:?}"),
    };
    // As the page asks while typing: facets only if the table is here.
    let options = SearchOptions {
        limit: 10,
        facets: FacetCount::IfLoaded,
        ..SearchOptions::default()
    };
    // The table is here but the term chunk is not: no hits are known, and no (empty) preview.
    let mut s = crate::testing::open_output(&output).unwrap();
    supply(&mut s, &table);
    let (names, preview) = need(&s, &options);
    assert!(names.iter().all(|n| n.starts_with("t-")), "{names:?}");
    assert_eq!(preview, None);
    let mut s = crate::testing::open_output(&output).unwrap();
    supply(&mut s, &|n| !letter(n) && !table(n));
    // No table yet: the letters are needed, and nothing can be shown before them.
    let (names, preview) = need(&s, &options);
    assert!(names.iter().all(|n| letter(n)), "{names:?}");
    assert_eq!(preview, None);
    supply(&mut s, &table);
    let preview = need(&s, &options)
        .1
        .expect("a preview once the table is here");
    assert!(preview.hits.iter().all(|h| h.excerpt.is_empty()));
    // Grouped by meeting, which letters join a hit is in their files: no preview.
    let grouped = SearchOptions {
        group: Group::Meeting,
        ..options.clone()
    };
    assert_eq!(need(&s, &grouped).1, None);
    // The answer once the letters are here: the same hits, in the same order, with the same
    // titles and dates, and now excerpts.
    let full =
        crate::testing::answer_from(&output, &mut s, |s| s.search_with("navo", &options)).unwrap();
    assert_eq!(full.hits.len(), 3);
    let brief = |h: &Hit| {
        (
            h.id.clone(),
            h.title.clone(),
            h.about.date.clone(),
            h.about.kind,
        )
    };
    assert_eq!(
        preview.hits.iter().map(brief).collect::<Vec<_>>(),
        full.hits.iter().map(brief).collect::<Vec<_>>()
    );
    assert_eq!(preview.total, full.total);
    assert!(full.hits.iter().all(|h| !h.excerpt.is_empty()));
}

#[test]
fn a_word_typed_joined_finds_the_words_letters_write_apart() {
    let s = searcher(&[
        "de defensie-industrie groeit",
        "de industrie van defensie",
        "de NAVO-top in Vilnius",
        "een top van de navo",
    ]);
    // Only where the two stand side by side, as a phrase of the two.
    assert_eq!(ids(&s, "defensieindustrie "), ["000"]);
    assert_eq!(ids(&s, "navotop "), ["002"]);
    let answer = s.search("defensieindustrie ", 10).unwrap().expect_ready();
    assert_eq!(answer.expanded.len(), 1);
    assert_eq!(answer.expanded[0].to, "defensie industrie");
    assert_eq!(answer.expanded[0].why, "apart");
    // The letters' own word wins: no split of a word a letter has.
    let s = searcher(&[
        "de defensieindustrie groeit",
        "de defensie-industrie groeit",
    ]);
    assert_eq!(ids(&s, "defensieindustrie "), ["000"]);
    // Parts that never stand side by side, or a stop word as a part: a typo is tried instead.
    let s = searcher(&["de industrie van defensie", "defensie in de kamer"]);
    assert!(ids(&s, "defensieindustrie ").is_empty());
    assert_eq!(
        s.search("defensiein ", 10).unwrap().expect_ready().expanded[0].why,
        "typo"
    );
}

#[test]
fn two_neighbouring_letters_swapped_are_one_typo() {
    let s = searcher(&["de top in vilnius", "de top in riga"]);
    assert_eq!(ids(&s, "vilnuis "), ["000"]);
    assert_eq!(
        s.search("vilnuis ", 10)
            .unwrap()
            .expect_ready()
            .suggestion
            .as_deref(),
        Some("vilnius")
    );
}

#[test]
fn a_word_whose_chunk_could_not_be_fetched_is_not_split_into_two() {
    // Words of the `navo` family past a chunk's size: `navo` and `navotop` live in two chunks.
    let bodies = [
        "de NAVO-top in Vilnius",
        "een top van de navo",
        "navoaaa navobbb navoccc navoddd navoeee navofff navoggg navohhh navoiii navojjj navokkk",
    ];
    let output = crate::testing::build_index_with_layout(&letters(&bodies), 16, 0);
    let ask = |s: &mut Searcher| {
        crate::testing::answer_from(&output, s, |s| s.search("navotop ", 10)).unwrap()
    };
    let mut s = crate::testing::open_output(&output).unwrap();
    assert_eq!(
        ask(&mut s).hits.len(),
        1,
        "split when the word's chunk says it is not there"
    );
    // Its chunk is gone (a 404, a stall): whether a letter has the word is unknown, so no split
    // is searched in its place, and the answer says it is incomplete.
    let mut s = crate::testing::open_output(&output).unwrap();
    let chunk = s.index().missing_chunk_of("navotop").unwrap().to_string();
    for part in ["navo", "top"] {
        assert_ne!(
            s.index().missing_chunk_of(part),
            Some(chunk.as_str()),
            "{part}"
        );
    }
    s.unavailable(&chunk);
    let answer = ask(&mut s);
    assert!(answer.hits.is_empty());
    assert!(answer.expanded.is_empty());
    assert!(answer.incomplete);
}

#[test]
fn a_percentage_is_found_as_written_and_in_words() {
    let s = searcher(&[
        "naar 2% defensie-uitgaven",
        "2 procent van het bbp",
        "op 2 april 2024, procent",
    ]);
    assert_eq!(ids(&s, "2% "), ["000", "001"]);
    assert_eq!(ids(&s, "\"2 procent\""), ["000", "001"]);
    // Not as a phrase: every letter with both words, the words as typed first.
    assert_eq!(ids(&s, "2 procent ")[0], "001");
    assert_eq!(ids(&s, "2 procent ").len(), 3);
    // The sign is marked as the word it stands for.
    let hit = s.search("procent ", 10).unwrap().expect_ready();
    let first = hit.hits.iter().find(|h| h.id == "000").unwrap();
    assert!(
        first.excerpt.contains("2<mark>%</mark>"),
        "{}",
        first.excerpt
    );
}

#[test]
fn a_hyphenated_word_is_not_strict_and_one_no_letter_has_whole_is_its_words() {
    let s = searcher(&[
        "Overleg met de NAVO-partners over de oostflank.",
        "Overleg met de NAVO-bondgenoten over de oostflank.",
        "De lidstaten van de NAVO spraken over de oostflank.",
    ]);
    // Two joined words no letter has together: the letters with either, each saying which.
    let found = s
        .search("NAVO-partners NAVO-bondgenoten ", 10)
        .unwrap()
        .expect_ready();
    assert!(found.partial);
    let lacks: Vec<(&str, &[String])> = found
        .hits
        .iter()
        .map(|h| (h.id.as_str(), h.missing.as_slice()))
        .collect();
    assert_eq!(
        lacks,
        [
            ("000", &["navo-bondgenoten".to_string()][..]),
            ("001", &["navo-partners".to_string()][..])
        ]
    );
    // A joined word no letter has whole: its words, the letter with both first.
    assert_eq!(ids(&s, "NAVO-lidstaten "), ["002"]);
    // Quotes stay strict.
    assert!(ids(&s, "\"navo lidstaten\" ").is_empty());
    assert!(ids(&s, "\"navo partners\" \"navo bondgenoten\" ").is_empty());
}

#[test]
fn a_country_finds_the_letters_that_name_it_only_by_its_adjective() {
    let s = searcher(&[
        "Overleg met de Griekse minister over de oostflank.",
        "De Noorse minister sprak over de noordflank.",
        "De Britse bijdrage aan de missie groeit.",
        "De Verenigde Staten en de lidstaten spraken.",
    ]);
    assert_eq!(ids(&s, "Griekenland "), ["000"]);
    assert_eq!(ids(&s, "Noorwegen "), ["001"]);
    assert_eq!(ids(&s, "VK "), ["002"]);
    assert_eq!(ids(&s, "Verenigd Koninkrijk "), ["002"]);
    // And the name finds its letter first where one names it, by its words as one name.
    let found = s.search("Verenigde Staten ", 10).unwrap().expect_ready();
    assert_eq!(found.hits[0].id, "003");
    assert!(
        found
            .expanded
            .iter()
            .all(|e| e.to != "stond" && e.to != "staan"),
        "{:?}",
        found.expanded
    );
}

#[test]
fn a_name_of_two_words_is_one_name_not_its_words_apart() {
    let s = searcher(&[
        "De verenigde inspanningen van de staten aan de oostflank.",
        "De Verenigde Staten steunen Oekraïne.",
        "De Amerikaanse minister sprak.",
        "Het Verenigd Koninkrijk en de staten.",
    ]);
    // The letters that hold the name, or what it stands for; not its words apart.
    assert_eq!(ids(&s, "Verenigde Staten "), ["001", "002"]);
    // With another word no letter holds beside it, the name counts once, as a name: the letter
    // that holds it ranks above the one with its words apart.
    assert_eq!(ids(&s, "verenigde staten oostflank ")[0], "001");
    // Where no letter holds the name, its words are words: no dead end.
    let s = searcher(&["De verenigde inspanningen van de staten aan de oostflank."]);
    assert_eq!(ids(&s, "Verenigde Staten "), ["000"]);
}

#[test]
fn function_words_never_choose_the_excerpt_and_are_never_marked() {
    let filler =
        "De minister sprak over de NAVO en over de top en over de plannen van de minister. "
            .repeat(6);
    let body = format!("{filler}Daarna ging het over de luchtverdediging van Oekraïne.");
    let s = searcher(&[&body, "De minister sprak over de begroting."]);
    let found = s
        .search("wat zei de minister over luchtverdediging", 10)
        .unwrap()
        .expect_ready();
    let excerpt = &found.hits[0].excerpt;
    assert!(
        excerpt.contains("<mark>luchtverdediging</mark>"),
        "{excerpt}"
    );
    for function in ["de", "De", "over", "wat", "zei"] {
        assert!(
            !excerpt.contains(&format!("<mark>{function}</mark>")),
            "{excerpt}"
        );
    }
    let reading = s
        .read(
            &found.hits[0].id,
            "wat zei de minister over luchtverdediging",
        )
        .unwrap()
        .expect_ready()
        .unwrap();
    assert!(!reading.html.contains(">over</mark>"), "{}", reading.html);
    // A query of function words alone still marks them: there is nothing else to show.
    let only = s.search("over de ", 10).unwrap().expect_ready();
    assert!(
        only.hits[0].excerpt.contains("<mark>"),
        "{}",
        only.hits[0].excerpt
    );
}

#[test]
fn an_english_question_finds_the_dutch_letter_and_says_what_it_translated() {
    let s = searcher(&[
        "De minister sprak over de levering van munitie aan Oekraïne.",
        "De minister sprak over de begroting voor het komende jaar.",
    ]);
    let found = s
        .search(
            "which agreements were made about ammunition for Ukraine",
            10,
        )
        .unwrap()
        .expect_ready();
    assert_eq!(found.hits[0].id, "000");
    // Only `agreements` is missing: the function words never veto a letter.
    assert_eq!(found.hits[0].missing, ["agreements"]);
    assert!(
        found
            .expanded
            .iter()
            .any(|e| e.from == "ammunition" && e.why == "translation"),
        "{:?}",
        found.expanded
    );
}

#[test]
fn a_query_that_names_a_kind_prefers_letters_of_that_kind() {
    let report = format!(
        "Datum 1 maart 2024\nBetreft Verslag NAVO-ministers van Defensie\n\nAgenda\n{}",
        "Op de agenda van de DMM stond de agenda van de top. ".repeat(8)
    );
    let s = searcher(&[
        &report,
        "Datum 1 februari 2024\nBetreft Geannoteerde agenda NAVO-ministers van Defensie\n\n\
         Hierbij stuur ik u de geannoteerde agenda voor de DMM. De ministers spreken over de \
         oostflank, de steun aan Oekraïne en de begroting van het bondgenootschap.",
    ]);
    assert_eq!(ids(&s, "agenda DMM "), ["001", "000"]);
}

#[test]
fn a_split_archive_names_what_any_first_query_may_want() {
    let bodies: Vec<String> = (0..70)
        .map(|n| format!("De NAVO en brief {n} over Oekraïne."))
        .collect();
    let bodies: Vec<&str> = bodies.iter().map(String::as_str).collect();
    let output = crate::testing::build_index_with_layout(&letters(&bodies), 16, 0);
    let s = crate::testing::open_output(&output).unwrap();
    let opening = s.index().opening();
    let opening: Vec<&str> = opening.lines().collect();
    let named = |prefix: &str| output.names.iter().find(|n| n.starts_with(prefix)).unwrap();
    // The letter table, the word list, and the letter folder (for the directory of its two
    // packs of 70 letters): each a file or folder the index has.
    let folder = named("l-");
    assert_eq!(
        opening,
        [
            named("m-").clone(),
            named("w-").clone(),
            format!("{folder}/")
        ]
    );
    // An index in one file names nothing: everything is in it.
    let whole = crate::testing::build_index(&letters(&bodies[..3]));
    assert!(
        crate::testing::open_output(&whole)
            .unwrap()
            .index()
            .opening()
            .is_empty()
    );
}
