//! A folder of letters -> an index folder, in bounded memory, for archives of any size. Three
//! passes over the letters, each reading them from disk again rather than holding them:
//! 1. clean-up evidence (which words the letters hold whole, which broken over lines);
//! 2. the words of the cleaned letters, which the compound splitter accepts as parts, and the
//!    acronyms they define;
//! 3. clean, extract metadata, analyze (with the phrases the see-also table may point to), and
//!    hand each letter to the writer, which writes its file at once and spills postings to disk
//!    past a budget.
//!
//! Passes 2 and 3 work on batches of letters in parallel; results are taken in letter order, so
//! the output does not depend on the number of threads: the same letters give the same bytes.

use super::OwnerMetadata;
use super::letters::{LetterFile, Warning, list_letters};
use super::writer::{Analyzed, Output, SPILL_BYTES, Writer};
use super::{acronyms, analyze};
use crate::analyze::{Analyzer, CompoundSplitter, fold, words};
use crate::clean::Cleaner;
use crate::doc::Document;
use crate::error::{Error, Result};
use crate::format::{fnv64, fnv64_on};
use crate::lexicon::Lexicon;
use std::collections::HashSet;
use std::path::Path;

/// The most bytes of PDF letters' text held between the passes (a letter is some 10 KB of text:
/// an archive of 20,000 PDFs is held whole).
const KEPT_PDF_TEXT: usize = 256 * 1024 * 1024;

/// Letters per batch handed to the threads.
const BATCH: usize = 512;

/// What the caller hears about: warnings about files, how far each pass is, and each letter as
/// analyzed, before the writer takes it (tests hold the index to it).
pub enum Event<'a> {
    Warning(&'a Warning),
    Progress {
        pass: &'static str,
        done: usize,
        of: usize,
    },
    Analyzed(&'a Analyzed),
}

/// How a folder is built beyond its letters.
#[derive(Debug, Default, Clone)]
pub struct BuildOptions {
    /// Read letters behind symbolic links too.
    pub follow_links: bool,
    /// The site owner's groups of equivalent terms (`synonyms::parse`).
    pub synonyms: Vec<Vec<String>>,
    /// The site owner's metadata file, read (`--metadata FILE`).
    pub metadata: Option<OwnerMetadata>,
    /// Each PDF letter is published beside the index (`--publish-sources`), its hits linked to it.
    pub publish_sources: bool,
    /// What was noticed reading the inputs besides the letters (the metadata file's rows), told
    /// with the letters' warnings once the first pass is over.
    pub noticed: Vec<Warning>,
}

/// Where a published PDF letter is, relative to the index folder: `sources/<id>.pdf`, the id
/// percent-encoded (a file name may hold `#`, `?` or spaces, which a URL may not).
pub fn source_path(id: &str) -> String {
    let mut out = String::from("sources/");
    for b in id.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out.push_str(".pdf");
    out
}

/// What a letter gets besides its text: the owner's row, and whether its PDF is published.
#[derive(Default, Clone, Copy)]
pub struct Beside<'a> {
    pub owner: Option<&'a OwnerMetadata>,
    pub published: Option<&'a HashSet<String>>,
}

pub struct Built {
    pub output: Output,
    pub letters: usize,
    /// With the owner's metadata file: how many letters took each field from it.
    pub metadata: Vec<(String, usize)>,
    /// With `publish_sources`: each PDF letter's id and file, to copy to [`source_path`].
    pub sources: Vec<(String, std::path::PathBuf)>,
}

/// Builds the index of the letters in `letters` into the folder `out`. The entry file is
/// returned, not written: the caller puts it in place last.
pub fn build_folder(
    letters: &Path,
    out: &Path,
    options: &BuildOptions,
    report: &mut dyn FnMut(Event),
) -> Result<Built> {
    let follow_links = options.follow_links;
    let (files, listed) = list_letters(letters, follow_links)?;
    for w in &listed {
        report(Event::Warning(w));
    }
    let mut cleaner = Cleaner::new(Lexicon::dutch());
    let count = files.len();
    let mut readable = Vec::with_capacity(count);
    // Told once the pass is over: should the PDF reader abort the module under WASI, the Node
    // runner builds again without that PDF (src/pdf/fault.rs), and nothing is said twice.
    let mut noticed = Vec::new();
    // A PDF's text, kept for the next two passes while they fit: extracting it is most of what a
    // PDF letter costs (a .txt letter is read again from disk, which costs next to nothing).
    let mut kept: Vec<Option<String>> = Vec::with_capacity(count);
    let mut kept_bytes = 0;
    for (i, file) in files.into_iter().enumerate() {
        match file.read() {
            Ok((letter, warnings)) => {
                noticed.extend(warnings);
                cleaner.gather(&letter.text);
                let keep = file.is_pdf() && kept_bytes + letter.text.len() <= KEPT_PDF_TEXT;
                kept_bytes += if keep { letter.text.len() } else { 0 };
                kept.push(keep.then_some(letter.text));
                readable.push(file);
            }
            Err(skipped) => noticed.push(skipped),
        }
        progress(report, "reading", i + 1, count);
    }
    noticed.extend(options.noticed.iter().cloned());
    if let Some(owner) = &options.metadata {
        let ids: HashSet<&str> = readable.iter().map(|f| f.id.as_str()).collect();
        noticed.extend(owner.unmatched(&ids));
        noticed.extend(owner.without_row(readable.iter().map(|f| f.id.as_str())));
    }
    noticed.iter().for_each(|w| report(Event::Warning(w)));
    if readable.is_empty() {
        return Err(Error::NoLetters {
            dir: letters.display().to_string(),
        });
    }

    let writer = Writer::new()
        .with_synonyms(options.synonyms.clone())
        .into_folder(out, SPILL_BYTES)?;
    let owner = options.metadata.as_ref();
    // A PDF whose row gives its address is linked there, not copied; one whose name starts with
    // a dot would be a hidden file, which servers (`kamerzoek serve` too) refuse.
    let has_url = |id: &str| {
        owner
            .and_then(|o| o.row(id))
            .is_some_and(|r| r.url.is_some())
    };
    let mut sources: Vec<(String, std::path::PathBuf)> = Vec::new();
    for f in readable
        .iter()
        .filter(|f| options.publish_sources && f.is_pdf())
    {
        if f.id.starts_with('.') {
            let message = "not published: a name that starts with a dot is a hidden file on a \
                           web server; rename it";
            report(Event::Warning(&Warning {
                path: f.path.display().to_string(),
                message: message.into(),
            }));
        } else if !has_url(&f.id) {
            sources.push((f.id.clone(), f.path.clone()));
        }
    }
    let published: HashSet<String> = sources.iter().map(|(id, _)| id.clone()).collect();
    let beside = Beside {
        owner,
        published: Some(&published),
    };
    let letters: Vec<(&LetterFile, Option<String>)> = readable.iter().zip(kept).collect();
    let read = |(file, text): &(&LetterFile, Option<String>)| match text {
        Some(text) => Ok((file.id.clone(), text.clone())),
        None => read_again(file),
    };
    let output = index_letters(&letters, &cleaner, read, beside, writer, report)?;
    let metadata = owner.map_or_else(Vec::new, |o| {
        o.counts(readable.iter().map(|f| f.id.as_str()))
    });
    Ok(Built {
        output,
        letters: readable.len(),
        metadata,
        sources,
    })
}

/// Passes 2 and 3, once the clean-up evidence of every letter is gathered: the corpus words for
/// the compound splitter, then each letter cleaned, its metadata read, analyzed and written.
/// `read` gives a letter's id and raw text; the folder build reads it from disk again, the
/// in-memory build (tests, fuzzing) from the letters it holds, so both build the same index.
pub fn index_letters<S: Sync>(
    letters: &[S],
    cleaner: &Cleaner,
    read: impl Fn(&S) -> Result<(String, String)> + Sync,
    beside: Beside,
    mut writer: Writer,
    report: &mut dyn FnMut(Event),
) -> Result<Output> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut compounds = CompoundSplitter::new(Lexicon::dutch());
    let query_analyzer = &Analyzer::new();
    // Of every letter's id and text, in order: the build's stamp (`Writer::stamp`).
    let mut stamp = fnv64(&[]);
    in_batches(
        letters,
        threads,
        |letter| {
            let (id, raw) = read(letter)?;
            let text = cleaner.clean(&raw);
            let folded = words(&text)
                .map(|w| fold(&text[w.start..w.end]))
                .collect::<Vec<_>>();
            let read = [fnv64(id.as_bytes()), fnv64(raw.as_bytes())];
            // As a query makes its terms: a query looks them up.
            Ok((folded, acronyms::pairs(&text, query_analyzer), read))
        },
        |i, (folded, defined, read)| {
            folded.iter().for_each(|w| compounds.add_corpus_word(w));
            writer.learned().defined(defined);
            for hash in read {
                stamp = fnv64_on(stamp, &hash.to_le_bytes());
            }
            progress(report, "learning words", i + 1, letters.len());
            Ok(())
        },
    )?;
    writer.stamp(stamp);
    // Every letter is searched for the phrases the see-also table may point to, the acronyms'
    // long forms among them: a phrase no letter has is left out of the table.
    let targets = &writer.learned().targets();
    let analyzer = &Analyzer::for_index(compounds);
    in_batches(
        letters,
        threads,
        |letter| {
            let (id, raw) = read(letter)?;
            let body = cleaner.clean(&raw);
            let row = beside.owner.and_then(|o| o.row(&id));
            let mut meta = crate::meta::extract(&raw, &body);
            if let Some(row) = row {
                meta = row.over(meta);
            }
            let mut document = Document::with_meta(&id, &body, meta);
            document.pages = crate::clean::pages::starts(&raw, &body);
            if beside.published.is_some_and(|p| p.contains(&id)) {
                document.source = Some(source_path(&id));
            }
            // The owner's address, where the file gives one, before the published copy.
            if let Some(row) = row {
                row.onto(&mut document);
            }
            Ok(analyze(analyzer, document, targets))
        },
        |i, analyzed| {
            report(Event::Analyzed(&analyzed));
            writer.add(analyzed)?;
            progress(report, "indexing", i + 1, letters.len());
            Ok(())
        },
    )?;
    writer.finish()
}

/// A letter read in the first pass, read again: the same file gives the same text.
fn read_again(file: &LetterFile) -> Result<(String, String)> {
    file.read()
        .map(|(letter, _)| (letter.id, letter.text))
        .map_err(|w| Error::Changed {
            path: w.path,
            message: w.message,
        })
}

fn progress(report: &mut dyn FnMut(Event), pass: &'static str, done: usize, of: usize) {
    report(Event::Progress { pass, done, of });
}

/// Runs `work` over `files` on `threads` threads, a batch at a time, and hands each result to
/// `take` in file order.
fn in_batches<S: Sync, T: Send>(
    files: &[S],
    threads: usize,
    work: impl Fn(&S) -> Result<T> + Sync,
    mut take: impl FnMut(usize, T) -> Result<()>,
) -> Result<()> {
    let mut done = 0;
    for batch in files.chunks(BATCH) {
        // One thread: the batch here. WASI (the indexer Node runs) cannot spawn threads at all.
        if threads <= 1 {
            for item in batch.iter().map(&work) {
                take(done, item?)?;
                done += 1;
            }
            continue;
        }
        let per_thread = batch.len().div_ceil(threads.max(1));
        let results: Vec<Result<Vec<T>>> = std::thread::scope(|scope| {
            let handles: Vec<_> = batch
                .chunks(per_thread)
                .map(|part| scope.spawn(|| part.iter().map(&work).collect::<Result<Vec<T>>>()))
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join().unwrap_or_else(|_| {
                        Err(Error::Internal {
                            what: "an indexing thread failed",
                        })
                    })
                })
                .collect()
        });
        for part in results {
            for item in part? {
                take(done, item)?;
                done += 1;
            }
        }
    }
    Ok(())
}
