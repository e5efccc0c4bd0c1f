//! Acronyms as the letters define them: `Defence Investment Pledge (DIP)`, `SG (Secretaris-
//! Generaal)`, across line breaks, English or Dutch. The pairs go to the see-also table, so
//! `DIP` finds a letter that writes only the long form, and the long form one that writes only
//! `DIP`.
//!
//! A pair counts only when the acronym spells its long form: every word of the long form gives
//! the acronym its first letter (and maybe more letters of itself, in order: `Verdrags-
//! organisatie` gives `VO`), except small function words (`and`, `for`, `van`, `de`), which may
//! give their first letter or nothing; the long form starts with a word that is no function word.
//! So `(2023)`, a footnote's `(1)`, or `(VS)` after words that do not spell it, are no pairs.

use crate::analyze::Analyzer;
use crate::format::chunk::MAX_SEE_ALSO_WORDS;
use crate::meta::text::tail;

/// Longest acronym, in characters.
const MAX_ACRONYM: usize = 10;
/// Longest parenthesised text looked at, in bytes: a long form in brackets is short.
const MAX_INSIDE: usize = 120;
/// How far before a bracket a long form is looked for, in bytes: its words and a few more.
const MAX_BEFORE: usize = 300;

/// Words a long form may hold without giving the acronym a letter.
const FUNCTION_WORDS: [&str; 22] = [
    "and", "of", "for", "the", "on", "in", "to", "at", "en", "van", "voor", "de", "het", "der",
    "op", "in", "te", "met", "om", "over", "tot", "und",
];

/// The acronyms `text` defines, as (acronym, long form) in the text's own words.
pub fn definitions(text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|i| from + i) {
        from = open + 1;
        let Some(close) = text[from..]
            .char_indices()
            .take_while(|&(i, c)| i <= MAX_INSIDE && c != '(')
            .find(|&(_, c)| c == ')')
            .map(|(i, _)| from + i)
        else {
            continue;
        };
        let inside = &text[open + 1..close];
        let before = tail(&text[..open], MAX_BEFORE);
        // `Long Name (LN)`, or `(LN, € 25 mln.)`.
        let first = inside.split([',', ';']).next().unwrap_or("").trim();
        if is_acronym(first) {
            let words = words_before(before, first.chars().count() + 3);
            // A long form is two words or more: one word before its own acronym is no definition.
            if let Some(long) = (2..=words.len())
                .map(|k| &words[words.len() - k..])
                .find(|w| spells(first, w))
            {
                found.push((first.to_string(), long.join(" ")));
            }
            continue;
        }
        // `LN (Long Name)`.
        let Some(acronym) = before.split_whitespace().next_back() else {
            continue;
        };
        if is_acronym(acronym) && !acronym.chars().any(|c| c.is_lowercase()) {
            let words = word_list(inside);
            if words.len() > 1
                && words.len() <= acronym.chars().count() + 3
                && spells(acronym, &words)
            {
                found.push((acronym.to_string(), words.join(" ")));
            }
        }
    }
    found
}

/// The definitions as query terms: (the acronym's term, the long form's terms joined by spaces).
pub fn pairs(text: &str, analyzer: &Analyzer) -> Vec<(String, String)> {
    definitions(text)
        .into_iter()
        .filter_map(|(acronym, long)| {
            let short = analyzer.term(&acronym);
            let terms: Vec<String> = analyzer
                .analyze(&long)
                .into_iter()
                .map(|t| t.term)
                .collect();
            let ok = !short.is_empty()
                && (2..=MAX_SEE_ALSO_WORDS).contains(&terms.len())
                && !terms.contains(&short);
            ok.then(|| (short, terms.join(" ")))
        })
        .collect()
}

/// Two to ten letters or digits, starting with a letter: all capitals but for at most one
/// (`NATO`, `IcD`), or all small and at most five (`bbp`).
fn is_acronym(s: &str) -> bool {
    let n = s.chars().count();
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let upper = s.chars().filter(|c| c.is_uppercase()).count();
    (2..=MAX_ACRONYM).contains(&n)
        && s.chars().all(char::is_alphanumeric)
        && s.chars().next().is_some_and(char::is_alphabetic)
        && letters >= 2
        && ((upper >= 2 && upper + 1 >= letters) || (upper == 0 && n <= 5))
}

/// The last `most` words before `text`'s end, within its last clause: a long form does not
/// reach past a full stop, colon, comma or bracket.
fn words_before(text: &str, most: usize) -> Vec<&str> {
    let start = text
        .char_indices()
        .rfind(|&(_, c)| ['.', ':', ';', ',', '(', ')', '!', '?', '•', '–'].contains(&c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let words = word_list(&text[start..]);
    let skip = words.len().saturating_sub(most);
    words[skip..].to_vec()
}

/// The words of `text`: runs of letters and digits (a hyphen separates words too).
fn word_list(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_function_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    FUNCTION_WORDS.contains(&lower.as_str())
}

/// Whether `acronym` spells `words`, as the module says.
fn spells(acronym: &str, words: &[&str]) -> bool {
    let acronym: Vec<char> = acronym.to_lowercase().chars().collect();
    let words: Vec<Vec<char>> = words
        .iter()
        .map(|w| w.to_lowercase().chars().collect())
        .collect();
    let first_ok = words
        .first()
        .is_some_and(|w| !is_function_word(&w.iter().collect::<String>()));
    first_ok && spell(&acronym, &words)
}

fn spell(acronym: &[char], words: &[Vec<char>]) -> bool {
    let Some((word, rest)) = words.split_first() else {
        return acronym.is_empty();
    };
    let function = is_function_word(&word.iter().collect::<String>());
    if function && spell(acronym, rest) {
        return true;
    }
    if acronym.first() != word.first() {
        return false;
    }
    // The word gives its first letter, then any of its later letters in order.
    let mut taken = 1;
    let mut at = 1;
    loop {
        if spell(&acronym[taken..], rest) {
            return true;
        }
        let Some(&next) = acronym.get(taken) else {
            return false;
        };
        match word[at..].iter().position(|&c| c == next) {
            Some(i) => {
                at += i + 1;
                taken += 1;
            }
            None => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defined(text: &str) -> Vec<(String, String)> {
        definitions(text)
    }

    fn pair(a: &str, l: &str) -> (String, String) {
        (a.to_string(), l.to_string())
    }

    #[test]
    fn a_long_form_before_its_acronym_is_found() {
        for (text, acronym, long) in [
            (
                "de implementatie van de Defence Investment Pledge (DIP) en",
                "DIP",
                "Defence Investment Pledge",
            ),
            (
                "de Integrated Air and\nMissile Defence (IAMD) van de NAVO",
                "IAMD",
                "Integrated Air and Missile Defence",
            ),
            (
                "het International Fund for Ukraine (IFU, € 25 mln.) en",
                "IFU",
                "International Fund for Ukraine",
            ),
            (
                "De Secretaris-Generaal (SG) van de NAVO",
                "SG",
                "Secretaris Generaal",
            ),
            (
                "de Noord-Atlantische Verdragsorganisatie (NAVO)",
                "NAVO",
                "Noord Atlantische Verdragsorganisatie",
            ),
            (
                "2% van het bruto binnenlands product (bbp) aan",
                "bbp",
                "bruto binnenlands product",
            ),
        ] {
            assert_eq!(defined(text), [pair(acronym, long)], "{text}");
        }
    }

    #[test]
    fn an_acronym_before_its_long_form_is_found() {
        assert_eq!(
            defined("onder leiding van SACEUR (Supreme Allied Commander Europe) wordt"),
            [pair("SACEUR", "Supreme Allied Commander Europe")]
        );
        assert_eq!(
            defined("de VS (Verenigde Staten) en"),
            [pair("VS", "Verenigde Staten")]
        );
    }

    #[test]
    fn brackets_that_define_nothing_are_no_pairs() {
        for text in [
            "de NAVO-top in Vilnius (2023) besloot",
            "zoals eerder gemeld (1) heeft",
            "de levering van wapens (VS) gaat door",
            "in de laatste week (VS) was er",
            "de Contactgroep voor de verdediging van Oekraïne (UDCG) kwam",
            "de Minimum Capability Requirements (verwacht medio 2024) en",
            "het NAVO-bondgenootschap (zie ook Kamerstuk 28 676, nr. 426) en",
            "de NAVO (NAVO) en",
            "Defence. Investment Pledge (DIP)",
            "(DIP)",
            "de DIP (",
            "de DIP (Defence Investment",
        ] {
            assert_eq!(defined(text), [], "{text}");
        }
    }

    #[test]
    fn the_pairs_are_query_terms() {
        let a = Analyzer::new();
        let found = pairs(
            "de Defence Investment Pledge (DIP) en de Secretaris-Generaal (SG)",
            &a,
        );
        let long = ["Defence", "Investment", "Pledge"]
            .map(|w| a.term(w))
            .join(" ");
        assert_eq!(found[0], (a.term("DIP"), long));
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn any_text_gives_an_answer() {
        assert_eq!(
            defined("de Pledge – de Defence Investment Pledge (DIP)"),
            [pair("DIP", "Defence Investment Pledge")]
        );
        assert_eq!(defined("• – (DIP)"), []);
        for text in [
            "((((",
            "))((",
            "(é)",
            "a (ÉÉ)",
            "x (AB",
            "ß (SS)",
            "İİ (İİ)",
            "–(AB)",
        ] {
            let _ = pairs(text, &Analyzer::new());
        }
        let long = format!("{} (AB)", "a ".repeat(100_000));
        assert_eq!(defined(&long), []);
    }
}
