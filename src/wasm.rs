//! The WebAssembly boundary, kept thin: an exported struct that owns a loaded index. Bytes go in,
//! plain data comes out (via serde-wasm-bindgen); every error becomes a JS `Error` with the same
//! message the CLI prints, never a panic. Fetching, the DOM and rendering stay in JavaScript.

use crate::search::{Field, SearchOptions, Sort};
use crate::{Index, Searcher};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use wasm_bindgen::prelude::*;

/// The options object as JavaScript passes it.
#[derive(Deserialize, Default)]
struct JsOptions {
    limit: Option<usize>,
    filters: Option<HashMap<String, OneOrMany>>,
    sort: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

fn parse_options(value: JsValue) -> Result<SearchOptions, String> {
    let js: JsOptions = if value.is_undefined() || value.is_null() {
        JsOptions::default()
    } else {
        serde_wasm_bindgen::from_value(value).map_err(|e| format!("bad search options: {e}"))?
    };
    let mut options = SearchOptions::default();
    if let Some(limit) = js.limit {
        options.limit = limit;
    }
    if let Some(sort) = js.sort {
        options.sort = Sort::parse(&sort).map_err(|e| e.to_string())?;
    }
    // In a fixed order, so the same options always mean the same filters.
    let mut filters: Vec<(String, OneOrMany)> =
        js.filters.unwrap_or_default().into_iter().collect();
    filters.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, values) in filters {
        let field = Field::parse(&name).map_err(|e| e.to_string())?;
        let values = match values {
            OneOrMany::One(v) => vec![v],
            OneOrMany::Many(vs) => vs,
        };
        for value in values {
            options
                .filters
                .add(field, &value)
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(options)
}

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

    /// The same object as `kamerzoek search --json`: `{query, total, hits, facets}`.
    /// `options` (optional): `{limit: 10, filters: {kind: ["verslag"], year: ["2024"]},
    /// sort: "relevance" | "date" | "-date"}`; a filter value may also be a single string.
    pub fn search(&self, query: &str, options: JsValue) -> Result<JsValue, JsError> {
        let options = parse_options(options).map_err(|e| JsError::new(&e))?;
        let results = self
            .searcher
            .search_with(query, &options)
            .map_err(|e| JsError::new(&e.to_string()))?;
        // Absent values as null, as in the CLI's JSON.
        let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
        results
            .serialize(&serializer)
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// The letter `id` for reading, with the words `query` matched marked:
    /// `{id, title, html, matches, sections, date, kind, minister, meeting, kamerstuk}`, or
    /// null when the index holds no such letter.
    pub fn read(&self, id: &str, query: &str) -> Result<JsValue, JsError> {
        let reading = self
            .searcher
            .read(id, query)
            .map_err(|e| JsError::new(&e.to_string()))?;
        let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
        reading
            .serialize(&serializer)
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// How many letters the index holds.
    #[wasm_bindgen(getter, js_name = docCount)]
    pub fn doc_count(&self) -> usize {
        self.searcher.index().docs().len()
    }
}
