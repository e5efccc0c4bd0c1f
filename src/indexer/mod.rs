//! From a folder of letters to the files of an index: reading the letters robustly
//! (`letters.rs`), analyzing each (`analysis.rs`), buffering and spilling postings
//! (`postings.rs`, `spill.rs`), the see-also table of what words stand for besides themselves
//! (`see_also.rs`: `derivations.rs`, `acronyms.rs`, `synonyms.rs`), and writing the files through the format's store (`writer/`),
//! in bounded memory (`pipeline.rs`). Native only.

mod about;
mod acronyms;
mod analysis;
mod decode;
mod derivations;
mod letters;
mod meetings;
mod owner;
mod pipeline;
mod postings;
mod related;
mod see_also;
mod spill;
mod synonyms;
mod writer;

pub use acronyms::definitions as acronym_definitions;
pub use analysis::analyze;
pub use letters::{LetterFile, MAX_LETTER_BYTES, RawLetter, Warning, list_letters, read_letters};
pub use owner::{OwnerMetadata, Row as OwnerRow, safe_url};
pub use pipeline::{Beside, BuildOptions, Built, Event, build_folder, index_letters, source_path};
pub use postings::Occurrence;
pub use see_also::{Learned, Phrases};
pub use synonyms::parse as parse_synonyms;
pub use writer::{Analyzed, Links, Output, SPILL_BYTES, SeeAlsoSize, Writer};
