//! Build: letters on disk -> documents -> an inverted index with positions, ready to encode.

mod indexer;
mod letters;

pub use indexer::{IndexBuilder, IndexData, Posting};
pub use letters::{Letter, read_letters};
