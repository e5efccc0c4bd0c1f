//! Query parsing: the query text through the same analyzer as the letters, into distinct terms,
//! all of which a letter must contain.

use crate::analyze::Analyzer;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<String>,
}

impl Query {
    pub fn parse(text: &str, analyzer: &Analyzer) -> Query {
        let mut terms: Vec<String> = Vec::new();
        for token in analyzer.analyze(text) {
            if !terms.contains(&token.term) {
                terms.push(token.term);
            }
        }
        Query { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_analyzed_and_distinct() {
        let q = Query::parse("Trainingen training, OEKRAÏNE", &Analyzer::new());
        assert_eq!(q.terms, ["training", "oekrain"]);
    }

    #[test]
    fn punctuation_alone_is_an_empty_query() {
        assert!(Query::parse(" -\"* !? ", &Analyzer::new()).is_empty());
    }
}
