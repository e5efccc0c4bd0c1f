//! The indexer: analyzes each document and gathers, per term, the documents and positions it
//! occurs at. The result is plain data; `format::encode` turns it into bytes.

#[cfg(not(target_arch = "wasm32"))]
use crate::analyze::{Analyzer, CompoundSplitter};
use crate::doc::Document;
use std::collections::BTreeMap;

/// One document's occurrences of one term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    /// Word positions, ascending: as a word of its own and as a part of a compound.
    pub positions: Vec<u32>,
    /// How many of the positions are the term as a word of its own (not as a compound part).
    pub whole: u32,
}

/// Everything an index holds, before encoding.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IndexData {
    pub docs: Vec<Document>,
    /// Terms in byte order (the order the term dictionary needs), each with its postings by doc.
    pub terms: BTreeMap<String, Vec<Posting>>,
}

#[cfg(not(target_arch = "wasm32"))]
pub struct IndexBuilder {
    analyzer: Analyzer,
    data: IndexData,
}

#[cfg(not(target_arch = "wasm32"))]
impl IndexBuilder {
    /// An indexer that splits compounds with `compounds`.
    pub fn new(compounds: CompoundSplitter) -> Self {
        IndexBuilder {
            analyzer: Analyzer::for_index(compounds),
            data: IndexData::default(),
        }
    }

    pub fn add(&mut self, mut doc: Document) {
        let doc_id = self.data.docs.len() as u32;
        let tokens = self.analyzer.analyze(&doc.body);
        doc.length = tokens.last().map_or(0, |t| t.position + 1);
        for section in &mut doc.sections {
            let (start, end) = (
                section.offset as usize,
                section.offset as usize + section.heading.len(),
            );
            let mut inside = tokens.iter().filter(|t| t.start >= start && t.end <= end);
            if let Some(first) = inside.next() {
                let last = inside.next_back().unwrap_or(first);
                section.position = first.position;
                section.words = last.position - first.position + 1;
            }
        }
        for token in tokens {
            let postings = self.data.terms.entry(token.term).or_default();
            let whole = u32::from(!token.part);
            match postings.last_mut() {
                // A term once per position: a word and its own part cannot count twice.
                Some(p) if p.doc == doc_id && p.positions.last() == Some(&token.position) => {}
                Some(p) if p.doc == doc_id => {
                    p.positions.push(token.position);
                    p.whole += whole;
                }
                _ => postings.push(Posting {
                    doc: doc_id,
                    positions: vec![token.position],
                    whole,
                }),
            }
        }
        self.data.docs.push(doc);
    }

    pub fn finish(self) -> IndexData {
        self.data
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, body: &str) -> Document {
        Document::new(id, body)
    }

    #[test]
    fn gathers_positions_per_document() {
        let mut b = IndexBuilder::new(CompoundSplitter::dutch());
        b.add(doc("a", "steun aan Oekraïne, steun"));
        b.add(doc("b", "Oekraine"));
        let data = b.finish();
        assert_eq!(data.docs[0].length, 4);
        let steun = &data.terms["steun"];
        let expected = Posting {
            doc: 0,
            positions: vec![0, 3],
            whole: 2,
        };
        assert_eq!(steun, &[expected]);
        let oekraine = &data.terms[&Analyzer::new().term("oekraine")];
        assert_eq!(oekraine.iter().map(|p| p.doc).collect::<Vec<_>>(), [0, 1]);
    }

    #[test]
    fn compound_parts_are_positions_but_not_whole_words() {
        let mut b = IndexBuilder::new(CompoundSplitter::dutch());
        b.add(doc("a", "programma en opleidingsprogramma"));
        let data = b.finish();
        assert_eq!(data.docs[0].length, 3);
        assert_eq!(data.terms["programma"][0].positions, [0, 2]);
        assert_eq!(data.terms["programma"][0].whole, 1);
    }
}
