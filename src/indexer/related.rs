//! Related letters: for each letter, the few that share most of what is particular to it, the
//! shared terms weighed as BM25 weighs a query's. Memory grows by a fixed amount a letter, and
//! time linearly: while the build walks the terms, each letter keeps only its [`TERMS`] weightiest
//! (terms in more than a tenth of the letters are passed over: they say little, and their long
//! lists would make the walk slow); then the letters are listed by the terms they kept, and each
//! letter sums, over its terms, its weight times each other letter's weight for the term (a term
//! kept by more than [`SHARED`] letters is passed over), and keeps its best [`SHOWN`].

use crate::bm25;
use crate::format::postings::Row;

/// The terms a letter is compared by.
pub const TERMS: usize = 10;
/// Related letters a letter names.
pub const SHOWN: usize = 5;
/// The most letters a term may be kept by and still relate them.
const SHARED: usize = 200;
/// A number no letter has: an empty place.
const NONE: u32 = u32::MAX;

pub struct Related {
    docs: usize,
    avg_len: f32,
    /// Per letter, [`TERMS`] places of a term number ([`NONE`]: empty) and its weight (in
    /// 1/1024ths: six bytes a place, for 300,000 letters 18 MB).
    kept: Vec<u32>,
    weights: Vec<u16>,
    terms: u32,
}

impl Related {
    pub fn new(docs: u32, total_length: u64) -> Self {
        let docs = docs as usize;
        Related {
            docs,
            avg_len: total_length as f32 / docs.max(1) as f32,
            kept: vec![NONE; docs * TERMS],
            weights: vec![0; docs * TERMS],
            terms: 0,
        }
    }

    /// Whether a term in `df` letters may relate them: in two at least, and in at most a tenth
    /// of them (of a small archive, all but one).
    pub fn wants(&self, df: u32) -> bool {
        let most = (self.docs / 10).max(self.docs.saturating_sub(1).min(50));
        (2..=most).contains(&(df as usize))
    }

    /// The next term of the walk: its letters (`rows`, `df` of them).
    pub fn add_term(&mut self, df: u32, rows: &[Row]) {
        if !self.wants(df) {
            return;
        }
        let df = df as usize;
        let term = self.terms;
        self.terms += 1;
        let idf = bm25::idf(self.docs, df);
        for row in rows {
            let weight = idf * bm25::tf_weight(row.freq as f32, row.length, self.avg_len);
            let weight = (weight * 1024.0).clamp(1.0, f32::from(u16::MAX)) as u16;
            let first = row.doc as usize * TERMS;
            let (terms, weights) = (
                &mut self.kept[first..first + TERMS],
                &mut self.weights[first..first + TERMS],
            );
            // The lightest place (an empty one first) goes to a weightier term.
            let lightest = (0..TERMS)
                .min_by_key(|&i| (terms[i] != NONE, weights[i]))
                .unwrap_or(0);
            if terms[lightest] == NONE || weights[lightest] < weight {
                terms[lightest] = term;
                weights[lightest] = weight;
            }
        }
    }

    /// Per letter, [`SHOWN`] places of related letters, best first ([`NONE`] when fewer).
    pub fn finish(self) -> Vec<u32> {
        // The letters by term: where each term's list starts, then the lists.
        let mut start = vec![0u32; self.terms as usize + 1];
        for &term in &self.kept {
            if term != NONE {
                start[term as usize + 1] += 1;
            }
        }
        for t in 1..start.len() {
            start[t] += start[t - 1];
        }
        let mut fill = start.clone();
        let mut lists = vec![(0u32, 0u16); *start.last().unwrap_or(&0) as usize];
        for (i, (&term, &weight)) in self.kept.iter().zip(&self.weights).enumerate() {
            if term != NONE {
                lists[fill[term as usize] as usize] = ((i / TERMS) as u32, weight);
                fill[term as usize] += 1;
            }
        }
        drop(fill);
        let mut related = vec![NONE; self.docs * SHOWN];
        let mut score = vec![0f32; self.docs];
        let mut touched: Vec<u32> = Vec::new();
        for doc in 0..self.docs {
            let places = doc * TERMS..(doc + 1) * TERMS;
            for (&term, &weight) in self.kept[places.clone()].iter().zip(&self.weights[places]) {
                if term == NONE {
                    continue;
                }
                let list = &lists[start[term as usize] as usize..start[term as usize + 1] as usize];
                if list.len() > SHARED {
                    continue;
                }
                for &(other, w) in list {
                    if other as usize != doc {
                        if score[other as usize] == 0.0 {
                            touched.push(other);
                        }
                        score[other as usize] += f32::from(weight) * f32::from(w);
                    }
                }
            }
            // Best first; of equal scores the lower number.
            touched.sort_unstable_by(|&a, &b| {
                score[b as usize]
                    .partial_cmp(&score[a as usize])
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then(a.cmp(&b))
            });
            for (place, &other) in touched.iter().take(SHOWN).enumerate() {
                related[doc * SHOWN + place] = other;
            }
            for &other in &touched {
                score[other as usize] = 0.0;
            }
            touched.clear();
        }
        related
    }
}

/// Letter `doc`'s related letters from [`Related::finish`], best first.
pub fn of(related: &[u32], doc: usize) -> impl Iterator<Item = u32> + '_ {
    related[doc * SHOWN..][..SHOWN]
        .iter()
        .copied()
        .take_while(|&n| n != NONE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(doc: u32, freq: u32) -> Row {
        Row {
            doc,
            freq,
            whole: freq,
            headed: 0,
            length: 100,
            surfaces: 1,
        }
    }

    #[test]
    fn letters_that_share_rare_terms_are_related_and_the_rarer_the_closer() {
        // Twenty letters; 0 and 1 share two rare terms, 0 and 2 one, 3 shares none.
        let mut r = Related::new(20, 2000);
        r.add_term(2, &[row(0, 3), row(1, 2)]);
        r.add_term(2, &[row(0, 1), row(1, 1)]);
        r.add_term(2, &[row(0, 1), row(2, 4)]);
        // In every letter: passed over.
        r.add_term(20, &(0..20).map(|d| row(d, 5)).collect::<Vec<_>>());
        let related = r.finish();
        assert_eq!(of(&related, 0).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(of(&related, 1).collect::<Vec<_>>(), [0]);
        assert_eq!(of(&related, 2).collect::<Vec<_>>(), [0]);
        assert_eq!(of(&related, 3).count(), 0);
    }

    #[test]
    fn a_letter_keeps_its_weightiest_terms_only() {
        let mut r = Related::new(100, 10_000);
        // Letter 0 has more terms than it keeps; the light ones do not relate it to letter 2.
        for t in 0..TERMS as u32 {
            r.add_term(2, &[row(0, 9), row(1, 9)]);
            let _ = t;
        }
        r.add_term(2, &[row(0, 1), row(2, 1)]);
        let related = r.finish();
        assert_eq!(of(&related, 0).collect::<Vec<_>>(), [1]);
        assert_eq!(of(&related, 2).collect::<Vec<_>>(), Vec::<u32>::new());
    }
}
