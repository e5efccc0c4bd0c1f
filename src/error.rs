//! Typed errors for every stage. Messages say what went wrong and, where it helps, how to fix it.

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
    #[cfg(not(target_arch = "wasm32"))]
    Io { path: String, source: IoError },
    /// A letter file changed between the build's passes.
    Changed { path: String, message: String },
    /// A file handed over that the index does not name.
    UnknownFile { name: String },
    /// The letter `id` could not be read: its file (or the id list) could not be fetched.
    Unavailable { id: String },
    /// A letters folder holds nothing to index.
    NoLetters { dir: String },
    /// A search option (filter, sort) that makes no sense.
    BadOption { message: String },
    /// An error in a named file (an index read from disk, say).
    InFile { path: String, error: Box<Error> },
    /// A fault of kamerzoek's own, not of its input: a thread that panicked, a state the code
    /// cannot reach. Said as such, never blamed on the index. Native only (the build's).
    #[cfg(not(target_arch = "wasm32"))]
    Internal { what: &'static str },
}

pub type Result<T> = std::result::Result<T, Error>;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::BadMagic => write!(f, "not a kamerzoek index (wrong magic bytes)"),
            Error::WrongFile { expected, got } => {
                write!(f, "wrong index file: expected {expected}, got {got}")
            }
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
            #[cfg(not(target_arch = "wasm32"))]
            Error::Io { path, source } => write!(f, "{path}: {}", source.0),
            Error::Changed { path, message } => {
                write!(f, "{path}: changed during the build: {message}")
            }
            Error::UnknownFile { name } => write!(f, "{name}: not a file of this index"),
            Error::Unavailable { id } => {
                write!(f, "letter {id}: its file could not be loaded")
            }
            Error::NoLetters { dir } => write!(f, "{dir}: no letters (.txt files) to index"),
            Error::InFile { path, error } => write!(f, "{path}: {error}"),
            Error::BadOption { message } => write!(f, "{message}"),
            #[cfg(not(target_arch = "wasm32"))]
            Error::Internal { what } => write!(
                f,
                "internal error in kamerzoek ({what}): not a fault of your letters or index; \
                 please report it, with the command that gave it"
            ),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            #[cfg(not(target_arch = "wasm32"))]
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

impl Error {
    #[cfg(not(target_arch = "wasm32"))]
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
