//! Posting runs on disk: when the writer's buffered postings pass its budget, it writes them out
//! sorted by term, forgets every term, and starts again, so memory stays bounded however many
//! letters and words come. A run is private to one build and removed after it: records of (term,
//! what is known of it in the run: its letter count and surface forms, rows, positions), each a
//! length-prefixed byte string. A run's rows start from letter 0 and mark the run's own surface
//! forms: merging rebases them (`postings.rs`).

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

/// One term's record in a run.
pub struct Record {
    pub term: String,
    /// Its letter count and surface forms in the run, as `put_known` writes them.
    pub known: Vec<u8>,
    pub rows: Vec<u8>,
    pub positions: Vec<u8>,
}

/// Writes one run: `terms` in byte order, each with what is known of it, its rows and positions.
pub fn write_run<'a>(
    path: &Path,
    terms: impl Iterator<Item = (&'a str, &'a [u8], &'a [u8], &'a [u8])>,
) -> io::Result<()> {
    let mut out = BufWriter::new(File::create(path)?);
    for (term, known, rows, positions) in terms {
        for field in [term.as_bytes(), known, rows, positions] {
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
    /// The record read next, if any.
    pub head: Option<Record>,
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

    /// The record of `term` in this run, if it holds the term (runs are read in term order, so
    /// only the head can be it).
    pub fn take(&mut self, term: &str) -> io::Result<Option<Record>> {
        if self.head.as_ref().is_none_or(|h| h.term != term) {
            return Ok(None);
        }
        let record = self.head.take();
        self.advance()?;
        Ok(record)
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
        let known = self.next_field()?;
        let rows = self.next_field()?;
        let positions = self.next_field()?;
        self.head = Some(Record {
            term,
            known,
            rows,
            positions,
        });
        Ok(())
    }

    fn next_field(&mut self) -> io::Result<Vec<u8>> {
        let mut len = [0u8; 8];
        self.input.read_exact(&mut len)?;
        self.field(u64::from_le_bytes(len))
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
