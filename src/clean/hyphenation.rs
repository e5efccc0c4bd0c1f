//! Words broken over a line with a hyphen. `bondge-\nnoten` is one word broken by the typesetter;
//! `NAVO-\nverdragsgebied` is a hyphenated compound that happens to break at its hyphen. Which it
//! is, is decided from evidence, in this order:
//!
//! 1. `veiligheids- \nen`: a space after the hyphen, or `en`/`of`/`tot` after it, is Dutch elision:
//!    the text is left as it is.
//! 2. The joined word occurs unbroken in the corpus or is a Dutch word: join (`bondgenoten`).
//! 3. The hyphenated form occurs in the corpus: keep the hyphen (`Patriot-luchtafweerrakketten`).
//! 4. An acronym or a number before the hyphen, or a capital after it: keep (`NAVO-`, `Euro-Atlantisch`).
//! 5. Two vowels meet at the hyphen (a klinkerbotsing): keep (`informatie-uitwisseling`).
//! 6. Both halves are words by themselves: keep (`burden-sharing`).
//! 7. Otherwise the typesetter broke a word: join.

use crate::analyze::fold;
use crate::lexicon::Lexicon;
use crate::lexicon::WordSet;

/// What the corpus shows of its words, gathered over all letters before any is cleaned.
#[derive(Debug, Default)]
pub struct Evidence {
    /// Folded words that stand unbroken in the text.
    words: WordSet,
    /// Folded hyphenated compounds that stand unbroken in the text (`navo-verdragsgebied`).
    hyphenated: WordSet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Break {
    /// Remove the hyphen and the line break.
    Join,
    /// Keep the hyphen, remove the line break.
    Hyphen,
    /// Leave the text as it is.
    Leave,
}

impl Evidence {
    /// Adds the words of a letter's lines, leaving out the halves of words broken at a line end.
    pub fn gather(&mut self, lines: &[String]) {
        let mut after_break = false;
        for line in lines {
            let broken = broken_word(line).is_some();
            let mut tokens: Vec<&str> = line.split_whitespace().collect();
            if broken {
                tokens.pop();
            }
            if after_break && !tokens.is_empty() {
                tokens.remove(0);
            }
            after_break = broken;
            for token in tokens {
                let token = token.trim_matches(|c: char| !c.is_alphanumeric());
                if token.contains('-') {
                    self.hyphenated.insert(&fold(token));
                }
                for part in token
                    .split('-')
                    .filter(|p| p.chars().all(char::is_alphabetic))
                {
                    self.words.insert(&fold(part));
                }
            }
        }
    }

    fn is_word(&self, folded: &str, lexicon: &Lexicon) -> bool {
        self.words.contains(folded) || lexicon.contains(folded)
    }
}

/// The letters before a hyphen that ends the line (no space after it), if any.
fn broken_word(line: &str) -> Option<&str> {
    let stem = line.strip_suffix('-')?;
    let start = stem
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map(|(i, _)| i)?;
    let word = &stem[start..];
    word.chars().next_back().filter(|c| c.is_alphabetic())?;
    Some(word)
}

/// The letters a line starts with, after its leading spaces.
fn leading_word(line: &str) -> Option<&str> {
    let line = line.trim_start();
    let end = line
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(line.len(), |(i, _)| i);
    (end > 0).then(|| &line[..end])
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

pub fn decide(before: &str, after: &str, evidence: &Evidence, lexicon: &Lexicon) -> Break {
    let (x, y) = (fold(before), fold(after));
    if matches!(y.as_str(), "en" | "of" | "tot") {
        return Break::Leave;
    }
    if evidence.is_word(&format!("{x}{y}"), lexicon) {
        return Break::Join;
    }
    if evidence.hyphenated.contains(&format!("{x}-{y}")) {
        return Break::Hyphen;
    }
    let acronym = before.chars().count() >= 2 && before.chars().all(|c| c.is_uppercase());
    let digit = before.chars().any(|c| c.is_ascii_digit());
    if acronym || digit || after.starts_with(char::is_uppercase) {
        return Break::Hyphen;
    }
    if x.ends_with(is_vowel) && y.starts_with(is_vowel) {
        return Break::Hyphen;
    }
    if x.chars().count() >= 3 && evidence.is_word(&x, lexicon) && evidence.is_word(&y, lexicon) {
        return Break::Hyphen;
    }
    Break::Join
}

/// The text of `lines` with every broken word mended as [`decide`] says.
pub fn dehyphenate(lines: &[String], evidence: &Evidence, lexicon: &Lexicon) -> String {
    let mut out = String::new();
    let mut continuing = false;
    for (i, line) in lines.iter().enumerate() {
        let line = if continuing {
            line.trim_start()
        } else {
            line.as_str()
        };
        let next = lines.get(i + 1).and_then(|l| leading_word(l));
        let verdict = match (broken_word(line), next) {
            (Some(x), Some(y)) => decide(x, y, evidence, lexicon),
            _ => Break::Leave,
        };
        match verdict {
            Break::Join => out.push_str(&line[..line.len() - 1]),
            Break::Hyphen => out.push_str(line),
            Break::Leave => {
                out.push_str(line);
                out.push('\n');
            }
        }
        continuing = verdict != Break::Leave;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<String> {
        s.split('\n').map(str::to_string).collect()
    }

    /// Mends `text` with the evidence of `corpus` and OpenTaal's words.
    fn mend_with(corpus: &str, text: &str) -> String {
        let mut evidence = Evidence::default();
        evidence.gather(&lines(corpus));
        evidence.gather(&lines(text));
        dehyphenate(&lines(text), &evidence, Lexicon::dutch())
            .trim_end()
            .to_string()
    }

    fn mend(text: &str) -> String {
        mend_with("", text)
    }

    #[test]
    fn joins_bondgenoten() {
        assert_eq!(mend("onder bondge-\nnoten"), "onder bondgenoten");
    }

    #[test]
    fn joins_stafofficieren_seen_elsewhere_in_the_corpus() {
        assert_eq!(
            mend_with("vier stafofficieren bij", "9 stafoffi-\ncieren bij"),
            "9 stafofficieren bij"
        );
    }

    #[test]
    fn joins_luchtverdediging() {
        assert_eq!(
            mend("de luchtverde-\ndiging aan bod"),
            "de luchtverdediging aan bod"
        );
    }

    #[test]
    fn joins_operationalisering_seen_elsewhere_in_the_corpus() {
        assert_eq!(
            mend_with(
                "de operationalisering van NSATU",
                "de operationa-\nlisering van"
            ),
            "de operationalisering van"
        );
    }

    #[test]
    fn keeps_the_hyphen_after_an_acronym() {
        assert_eq!(mend("het NAVO-\nverdragsgebied"), "het NAVO-verdragsgebied");
    }

    #[test]
    fn keeps_the_hyphen_of_patriot_seen_hyphenated_elsewhere() {
        assert_eq!(
            mend_with(
                "productie van Patriot-luchtafweerrakketten",
                "voor Patriot-\nluchtafweerrakketten in"
            ),
            "voor Patriot-luchtafweerrakketten in"
        );
    }

    #[test]
    fn keeps_the_hyphen_of_defensie_industrie_over_a_page_break() {
        assert_eq!(
            mend_with(
                "met de defensie-industrie",
                "over weerbaarheid en de defensie-\n industrie. Het"
            ),
            "over weerbaarheid en de defensie-industrie. Het"
        );
    }

    #[test]
    fn keeps_the_hyphen_where_vowels_clash() {
        assert_eq!(
            mend("van informatie-\nuitwisseling."),
            "van informatie-uitwisseling."
        );
    }

    #[test]
    fn leaves_dutch_elision_alone() {
        assert_eq!(
            mend("de Oekraïense veiligheids- \nen defensiesector"),
            "de Oekraïense veiligheids- \nen defensiesector"
        );
    }

    #[test]
    fn keeps_two_words_joined_by_a_hyphen() {
        assert_eq!(
            mend_with("burden sharing", "de burden-\nsharing"),
            "de burden-sharing"
        );
    }

    #[test]
    fn joins_a_break_inside_a_hyphenated_compound() {
        assert_eq!(
            mend_with("burden sharing", "‘burden-sha-\nring’ binnen"),
            "‘burden-sharing’ binnen"
        );
    }

    #[test]
    fn keeps_number_ranges() {
        assert_eq!(mend("van 15-\n16 juni"), "van 15-\n16 juni");
    }

    #[test]
    fn leaves_a_hyphen_at_the_end_of_the_text() {
        assert_eq!(mend("een streepje-"), "een streepje-");
    }
}
