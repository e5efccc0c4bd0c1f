//! The `kamerzoek` command line: `build` an index folder from letters, `search` it.

mod cli;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "kamerzoek",
    version,
    about = "Search the Defence letters to the Tweede Kamer"
)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Index every .txt letter in a folder and write a site folder to deploy: the index, the
    /// engine and the widget. A page includes it with two lines:
    /// <script type="module" src="./OUT/kamerzoek.js"></script> and <kamer-zoek></kamer-zoek>.
    Build {
        /// Folder of letters (.txt, UTF-8), one letter per file.
        letters: PathBuf,
        /// Folder to write the site into (its index in OUT/index/); created if missing. Other
        /// files in it are left as they are; a file of the owner's at a name the site needs
        /// stops the build before it writes anything.
        #[arg(long)]
        out: PathBuf,
        /// Write the index alone, into OUT itself (to update an index whose engine is already
        /// in place).
        #[arg(long, conflicts_with_all = ["demo", "offline"])]
        index_only: bool,
        /// Add a demo page (OUT/index.html) and an example page embedding the search.
        #[arg(long)]
        demo: bool,
        /// Make the search work offline: a service worker (written beside OUT, in the folder
        /// of the pages it serves) keeps the engine and every file a visitor fetched, and the
        /// whole index when it is no larger than --precache-max. Pages include
        /// <script type="module" src="./OUT/offline.js"></script>.
        #[arg(long)]
        offline: bool,
        /// With --offline: the largest index the service worker stores whole on a visitor's
        /// first visit (bytes; K and M suffixes: 500K, 2M). A larger index is stored file by
        /// file as the visitor searches.
        #[arg(long, default_value = "2M", value_name = "SIZE", requires = "offline")]
        precache_max: String,
        /// Serve the site on 127.0.0.1 once it is written (as `kamerzoek serve`).
        #[arg(long)]
        serve: bool,
        /// The port for --serve.
        #[arg(long, default_value_t = 8000, requires = "serve")]
        port: u16,
        /// Index links to files outside the letters folder too (skipped with a warning
        /// otherwise: the index is published).
        #[arg(long)]
        follow_links: bool,
        /// Groups of words that should find each other: a text file, one group a line, terms
        /// separated by commas (`lastenverdeling, burden sharing`); `#` starts a comment.
        #[arg(long, value_name = "FILE")]
        synonyms: Option<PathBuf>,
        /// The letters' metadata as you have it: a CSV file with a header row (or a .jsonl file
        /// of objects), one row per letter keyed by `id`; `title`, `date`, `kind`, `minister`
        /// and `url` override what the letters say, any other column is a field of your own.
        #[arg(long, value_name = "FILE")]
        metadata: Option<PathBuf>,
        /// Publish each PDF letter in the index folder (`sources/<id>.pdf`) and link its hits to
        /// it, unless the metadata file gives its address.
        #[arg(long)]
        publish_sources: bool,
        /// Also print the build's report as JSON lines on stdout: its progress, each warning,
        /// and last what it built (for scripts; the npm package's `build()` reads them).
        #[arg(long)]
        json: bool,
    },
    /// Write a synthetic archive: Dutch-like letters from a Markov chain trained on real ones.
    Generate {
        /// How many letters.
        #[arg(long)]
        count: usize,
        /// Seed: the same seed, count and training letters give byte-identical files.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Folder of real letters to learn from.
        #[arg(long, default_value = "seeds")]
        from: PathBuf,
        /// Folder to write the letters into.
        #[arg(long)]
        out: PathBuf,
    },
    /// Serve a built site folder on 127.0.0.1 for a quick look (GET and HEAD only; Ctrl-C stops).
    Serve {
        /// The folder to serve (the page, the engine and the index inside it).
        dir: PathBuf,
        /// The port on 127.0.0.1; 0 takes any free one (the address is printed).
        #[arg(long, default_value_t = 8000)]
        port: u16,
    },
    /// The letters most like one letter (by the terms they share, weighed as BM25 weighs them),
    /// and the others of its meeting, as the build found them.
    Related {
        /// Index folder.
        dir: PathBuf,
        /// The letter's id: its file name without `.txt`.
        id: String,
        /// Print one JSON object instead of a readable list.
        #[arg(long)]
        json: bool,
    },
    /// Search an index folder made by `kamerzoek build`.
    Search {
        /// Index folder.
        dir: PathBuf,
        /// The query: words, all of which a letter must contain; "a phrase"; -word to leave out.
        #[arg(allow_hyphen_values = true)]
        query: String,
        /// How many hits to show at most.
        #[arg(long, default_value_t = kamerzoek::search::DEFAULT_LIMIT)]
        limit: usize,
        /// Only letters with this value: kind=agenda|verslag|beslisnota|overleg|
        /// schriftelijk-overleg|brief, year=2024,
        /// minister=ollongren. Repeat it: values of one field are alternatives, fields all hold.
        #[arg(long = "filter", value_name = "FIELD=VALUE")]
        filters: Vec<String>,
        /// Only letters dated from this year, month or day on: 2023, 2023-01, 2023-01-15.
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Only letters dated up to this year, month or day (its end): 2024, 2024-06, 2024-06-30.
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Order: relevance (default), date (oldest first) or -date (newest first).
        #[arg(long, default_value = "relevance", allow_hyphen_values = true)]
        sort: String,
        /// When to count facets: always (default), never, or if-loaded (only when the letter
        /// table is loaded anyway), as the JS API's `facets` option.
        #[arg(long, default_value = "always")]
        facets: String,
        /// Show the letters of one meeting as one hit, the best of them, the others attached
        /// (`grouped`): meeting, or none (default).
        #[arg(long, default_value = "none")]
        group: String,
        /// Print one JSON object instead of a readable list.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    // Under WASI (the npm package's `kamerzoek`, run by Node) a process starts at `/`: relative
    // paths are the caller's, whose folder the runner passes as PWD.
    #[cfg(target_os = "wasi")]
    if let Ok(pwd) = std::env::var("PWD") {
        let _ = std::env::set_current_dir(pwd);
    }
    // A PDF reader's panic is one letter's warning, not a backtrace (src/pdf/fault.rs).
    kamerzoek::pdf::install_hook();
    let args = Args::parse();
    let result = match args.command {
        Command::Build {
            letters,
            out,
            index_only,
            demo,
            offline,
            precache_max,
            serve,
            port,
            follow_links,
            synonyms,
            metadata,
            publish_sources,
            json,
        } => cli::Site::parse(index_only, demo, offline, &precache_max).and_then(|site| {
            let report = cli::Report::new(json);
            let inputs = cli::Inputs {
                follow_links,
                synonyms: synonyms.as_deref(),
                metadata: metadata.as_deref(),
                publish_sources,
            };
            cli::build(&letters, &out, &site, &inputs, report)?;
            if serve {
                cli::serve(&out, port)
            } else {
                Ok(())
            }
        }),
        Command::Generate {
            count,
            seed,
            from,
            out,
        } => cli::generate(&from, count, seed, &out),
        Command::Serve { dir, port } => cli::serve(&dir, port),
        Command::Related { dir, id, json } => cli::related(&dir, &id, json),
        Command::Search {
            dir,
            query,
            limit,
            mut filters,
            from,
            to,
            sort,
            facets,
            group,
            json,
        } => {
            filters.extend(from.map(|d| format!("from={d}")));
            filters.extend(to.map(|d| format!("to={d}")));
            kamerzoek::search::SearchOptions::parse(limit, &filters, &sort, &facets, &group)
                .and_then(|options| cli::search(&dir, &query, &options, json))
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            cli::say(&format!("kamerzoek: error: {err}"));
            ExitCode::FAILURE
        }
    }
}
