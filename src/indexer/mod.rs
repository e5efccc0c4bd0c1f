//! From a folder of letters to the files of an index: reading the letters robustly
//! (`letters.rs`), analyzing each (`analysis.rs`), buffering and spilling postings
//! (`postings.rs`, `spill.rs`), and writing the files through the format's store (`writer.rs`),
//! in bounded memory (`pipeline.rs`). Native only.

mod about;
mod analysis;
mod derivations;
mod letters;
mod pipeline;
mod postings;
mod spill;
mod writer;

pub use analysis::{IndexBuilder, analyze};
pub use letters::{LetterFile, MAX_LETTER_BYTES, RawLetter, Warning, list_letters, read_letters};
pub use pipeline::{Built, Event, build_folder, index_letters};
pub use postings::Occurrence;
pub use writer::{Analyzed, Output, SPILL_BYTES, Writer};
