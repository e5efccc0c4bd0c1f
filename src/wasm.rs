//! The WebAssembly boundary, kept thin: an exported struct that owns a loaded index. Bytes go in,
//! answers come out as JSON text, written as the CLI writes `--json` (`crate::json`: smaller than
//! building JS objects field by field), for `engine.js` to parse; every error becomes a JS `Error`
//! with the same message the CLI prints, never a panic. Fetching, unpacking, the DOM and rendering stay in
//! JavaScript: when a query needs files of the index folder that are not here yet, the answer is
//! `{need: [names]}`; `engine.js` fetches them, hands each to `supply`, and asks again.

use crate::search::SearchOptions;
use crate::{Answer, Error, Index, Searcher};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Kamerzoek {
    searcher: Searcher,
}

#[derive(Serialize)]
struct Need<'a> {
    need: &'a [String],
}

#[wasm_bindgen]
impl Kamerzoek {
    /// Opens an index from the (unpacked) bytes of its `kamerzoek.idx` entry file.
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: &[u8]) -> Result<Kamerzoek, JsError> {
        let index = Index::from_bytes(bytes).map_err(js_error)?;
        Ok(Kamerzoek {
            searcher: Searcher::new(index),
        })
    }

    /// Hands over a file of the index folder that a `{need}` answer named (unpacked bytes).
    pub fn supply(&mut self, name: &str, bytes: &[u8]) -> Result<(), JsError> {
        self.searcher.supply(name, bytes).map_err(js_error)
    }

    /// A file a `{need}` answer named could not be fetched: answers go on without it, marked
    /// `incomplete`, until `retry`.
    pub fn unavailable(&mut self, name: &str) {
        self.searcher.unavailable(name);
    }

    /// Asks again for the files that could not be fetched.
    pub fn retry(&mut self) {
        self.searcher.retry();
    }

    /// The most bytes any file of the index but the entry file unpacks to.
    #[wasm_bindgen(getter, js_name = largestFile)]
    pub fn largest_file(&self) -> u32 {
        self.searcher.index().largest_file()
    }

    /// The same object as `kamerzoek search --json`: `{query, total, hits, facets, suggestion,
    /// incomplete}` (facets null when `facets` is `never`, or `if-loaded` and the letter table is
    /// not here), or `{need}`. The options are spelled as the CLI's flags: `filters` are
    /// `field=value` strings, `sort` is `relevance`, `date` or `-date`, `facets` is `always`,
    /// `never` or `if-loaded`, `group` is `meeting` or empty. Bad options throw an `Error` named `OptionError`.
    pub fn search(
        &self,
        query: &str,
        limit: usize,
        filters: Vec<String>,
        sort: &str,
        facets: &str,
        group: &str,
    ) -> Result<JsValue, JsValue> {
        let options =
            SearchOptions::parse(limit, &filters, sort, facets, group).map_err(option_error)?;
        let answer = self.searcher.search_with(query, &options);
        // A search waiting for letter files only: `{need, preview}`, the preview an answer with
        // its hits in their final order, titles without excerpts (`Searcher::take_preview`).
        // Spliced as text: serializing it inside `Need` would carry a second copy of the
        // answer's serializer in the wasm.
        match (&answer, self.searcher.take_preview()) {
            (Ok(Answer::Need(files)), Some(preview)) => {
                let mut text = json(&Need { need: files })?;
                text.pop(); // its closing brace
                text.push_str(",\"preview\":");
                text.push_str(&json(&preview)?);
                text.push('}');
                Ok(JsValue::from_str(&text))
            }
            _ => Ok(self::answer(answer)?),
        }
    }

    /// The letter `id` for reading, with the words `query` matched marked:
    /// `{id, title, html, matches, sections, date, kind, minister, meeting, kamerstuk}`, null
    /// when the index holds no such letter, or `{need}`.
    pub fn read(&self, id: &str, query: &str) -> Result<JsValue, JsError> {
        answer(self.searcher.read(id, query))
    }

    /// Files the last `search` found a coming query may want (while a word is typed), one name
    /// a line: fetch them and `supply` them when they come; no answer waits for them.
    pub fn prefetch(&self) -> String {
        self.searcher.index().take_prefetch().join("\n")
    }

    /// How many letters the index holds.
    #[wasm_bindgen(getter, js_name = docCount)]
    pub fn doc_count(&self) -> usize {
        self.searcher.index().doc_count()
    }
}

fn answer<T: Serialize>(result: crate::Result<Answer<T>>) -> Result<JsValue, JsError> {
    match result.map_err(js_error)? {
        Answer::Ready(value) => to_js(&value),
        Answer::Need(files) => to_js(&Need { need: &files }),
    }
}

fn js_error(err: Error) -> JsError {
    JsError::new(&err.to_string())
}

/// Options the caller got wrong (a bad filter, a bad date) as an `Error` named `OptionError`, so
/// the page tells them from a damaged index.
fn option_error(err: Error) -> JsValue {
    let error = js_sys::Error::new(&err.to_string());
    error.set_name("OptionError");
    error.into()
}

/// JSON text, absent values as null, as the CLI's `--json`.
fn json<T: Serialize>(value: &T) -> Result<String, JsError> {
    crate::json::to_string(value).map_err(|e| JsError::new(&e.to_string()))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    json(value).map(|text| JsValue::from_str(&text))
}

// Talc in place of the default dlmalloc: 4.5 KB less of the engine every visitor downloads.
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
