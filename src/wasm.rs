//! The WebAssembly boundary, kept thin: an exported struct that owns a loaded index. Bytes go in,
//! plain data comes out (via serde-wasm-bindgen); every error becomes a JS `Error` with the same
//! message the CLI prints, never a panic. Fetching, the DOM and rendering stay in JavaScript.

use crate::search::{SearchOptions, Sort};
use crate::{Index, Searcher};
use serde::Serialize;
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
        let index = Index::from_bytes(bytes).map_err(js_error)?;
        Ok(Kamerzoek {
            searcher: Searcher::new(index),
        })
    }

    /// The same object as `kamerzoek search --json`: `{query, total, hits, facets, suggestion}`.
    /// `filters` are `field=value` strings as the CLI's `--filter` takes them; `sort` is
    /// `relevance`, `date` or `-date`. (`engine.js` turns an options object into these.)
    pub fn search(
        &self,
        query: &str,
        limit: usize,
        filters: Vec<String>,
        sort: &str,
    ) -> Result<JsValue, JsError> {
        let mut options = SearchOptions {
            limit,
            sort: Sort::parse(sort).map_err(js_error)?,
            ..SearchOptions::default()
        };
        for spec in &filters {
            options.filters.add_spec(spec).map_err(js_error)?;
        }
        let results = self
            .searcher
            .search_with(query, &options)
            .map_err(js_error)?;
        to_js(&results)
    }

    /// The letter `id` for reading, with the words `query` matched marked:
    /// `{id, title, html, matches, sections, date, kind, minister, meeting, kamerstuk}`, or
    /// null when the index holds no such letter.
    pub fn read(&self, id: &str, query: &str) -> Result<JsValue, JsError> {
        let reading = self.searcher.read(id, query).map_err(js_error)?;
        to_js(&reading)
    }

    /// How many letters the index holds.
    #[wasm_bindgen(getter, js_name = docCount)]
    pub fn doc_count(&self) -> usize {
        self.searcher.index().docs().len()
    }
}

fn js_error(err: crate::Error) -> JsError {
    JsError::new(&err.to_string())
}

/// Plain JS objects, absent values as null (as in the CLI's JSON).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    value
        .serialize(&serializer)
        .map_err(|e| JsError::new(&e.to_string()))
}
