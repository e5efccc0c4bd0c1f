//! Synthetic archives for measuring at scale: N Dutch-like letters from a word-level Markov chain
//! trained on real letters, each with a date line, a meeting, headings and a signer who fits its
//! year. The same letters, seed and N always give byte-identical files.

mod markov;
mod rng;

use crate::error::{Error, Result};
use crate::meta::MONTHS;
use markov::Chain;
use rng::Rng;
use std::path::Path;

/// Ministers of Defence and the years they signed.
const SIGNERS: [(u16, u16, &str); 4] = [
    (2014, 2017, "J.A. Hennis-Plasschaert"),
    (2017, 2021, "A.Th.B. Bijleveld-Schouten"),
    (2022, 2024, "K.H. Ollongren"),
    (2024, 2025, "R.P. Brekelmans"),
];

const PLACES: [&str; 6] = ["Brussel", "Brussel", "Brussel", "Brussel", "Rome", "Praag"];

const HEADINGS: [&str; 12] = [
    "Oekraïne",
    "Afschrikking en verdediging",
    "Defensie-industrie",
    "Lastenverdeling",
    "Missies en operaties",
    "Onderzeese vitale infrastructuur",
    "Voorraden en industrie",
    "Militaire mobiliteit",
    "Luchtverdediging",
    "Samenwerking met de EU",
    "NAVO-top",
    "Partnerschappen",
];

/// Writes `count` letters into `out` (created if missing), trained on `training` (cleaned texts).
pub fn generate(training: &[String], count: usize, seed: u64, out: &Path) -> Result<()> {
    let chain = Chain::train(training);
    std::fs::create_dir_all(out).map_err(|e| Error::io(out.display(), e))?;
    let mut rng = Rng::new(seed);
    for n in 0..count {
        let name = format!("{n:06}_{:016x}.txt", rng.next_u64());
        let text = letter(&chain, &mut rng);
        let path = out.join(name);
        std::fs::write(&path, text).map_err(|e| Error::io(path.display(), e))?;
    }
    Ok(())
}

/// One letter of 1 to 4 KB.
fn letter(chain: &Chain, rng: &mut Rng) -> String {
    let (first, last, signer) = *rng.pick(&SIGNERS);
    let year = rng.between(first as usize, last as usize);
    let month = rng.below(12);
    let day = rng.between(1, 27);
    let place = rng.pick(&PLACES);
    let target = rng.between(1000, 4000);
    let agenda = rng.below(3) > 0;
    let mut text = format!("Den Haag, {day} {} {year}\n\n", MONTHS[month]);
    let (meet, meet_month) = (rng.between(1, 27), (month + 1) % 12);
    text += &if agenda {
        format!(
            "Hierbij stuur ik u de geannoteerde agenda voor de bijeenkomst van de NAVO-ministers van \
             Defensie op {meet} {} {year} te {place}.",
            MONTHS[meet_month]
        )
    } else {
        format!(
            "Op {meet} {} {year} vond in {place} een bijeenkomst plaats van de NAVO-ministers van Defensie.",
            MONTHS[month]
        )
    };
    text.push_str("\n\n");
    while text.len() < target {
        text += *rng.pick(&HEADINGS);
        text.push_str("\n\n");
        let bytes = rng.between(300, 900);
        let paragraph = chain.sentences(rng, bytes);
        text += &wrap(&paragraph, 72);
        text.push_str("\n\n");
    }
    text += &format!("De Minister van Defensie,\n{signer}\n");
    text
}

/// Lines of at most `width` characters, broken between words.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width);
    let mut line = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if line > 0 && line + 1 + len > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn training() -> Vec<String> {
        vec![
            "De ministers spraken over steun aan Oekraïne. Nederland steunt Oekraïne met luchtverdediging. \
             De NAVO versterkt de afschrikking en verdediging. Bondgenoten investeren meer in defensie."
                .to_string(),
        ]
    }

    #[test]
    fn the_same_seed_gives_byte_identical_letters() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        generate(&training(), 5, 42, a.path()).unwrap();
        generate(&training(), 5, 42, b.path()).unwrap();
        let read = |dir: &Path| {
            let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
                .unwrap()
                .map(|e| {
                    let p = e.unwrap().path();
                    (
                        p.file_name().unwrap().to_string_lossy().into_owned(),
                        std::fs::read(&p).unwrap(),
                    )
                })
                .collect();
            files.sort();
            files
        };
        assert_eq!(read(a.path()), read(b.path()));
        assert_eq!(read(a.path()).len(), 5);
    }

    #[test]
    fn letters_are_one_to_four_kilobytes_with_date_meeting_and_signer() {
        let chain = Chain::train(&training());
        let mut rng = Rng::new(1);
        for _ in 0..50 {
            let text = letter(&chain, &mut rng);
            assert!((1000..=5200).contains(&text.len()), "{} bytes", text.len());
            let body =
                crate::clean::clean_corpus(&[&text], crate::lexicon::Lexicon::dutch()).remove(0);
            let meta = crate::meta::extract(&text, &body);
            assert_eq!(
                meta.date_precision,
                Some(crate::meta::Precision::Day),
                "{text}"
            );
            assert!(meta.meeting.is_some(), "{text}");
            assert!(meta.minister.is_some(), "{text}");
        }
    }
}
