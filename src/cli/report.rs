//! `build --json`: what a build says, also as JSON lines on stdout, for scripts and the npm
//! package's build API (`packages/npm/node/build.mjs`): its progress, each warning, and last what
//! it built. The readable lines on stderr stay as they are.

use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct ProgressLine<'a> {
    progress: Progress<'a>,
}

#[derive(Serialize)]
struct Progress<'a> {
    pass: &'a str,
    done: usize,
    of: usize,
}

#[derive(Serialize)]
struct WarningLine<'a> {
    warning: Warning<'a>,
}

#[derive(Serialize)]
struct Warning<'a> {
    path: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct BuiltLine<'a> {
    built: &'a Built,
}

/// What a build made: the numbers its last lines on stderr say.
#[derive(Serialize, Default)]
pub struct Built {
    pub letters: usize,
    /// The index folder.
    pub index: String,
    pub files: usize,
    pub entry_bytes: u64,
    /// Files of the earlier build removed.
    pub removed: usize,
    pub see_also: SeeAlso,
    pub links: Links,
    /// What a visitor downloads before the first query (a site's; none for `--index-only`).
    pub sizes: Vec<Size>,
    /// With `--metadata`: how many letters took each field from the file, as (field, letters).
    pub metadata: Vec<(String, usize)>,
}

#[derive(Serialize, Default)]
pub struct SeeAlso {
    pub entries: usize,
    pub acronyms: usize,
    pub synonym_groups: usize,
    pub bytes: usize,
    pub gzip: usize,
}

#[derive(Serialize, Default)]
pub struct Links {
    pub same_meeting: usize,
    pub related: usize,
    pub bytes: usize,
}

#[derive(Serialize)]
pub struct Size {
    pub file: String,
    pub raw: u64,
    pub gzip: u64,
}

/// Where the JSON lines go: stdout with `--json`, nowhere without.
#[derive(Clone, Copy)]
pub struct Report {
    json: bool,
}

impl Report {
    pub fn new(json: bool) -> Report {
        Report { json }
    }

    pub fn progress(self, pass: &str, done: usize, of: usize) {
        self.line(&ProgressLine {
            progress: Progress { pass, done, of },
        });
    }

    pub fn warning(self, path: &str, message: &str) {
        self.line(&WarningLine {
            warning: Warning { path, message },
        });
    }

    pub fn built(self, built: &Built) {
        self.line(&BuiltLine { built });
    }

    fn line<T: Serialize>(self, value: &T) {
        if !self.json {
            return;
        }
        if let Ok(text) = kamerzoek::json::to_string(value) {
            // A reader that went away loses the report, not the build.
            let _ = writeln!(std::io::stdout().lock(), "{text}");
        }
    }
}
