//! The indexer: analyzes each document and gathers, per term, the documents and positions it
//! occurs at. The result is plain data; `format::encode` turns it into bytes.

use crate::analyze::Analyzer;
use crate::doc::Document;
use std::collections::BTreeMap;

/// One document's occurrences of one term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    /// Word positions, ascending.
    pub positions: Vec<u32>,
}

/// Everything an index holds, before encoding.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IndexData {
    pub docs: Vec<Document>,
    /// Terms in byte order (the order the term dictionary needs), each with its postings by doc.
    pub terms: BTreeMap<String, Vec<Posting>>,
}

#[derive(Default)]
pub struct IndexBuilder {
    analyzer: Analyzer,
    data: IndexData,
}

impl IndexBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, mut doc: Document) {
        let doc_id = self.data.docs.len() as u32;
        let tokens = self.analyzer.analyze(&doc.body);
        doc.length = tokens.len() as u32;
        for token in tokens {
            let postings = self.data.terms.entry(token.term).or_default();
            match postings.last_mut() {
                Some(p) if p.doc == doc_id => p.positions.push(token.position),
                _ => postings.push(Posting {
                    doc: doc_id,
                    positions: vec![token.position],
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
        let mut b = IndexBuilder::new();
        b.add(doc("a", "steun aan Oekraïne, steun"));
        b.add(doc("b", "Oekraine"));
        let data = b.finish();
        assert_eq!(data.docs[0].length, 4);
        let steun = &data.terms["steun"];
        assert_eq!(
            steun,
            &[Posting {
                doc: 0,
                positions: vec![0, 3]
            }]
        );
        let oekraine = &data.terms[&Analyzer::new().term("oekraine")];
        assert_eq!(oekraine.iter().map(|p| p.doc).collect::<Vec<_>>(), [0, 1]);
    }
}
