//! A word-level Markov chain of order 2: which word follows each pair of words in the training
//! text. Words keep their punctuation, so sentences end where the letters' sentences end.

use super::rng::Rng;
use std::collections::BTreeMap;

pub struct Chain {
    words: Vec<String>,
    /// For each pair of word numbers, the word numbers seen after it (with repeats: frequency).
    next: BTreeMap<(u32, u32), Vec<u32>>,
    /// Pairs that start a sentence.
    starts: Vec<(u32, u32)>,
}

impl Chain {
    pub fn train(texts: &[String]) -> Chain {
        let mut numbers: BTreeMap<&str, u32> = BTreeMap::new();
        let mut words: Vec<String> = Vec::new();
        let mut next: BTreeMap<(u32, u32), Vec<u32>> = BTreeMap::new();
        let mut starts = Vec::new();
        for text in texts {
            let ids: Vec<u32> = text
                .split_whitespace()
                .map(|w| {
                    *numbers.entry(w).or_insert_with(|| {
                        words.push(w.to_string());
                        (words.len() - 1) as u32
                    })
                })
                .collect();
            for i in 2..ids.len() {
                next.entry((ids[i - 2], ids[i - 1]))
                    .or_default()
                    .push(ids[i]);
                let after_sentence = i == 2 || ends_sentence(&words[ids[i - 3] as usize]);
                if after_sentence && starts_upper(&words[ids[i - 2] as usize]) {
                    starts.push((ids[i - 2], ids[i - 1]));
                }
            }
        }
        Chain {
            words,
            next,
            starts,
        }
    }

    /// Whole sentences, about `bytes` long in all.
    pub fn sentences(&self, rng: &mut Rng, bytes: usize) -> String {
        let mut out = String::new();
        if self.starts.is_empty() {
            return out;
        }
        while out.len() < bytes {
            let (mut a, mut b) = *rng.pick(&self.starts);
            let mut sentence = vec![a, b];
            while sentence.len() < 60 && !ends_sentence(&self.words[b as usize]) {
                let Some(options) = self.next.get(&(a, b)) else {
                    break;
                };
                let c = *rng.pick(options);
                sentence.push(c);
                (a, b) = (b, c);
            }
            if !out.is_empty() {
                out.push(' ');
            }
            let text: Vec<&str> = sentence
                .iter()
                .map(|&w| self.words[w as usize].as_str())
                .collect();
            out.push_str(&text.join(" "));
            if !ends_sentence(&self.words[b as usize]) {
                out.push('.');
            }
        }
        out
    }
}

fn ends_sentence(word: &str) -> bool {
    word.ends_with(['.', '?', '!'])
}

fn starts_upper(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
}
