// The pdf fuzz target's body, shared with `tests/fuzz_regressions.rs`. Any bytes as a PDF letter:
// text or one `Problem`, never a panic outside the reader's guard (`src/pdf/fault.rs` turns the
// reader's own panics into `Problem::ReaderFault`; any other panic still aborts, as libFuzzer's
// hook is the one it falls back to) and never a text beyond a letter's bounds.

pub fn run_pdf(data: &[u8]) {
    kamerzoek::pdf::install_hook();
    if let Ok(text) = kamerzoek::pdf::text(data, "fuzz.pdf") {
        // Every page ended, no page beyond the bound.
        assert!(text.ends_with('\u{c}'));
        assert!(text.matches('\u{c}').count() <= kamerzoek::pdf::MAX_PAGES);
    }
}
