//! The shipped data of the see-also table, sources named in each file: countries, their
//! adjectives and their inhabitants (`countries.txt`); English terms with the Dutch words the
//! letters use (`glossary.txt`); the forms of verbs the stemmer does not join (`verbs.txt`); what
//! question words ask for (`questions.txt`).
//!
//! Countries, their adjectives and their inhabitants: `Georgisch` finds the letters that say `Georgië`. At build time each form's query term gets, in
//! its chunk's see-also table, its country's name when the index holds it; so the table costs a
//! query nothing until one of its words is typed, and a query word the index lacks (`georgisch`)
//! still finds its country.

use crate::analyze::{Analyzer, fold, is_stop_word};

static COUNTRIES: &str = include_str!("countries.txt");

/// Terms that a form stems to but that are common words too (`Deense` -> `den`, as in
/// `Den Haag`; `Letse` -> `let`, as in `let op`): a query for them is no query for a country.
const AMBIGUOUS: [&str; 6] = ["den", "let", "pool", "fin", "est", "rus"];

/// The groups of query terms, one per country: the name's first, then its other forms as the
/// query analyzer makes them, less the ambiguous ones; a form of two words (`Verenigd
/// Koninkrijk`, `Noord-Macedonië`) a phrase of terms joined by a space.
pub fn groups() -> Vec<Vec<String>> {
    let analyzer = Analyzer::new();
    form_groups(COUNTRIES, |form| {
        let made = phrase(&analyzer, form);
        (!made.is_empty() && !AMBIGUOUS.contains(&made.as_str())).then_some(made)
    })
}

/// The `|`-separated groups of a data file, less comments: each form made a term or phrase by
/// `make` (`None` leaves it out), each once; a group of one is no group.
fn form_groups(text: &str, make: impl Fn(&str) -> Option<String>) -> Vec<Vec<String>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let mut forms: Vec<String> = Vec::new();
            for made in line.split('|').map(str::trim).filter_map(&make) {
                if !forms.contains(&made) {
                    forms.push(made);
                }
            }
            forms
        })
        .filter(|forms| forms.len() > 1)
        .collect()
}

static GLOSSARY: &str = include_str!("glossary.txt");

/// The glossary's pairs as query phrases (terms joined by spaces): (English, Dutch).
pub fn glossary() -> Vec<(String, String)> {
    pairs(GLOSSARY)
}

/// The `a|b` lines of a data file as query phrases, less comments.
fn pairs(text: &str) -> Vec<(String, String)> {
    let analyzer = Analyzer::new();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|line| line.split_once('|'))
        .map(|(en, nl)| (phrase(&analyzer, en), phrase(&analyzer, nl)))
        .filter(|(en, nl)| en != nl && !en.is_empty() && !nl.is_empty())
        .collect()
}

static VERBS: &str = include_str!("verbs.txt");

/// The forms of each verb of `verbs.txt` as query phrases, less stop words: `geven`, `geeft`,
/// `gaf`, ... as the terms a query makes of them.
pub fn verbs() -> Vec<Vec<String>> {
    let analyzer = Analyzer::new();
    form_groups(VERBS, |form| {
        let p = phrase(&analyzer, form);
        (!p.is_empty() && !is_stop_word(&fold(form))).then_some(p)
    })
}

static QUESTIONS: &str = include_str!("questions.txt");

/// What question words ask for, as query phrases: (question word, answer word).
pub fn questions() -> Vec<(String, String)> {
    pairs(QUESTIONS)
}

/// The terms of `text` as a query makes them, joined by single spaces: a see-also key or target.
pub fn phrase(analyzer: &Analyzer, text: &str) -> String {
    let terms: Vec<String> = analyzer.analyze(text).into_iter().map(|t| t.term).collect();
    terms.join(" ")
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
        // Forms whose stems are common words have terms of their own (`analyze::OWN_TERM`);
        // the common words are no country: `let op` is no Latvian, `Den Haag` no Dane (`pool`
        // and `Polen` are one term already, as the stemmer makes them).
        for (country, form) in [
            ("Denemarken", "Deense"),
            ("Denemarken", "Denen"),
            ("Letland", "Letse"),
            ("Polen", "Poolse"),
            ("Polen", "Pools"),
            ("Finland", "Finse"),
            ("Finland", "Finnen"),
            ("Rusland", "Russen"),
            ("Estland", "Esten"),
        ] {
            assert!(together(country, form), "{country} / {form}");
        }
        for (country, word) in [
            ("Denemarken", "Den"),
            ("Letland", "let"),
            ("Finland", "fin"),
        ] {
            assert!(!together(country, word), "{country} / {word}");
        }
    }
}

#[cfg(test)]
mod glossary_tests {
    use super::*;

    #[test]
    fn the_glossary_is_query_phrases_with_both_sides() {
        let a = Analyzer::new();
        let pairs = glossary();
        let burden_sharing = format!("{} {}", a.term("burden"), a.term("sharing"));
        assert!(pairs.contains(&(burden_sharing, a.term("lastenverdeling"))));
        assert!(
            pairs
                .iter()
                .all(|(en, nl)| en != nl && !en.is_empty() && !nl.is_empty())
        );
        assert!(pairs.len() >= 400, "{} pairs", pairs.len());
    }
}

#[cfg(test)]
mod verb_tests {
    use super::*;

    #[test]
    fn a_verbs_forms_are_one_group_and_stop_words_are_left_out() {
        let a = Analyzer::new();
        let verbs = verbs();
        let geven = verbs
            .iter()
            .find(|forms| forms.contains(&a.term("gaf")))
            .expect("geven");
        for form in ["geven", "geeft", "gaven", "gegeven"] {
            assert!(geven.contains(&a.term(form)), "{form}");
        }
        // The stemmer does not join them: that is why the table is there.
        assert_ne!(a.term("gaf"), a.term("geven"));
        assert!(verbs.iter().flatten().all(|f| !is_stop_word(f)));
        assert!(verbs.len() >= 70);
    }
}
