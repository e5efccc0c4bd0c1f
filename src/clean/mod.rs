//! Clean-up of letters extracted from PDFs, before analysis. Its output is the text that is
//! indexed, stored and cut into excerpts, so what is removed here is never a word of the body.
//!
//! Per letter, in order: [`invisible`] characters (soft hyphens, zero-width spaces) go,
//! [`furniture`] (page headers and colophons) goes, [`spacing`] undoes
//! double line spacing, [`footnotes`] move to the end with their markers unglued from the words,
//! and [`hyphenation`] mends words broken over lines, on evidence gathered from all letters
//! together (a word seen whole in one letter mends it where it is broken in another).

mod footnotes;
mod furniture;
mod hyphenation;
mod invisible;
pub mod pages;
mod spacing;

use hyphenation::Evidence;

use crate::lexicon::Lexicon;

/// The cleaned text of each letter, in order.
pub fn clean_corpus(texts: &[&str], lexicon: &Lexicon) -> Vec<String> {
    let mut cleaner = Cleaner::new(lexicon);
    for text in texts {
        cleaner.gather(text);
    }
    texts.iter().map(|text| cleaner.clean(text)).collect()
}

/// Clean-up in two passes over the letters, for archives too large to hold: first every letter
/// is shown to [`Cleaner::gather`], then each is [`Cleaner::clean`]ed. Only the evidence (which
/// words the letters hold, whole and broken) stays in memory between the passes.
pub struct Cleaner<'l> {
    lexicon: &'l Lexicon,
    evidence: Evidence,
}

impl<'l> Cleaner<'l> {
    pub fn new(lexicon: &'l Lexicon) -> Self {
        Cleaner {
            lexicon,
            evidence: Evidence::default(),
        }
    }

    /// Takes in the evidence of one letter.
    pub fn gather(&mut self, text: &str) {
        let (body, notes) = split(text);
        self.evidence.gather(&body);
        self.evidence.gather(&notes);
    }

    /// The cleaned text of one letter, on the evidence of all letters gathered.
    pub fn clean(&self, text: &str) -> String {
        let (body, notes) = split(text);
        let mut out = tidy(&hyphenation::dehyphenate(
            &body,
            &self.evidence,
            self.lexicon,
        ));
        if !notes.is_empty() {
            out.push('\n');
            out.push_str(&tidy(&hyphenation::dehyphenate(
                &notes,
                &self.evidence,
                self.lexicon,
            )));
        }
        out
    }
}

/// A letter without its furniture and double spacing: its body lines and its footnote lines.
fn split(text: &str) -> (Vec<String>, Vec<String>) {
    let lines = invisible::remove(text)
        .lines()
        .map(str::to_string)
        .collect();
    footnotes::extract(spacing::undouble(furniture::remove(lines)))
}

/// Lines without trailing space, no leading or trailing blank lines, at most one blank line in a
/// row: the stored text is compact and its offsets stable.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines().map(str::trim_end) {
        if line.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned() -> Vec<String> {
        crate::test_seeds::cleaned().1
    }

    #[test]
    fn the_letters_lose_their_furniture_and_keep_their_footnotes() {
        let letters = cleaned();
        let all = letters.concat();
        for furniture in ["kst-28676-449", "ISSN", "vergaderjaar"] {
            assert!(!all.contains(furniture), "{furniture} is still there");
        }
        assert!(
            letters[1].contains("NATO New Force\nModel kunnen vullen"),
            "{}",
            letters[1]
        );
        assert!(letters[0].contains("luchtafweer. Ook andere landen"));
        assert!(letters[0].ends_with("4 Kamerstuk 21 501-28, nr. 247.\n"));
        assert!(letters[1].contains("hoofdkwartieren kan oproepen"));
    }

    #[test]
    fn the_letters_broken_words_are_mended() {
        let letters = cleaned();
        for (letter, expected) in [
            (0, "bondgenoten"),
            (0, "gemeenschappelijke aanschaf"),
            (1, "luchtverdediging aan bod"),
            (1, "Patriot-luchtafweerrakketten in Duitsland kon"),
            (1, "veiligheids-\nen defensiesector"),
            (3, "burden-sharing"),
            (3, "Euro-Atlantische"),
            (4, "operationalisering van NSATU en de"),
            (4, "9 stafofficieren bij"),
            (4, "defensie-industrie. Het kabinet"),
        ] {
            assert!(
                letters[letter].contains(expected),
                "letter {letter}: {expected}"
            );
        }
        assert!(!letters[0].contains("informatie-\n"), "{}", letters[0]);
        assert!(letters[0].contains("informatie-uitwisseling"));
    }

    #[test]
    fn tidy_trims_lines_and_collapses_blank_runs() {
        assert_eq!(tidy("\n a \n\n\n\nb  \n\n"), " a\n\nb\n");
    }
}
