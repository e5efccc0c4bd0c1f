//! Posting runs on disk: when the writer's buffered postings pass its budget, it writes them out
//! sorted by term and starts again, so memory stays bounded however many letters come. A run is
//! private to one build and removed after it: records of (term, rows, positions), each a length-
//! prefixed byte string. Rows are delta-coded against the term's previous letter across runs, so
//! merging is concatenation in run order.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

/// Writes one run: `terms` in byte order, each with its rows and positions.
pub fn write_run<'a>(
    path: &Path,
    terms: impl Iterator<Item = (&'a str, &'a [u8], &'a [u8])>,
) -> io::Result<()> {
    let mut out = BufWriter::new(File::create(path)?);
    for (term, rows, positions) in terms {
        for field in [term.as_bytes(), rows, positions] {
            out.write_all(&(field.len() as u64).to_le_bytes())?;
            out.write_all(field)?;
        }
    }
    out.flush()
}

/// Reads a run back, one record at a time.
pub struct Run {
    path: PathBuf,
    input: BufReader<File>,
    /// The record read next, if any: (term, rows, positions).
    pub head: Option<(String, Vec<u8>, Vec<u8>)>,
}

impl Run {
    pub fn open(path: &Path) -> io::Result<Run> {
        let mut run = Run {
            path: path.to_path_buf(),
            input: BufReader::new(File::open(path)?),
            head: None,
        };
        run.advance()?;
        Ok(run)
    }

    /// The rows and positions of `term` in this run, if it holds the term (runs are read in term
    /// order, so only the head can be it).
    pub fn take(&mut self, term: &str) -> io::Result<Option<(Vec<u8>, Vec<u8>)>> {
        if self.head.as_ref().is_none_or(|h| h.0 != term) {
            return Ok(None);
        }
        let (_, rows, positions) = self.head.take().expect("checked above");
        self.advance()?;
        Ok(Some((rows, positions)))
    }

    fn advance(&mut self) -> io::Result<()> {
        let mut len = [0u8; 8];
        match self.input.read_exact(&mut len) {
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
                self.head = None;
                return Ok(());
            }
            other => other?,
        }
        let term = self.field(u64::from_le_bytes(len))?;
        let term = String::from_utf8(term).map_err(|_| io::Error::other("a damaged run"))?;
        let mut len = [0u8; 8];
        self.input.read_exact(&mut len)?;
        let rows = self.field(u64::from_le_bytes(len))?;
        self.input.read_exact(&mut len)?;
        let positions = self.field(u64::from_le_bytes(len))?;
        self.head = Some((term, rows, positions));
        Ok(())
    }

    fn field(&mut self, len: u64) -> io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        (&mut self.input).take(len).read_to_end(&mut bytes)?;
        if bytes.len() as u64 != len {
            return Err(io::Error::other(format!(
                "{}: a damaged run",
                self.path.display()
            )));
        }
        Ok(bytes)
    }
}
