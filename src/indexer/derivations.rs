//! Countries, their adjectives and their inhabitants (`countries.txt`), and English terms with
//! the Dutch words the letters use (`glossary.txt`), sources named there.
//! Countries, their adjectives and their inhabitants:
//! `Georgisch` finds the letters that say `Georgië`. At build time each form's query term gets, in
//! its chunk's see-also table, its country's name when the index holds it; so the table costs a
//! query nothing until one of its words is typed, and a query word the index lacks (`georgisch`)
//! still finds its country.

use crate::analyze::Analyzer;
use crate::format::chunk::{MAX_SEE_ALSO, SeeAlso, Why};
use std::collections::BTreeMap;

static COUNTRIES: &str = include_str!("countries.txt");

/// Terms that a form stems to but that are common words too (`Deense` -> `den`, as in
/// `Den Haag`; `Letse` -> `let`, as in `let op`): a query for them is no query for a country.
const AMBIGUOUS: [&str; 6] = ["den", "let", "pool", "fin", "est", "rus"];

/// The groups of query terms, one per country: the name's term first, then its other
/// single-word forms' terms as the query analyzer makes them, less the ambiguous ones.
pub fn groups() -> Vec<Vec<String>> {
    let analyzer = Analyzer::new();
    COUNTRIES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let mut terms: Vec<String> = Vec::new();
            for form in line.split('|').map(str::trim) {
                // A form of two words (`Noord-Macedonië`) is a phrase to the query: not a term.
                if !form.chars().all(char::is_alphanumeric) {
                    continue;
                }
                let term = analyzer.term(form);
                if !terms.contains(&term) && !AMBIGUOUS.contains(&term.as_str()) {
                    terms.push(term);
                }
            }
            terms
        })
        .filter(|g| g.len() > 1)
        .collect()
}

static GLOSSARY: &str = include_str!("glossary.txt");

/// The glossary's pairs as query terms: (English, Dutch).
pub fn glossary() -> Vec<(String, String)> {
    let analyzer = Analyzer::new();
    GLOSSARY
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|line| line.split_once('|'))
        .map(|(en, nl)| (analyzer.term(en.trim()), analyzer.term(nl.trim())))
        .filter(|(en, nl)| en != nl)
        .collect()
}

/// The see-also table of the whole index, ascending, to be cut along the chunks: for each query
/// term, the terms of the index (`held`) it stands for too, and why.
/// - a country's form stands for its name, one way: an adjective stands for its country, not a
///   country for every word its adjective stems to;
/// - an English word of the glossary stands for its Dutch word; a Dutch word for its English
///   one only where no other English word shares it (`lastenverdeling` is `burden` and
///   `sharing` together, so it stands for neither alone).
pub fn see_also(held: impl Fn(&str) -> bool) -> BTreeMap<String, SeeAlso> {
    let mut table: BTreeMap<String, SeeAlso> = BTreeMap::new();
    let mut add = |from: &str, to: &str, why: Why| {
        let entry = table.entry(from.to_string()).or_default();
        if !entry.iter().any(|(t, _)| t == to) && entry.len() < MAX_SEE_ALSO {
            entry.push((to.to_string(), why));
        }
    };
    for group in groups() {
        let name = &group[0];
        if held(name) {
            for form in &group[1..] {
                add(form, name, Why::Derivation);
            }
        }
    }
    let pairs = glossary();
    for (en, nl) in &pairs {
        if held(nl) {
            add(en, nl, Why::Translation);
        }
        let alone = pairs.iter().filter(|(_, n)| n == nl).count() == 1;
        if alone && held(en) {
            add(nl, en, Why::Translation);
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_nato_and_eu_member_is_in_the_table_with_its_adjective() {
        let analyzer = Analyzer::new();
        let groups = groups();
        let together = |a: &str, b: &str| {
            // One term already (`Polen`, `Poolse` both stem to `pol`), or one group.
            let (a, b) = (analyzer.term(a), analyzer.term(b));
            a == b || groups.iter().any(|g| g.contains(&a) && g.contains(&b))
        };
        for (country, adjective) in [
            ("Albanië", "Albanees"),
            ("België", "Belgische"),
            ("Bulgarije", "Bulgaarse"),
            ("Canada", "Canadese"),
            ("Duitsland", "Duitse"),
            ("Estland", "Estische"),
            ("Frankrijk", "Franse"),
            ("Griekenland", "Griekse"),
            ("Hongarije", "Hongaarse"),
            ("IJsland", "IJslandse"),
            ("Italië", "Italiaans"),
            ("Kroatië", "Kroatische"),
            ("Litouwen", "Litouwse"),
            ("Luxemburg", "Luxemburgse"),
            ("Montenegro", "Montenegrijnse"),
            ("Nederland", "Nederlandse"),
            ("Noorwegen", "Noorse"),
            ("Polen", "Poolse"),
            ("Portugal", "Portugese"),
            ("Roemenië", "Roemeense"),
            ("Slovenië", "Sloveense"),
            ("Slowakije", "Slowaakse"),
            ("Tsjechië", "Tsjechische"),
            ("Turkije", "Turkse"),
            ("VK", "Britse"),
            ("VS", "Amerikaanse"),
            ("Zweden", "Zweedse"),
            ("Oostenrijk", "Oostenrijkse"),
            ("Ierland", "Ierse"),
            ("Cyprus", "Cypriotische"),
            ("Malta", "Maltese"),
            ("Oekraïne", "Oekraïense"),
            ("Rusland", "Russische"),
            ("Georgië", "Georgisch"),
            ("Moldavië", "Moldavische"),
        ] {
            assert!(together(country, adjective), "{country} / {adjective}");
        }
        // Forms that stem to common words are left out: `let op` is no Latvian, `Den Haag` no
        // Dane.
        assert!(!together("Letland", "Letse"));
        assert!(!together("Denemarken", "Deense"));
    }

    #[test]
    fn the_table_names_only_terms_the_index_holds() {
        let table = see_also(|t| t == "georgie" || t == "duitsland");
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
}

#[cfg(test)]
mod glossary_tests {
    use super::*;

    #[test]
    fn english_words_stand_for_the_dutch_ones_and_a_shared_dutch_word_for_neither() {
        let a = Analyzer::new();
        let lasten = a.term("lastenverdeling");
        let table = see_also(|t| t == lasten || t == a.term("burden") || t == a.term("gereedheid"));
        let translated = |en: &str| table.get(&a.term(en)).cloned().unwrap_or_default();
        assert_eq!(translated("burden"), [(lasten.clone(), Why::Translation)]);
        assert_eq!(translated("sharing"), [(lasten.clone(), Why::Translation)]);
        assert_eq!(
            translated("readiness"),
            [(a.term("gereedheid"), Why::Translation)]
        );
        // Two English words share lastenverdeling: it stands for neither alone.
        assert!(!table.contains_key(&lasten));
        assert!(glossary().len() >= 80);
    }
}
