// The analyze fuzz target's body, shared with `tests/fuzz_regressions.rs` (which replays every
// committed corpus input through it on `cargo test`). Included, not a module.
//
// Arbitrary text through everything the indexer does to a letter: clean-up, metadata, and the
// index-mode analyzer and the indexer's per-letter analysis. Tokens must lie on character
// boundaries inside the text, in order.

use kamerzoek::analyze::{Analyzer, CompoundSplitter};
use kamerzoek::lexicon::Lexicon;
use std::sync::OnceLock;

fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(|| Analyzer::for_index(CompoundSplitter::dutch()))
}

/// One fuzz input, as the text of a letter.
pub fn run_analyze(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let body = kamerzoek::clean::clean_corpus(&[text], Lexicon::dutch()).remove(0);
    let _ = kamerzoek::meta::extract(text, &body);
    let doc = kamerzoek::Document::new("x", &body);
    for section in &doc.sections {
        assert!(body[section.offset as usize..].starts_with(&section.heading));
    }
    // What the indexer keeps of the letter: terms with surface forms, and the extras its file holds.
    // The acronyms it defines, whose long forms it is then searched for.
    let mut learned = kamerzoek::indexer::Learned::default();
    let defined = kamerzoek::indexer::acronym_definitions(&body);
    for (short, long) in &defined {
        assert!(!short.is_empty() && long.contains(' '), "{short:?} {long:?}");
    }
    let query = Analyzer::new();
    learned.defined(
        defined
            .iter()
            .map(|(s, l)| (query.term(s), l.to_lowercase()))
            .collect(),
    );
    let analyzed = kamerzoek::indexer::analyze(analyzer(), doc.clone(), &learned.targets());
    for (term, occurrence) in &analyzed.terms {
        assert!(!term.is_empty() && !occurrence.positions.is_empty());
        assert!(occurrence.whole as usize <= occurrence.positions.len());
    }
    let tokens = analyzer().analyze(&body);
    let mut last = 0;
    for t in &tokens {
        assert!(t.start < t.end && t.end <= body.len());
        assert!(body.is_char_boundary(t.start) && body.is_char_boundary(t.end));
        assert!(t.position >= last);
        last = t.position;
    }
}
