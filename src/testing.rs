//! Indexes built and searched in memory, for the tests, the fuzz targets and the benchmark's
//! checks: the same passes as `kamerzoek build` (clean-up evidence, then the pipeline), and the
//! same round trips as the page (each need answered from the files, a letter out of its pack).
//! Native only; the top of the pipeline, so it may use every stage.

use crate::error::{Error, Result};
use crate::format::layout::Layout;
use crate::format::store::{Store, gunzip};
use crate::indexer::{Output, RawLetter, Writer};
use crate::lexicon::Lexicon;
use crate::{Answer, Index, Searcher, clean, folder, format, indexer};

/// The files of an index of `letters` (see `FORMAT.md`), all in memory.
pub fn build_index(letters: &[RawLetter]) -> Output {
    build_index_with_layout(
        letters,
        format::layout::CHUNK_BYTES,
        format::layout::SINGLE_FILE_BYTES,
    )
}

/// [`build_index`] with chunks cut at `chunk_bytes`, in one file up to `single_file_bytes`: the
/// passes of `kamerzoek build`, over letters held in memory.
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
    indexer::index_letters(letters, &cleaner, read, Default::default(), writer, report)
}

/// A searcher over an index held in memory (the output of [`build_index`]), fetching its files
/// from there as the page fetches them from the server.
pub fn open_output(output: &Output) -> Result<Searcher> {
    let entry = gunzip(&output.entry, u64::from(format::MAX_ENTRY_BYTES))?;
    Ok(Searcher::new(Index::from_bytes(&entry)?))
}

/// Every file of an in-memory index under the name a need gives it, unpacked: each letter of a
/// pack apart (`l-…/0.kz#3`). For handing an index all its files at once.
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
pub fn answer_from<T>(
    output: &Output,
    searcher: &mut Searcher,
    ask: impl FnMut(&Searcher) -> Result<Answer<T>>,
) -> Result<T> {
    let store = Store::of_files(output.files.clone());
    folder::answer(searcher, ask, |name| store.get_stored(name))
}
