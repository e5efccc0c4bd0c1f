//! The reader's plain text, with a form feed where a page ends.

use pdf_extract::Document;
use pdf_extract::{MediaBox, OutputDev, OutputError, PlainTextOutput, Transform};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

/// The text of every page of `doc`, each followed by `\f` (as `pdftotext` ends its pages: a
/// one-page letter's page number is known for one too).
pub fn extract(doc: &Document) -> Result<String, OutputError> {
    let buffer = Shared::default();
    let mut sink = buffer.clone();
    {
        let mut pages = Paged {
            text: PlainTextOutput::new(&mut sink as &mut dyn Write),
            buffer: buffer.clone(),
        };
        pdf_extract::output_doc(doc, &mut pages)?;
    }
    let text = String::from_utf8_lossy(&buffer.0.borrow()).into_owned();
    Ok(text)
}

/// One buffer written by the reader's output and by [`Paged`] between its pages.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The reader's plain-text output, and a feed at each page's end.
struct Paged<'a> {
    text: PlainTextOutput<&'a mut dyn Write>,
    buffer: Shared,
}

impl OutputDev for Paged<'_> {
    fn begin_page(
        &mut self,
        page: u32,
        media_box: &MediaBox,
        art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.text.begin_page(page, media_box, art_box)
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        self.text.end_page()?;
        let mut buffer = self.buffer.0.borrow_mut();
        if !buffer.ends_with(b"\n") {
            buffer.push(b'\n');
        }
        buffer.push(0x0c);
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        self.text
            .output_character(trm, width, spacing, font_size, char)
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.text.begin_word()
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        self.text.end_word()
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        self.text.end_line()
    }
}
