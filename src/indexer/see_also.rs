//! The see-also table of an index: for a query term or phrase, the terms or phrases of the index
//! it stands for too, and why. From four sources: the site owner's synonyms (`--synonyms`), the
//! acronyms the letters define, countries and their adjectives, and the glossary. The writer
//! cuts it along the term chunks, so a query pays for it only when it types such a word.

use super::derivations::{glossary, groups, questions};
use crate::format::chunk::{MAX_SEE_ALSO, SeeAlso, Why, is_term_phrase};
use std::collections::BTreeMap;

/// Most long forms kept for one acronym: the ones most letters define it as.
const MAX_LONG_FORMS: usize = 4;

/// What a build learned or was given beyond the letters' words.
#[derive(Debug, Default, Clone)]
pub struct Learned {
    /// (acronym term, long form's terms joined by spaces) -> how many letters define it so.
    pub acronyms: BTreeMap<(String, String), u32>,
    /// The site owner's groups of equivalent terms, each a phrase of terms joined by spaces.
    pub synonyms: Vec<Vec<String>>,
}

/// The see-also table of the whole index, ascending, for the terms the index holds (`held`).
/// - a synonym stands for every other of its group;
/// - an acronym for its long form and the long form for the acronym;
/// - a country's form stands for its name, one way: an adjective stands for its country, not a
///   country for every word its adjective stems to;
/// - a glossary term stands for its other language's term, both ways;
/// - a question word for what answers it (`hoeveel` for `euro`), one way.
pub fn table(held: impl Fn(&str) -> bool, learned: &Learned) -> BTreeMap<String, SeeAlso> {
    let held_all = |phrase: &str| phrase.split(' ').all(&held);
    let mut table: BTreeMap<String, SeeAlso> = BTreeMap::new();
    let mut add = |from: &str, to: &str, why: Why| {
        if from == to || !is_term_phrase(from) || !is_term_phrase(to) || !held_all(to) {
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
    let mut long_forms: BTreeMap<&str, Vec<(u32, &str)>> = BTreeMap::new();
    for ((short, long), n) in &learned.acronyms {
        long_forms.entry(short).or_default().push((*n, long));
    }
    for (short, mut longs) in long_forms {
        longs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        for (_, long) in longs.into_iter().take(MAX_LONG_FORMS) {
            if held(short) {
                add(short, long, Why::Acronym);
                add(long, short, Why::Acronym);
            }
        }
    }
    for group in groups() {
        let name = &group[0];
        for form in &group[1..] {
            add(form, name, Why::Derivation);
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

    fn table_of(held: &[&str], learned: &Learned) -> BTreeMap<String, SeeAlso> {
        table(|t| held.contains(&t), learned)
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
            "a name stands for nothing else"
        );
        let duitse = Analyzer::new().term("Duitse");
        assert_eq!(table[&duitse], [("duitsland".to_string(), Why::Derivation)]);
        assert!(!table.contains_key("zweed"), "Zweden is not held");
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
