//! The see-also table of an index: for a query term or phrase, the terms or phrases of the index
//! it stands for too, and why. From four sources: the site owner's synonyms (`--synonyms`), the
//! acronyms the letters define, countries and their adjectives, and the glossary. The writer
//! cuts it along the term chunks, so a query pays for it only when it types such a word.

use super::derivations::{glossary, groups, questions, verbs};
use crate::format::chunk::{MAX_SEE_ALSO, SeeAlso, Why, is_term_phrase};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};

/// Most long forms kept for one acronym: the ones most letters define it as.
const MAX_LONG_FORMS: usize = 4;

/// What a build learned or was given beyond the letters' words.
#[derive(Debug, Default, Clone)]
pub struct Learned {
    /// (acronym term, long form's terms joined by spaces) -> how many letters define it so.
    pub acronyms: BTreeMap<(String, String), u32>,
    /// The site owner's groups of equivalent terms, each a phrase of terms joined by spaces.
    pub synonyms: Vec<Vec<String>>,
    /// Phrases the table may point to (several terms joined by spaces) -> in how many letters
    /// they stand: a phrase no letter has is no target, so a query never fetches for it.
    pub phrases: BTreeMap<String, u32>,
}

impl Learned {
    /// Counts a letter's acronym definitions, each once however often the letter repeats it.
    pub fn defined(&mut self, mut pairs: Vec<(String, String)>) {
        pairs.sort();
        pairs.dedup();
        for pair in pairs {
            *self.acronyms.entry(pair).or_default() += 1;
        }
    }

    /// The acronyms' long forms the table keeps: per acronym the [`MAX_LONG_FORMS`] most
    /// letters define, as (acronym, long form).
    fn long_forms(&self) -> Vec<(&str, &str)> {
        let mut by_short: BTreeMap<&str, Vec<(u32, &str)>> = BTreeMap::new();
        for ((short, long), n) in &self.acronyms {
            by_short.entry(short).or_default().push((*n, long));
        }
        let mut kept = Vec::new();
        for (short, mut longs) in by_short {
            longs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
            kept.extend(
                longs
                    .into_iter()
                    .take(MAX_LONG_FORMS)
                    .map(|(_, l)| (short, l)),
            );
        }
        kept
    }

    /// The phrases the table may point to, to be looked for in every letter: the site owner's
    /// first, then the acronyms' long forms, the verbs' and the glossary's; at most
    /// [`MAX_PER_FIRST`] of one first term, so no crafted letter makes every letter slow.
    pub fn targets(&self) -> Phrases {
        let mut all: Vec<&str> = Vec::new();
        all.extend(self.synonyms.iter().flatten().map(String::as_str));
        all.extend(self.long_forms().into_iter().map(|(_, long)| long));
        let verbs = verbs();
        all.extend(verbs.iter().flatten().map(String::as_str));
        let shipped = glossary();
        all.extend(
            shipped
                .iter()
                .flat_map(|(en, nl)| [en.as_str(), nl.as_str()]),
        );
        let countries = groups();
        all.extend(countries.iter().flatten().map(String::as_str));
        let mut phrases = Phrases::default();
        for phrase in all.into_iter().filter(|p| p.contains(' ')) {
            let terms: Vec<String> = phrase.split(' ').map(str::to_string).collect();
            let ids = phrases.by_first.entry(terms[0].clone()).or_default();
            let known = ids.iter().any(|&i| phrases.phrases[i].1 == phrase);
            if !known && ids.len() < MAX_PER_FIRST {
                ids.push(phrases.phrases.len());
                phrases.phrases.push((terms, phrase.to_string()));
            }
        }
        phrases
    }
}

/// Most target phrases that start with one term.
const MAX_PER_FIRST: usize = 64;

/// Phrases to look for in letters (their terms, and joined by spaces), by their first term.
#[derive(Debug, Default)]
pub struct Phrases {
    phrases: Vec<(Vec<String>, String)>,
    by_first: BTreeMap<String, Vec<usize>>,
}

impl Phrases {
    /// The phrases that stand in a letter whose words' terms are `at` (per position, the terms
    /// there: a word's own and its compound parts'), each once, joined by spaces. A phrase found
    /// is not looked for again.
    pub fn found_in(&self, at: &[Vec<&str>]) -> Vec<String> {
        let mut found = vec![false; self.phrases.len()];
        if self.phrases.is_empty() {
            return Vec::new();
        }
        for (p, terms) in at.iter().enumerate() {
            for first in terms {
                let Some(ids) = self.by_first.get(*first) else {
                    continue;
                };
                for &i in ids {
                    if found[i] {
                        continue;
                    }
                    found[i] = self.phrases[i].0.iter().enumerate().skip(1).all(|(k, t)| {
                        at.get(p + k)
                            .is_some_and(|there| there.contains(&t.as_str()))
                    });
                }
            }
        }
        found
            .iter()
            .zip(&self.phrases)
            .filter(|(f, _)| **f)
            .map(|(_, (_, joined))| joined.clone())
            .collect()
    }
}

/// Every term [`table`] may ask whether the index holds (asked with every answer yes, so every
/// question is asked): a build watches these, so that the answers outlive the postings that
/// forget their terms at each spill.
pub fn asked(learned: &Learned) -> HashSet<String> {
    let asked = RefCell::new(HashSet::new());
    table(
        |t| {
            asked.borrow_mut().insert(t.to_string());
            true
        },
        learned,
    );
    asked.into_inner()
}

/// The see-also table of the whole index, ascending, for the terms the index holds (`held`).
/// - a synonym stands for every other of its group;
/// - an acronym for its long form and the long form for the acronym;
/// - a country's forms stand for each other, both ways: its adjective for its name (`Griekse`
///   for `Griekenland`), and its name for its adjective and inhabitants, which may be all a
///   letter says of it; a name of two words (`Verenigd Koninkrijk`) is one phrase;
/// - a verb's form stands for its other forms (`gaf` for `geven`, `gegeven`);
/// - a glossary term stands for its other language's term, both ways;
/// - a question word for what answers it (`hoeveel` for `euro`), one way.
pub fn table(held: impl Fn(&str) -> bool, learned: &Learned) -> BTreeMap<String, SeeAlso> {
    // A term the index holds; a phrase some letter has.
    let there = |to: &str| {
        if to.contains(' ') {
            learned.phrases.get(to).is_some_and(|&n| n > 0)
        } else {
            held(to)
        }
    };
    let mut table: BTreeMap<String, SeeAlso> = BTreeMap::new();
    let mut add = |from: &str, to: &str, why: Why| {
        if from == to || !is_term_phrase(from) || !is_term_phrase(to) || !there(to) {
            return;
        }
        let entry = table.entry(from.to_string()).or_default();
        if !entry.iter().any(|(t, _)| t == to) && entry.len() < MAX_SEE_ALSO {
            entry.push((to.to_string(), why));
        }
    };
    for group in &learned.synonyms {
        for a in group {
            for b in group {
                add(a, b, Why::Synonym);
            }
        }
    }
    for (short, long) in learned.long_forms() {
        if held(short) {
            add(short, long, Why::Acronym);
            add(long, short, Why::Acronym);
        }
    }
    for forms in verbs() {
        for a in &forms {
            for b in &forms {
                add(a, b, Why::Derivation);
            }
        }
    }
    for group in groups() {
        for a in &group {
            for b in &group {
                add(a, b, Why::Derivation);
            }
        }
    }
    for (en, nl) in glossary() {
        add(&en, &nl, Why::Translation);
        add(&nl, &en, Why::Translation);
    }
    for (question, answer) in questions() {
        add(&question, &answer, Why::Question);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Analyzer;

    /// The table when every target phrase whose terms are `held` stands in a letter.
    fn table_of(held: &[&str], learned: &Learned) -> BTreeMap<String, SeeAlso> {
        let mut learned = learned.clone();
        for (terms, joined) in learned.targets().phrases {
            if terms.iter().all(|t| held.contains(&t.as_str())) {
                learned.phrases.insert(joined, 1);
            }
        }
        table(|t| held.contains(&t), &learned)
    }

    #[test]
    fn a_phrase_is_found_where_its_terms_stand_together() {
        let mut learned = Learned::default();
        learned.defined(vec![("dip".into(), "defenc investment pledg".into())]);
        let phrases = learned.targets();
        fn at<'a>(words: &[&[&'a str]]) -> Vec<Vec<&'a str>> {
            words.iter().map(|w| w.to_vec()).collect()
        }
        let letter = at(&[&["de"], &["defenc"], &["investment"], &["pledg"]]);
        assert_eq!(phrases.found_in(&letter), ["defenc investment pledg"]);
        let apart = at(&[&["defenc"], &["investment"], &["en"], &["pledg"]]);
        assert!(phrases.found_in(&apart).is_empty());
        // A part of a compound stands where its word stands: `lasten` in `lastenverdeling`.
        let burden = format!(
            "{} {}",
            Analyzer::new().term("burden"),
            Analyzer::new().term("sharing")
        );
        let terms: Vec<&str> = burden.split(' ').collect();
        let letter = at(&[&["het"], &[terms[0]], &[terms[1], "x"]]);
        assert!(phrases.found_in(&letter).contains(&burden));
    }

    #[test]
    fn the_table_names_only_terms_the_index_holds() {
        let table = table_of(&["georgie", "duitsland"], &Learned::default());
        assert_eq!(
            table["georgisch"],
            [("georgie".to_string(), Why::Derivation)]
        );
        assert!(
            !table.contains_key("georgie"),
            "a name stands for no form the index lacks"
        );
        let duitse = Analyzer::new().term("Duitse");
        assert_eq!(table[&duitse], [("duitsland".to_string(), Why::Derivation)]);
        assert!(!table.contains_key("zweed"), "Zweden is not held");
    }

    #[test]
    fn a_country_stands_for_the_adjective_a_letter_uses_and_a_name_of_two_words_is_one() {
        let a = Analyzer::new();
        let (griekse, britse, noorse) = (a.term("Griekse"), a.term("Britse"), a.term("Noorse"));
        let table = table_of(&[&griekse, &britse, &noorse], &Learned::default());
        let verenigd_koninkrijk = format!("{} {}", a.term("Verenigd"), a.term("Koninkrijk"));
        for (from, to) in [
            (a.term("Griekenland"), &griekse),
            (a.term("Noorwegen"), &noorse),
            (a.term("VK"), &britse),
            (verenigd_koninkrijk, &britse),
        ] {
            let targets = table.get(&from).map(Vec::as_slice).unwrap_or_default();
            assert!(
                targets.contains(&(to.clone(), Why::Derivation)),
                "{from} -> {targets:?}"
            );
        }
    }

    #[test]
    fn a_noun_is_never_searched_as_a_verb_of_the_same_stem() {
        let a = Analyzer::new();
        let held = [
            a.term("stond"),
            a.term("staan"),
            a.term("namen"),
            a.term("nam"),
        ];
        let held: Vec<&str> = held.iter().map(String::as_str).collect();
        let table = table_of(&held, &Learned::default());
        for noun in ["staten", "staat", "namen", "vragen", "bijdragen"] {
            assert!(
                !table.contains_key(&a.term(noun)),
                "{noun} -> {:?}",
                table.get(&a.term(noun))
            );
        }
        assert!(
            table.contains_key(&a.term("stond")),
            "the verb's forms still meet"
        );
    }

    #[test]
    fn english_and_dutch_terms_stand_for_each_other_as_phrases() {
        let a = Analyzer::new();
        let lasten = a.term("lastenverdeling");
        let burden_sharing = format!("{} {}", a.term("burden"), a.term("sharing"));
        let (burden, sharing, gereed) = (a.term("burden"), a.term("sharing"), a.term("gereedheid"));
        let held = [lasten.as_str(), &burden, &sharing, &gereed];
        let table = table_of(&held, &Learned::default());
        assert_eq!(table[&burden_sharing], [(lasten.clone(), Why::Translation)]);
        assert!(table[&lasten].contains(&(burden_sharing.clone(), Why::Translation)));
        // One word of a two-word term stands for nothing alone.
        assert!(!table.contains_key(&a.term("burden")));
        assert_eq!(
            table[&a.term("readiness")],
            [(a.term("gereedheid"), Why::Translation)]
        );
    }

    #[test]
    fn acronyms_stand_for_their_long_forms_and_back() {
        let mut learned = Learned::default();
        for (long, n) in [("defenc investment pledg", 3), ("dat in plan", 1)] {
            learned
                .acronyms
                .insert(("dip".to_string(), long.to_string()), n);
        }
        let held = ["dip", "defenc", "investment", "pledg", "dat", "in", "plan"];
        let table = table_of(&held, &learned);
        assert_eq!(
            table["dip"],
            [
                ("defenc investment pledg".to_string(), Why::Acronym),
                ("dat in plan".to_string(), Why::Acronym)
            ],
            "the long form most letters define first"
        );
        assert_eq!(
            table["defenc investment pledg"],
            [("dip".to_string(), Why::Acronym)]
        );
        // A long form the index does not hold whole is no target.
        let table = table_of(&["dip", "defenc"], &learned);
        assert!(!table.contains_key("dip"));
    }

    #[test]
    fn synonyms_stand_for_each_other_and_come_first() {
        let learned = Learned {
            synonyms: vec![vec![
                "lastenverdel".into(),
                "burden shar".into(),
                "nope".into(),
            ]],
            ..Learned::default()
        };
        let table = table_of(&["lastenverdel", "burden", "shar"], &learned);
        assert_eq!(
            table["burden shar"][0],
            ("lastenverdel".into(), Why::Synonym)
        );
        assert_eq!(
            table["lastenverdel"][0],
            ("burden shar".into(), Why::Synonym)
        );
        assert!(!table.contains_key("lastenverdel nope"));
        assert!(table.values().flatten().all(|(t, _)| t != "nope"));
    }
}
