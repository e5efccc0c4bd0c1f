//! The command line's two jobs, over the library. Output formatting lives here, nowhere else.

mod output;

use kamerzoek::build::read_letters;
use kamerzoek::format::INDEX_FILE;
use kamerzoek::search::{SearchOptions, Sort};
use kamerzoek::{Error, Index, Result, Searcher};
use std::path::Path;

pub fn build(letters: &Path, out: &Path) -> Result<()> {
    let letters = read_reporting(letters)?;
    let bytes = kamerzoek::build_index(&letters);
    std::fs::create_dir_all(out).map_err(|e| Error::io(out.display(), e))?;
    // Write beside the target and rename, so a reader never sees half an index.
    let target = out.join(INDEX_FILE);
    let partial = out.join(format!(".{INDEX_FILE}.partial"));
    std::fs::write(&partial, &bytes).map_err(|e| Error::io(partial.display(), e))?;
    std::fs::rename(&partial, &target).map_err(|e| Error::io(target.display(), e))?;
    eprintln!(
        "indexed {} letters into {} ({} bytes)",
        letters.len(),
        target.display(),
        bytes.len()
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
    let path = dir.join(INDEX_FILE);
    let bytes = std::fs::read(&path).map_err(|e| Error::io(path.display(), e))?;
    let index = Index::from_bytes(&bytes).map_err(|e| e.in_file(path.display()))?;
    let results = Searcher::new(index).search_with(query, options)?;
    if json {
        output::print_json(&results);
    } else {
        output::print_list(&results);
    }
    Ok(())
}
