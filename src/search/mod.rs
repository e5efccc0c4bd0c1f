//! Search: a query against a loaded [`Index`], ranked by BM25, with excerpts for the hits shown.

mod bm25;
mod excerpt;
mod query;

pub use query::Query;

use crate::analyze::{Analyzer, Token};
use crate::error::Result;
use crate::index::Index;
use serde::Serialize;
use std::collections::HashMap;

/// The answer to one query: what the CLI prints as JSON and the wasm module hands to the page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    pub query: String,
    /// Letters that match, of which `hits` are the best `limit`.
    pub total: usize,
    pub hits: Vec<Hit>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub id: String,
    pub title: String,
    pub score: f32,
    /// HTML: escaped text with `<mark>`ed matches.
    pub excerpt: String,
}

pub struct Searcher {
    index: Index,
    analyzer: Analyzer,
}

impl Searcher {
    pub fn new(index: Index) -> Self {
        Searcher {
            index,
            analyzer: Analyzer::new(),
        }
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    pub fn search(&self, text: &str, limit: usize) -> Result<SearchResults> {
        let query = Query::parse(text, &self.analyzer);
        let mut ranked = self.rank(&query)?;
        let total = ranked.len();
        ranked.truncate(limit);
        let hits = ranked
            .into_iter()
            .map(|(doc, score)| self.hit(doc, score, &query))
            .collect();
        Ok(SearchResults {
            query: text.to_string(),
            total,
            hits,
        })
    }

    /// Letters holding every query term, best first; ties keep letter order.
    fn rank(&self, query: &Query) -> Result<Vec<(u32, f32)>> {
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let docs = self.index.docs();
        let mut scores: HashMap<u32, (f32, usize)> = HashMap::new();
        for term in &query.terms {
            let postings = self.index.postings(term)?;
            let idf = bm25::idf(docs.len(), postings.len());
            for p in &postings {
                let len = docs[p.doc as usize].length;
                let w =
                    idf * bm25::tf_weight(p.positions.len() as f32, len, self.index.avg_length());
                let entry = scores.entry(p.doc).or_default();
                entry.0 += w;
                entry.1 += 1;
            }
        }
        let mut ranked: Vec<(u32, f32)> = scores
            .into_iter()
            .filter(|(_, (_, matched))| *matched == query.terms.len())
            .map(|(doc, (score, _))| (doc, score))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(ranked)
    }

    fn hit(&self, doc: u32, score: f32, query: &Query) -> Hit {
        let d = &self.index.docs()[doc as usize];
        let tokens = self.analyzer.analyze(&d.body);
        let matched = |t: &Token| query.terms.contains(&t.term);
        Hit {
            id: d.id.clone(),
            title: d.title.clone(),
            score,
            excerpt: excerpt::excerpt(&d.body, &tokens, &matched),
        }
    }
}
