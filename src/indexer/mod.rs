//! From a folder of letters to the files of an index: reading the letters robustly, analyzing
//! them, and handing the results to the format's writer.

#[cfg(not(target_arch = "wasm32"))]
mod indexer;
#[cfg(not(target_arch = "wasm32"))]
mod letters;
#[cfg(not(target_arch = "wasm32"))]
mod pipeline;

#[cfg(not(target_arch = "wasm32"))]
pub use indexer::{IndexBuilder, analyze};
#[cfg(not(target_arch = "wasm32"))]
pub use letters::{Letter, LetterFile, MAX_LETTER_BYTES, Warning, list_letters, read_letters};
#[cfg(not(target_arch = "wasm32"))]
pub use pipeline::{Built, Event, build_folder, index_letters};
