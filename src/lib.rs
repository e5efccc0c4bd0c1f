//! kamerzoek: search for the letters of the Dutch Minister of Defence to the Tweede Kamer.
//!
//! The pipeline, one module per stage:
//! [`clean`] (PDF text clean-up) -> [`meta`] (date, kind, meeting, ...) -> [`analyze`] (tokens and
//! terms) -> [`indexer`] (inverted index)
//! -> [`format`] (bytes on disk, see `FORMAT.md`) -> [`index`] (loaded) -> [`search`] (ranked hits).
//! The command line (`src/main.rs`, `src/cli/`) and the WebAssembly boundary ([`wasm`]) are thin
//! layers over the same code.

pub mod analyze;
pub mod answer;
pub(crate) mod bm25;
pub mod clean;
pub mod doc;
pub mod error;
#[cfg(not(web))]
pub mod folder;
pub mod format;
pub mod hash;
pub mod index;
#[cfg(not(web))]
pub mod indexer;
pub mod json;
pub mod lexicon;
pub mod meta;
#[cfg(not(web))]
pub mod pdf;
pub(crate) mod say;
pub mod search;
pub mod sorted;
#[cfg(not(web))]
pub mod synth;
#[cfg(test)]
mod test_seeds;
#[cfg(not(web))]
pub mod testing;
#[cfg(web)]
pub mod wasm;

pub use answer::Answer;
pub use doc::Document;
pub use error::{Error, Result};
pub use index::Index;
pub use search::{Hit, SearchResults, Searcher};
