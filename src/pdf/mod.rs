//! PDF letters: their text, page by page, read at build time with `pdf-extract` (on `lopdf`),
//! for the same clean-up as a `.txt` letter. Each page ends with a form feed (`\f`), as
//! `pdftotext` writes them, so a `.txt` made by `pdftotext` and the PDF it came from read alike.
//!
//! A PDF is a program of sorts, and a letters folder may hold a hostile one. Each is read within
//! bounds ([`MAX_PDF_BYTES`], [`MAX_PAGES`], [`MAX_INFLATED`]); what cannot be read is a
//! [`Problem`], one warning, and the other letters are indexed. The reader panics on some
//! malformed files (it says so in its code): natively the panic is caught here; under WASI,
//! where a panic aborts, `fault` records the file for the Node runner, which builds again
//! without it (`packages/npm/node/run.mjs`).

mod bounds;
mod fault;
mod pages;

use pdf_extract::Document;

pub use fault::{install_hook, skipped_after_fault};

/// A PDF larger than this is not a letter (a `.txt` letter's bound is 16 MB).
pub const MAX_PDF_BYTES: u64 = 64 * 1024 * 1024;
/// A letter to the Kamer has tens of pages; a file that claims more is not one.
pub const MAX_PAGES: usize = 10_000;
/// The bytes all of a file's compressed streams (not its images) may inflate to together: a
/// "PDF bomb" is a small file whose streams inflate to gigabytes.
pub const MAX_INFLATED: u64 = 256 * 1024 * 1024;

const MB: u64 = 1024 * 1024;

/// Why a PDF gave no text. Each is a warning naming the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    NotPdf,
    TooLarge(u64),
    Encrypted,
    Damaged(String),
    TooManyPages(usize),
    Bomb,
    /// A stream filter whose output cannot be bounded before it is decoded (`LZWDecode`).
    Filter(String),
    NoText {
        pages: usize,
    },
    ReaderFault(String),
}

impl Problem {
    /// The warning's text, after "skipped: ".
    pub fn message(&self) -> String {
        match self {
            Problem::NotPdf => "named .pdf but not a PDF (it does not start with %PDF-)".into(),
            Problem::TooLarge(bytes) => format!(
                "a PDF of {} MB, more than the {} MB a letter may have",
                bytes / MB,
                MAX_PDF_BYTES / MB
            ),
            Problem::Encrypted => {
                "the PDF is encrypted with a password; save it without one to index it".into()
            }
            Problem::Damaged(why) => format!("the PDF is damaged ({why})"),
            Problem::TooManyPages(pages) => {
                format!("the PDF claims {pages} pages, more than the {MAX_PAGES} a letter may have")
            }
            Problem::Bomb => format!(
                "the PDF's streams inflate to more than {} MB (a PDF bomb?)",
                MAX_INFLATED / MB
            ),
            Problem::Filter(filter) => format!(
                "the PDF uses a stream filter ({filter}) whose size cannot be bounded before it \
                 is read; save it again as a recent PDF"
            ),
            Problem::NoText { pages } => format!(
                "the PDF has no text layer on its {pages} page(s): a scan? it needs OCR first"
            ),
            Problem::ReaderFault(why) => format!("the PDF reader failed on it ({why})"),
        }
    }
}

/// The text of a PDF, each page ended by `\f`. `shown` names the file should the reader fail
/// under WASI (see [`fault`]).
pub fn text(bytes: &[u8], shown: &str) -> Result<String, Problem> {
    if bytes.len() as u64 > MAX_PDF_BYTES {
        return Err(Problem::TooLarge(bytes.len() as u64));
    }
    // The header may follow a little junk (the format allows 1,024 bytes of it).
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(Problem::NotPdf);
    }
    // All of the reading under the guard: `lopdf` and `pdf-extract` may panic anywhere in it.
    fault::guard(shown, || read(bytes))?
}

/// The reading proper, once the file looks like a PDF of a letter's size.
fn read(bytes: &[u8]) -> Result<String, Problem> {
    // The parser inflates object streams as it loads: they are measured first.
    bounds::raw_within(bytes, MAX_INFLATED)?;
    let mut doc = Document::load_mem(bytes).map_err(|e| Problem::Damaged(e.to_string()))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(Problem::Encrypted);
    }
    let count = doc.get_pages().len();
    if count > MAX_PAGES {
        return Err(Problem::TooManyPages(count));
    }
    bounds::inflated_within(&doc, MAX_INFLATED)?;
    let text = pages::extract(&doc).map_err(|e| Problem::Damaged(e.to_string()))?;
    if !text.chars().any(char::is_alphanumeric) {
        return Err(Problem::NoText { pages: count });
    }
    Ok(text)
}

#[cfg(test)]
mod tests;
