//! From a folder of letters to the files of an index: reading the letters robustly, analyzing
//! them, and handing the results to the format's writer.

#[cfg(not(target_arch = "wasm32"))]
mod indexer;
#[cfg(not(target_arch = "wasm32"))]
mod letters;

#[cfg(not(target_arch = "wasm32"))]
pub use indexer::{IndexBuilder, analyze};
#[cfg(not(target_arch = "wasm32"))]
pub use letters::{Letter, MAX_LETTER_BYTES, Warning, read_letters};
