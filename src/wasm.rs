//! The WebAssembly boundary, kept thin: an exported struct that owns a loaded index. Bytes go in,
//! plain data comes out (via serde-wasm-bindgen); every error becomes a JS `Error` with the same
//! message the CLI prints, never a panic. Fetching, the DOM and rendering stay in JavaScript.

use crate::{Index, Searcher};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Kamerzoek {
    searcher: Searcher,
}

#[wasm_bindgen]
impl Kamerzoek {
    /// Loads an index from the bytes of a `kamerzoek.idx` file.
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: &[u8]) -> Result<Kamerzoek, JsError> {
        let index = Index::from_bytes(bytes).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Kamerzoek {
            searcher: Searcher::new(index),
        })
    }

    /// `{query, total, hits: [{id, title, score, excerpt}]}`, best first, at most `limit` hits.
    pub fn search(&self, query: &str, limit: usize) -> Result<JsValue, JsError> {
        let results = self
            .searcher
            .search(query, limit)
            .map_err(|e| JsError::new(&e.to_string()))?;
        serde_wasm_bindgen::to_value(&results).map_err(|e| JsError::new(&e.to_string()))
    }

    /// How many letters the index holds.
    #[wasm_bindgen(getter, js_name = docCount)]
    pub fn doc_count(&self) -> usize {
        self.searcher.index().docs().len()
    }
}
