//! A document: one letter after clean-up, as the index stores and shows it.

pub mod sections;

pub use sections::Section;

use crate::meta::{self, Meta};
use crate::say::cat;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    /// The letter's file name without `.txt`.
    pub id: String,
    pub title: String,
    /// The cleaned text that is indexed; token offsets point into it, excerpts are cut from it.
    pub body: String,
    /// Number of token positions in `body` (BM25 length normalisation); set by the indexer.
    pub length: u32,
    /// The headings, in order; their token positions are set by the indexer.
    pub sections: Vec<Section>,
    pub meta: Meta,
    /// Where each page begins in `body` (bytes, the first at 0), for a letter whose pages are
    /// known (a PDF, a text with form feeds); empty otherwise.
    pub pages: Vec<u32>,
    /// The address of the original (from the owner's metadata file, or the PDF published
    /// beside the index): `http:`, `https:` or relative, checked when the metadata file is
    /// read. An index is not trusted for it: the engine's JS gives only http(s) addresses.
    pub source: Option<String>,
}

/// Longest title taken from the text when the metadata make none.
const TITLE_CHARS: usize = 90;

impl Document {
    /// A document without metadata; its title is its first sentence.
    pub fn new(id: &str, body: &str) -> Self {
        Self::with_meta(id, body, Meta::default())
    }

    /// The page of the text at byte `offset`, counted from 1; `None` when pages are not known.
    pub fn page_at(&self, offset: usize) -> Option<u32> {
        let after = self
            .pages
            .partition_point(|&start| start as usize <= offset);
        (!self.pages.is_empty()).then_some(after.max(1) as u32)
    }

    /// A document titled from its metadata, or by its first sentence where that says too little.
    pub fn with_meta(id: &str, body: &str, meta: Meta) -> Self {
        Document {
            id: id.to_string(),
            title: meta::title(&meta).unwrap_or_else(|| first_sentence(body, TITLE_CHARS)),
            body: body.to_string(),
            length: 0,
            sections: sections::find(body),
            meta,
            pages: Vec::new(),
            source: None,
        }
    }
}

/// The first sentence of `text`, cut at a word boundary to at most `max` characters.
fn first_sentence(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // Bytes, not `str::find`: the standard substring search would cost the wasm 2 KB.
    let sentence = match flat.as_bytes().windows(2).position(|w| w == b". ") {
        Some(end) => &flat[..end + 1],
        None => &flat,
    };
    if sentence.chars().count() <= max {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(space) => &cut[..space],
        None => &cut,
    };
    cat!(cut, '…')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_is_the_first_sentence_on_one_line() {
        let d = Document::new(
            "x",
            " Op 15 juni vond\nin Brussel een DMM plaats. Daarna meer.",
        );
        assert_eq!(d.title, "Op 15 juni vond in Brussel een DMM plaats.");
    }

    #[test]
    fn long_first_sentences_are_cut_at_a_word() {
        let body = "woord ".repeat(40);
        let t = Document::new("x", &body).title;
        assert!(t.ends_with('…'));
        assert!(t.chars().count() <= TITLE_CHARS + 1);
        assert!(t.trim_end_matches('…').split(' ').all(|w| w == "woord"));
    }
}
