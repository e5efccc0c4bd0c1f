//! Typed errors for every stage. Messages say what went wrong and, where it helps, how to fix it.

use crate::say::{Hex, cat};
use std::fmt;
use std::sync::Arc;

/// Everything that can go wrong while building, reading or searching an index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The bytes do not start with the index magic: not a kamerzoek index at all.
    BadMagic,
    /// A sealed file of another kind where one kind was expected (a chunk given as the entry).
    WrongFile {
        expected: &'static str,
        got: &'static str,
    },
    /// The index was written by another format version than this build reads.
    Version { expected: u16, got: u16 },
    /// The bytes end before a section they announce.
    Truncated { what: &'static str },
    /// The checksum in the footer does not match the bytes: the file is damaged.
    ChecksumMismatch { expected: u32, got: u32 },
    /// The bytes are well framed but a value inside them is impossible.
    Corrupt { what: String },
    /// An input or output file could not be read or written; the I/O error is the `source()`.
    /// Native only: the wasm does no I/O, and std's I/O messages would cost it bytes.
    #[cfg(not(web))]
    Io { path: String, source: IoError },
    /// A letter file changed between the build's passes. Native only (the build's).
    #[cfg(not(web))]
    Changed { path: String, message: String },
    /// A file handed over that the index does not name.
    UnknownFile { name: String },
    /// The letter `id` could not be read: its file (or the id list) could not be fetched.
    Unavailable { id: String },
    /// A letters folder holds nothing to index.
    NoLetters { dir: String },
    /// A search option (the CLI's flags and the JS API's options alike) given a value it does
    /// not take: which option, and the value (trimmed).
    BadOption { option: OptionName, value: String },
    /// One end of the date range given twice (`--from` and `--filter from=`).
    DateGivenTwice { bound: &'static str },
    /// A date range that ends before it begins: its two ends, as they were meant.
    EmptyDateRange { from: String, to: String },
    /// A command-line argument given a value it does not take.
    #[cfg(not(web))]
    BadArgument {
        flag: &'static str,
        value: String,
        takes: &'static str,
    },
    /// A path that must be a folder is a file (the folder to serve, the one to build into).
    #[cfg(not(web))]
    NotAFolder { path: String, wanted: &'static str },
    /// Another build holds the lock of the folder to build into.
    #[cfg(not(web))]
    FolderBusy { path: String },
    /// An input file far larger than its kind ever is (a synonyms file of megabytes).
    #[cfg(not(web))]
    TooLarge {
        path: String,
        what: &'static str,
        max_mb: u64,
    },
    /// A file of the owner's that cannot be read as its kind (an unclosed quote in a metadata
    /// file): where, and what.
    #[cfg(not(web))]
    Malformed {
        path: String,
        line: usize,
        what: String,
    },
    /// An index asked for a letter it does not hold (`kamerzoek related DIR ID`).
    #[cfg(not(web))]
    NoSuchLetter { id: String },
    /// This binary was compiled without web assets (`www/dist/`) a site needs.
    #[cfg(not(web))]
    WithoutAssets { lacks: String },
    /// Files of the site owner's (not written by kamerzoek, or edited since) where a build would
    /// write: nothing was written.
    #[cfg(not(web))]
    NotOurs {
        paths: Vec<String>,
        replacer: &'static str,
        instead: String,
    },
    /// A site build into a folder that holds an index built alone (`--index-only`).
    #[cfg(not(web))]
    IndexAlone { path: String },
    /// `--offline` into a folder of pages whose worker serves another site's search.
    #[cfg(not(web))]
    WorkerTaken { worker: String, site: String },
    /// `--offline` with a site folder that has no folder above it for the worker.
    #[cfg(not(web))]
    NoPagesFolder { path: String },
    /// An error in a named file (an index read from disk, say).
    InFile { path: String, error: Box<Error> },
    /// A fault of kamerzoek's own, not of its input: a thread that panicked, a state the code
    /// cannot reach. Said as such, never blamed on the index. Native only (the build's).
    #[cfg(not(web))]
    Internal { what: &'static str },
}

pub type Result<T> = std::result::Result<T, Error>;

/// The search options a caller can give a value they do not take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionName {
    Sort,
    Facets,
    Group,
    /// A filter that is not `FIELD=VALUE`.
    Filter,
    /// A filter's field.
    Field,
    Kind,
    Year,
    Minister,
    From,
    To,
}

impl OptionName {
    /// Whether it takes one of a few values (a wrong one is unknown) or a form (a wrong one is
    /// bad); its name; what it takes.
    fn said(self) -> (bool, &'static str, &'static str) {
        const DATE: &str = "a year (2023), a month (2023-06) or a day (2023-06-15)";
        match self {
            OptionName::Sort => (true, "sort", "relevance, date or -date"),
            OptionName::Facets => (true, "facets option", "always, never or if-loaded"),
            OptionName::Group => (true, "group", "meeting or none"),
            OptionName::Field => (
                true,
                "filter field",
                "kind, year, minister, from, to or a field of the metadata file the index was built with",
            ),
            // Kept to `meta::Kind`'s names by its test.
            OptionName::Kind => (
                true,
                "kind",
                "agenda, verslag, beslisnota, overleg, schriftelijk-overleg or brief",
            ),
            OptionName::Filter => (false, "filter", "FIELD=VALUE, e.g. kind=verslag"),
            OptionName::Year => (false, "year", "a year of four digits, e.g. year=2024"),
            OptionName::Minister => (
                false,
                "minister",
                "a part of the minister's name, e.g. minister=ollongren",
            ),
            OptionName::From => (false, "from date", DATE),
            OptionName::To => (false, "to date", DATE),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl Error {
    /// What it says (its `Display`), put together without `core::fmt` where the wasm has it
    /// (`crate::say`).
    pub fn message(&self) -> String {
        match self {
            Error::BadMagic => "not a kamerzoek index (wrong magic bytes)".into(),
            Error::WrongFile { expected, got } => {
                cat!("wrong index file: expected ", expected, ", got ", got)
            }
            Error::Version { expected, got } => cat!(
                "index format version ",
                got,
                " is not supported (this build reads version ",
                expected,
                "); rebuild the index with `kamerzoek build`"
            ),
            Error::Truncated { what } => cat!("index is truncated: it ends inside ", what),
            Error::ChecksumMismatch { expected, got } => cat!(
                "index is damaged: checksum ",
                Hex((*got).into(), 8),
                " does not match ",
                Hex((*expected).into(), 8),
                "; rebuild it"
            ),
            Error::Corrupt { what } => cat!("index is corrupt: ", what),
            #[cfg(not(web))]
            Error::Io { path, source } => format!("{path}: {}", source.said()),
            #[cfg(not(web))]
            Error::Changed { path, message } => {
                format!("{path}: changed during the build: {message}")
            }
            Error::UnknownFile { name } => cat!(name, ": not a file of this index"),
            Error::Unavailable { id } => cat!("letter ", id, ": its file could not be loaded"),
            Error::NoLetters { dir } => cat!(dir, ": no letters (.txt files) to index"),
            Error::InFile { path, error } => cat!(path, ": ", error.message()),
            Error::BadOption { option, value } => {
                let (unknown, name, takes) = option.said();
                if unknown {
                    cat!("unknown ", name, " \"", value, "\"; use ", takes)
                } else {
                    cat!("bad ", name, " \"", value, "\": use ", takes)
                }
            }
            Error::DateGivenTwice { bound } => cat!(
                bound,
                " is given twice: give the date range one ",
                bound,
                " date"
            ),
            Error::EmptyDateRange { from, to } => cat!(
                "the date range is empty: from ",
                from,
                " is after to ",
                to,
                "; swap the two dates"
            ),
            #[cfg(not(web))]
            Error::BadArgument { flag, value, takes } => {
                format!("bad {flag} \"{value}\": use {takes}")
            }
            #[cfg(not(web))]
            Error::NotAFolder { path, wanted } => {
                format!("{path}: not a folder {wanted}; give a folder")
            }
            #[cfg(not(web))]
            Error::FolderBusy { path } => format!(
                "{path}: another build is writing into this folder; run this one when it has ended"
            ),
            #[cfg(not(web))]
            Error::TooLarge { path, what, max_mb } => {
                format!("{path}: a {what} of more than {max_mb} MB: is it the right file?")
            }
            #[cfg(not(web))]
            Error::Malformed { path, line, what } => {
                format!("{path}, line {line}: {what}; nothing was built")
            }
            #[cfg(not(web))]
            Error::NoSuchLetter { id } => format!(
                "the index holds no letter \"{id}\": give a letter's id, its file name without .txt"
            ),
            #[cfg(not(web))]
            Error::WithoutAssets { lacks } => format!(
                "this kamerzoek was compiled without its web assets (www/dist/ lacks {lacks}), so \
                 it can write an index but not a site: run scripts/build-web.sh, then build \
                 kamerzoek again; or add --index-only to write the index alone"
            ),
            #[cfg(not(web))]
            Error::NotOurs {
                paths,
                replacer,
                instead,
            } => {
                let them = if paths.len() == 1 { "it" } else { "them" };
                format!(
                    "{} not written by kamerzoek (or edited since), and {replacer} would replace \
                     {them}: nothing was written. {instead}, or move {them} away",
                    paths.join(", ")
                )
            }
            #[cfg(not(web))]
            Error::IndexAlone { path } => format!(
                // The entry file's name, written out: the errors sit below the format.
                "{path}: this folder holds an index written alone (its kamerzoek.idx); a site \
                 keeps its index in index/. Add --index-only to update this index, or build the \
                 site into another folder"
            ),
            #[cfg(not(web))]
            Error::WorkerTaken { worker, site } => format!(
                "{worker}: the offline search of {site} has its worker here, and a folder of \
                 pages takes one: nothing was written. Build one of the two without --offline"
            ),
            #[cfg(not(web))]
            Error::NoPagesFolder { path } => format!(
                "{path}: --offline writes its service worker beside the site folder, in the \
                 folder of the pages; this folder has none above it: build into a folder inside \
                 the pages' folder"
            ),
            #[cfg(not(web))]
            Error::Internal { what } => format!(
                "internal error in kamerzoek ({what}): not a fault of your letters or index; \
                 please report it, with the command that gave it"
            ),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            #[cfg(not(web))]
            Error::Io { source, .. } => Some(source.0.as_ref()),
            Error::InFile { error, .. } => Some(error.as_ref()),
            _ => None,
        }
    }
}

/// An I/O error kept whole (its kind, its OS code) for `source()`, shared so that an `Error`
/// stays `Clone`; two are equal when their kinds and messages are.
#[derive(Debug, Clone)]
pub struct IoError(pub Arc<std::io::Error>);

impl PartialEq for IoError {
    fn eq(&self, other: &Self) -> bool {
        self.0.kind() == other.0.kind() && self.0.to_string() == other.0.to_string()
    }
}

impl Eq for IoError {}

#[cfg(not(web))]
impl IoError {
    /// What the system says, without its number (` (os error 2)`): the CLI run by Node (WASI)
    /// numbers the same error otherwise (44), and says the same words.
    fn said(&self) -> String {
        let text = self.0.to_string();
        match text.rsplit_once(" (os error ") {
            Some((said, code))
                if code
                    .trim_end_matches(')')
                    .bytes()
                    .all(|b| b.is_ascii_digit()) =>
            {
                said.to_string()
            }
            _ => text,
        }
    }
}

impl Error {
    #[cfg(not(web))]
    pub fn io(path: impl fmt::Display, err: std::io::Error) -> Self {
        Error::Io {
            path: path.to_string(),
            source: IoError(Arc::new(err)),
        }
    }

    /// This error, as found in the file at `path`.
    pub fn in_file(self, path: impl fmt::Display) -> Self {
        Error::InFile {
            path: path.to_string(),
            error: Box::new(self),
        }
    }

    pub(crate) fn corrupt(what: impl Into<String>) -> Self {
        Error::Corrupt { what: what.into() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn an_io_error_is_kept_whole_as_the_source() {
        let err = Error::io("a.txt", std::io::Error::from(std::io::ErrorKind::NotFound))
            .in_file("folder");
        let inner = err.source().unwrap();
        let io = inner
            .source()
            .unwrap()
            .downcast_ref::<std::io::Error>()
            .unwrap();
        assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
        assert!(err.to_string().starts_with("folder: a.txt: "), "{err}");
    }

    #[test]
    fn a_bad_option_names_itself_the_value_and_what_it_takes() {
        use OptionName::*;
        for option in [
            Sort, Facets, Group, Filter, Field, Kind, Year, Minister, From, To,
        ] {
            let (unknown, name, takes) = option.said();
            let said = Error::BadOption {
                option,
                value: "zz".into(),
            }
            .to_string();
            let opening = if unknown { "unknown" } else { "bad" };
            assert!(
                said.starts_with(&format!("{opening} {name} \"zz\"")),
                "{said}"
            );
            assert!(said.ends_with(&format!("use {takes}")), "{said}");
        }
    }

    #[test]
    fn an_internal_fault_says_it_is_one_and_does_not_blame_the_index() {
        let err = Error::Internal {
            what: "an indexing thread failed",
        };
        let said = err.to_string();
        assert!(
            said.contains("internal error") && said.contains("please report it"),
            "{said}"
        );
        assert!(!said.contains("index is"), "{said}");
    }
}
