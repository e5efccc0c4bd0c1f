//! The command line's two jobs, over the library. Output formatting lives here, nowhere else.

mod lock;
mod offline;
mod output;
mod progress;
mod report;
mod serve;
mod site;
mod write;

pub use report::Report;
pub use serve::serve;

use kamerzoek::folder::Folder;
use kamerzoek::indexer::Built;
use kamerzoek::indexer::{
    BuildOptions, Event, OwnerMetadata, build_folder, parse_synonyms, read_letters,
};
use kamerzoek::search::SearchOptions;
use kamerzoek::{Result, Searcher};
use progress::Progress;
use std::io::{Read, Write};
use std::path::Path;
use write::Earlier;

/// A line on stderr. A closed or full stderr loses the line, never the work: `eprintln!` would
/// panic.
pub fn say(text: &str) {
    let _ = writeln!(std::io::stderr(), "{text}");
}

/// Most bytes of a synonyms file: a list of words, not an archive.
const MAX_SYNONYMS_BYTES: u64 = 4 * 1024 * 1024;

/// The groups of a synonyms file, its unusable lines said on stderr.
fn read_synonyms(path: &Path) -> Result<Vec<Vec<String>>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_SYNONYMS_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| kamerzoek::Error::io(path.display(), e))?;
    if bytes.len() as u64 > MAX_SYNONYMS_BYTES {
        return Err(kamerzoek::Error::TooLarge {
            path: path.display().to_string(),
            what: "synonyms file",
            max_mb: MAX_SYNONYMS_BYTES >> 20,
        });
    }
    let (groups, warnings) = parse_synonyms(&path.display().to_string(), &bytes);
    for w in warnings {
        say(&format!("kamerzoek: warning: {}: {}", w.path, w.message));
    }
    Ok(groups)
}

/// What a build writes besides the index.
pub enum Site {
    /// The index alone, into the output folder itself.
    IndexOnly,
    /// A folder to deploy: the index in `index/`, the engine and the widget; maybe a demo page
    /// and a service worker that stores at most `precache_max` bytes of the index on a first visit.
    Full { demo: bool, offline: Option<u64> },
}

impl Site {
    pub fn parse(index_only: bool, demo: bool, offline: bool, precache_max: &str) -> Result<Site> {
        if index_only {
            return Ok(Site::IndexOnly);
        }
        let offline = if offline {
            Some(offline::parse_size(precache_max)?)
        } else {
            None
        };
        Ok(Site::Full { demo, offline })
    }
}

/// What a build reads besides its letters, as the command line gives it.
pub struct Inputs<'a> {
    pub follow_links: bool,
    pub synonyms: Option<&'a Path>,
    pub metadata: Option<&'a Path>,
    pub publish_sources: bool,
}

pub fn build(
    letters: &Path,
    out: &Path,
    site: &Site,
    inputs: &Inputs,
    report: Report,
) -> Result<()> {
    let mut options = BuildOptions {
        follow_links: inputs.follow_links,
        synonyms: inputs
            .synonyms
            .map(read_synonyms)
            .transpose()?
            .unwrap_or_default(),
        metadata: None,
        publish_sources: inputs.publish_sources,
        noticed: Vec::new(),
    };
    if let Some(path) = inputs.metadata {
        // Its warnings are told with the letters' (`BuildOptions::noticed`).
        let (metadata, warnings) = OwnerMetadata::read(path)?;
        options.metadata = Some(metadata);
        options.noticed = warnings;
    }
    // Everything that can stop a build is checked before anything is written.
    if out.exists() && !out.is_dir() {
        return Err(kamerzoek::Error::NotAFolder {
            path: out.display().to_string(),
            wanted: "to write the site into",
        });
    }
    let (assets, worker) = match site {
        Site::IndexOnly => (Vec::new(), offline::Worker::Leave),
        Site::Full { demo, offline } => {
            let mut files = site::files(*demo)?;
            let mut names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
            let worker = offline::check(out, offline.is_some(), &mut names)?;
            if offline.is_some() {
                files.extend(offline::registration());
            }
            site::check_folder(out, &names)?;
            (files, worker)
        }
    };
    let index_dir = match site {
        Site::IndexOnly => out.to_path_buf(),
        Site::Full { .. } => out.join(site::INDEX_DIR),
    };
    // One build at a time in a folder: a second one would remove the files the first reuses.
    let _lock = lock::Lock::take(&index_dir)?;
    let (built, earlier) = build_index(letters, &index_dir, &options, report)?;
    // The published PDFs, before the entry file switches readers to the new index.
    if let Err(e) = publish_sources(&index_dir, &built.sources) {
        write::take_back(&built.output, &index_dir, &earlier);
        return Err(e);
    }
    // The site's own files before the entry file switches readers to the new index: when they
    // cannot be written, the earlier index stays whole, and what the build wrote is taken back.
    if let Site::Full { .. } = site
        && let Err(e) = site::write(out, &assets)
    {
        write::take_back(&built.output, &index_dir, &earlier);
        return Err(e);
    }
    // The service worker too, before the commit: one that cannot be written stops the build
    // with the earlier index whole, and a commit that fails puts the earlier worker back.
    let worker = match (site, worker) {
        (
            Site::Full {
                offline: Some(max), ..
            },
            offline::Worker::Write,
        ) => {
            let named = write::named(&built.output)?;
            Some(offline::prepare(out, &named, &built.output.entry, *max)?)
        }
        (Site::Full { .. }, offline::Worker::Retire) => Some(offline::retire(out)?),
        _ => None,
    };
    if let Some(worker) = &worker
        && let Err(e) = worker.put()
    {
        write::take_back(&built.output, &index_dir, &earlier);
        return Err(e);
    }
    let mut summary = match commit_index(&built, &index_dir, &earlier, &options) {
        Ok(summary) => summary,
        Err(e) => {
            if let Some(worker) = &worker {
                worker.undo();
            }
            write::take_back(&built.output, &index_dir, &earlier);
            return Err(e);
        }
    };
    if let Some(worker) = &worker {
        worker.say();
    }
    if let Site::Full { .. } = site {
        summary.sizes = print_sizes(out)?;
    }
    report.built(&summary);
    Ok(())
}

/// Copies each PDF letter to its place in the index folder (`source_path`), each written beside
/// and renamed, so a reader never gets half a file.
fn publish_sources(index_dir: &Path, sources: &[(String, std::path::PathBuf)]) -> Result<()> {
    for (id, from) in sources {
        let bytes = std::fs::read(from).map_err(|e| kamerzoek::Error::io(from.display(), e))?;
        let file = format!("sources/{id}.pdf");
        kamerzoek::format::store::write_beside(&index_dir.join(file), &bytes)?;
    }
    if !sources.is_empty() {
        say(&format!(
            "published {} PDF letters in {}",
            sources.len(),
            index_dir.join("sources").display()
        ));
    }
    Ok(())
}

/// Prints what a visitor downloads before the first query, raw and gzip, and the rest of the
/// index, fetched as queries need it.
fn print_sizes(out: &Path) -> Result<Vec<report::Size>> {
    let mut lines = vec![format!(
        "{:<44} {:>10} {:>10}",
        "what a visitor downloads", "raw", "gzip"
    )];
    let mut total = (0, 0);
    let mut sizes = Vec::new();
    for name in site::first_query() {
        let (raw, gz) = site::sizes(&out.join(&name))?;
        total = (total.0 + raw, total.1 + gz);
        lines.push(format!("{name:<44} {raw:>10} {gz:>10}"));
        sizes.push(report::Size {
            file: name,
            raw,
            gzip: gz,
        });
    }
    lines.push(format!(
        "{:<44} {:>10} {:>10}",
        "total before the first query", total.0, total.1
    ));
    say(&lines.join("\n"));
    Ok(sizes)
}

/// Builds the index of `letters` into `out`, all but its entry file; with what the folder held
/// before.
fn build_index(
    letters: &Path,
    out: &Path,
    options: &BuildOptions,
    report: Report,
) -> Result<(Built, Earlier)> {
    // Read before anything is written: only the files it names may be removed afterwards.
    let earlier = write::earlier(out);
    if let Earlier::Unreadable(why) = &earlier {
        say(&format!(
            "kamerzoek: warning: {}: not an index this build can read ({why}): no file of an \
             earlier build is removed",
            out.join(kamerzoek::format::ENTRY_FILE).display()
        ));
    }
    // Holding the folder's lock: what a stopped build of this folder left goes now.
    let left = write::remove_leftovers(out, &earlier);
    if left > 0 {
        say(&format!(
            "kamerzoek: note: removed {left} index files a stopped build left in {} (no entry \
             file names them)",
            out.display()
        ));
    }
    let mut progress = Progress::new(report);
    let built = build_folder(letters, out, options, &mut |event| match event {
        Event::Warning(w) => progress.warning(&w.path, &w.message),
        Event::Progress { pass, done, of } => progress.show(pass, done, of),
        Event::Analyzed(_) => {}
    })?;
    progress.clear();
    Ok((built, earlier))
}

/// Puts the entry file of `built` in place, removes the earlier build's files, and says what it
/// did. Fails only before the entry file is in place.
fn commit_index(
    built: &Built,
    out: &Path,
    earlier: &Earlier,
    options: &BuildOptions,
) -> Result<report::Built> {
    let written = write::write(&built.output, out, earlier)?;
    // The letter folder is one name, and holds a pack of letters for every 64 and a directory of
    // their headers for every 16 packs.
    let folders = built
        .output
        .names
        .iter()
        .filter(|n| n.starts_with("l-"))
        .count();
    let packs = folders * kamerzoek::format::pack::folder_files(built.letters as u32).count();
    let files = built.output.names.len() - folders + packs + 1;
    say(&format!(
        "indexed {} letters into {} ({} files, entry file {} bytes; {} files of the earlier build removed)",
        built.letters,
        out.display(),
        files,
        written.entry_bytes,
        written.removed
    ));
    let see = &built.output.see_also;
    say(&format!(
        "see-also table: {} entries ({} acronyms defined in the letters, {} synonym groups), \
         {} bytes, {} gzip, in the term chunks",
        see.entries,
        see.acronyms,
        options.synonyms.len(),
        see.raw,
        see.gzip
    ));
    let links = built.output.links;
    say(&format!(
        "letters named in letters: {} name the others of their meeting, {} their related \
         letters ({} bytes in the letter files)",
        links.same_meeting, links.related, links.bytes
    ));
    if let Some(owner) = &options.metadata {
        let fields: Vec<String> = built
            .metadata
            .iter()
            .map(|(field, n)| format!("{field} {n}"))
            .collect();
        say(&format!(
            "metadata file {}: letters that took each field from it: {}",
            owner.path,
            if fields.is_empty() {
                "none".to_string()
            } else {
                fields.join(", ")
            }
        ));
    }
    if !written.kept.is_empty() {
        let shown: Vec<&str> = written.kept.iter().take(5).map(String::as_str).collect();
        let more = written.kept.len() - shown.len();
        say(&format!(
            "kamerzoek: note: kept {} entries of {} that look like index files but that no index \
             of this folder names: {}{}",
            written.kept.len(),
            out.display(),
            shown.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        ));
    }
    Ok(report::Built {
        letters: built.letters,
        index: out.display().to_string(),
        files,
        entry_bytes: written.entry_bytes as u64,
        removed: written.removed,
        see_also: report::SeeAlso {
            entries: see.entries,
            acronyms: see.acronyms,
            synonym_groups: options.synonyms.len(),
            bytes: see.raw,
            gzip: see.gzip,
        },
        links: report::Links {
            same_meeting: links.same_meeting,
            related: links.related,
            bytes: links.bytes,
        },
        metadata: built.metadata.clone(),
        ..Default::default()
    })
}

pub fn generate(from: &Path, count: usize, seed: u64, out: &Path) -> Result<()> {
    let letters = read_reporting(from)?;
    let texts: Vec<&str> = letters.iter().map(|l| l.text.as_str()).collect();
    let cleaned = kamerzoek::clean::clean_corpus(&texts, kamerzoek::lexicon::Lexicon::dutch());
    kamerzoek::synth::generate(&cleaned, count, seed, out)?;
    say(&format!("wrote {count} letters into {}", out.display()));
    Ok(())
}

/// The letters of `dir`, with what was noticed about them on stderr.
fn read_reporting(dir: &Path) -> Result<Vec<kamerzoek::indexer::RawLetter>> {
    let (letters, warnings) = read_letters(dir, false)?;
    for w in warnings {
        say(&format!("kamerzoek: warning: {}: {}", w.path, w.message));
    }
    Ok(letters)
}

/// The index folder of `dir`: itself, or the `index/` of a site folder.
fn index_of(dir: &Path) -> std::path::PathBuf {
    let inner = dir.join(site::INDEX_DIR);
    // A site's folder: its index is inside, and an error names the file missing there.
    if !dir.join(kamerzoek::format::ENTRY_FILE).exists() && inner.is_dir() {
        return inner;
    }
    dir.to_path_buf()
}

/// `kamerzoek related DIR ID`: the letter's related letters and the others of its meeting.
pub fn related(dir: &Path, id: &str, json: bool) -> Result<()> {
    let folder = Folder::new(&index_of(dir));
    let mut searcher = Searcher::new(folder.open()?);
    let reading = folder
        .answer(&mut searcher, |s| s.read(id, ""))?
        .ok_or_else(|| kamerzoek::Error::NoSuchLetter { id: id.into() })?;
    let mut out = std::io::stdout().lock();
    let printed = if json {
        output::print_related_json(&mut out, &reading)
    } else {
        output::print_related(&mut out, &reading)
    };
    finish_output(printed.and_then(|()| out.flush()))
}

/// Standard output written: a reader that went away (`| head -1`) has what it wanted.
fn finish_output(done: std::io::Result<()>) -> Result<()> {
    match done {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| kamerzoek::Error::io("standard output", e)),
    }
}

pub fn search(dir: &Path, query: &str, options: &SearchOptions, json: bool) -> Result<()> {
    let folder = Folder::new(&index_of(dir));
    let mut searcher = Searcher::new(folder.open()?);
    let results = folder.answer(&mut searcher, |s| s.search_with(query, options))?;
    let mut out = std::io::stdout().lock();
    let printed = if json {
        output::print_json(&mut out, &results)
    } else {
        output::print_list(&mut out, &results)
    };
    finish_output(printed.and_then(|()| out.flush()))
}
