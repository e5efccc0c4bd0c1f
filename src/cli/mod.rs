//! The command line's two jobs, over the library. Output formatting lives here, nowhere else.

mod output;
mod progress;
mod write;

use kamerzoek::build::{Event, build_folder, read_letters};
use kamerzoek::folder::Folder;
use kamerzoek::search::{SearchOptions, Sort};
use kamerzoek::{Result, Searcher};
use progress::Progress;
use std::path::Path;

pub fn build(letters: &Path, out: &Path) -> Result<()> {
    let mut progress = Progress::new();
    let built = build_folder(letters, out, &mut |event| match event {
        Event::Warning(w) => {
            progress.line(&format!("kamerzoek: warning: {}: {}", w.path, w.message))
        }
        Event::Progress { pass, done, of } => progress.show(pass, done, of),
    })?;
    progress.clear();
    let written = write::write(&built.output, out)?;
    eprintln!(
        "indexed {} letters into {} ({} files, entry file {} bytes)",
        built.letters,
        out.display(),
        built.output.names.len() + 1,
        written.entry_bytes
    );
    Ok(())
}

pub fn generate(from: &Path, count: usize, seed: u64, out: &Path) -> Result<()> {
    let letters = read_reporting(from)?;
    let texts: Vec<&str> = letters.iter().map(|l| l.text.as_str()).collect();
    let cleaned = kamerzoek::clean::clean_corpus(&texts, kamerzoek::lexicon::Lexicon::dutch());
    kamerzoek::synth::generate(&cleaned, count, seed, out)?;
    eprintln!("wrote {count} letters into {}", out.display());
    Ok(())
}

/// The letters of `dir`, with what was noticed about them on stderr.
fn read_reporting(dir: &Path) -> Result<Vec<kamerzoek::build::Letter>> {
    let (letters, warnings) = read_letters(dir)?;
    for w in warnings {
        eprintln!("kamerzoek: warning: {}: {}", w.path, w.message);
    }
    Ok(letters)
}

/// The search options of the command line's flags.
pub fn options(limit: usize, filters: &[String], sort: &str) -> Result<SearchOptions> {
    let mut options = SearchOptions {
        limit,
        sort: Sort::parse(sort)?,
        ..SearchOptions::default()
    };
    for spec in filters {
        options.filters.add_spec(spec)?;
    }
    Ok(options)
}

pub fn search(dir: &Path, query: &str, options: &SearchOptions, json: bool) -> Result<()> {
    let folder = Folder::new(dir);
    let mut searcher = Searcher::new(folder.open()?);
    let results = folder.answer(&mut searcher, |s| s.search_with(query, options))?;
    if json {
        output::print_json(&results);
    } else {
        output::print_list(&results);
    }
    Ok(())
}
