//! The WebAssembly boundary, kept thin: an exported struct that owns a loaded index. Bytes go in,
//! answers come out as JSON text, written as the CLI writes `--json` (`crate::json`: smaller than
//! building JS objects field by field), for `engine.js` to parse; every error becomes a JS `Error`
//! with the same message the CLI prints, never a panic. Fetching, unpacking, the DOM and rendering stay in
//! JavaScript. Every question is answered as a [`Reply`], `{ready, need, preview, prefetch}`:
//! when it needs files of the index folder that are not here yet, `need` names them;
//! `engine.js` fetches them, hands each to `supply`, and asks again.

use crate::search::SearchOptions;
use crate::{Answer, Error, Index, Searcher};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Kamerzoek {
    searcher: Searcher,
}

/// An [`Answer`] as the page receives it: `ready` the answer (the same object as the CLI's
/// `--json`) when `need` is null; else `need` the files to fetch first and `preview` what can be
/// shown meanwhile (or null). `prefetch`: files a coming question may want, fetched with no
/// answer waiting for them. One object for both, so the answer's serializer is in the wasm once.
#[derive(Serialize)]
struct Reply<'a, T> {
    ready: Option<&'a T>,
    need: Option<&'a [String]>,
    preview: Option<&'a T>,
    prefetch: &'a [String],
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

    /// A [`Reply`] whose answer is the same object as `kamerzoek search --json`: `{query, total,
    /// hits, facets, suggestion, incomplete}` (facets null when `facets` is `never`, or
    /// `if-loaded` and the letter table is not here). The options are spelled as the CLI's flags:
    /// `filters` are `field=value` strings, `sort` is `relevance`, `date` or `-date`, `facets` is
    /// `always`, `never` or `if-loaded`, `group` is `meeting` or empty. Bad options (a filter on a
    /// field the index does not have too) throw an `Error` named `OptionError`.
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
        match self.searcher.search_with(query, &options) {
            // A filter on an owner's field the index does not have, known once its letter table
            // is here: the caller's options, not the index, are wrong.
            Err(err @ Error::BadOption { .. }) => Err(option_error(err)),
            answer => Ok(reply(answer)?),
        }
    }

    /// A [`Reply`] whose answer is the letter `id` for reading, with the words `query` matched
    /// marked: `{id, title, html, matches, sections, date, kind, minister, meeting, kamerstuk}`,
    /// null when the index holds no such letter.
    pub fn read(&self, id: &str, query: &str) -> Result<JsValue, JsError> {
        reply(self.searcher.read(id, query))
    }

    /// The files of the index folder a first query may want whatever its words, one name a line
    /// (the letter table, the word list, the letter folder): see `Index::opening`.
    #[wasm_bindgen(getter)]
    pub fn opening(&self) -> String {
        self.searcher.index().opening()
    }

    /// How many letters the index holds.
    #[wasm_bindgen(getter, js_name = docCount)]
    pub fn doc_count(&self) -> usize {
        self.searcher.index().doc_count()
    }
}

fn reply<T: Serialize>(result: crate::Result<Answer<T>>) -> Result<JsValue, JsError> {
    let text = match &result.map_err(js_error)? {
        Answer::Ready { value, prefetch } => json(&Reply {
            ready: Some(value),
            need: None,
            preview: None,
            prefetch,
        }),
        Answer::Need {
            files,
            preview,
            prefetch,
        } => json(&Reply {
            ready: None,
            need: Some(files),
            preview: preview.as_ref(),
            prefetch,
        }),
    };
    text.map(|text| JsValue::from_str(&text))
}

// `message`, not `to_string`: the wasm carries no `core::fmt` (`crate::say`).
fn js_error(err: Error) -> JsError {
    JsError::new(&err.message())
}

/// Options the caller got wrong (a bad filter, a bad date) as an `Error` named `OptionError`, so
/// the page tells them from a damaged index.
fn option_error(err: Error) -> JsValue {
    let error = js_sys::Error::new(&err.message());
    error.set_name("OptionError");
    error.into()
}

/// JSON text, absent values as null, as the CLI's `--json`.
fn json<T: Serialize>(value: &T) -> Result<String, JsError> {
    crate::json::to_string(value).map_err(|e| JsError::new(e.message()))
}

// Talc in place of the default dlmalloc: 4.5 KB less of the engine every visitor downloads.
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
