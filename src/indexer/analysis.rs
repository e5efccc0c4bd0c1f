//! The indexer: analyzes each letter and hands the writer, per term, where it occurs and how the
//! letter writes it. Analysis of one letter depends on nothing but the analyzer, so it can run on
//! several threads; the writer takes the results in letter order.

use super::postings::Occurrence;
use super::see_also::Phrases;
use super::writer::Analyzed;
use crate::analyze::{Analyzer, lowercase, words};
use crate::doc::Document;
use std::collections::BTreeMap;

/// The letter's metadata as words (`about.rs`), after its body's last word and one gap, each
/// counted as a whole word in a heading.
fn add_metadata(analyzer: &Analyzer, doc: &Document, terms: &mut BTreeMap<String, Occurrence>) {
    let text = super::about::text(doc);
    let start = doc.length + 1;
    for token in analyzer.analyze(&text) {
        let position = start + token.position;
        let occ = terms.entry(token.term).or_default();
        if occ.positions.last() == Some(&position) {
            continue;
        }
        occ.positions.push(position);
        occ.headed += 1;
        if !token.part {
            occ.whole += 1;
            let surface = lowercase(&text[token.start..token.end]);
            if !occ.surfaces.contains(&surface) {
                occ.surfaces.push(surface);
            }
        }
    }
}

/// One letter's terms: positions, whole-word and heading counts, surface forms; its length and
/// section positions; and the terms at positions whose word alone does not give them: compound
/// parts as where they stand in their word, the rest (codes) by name.
pub fn analyze(analyzer: &Analyzer, mut doc: Document, targets: &Phrases) -> Analyzed {
    let tokens = analyzer.analyze(&doc.body);
    // Per position, the terms there, for the see-also table's phrases.
    let mut at: Vec<Vec<&str>> = Vec::new();
    for t in &tokens {
        let p = t.position as usize;
        if at.len() <= p {
            at.resize_with(p + 1, Vec::new);
        }
        at[p].push(&t.term);
    }
    let phrases = targets.found_in(&at);
    drop(at);
    doc.length = tokens.last().map_or(0, |t| t.position + 1);
    // Each heading's words: the tokens inside its bytes. Tokens and headings both come in the
    // order of the text, so one walk finds them all (a search from every heading over every
    // token took 17 s for a letter of 80,000 heading lines).
    let mut next = 0;
    for section in &mut doc.sections {
        let (start, end) = (
            section.offset as usize,
            section.offset as usize + section.heading.len(),
        );
        next += tokens[next..].partition_point(|t| t.start < start);
        let mut inside = tokens[next..]
            .iter()
            .take_while(|t| t.start < end)
            .filter(|t| t.end <= end);
        if let Some(first) = inside.next() {
            let last = inside.last().unwrap_or(first);
            section.position = first.position;
            section.words = last.position - first.position + 1;
        }
    }
    // Where the headings' words are, to count a term's words in headings: a search per word.
    let mut headed: Vec<(u32, u32)> = doc
        .sections
        .iter()
        .filter(|s| s.words > 0)
        .map(|s| (s.position, s.words))
        .collect();
    headed.sort_unstable();
    let in_heading = |position: u32| {
        let after = headed.partition_point(|&(p, _)| p <= position);
        after > 0 && {
            let (p, words) = headed[after - 1];
            position < p.saturating_add(words)
        }
    };
    let spans: Vec<(usize, usize)> = words(&doc.body).map(|w| (w.start, w.end)).collect();
    let mut terms: BTreeMap<String, Occurrence> = BTreeMap::new();
    let mut extras: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut parts: Vec<(u32, u32, u32)> = Vec::new();
    for token in tokens {
        let occ = terms.entry(token.term.clone()).or_default();
        // A term once per position: a word and its own part cannot count twice.
        if occ.positions.last() == Some(&token.position) {
            continue;
        }
        occ.positions.push(token.position);
        occ.headed += u32::from(in_heading(token.position));
        let own_word = spans.get(token.position as usize) == Some(&(token.start, token.end));
        if !token.part {
            occ.whole += 1;
            let surface = lowercase(&doc.body[token.start..token.end]);
            if !occ.surfaces.contains(&surface) {
                occ.surfaces.push(surface);
            }
        }
        if token.part || !own_word {
            // A part the reader finds again from its word and range costs two small numbers.
            match token.within {
                Some(r) if own_word => parts.push((token.position, r.0, r.1)),
                _ => extras.entry(token.term).or_default().push(token.position),
            }
        }
    }
    add_metadata(analyzer, &doc, &mut terms);
    Analyzed {
        document: doc,
        terms,
        extras: extras.into_iter().collect(),
        parts,
        phrases,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::CompoundSplitter;

    fn analyzed(body: &str) -> Analyzed {
        let analyzer = Analyzer::for_index(CompoundSplitter::dutch());
        analyze(&analyzer, Document::new("a", body), &Phrases::default())
    }

    #[test]
    fn gathers_positions_and_surface_forms() {
        let a = analyzed("steun aan Oekraïne, steun voor Oekraine");
        assert_eq!(a.document.length, 6);
        let steun = &a.terms["steun"];
        assert_eq!((steun.positions.as_slice(), steun.whole), (&[0, 3][..], 2));
        let oekraine = &a.terms[&Analyzer::new().term("oekraine")];
        assert_eq!(oekraine.positions, [2, 5]);
        assert_eq!(oekraine.surfaces, ["oekraïne", "oekraine"]);
        assert!(a.extras.is_empty(), "{:?}", a.extras);
    }

    #[test]
    fn compound_parts_are_positions_but_not_whole_words() {
        let a = analyzed("programma en opleidingsprogramma");
        assert_eq!(a.document.length, 3);
        let programma = &a.terms["programma"];
        assert_eq!(
            (programma.positions.as_slice(), programma.whole),
            (&[0, 2][..], 1)
        );
        // Kept as where they stand in the folded word, which gives their terms again.
        assert_eq!(a.parts, [(2, 0, 9), (2, 10, 19)]);
        let analyzer = Analyzer::new();
        let terms: Vec<String> = a
            .parts
            .iter()
            .map(|&(_, s, e)| analyzer.part_term("opleidingsprogramma", (s, e)).unwrap())
            .collect();
        assert_eq!(terms, ["opleid", "programma"]);
        assert!(a.extras.is_empty(), "{:?}", a.extras);
    }

    #[test]
    fn a_joined_code_is_an_extra_by_name() {
        let a = analyzed("de F-16 vliegt");
        assert_eq!(a.extras, [("f16".to_string(), vec![2])]);
        assert!(a.parts.is_empty());
    }

    #[test]
    fn headings_are_counted() {
        let a = analyzed("Oekraïne\n\nDe steun aan Oekraïne gaat door.");
        let oekraine = &a.terms[&Analyzer::new().term("oekraine")];
        assert_eq!(
            (oekraine.positions.len(), oekraine.headed),
            (2, u32::from(!a.document.sections.is_empty()))
        );
    }

    #[test]
    fn a_letter_of_many_headings_is_analyzed_in_linear_time() {
        // 100,000 heading lines: a search from each heading over every token took minutes here
        // (a guard against a hang, not a speed goal: the bound is generous).
        let text = "KOP\n\nDe steun gaat door.\n\n".repeat(100_000);
        let start = std::time::Instant::now();
        let a = analyzed(&text);
        assert!(start.elapsed() < std::time::Duration::from_secs(60));
        let sections = a.document.sections.len();
        assert!(sections > 1000, "{sections}");
        // Every heading's word counts as headed, no running text's word does.
        assert_eq!(
            a.terms[&Analyzer::new().term("kop")].headed as usize,
            sections
        );
        assert_eq!(a.terms[&Analyzer::new().term("steun")].headed, 0);
    }
}
