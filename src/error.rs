//! Typed errors for every stage. Messages say what went wrong and, where it helps, how to fix it.

use std::fmt;

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
    /// Not an error: the search needs these files of the index folder before it can answer.
    /// The caller fetches them, hands them over, and asks again.
    Need(Vec<String>),
    /// The index was written by another format version than this build reads.
    Version { expected: u16, got: u16 },
    /// The bytes end before a section they announce.
    Truncated { what: &'static str },
    /// The checksum in the footer does not match the bytes: the file is damaged.
    ChecksumMismatch { expected: u32, got: u32 },
    /// The bytes are well framed but a value inside them is impossible.
    Corrupt { what: String },
    /// An input or output file could not be read or written.
    Io { path: String, message: String },
    /// A letters folder holds nothing to index.
    NoLetters { dir: String },
    /// A search option (filter, sort) that makes no sense.
    BadOption { message: String },
    /// An error in a named file (an index read from disk, say).
    InFile { path: String, error: Box<Error> },
}

pub type Result<T> = std::result::Result<T, Error>;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::BadMagic => write!(f, "not a kamerzoek index (wrong magic bytes)"),
            Error::WrongFile { expected, got } => {
                write!(f, "wrong index file: expected {expected}, got {got}")
            }
            Error::Need(files) => write!(f, "index files not loaded: {}", files.join(", ")),
            Error::Version { expected, got } => write!(
                f,
                "index format version {got} is not supported (this build reads version {expected}); \
                 rebuild the index with `kamerzoek build`"
            ),
            Error::Truncated { what } => {
                write!(f, "index is truncated: it ends inside {what}")
            }
            Error::ChecksumMismatch { expected, got } => write!(
                f,
                "index is damaged: checksum {got:08x} does not match {expected:08x}; rebuild it"
            ),
            Error::Corrupt { what } => write!(f, "index is corrupt: {what}"),
            Error::Io { path, message } => write!(f, "{path}: {message}"),
            Error::NoLetters { dir } => write!(f, "{dir}: no letters (.txt files) to index"),
            Error::InFile { path, error } => write!(f, "{path}: {error}"),
            Error::BadOption { message } => write!(f, "{message}"),
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    pub fn io(path: impl fmt::Display, err: std::io::Error) -> Self {
        Error::Io {
            path: path.to_string(),
            message: err.to_string(),
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
