//! Sections: the headings of a letter (`Oekraïne`, `Afschrikking en verdediging`) and where they
//! stand. The letters have no markup, so a heading is recognised by its shape in the cleaned text:
//! a short line of at most [`MAX_WORDS`] words that starts with a capital, holds no digit or comma,
//! does not end like a sentence, is not all capitals (a signature block), and stands on its own:
//! after a blank line, a finished sentence or another heading, and before a line that starts a new
//! sentence.

use crate::say::cat;
use serde::Serialize;

const MAX_WORDS: usize = 8;
const MAX_CHARS: usize = 70;

/// A heading and where its section starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub heading: String,
    /// Byte offset of the heading line in the body.
    pub offset: u32,
    /// Position of the heading's first token, and how many tokens it has (set by the indexer).
    pub position: u32,
    pub words: u32,
}

/// The headings of `body`, in order.
pub fn find(body: &str) -> Vec<Section> {
    let lines: Vec<(usize, &str)> = body
        .split('\n')
        .scan(0usize, |at, line| {
            let start = *at;
            *at += line.len() + 1;
            Some((start, line))
        })
        .collect();
    let mut sections: Vec<Section> = Vec::new();
    let mut previous_heading = usize::MAX;
    for (i, &(start, line)) in lines.iter().enumerate() {
        let text = line.trim();
        let before = lines[..i]
            .iter()
            .rev()
            .map(|l| l.1.trim())
            .find(|l| !l.is_empty());
        let blank_before = i == 0 || lines[i - 1].1.trim().is_empty();
        let after = lines[i + 1..]
            .iter()
            .map(|l| l.1.trim())
            .find(|l| !l.is_empty());
        let under_heading = previous_heading.checked_add(1) == Some(i);
        let stands_alone = blank_before || under_heading || before.is_none_or(ends_sentence);
        let followed = after.is_some_and(|next| next.starts_with(|c: char| !c.is_lowercase()));
        if looks_like_heading(text) && stands_alone && followed {
            let offset = start + (line.len() - line.trim_start().len());
            sections.push(Section {
                heading: text.to_string(),
                offset: offset as u32,
                position: 0,
                words: 0,
            });
            previous_heading = i;
        }
    }
    sections
}

/// The anchor of each section: its heading folded to lowercase words joined by `-`
/// (`afschrikking-en-verdediging`), with `-2`, `-3` after a repeated one.
pub fn anchors(sections: &[Section]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    sections
        .iter()
        .map(|s| {
            let folded = crate::analyze::fold(&s.heading);
            // By hand, not `collect` and `join`: their copies for `&str` cost the wasm 800 bytes (95 gzip).
            let mut slug = String::new();
            for w in folded.split(|c: char| !c.is_alphanumeric()) {
                if !w.is_empty() {
                    if !slug.is_empty() {
                        slug.push('-');
                    }
                    slug.push_str(w);
                }
            }
            let slug = if slug.is_empty() {
                "sectie".to_string()
            } else {
                slug
            };
            let n = seen.iter().filter(|s| **s == slug).count();
            seen.push(slug.clone());
            if n == 0 { slug } else { cat!(slug, '-', n + 1) }
        })
        .collect()
}

fn looks_like_heading(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    (1..=MAX_WORDS).contains(&words)
        && text.chars().count() <= MAX_CHARS
        && text.starts_with(char::is_uppercase)
        && !text.contains(|c: char| c.is_ascii_digit() || c == ',')
        && !text.ends_with(['.', ',', ';', ':', '?', '!', '-'])
        && !(letters.len() > 3 && letters.iter().all(|c| c.is_uppercase()))
}

fn ends_sentence(line: &str) -> bool {
    line.ends_with(['.', ':', ';', '?', '!', ')', '”', '’', '»'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headings(body: &str) -> Vec<String> {
        find(body).into_iter().map(|s| s.heading).collect()
    }

    #[test]
    fn finds_headings_between_paragraphs() {
        let body = "De bijeenkomst is voorbij.\n\nOekraïne\n\nIn de UDCG spraken de Ministers.\n\
                    Afschrikking en verdediging\nDe Ministers bespraken de plannen.\n";
        assert_eq!(headings(body), ["Oekraïne", "Afschrikking en verdediging"]);
        assert_eq!(find(body)[0].offset, 28);
    }

    #[test]
    fn anchors_are_folded_slugs_made_unique() {
        let body =
            "Tekst.\n\nOekraïne\n\nTekst.\n\nOekraïne\n\nTekst.\n\nNAVO-top (DMM)\n\nTekst.\n";
        assert_eq!(
            anchors(&find(body)),
            ["oekraine", "oekraine-2", "navo-top-dmm"]
        );
    }

    #[test]
    fn ignores_signatures_dates_and_short_last_lines() {
        let body = "Den Haag, 31 januari 2025\n\nHierbij stuur ik u de agenda.\n\nDe Minister van Defensie,\n\
                    K.H. Ollongren\n\nDE MINISTER VAN DEFENSIE\n\nDeze steun\nmoet doorgaan.\n";
        assert!(headings(body).is_empty(), "{:?}", headings(body));
    }
}

#[cfg(test)]
mod seeds {
    use super::*;

    /// The headings of the five letters, as a person reads them.
    #[test]
    fn finds_the_headings_of_the_five_letters() {
        let (_, bodies) = crate::test_seeds::cleaned();
        let expected: [&[&str]; 5] = [
            &[
                "Oekraïne",
                "Afschrikking en verdediging",
                "Defence Investment Pledge",
                "Deterrence and Defence of the Euro-Atlantic Area",
                "Onderzeese vitale infrastructuur",
                "Voorraden en industrie",
                "Bijdrage training Oekraïne",
                "Nationale Datalink Management Cel",
                "EUFOR Althea",
            ],
            &["Afschrikking en verdediging", "Oekraïne"],
            &[
                "Afschrikking en verdediging",
                "Lastenverdeling",
                "Werksessie met NAVO-partners",
                "Contactgroep voor de verdediging van Oekraïne (UDCG)",
            ],
            &[
                "Aanleiding",
                "Geadviseerd besluit",
                "Kernpunten",
                "Toelichting",
                "Financiële overwegingen",
                "Juridische overwegingen",
                "Communicatie",
            ],
            &[
                "Afschrikking en verdediging",
                "Defensie-industrie",
                "Oekraïne",
                "Missies en operaties",
                "NAVO-top",
            ],
        ];
        for (body, expected) in bodies.iter().zip(expected) {
            let found: Vec<String> = find(body).into_iter().map(|s| s.heading).collect();
            assert_eq!(found, expected);
            for s in find(body) {
                assert!(body[s.offset as usize..].starts_with(&s.heading));
            }
        }
    }
}
