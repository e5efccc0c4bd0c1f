//! Build: letters on disk -> documents -> an inverted index with positions, ready to encode.

mod indexer;
mod letters;

#[cfg(not(target_arch = "wasm32"))]
pub use indexer::IndexBuilder;
pub use indexer::{IndexData, Posting};
pub use letters::{Letter, MAX_LETTER_BYTES, Warning, read_letters};
