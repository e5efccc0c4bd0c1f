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
#[cfg(not(target_arch = "wasm32"))]
pub mod folder;
pub mod format;
pub mod hash;
pub mod index;
#[cfg(not(target_arch = "wasm32"))]
pub mod indexer;
pub mod json;
pub mod lexicon;
pub mod meta;
pub mod search;
pub mod sorted;
#[cfg(not(target_arch = "wasm32"))]
pub mod synth;
#[cfg(test)]
mod test_seeds;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use answer::Answer;
pub use doc::Document;
pub use error::{Error, Result};
pub use index::Index;
pub use search::{Hit, SearchResults, Searcher};

#[cfg(not(target_arch = "wasm32"))]
use {
    format::layout::Layout,
    format::store::{Store, gunzip},
    indexer::{Output, RawLetter, Writer},
    lexicon::Lexicon,
};

/// The files of an index of `letters` (see `FORMAT.md`), all in memory.
#[cfg(not(target_arch = "wasm32"))]
pub fn build_index(letters: &[RawLetter]) -> Output {
    build_index_with_layout(
        letters,
        format::layout::CHUNK_BYTES,
        format::layout::SINGLE_FILE_BYTES,
    )
}

/// [`build_index`] with chunks cut at `chunk_bytes`, in one file up to `single_file_bytes`: the
/// passes of `kamerzoek build`, over letters held in memory.
#[cfg(not(target_arch = "wasm32"))]
pub fn build_index_with_layout(
    letters: &[RawLetter],
    chunk_bytes: usize,
    single_file_bytes: usize,
) -> Output {
    let writer = Writer::with_layout(Layout {
        chunk_bytes,
        single_file_bytes,
    });
    build_index_into(letters, writer, &mut |_| {}).expect("writing to memory cannot fail")
}

/// The passes of `kamerzoek build` over letters held in memory, into `writer` (memory, or a
/// folder), telling `report` what they do: each letter as analyzed among it.
#[cfg(not(target_arch = "wasm32"))]
pub fn build_index_into(
    letters: &[RawLetter],
    writer: Writer,
    report: &mut dyn FnMut(indexer::Event),
) -> Result<Output> {
    let mut cleaner = clean::Cleaner::new(Lexicon::dutch());
    for letter in letters {
        cleaner.gather(&letter.text);
    }
    let read = |l: &RawLetter| Ok((l.id.clone(), l.text.clone()));
    indexer::index_letters(letters, &cleaner, read, writer, report)
}

/// A searcher over an index held in memory (the output of [`build_index`]), fetching its files
/// from there as the page fetches them from the server.
#[cfg(not(target_arch = "wasm32"))]
pub fn open_output(output: &Output) -> Result<Searcher> {
    let entry = gunzip(&output.entry, u64::from(format::MAX_ENTRY_BYTES))?;
    Ok(Searcher::new(Index::from_bytes(&entry)?))
}

/// Every file of an in-memory index under the name a need gives it, unpacked: each letter of a
/// pack apart (`l-…/0.kz#3`). For handing an index all its files at once.
#[cfg(not(target_arch = "wasm32"))]
pub fn unpacked_files(output: &Output) -> Result<Vec<(String, Vec<u8>)>> {
    let mut files = Vec::new();
    for (name, stored) in &output.files {
        if format::pack::is_directory(name) {
            continue;
        }
        if !stored.starts_with(&format::FileKind::Pack.magic()) {
            files.push((name.clone(), gunzip(stored, u64::MAX)?));
            continue;
        }
        let count = format::pack::stated_count(stored);
        for (m, range) in format::pack::members(stored, count)?
            .into_iter()
            .enumerate()
        {
            let member = stored
                .get(range)
                .ok_or(Error::Truncated { what: "a pack" })?;
            files.push((format!("{name}#{m}"), gunzip(member, u64::MAX)?));
        }
    }
    Ok(files)
}

/// Runs `ask` against an in-memory index until it stops needing files.
#[cfg(not(target_arch = "wasm32"))]
pub fn answer_from<T>(
    output: &Output,
    searcher: &mut Searcher,
    ask: impl FnMut(&Searcher) -> Result<Answer<T>>,
) -> Result<T> {
    let store = Store::Memory(output.files.clone());
    folder::answer(searcher, ask, |name| store.get_stored(name))
}
