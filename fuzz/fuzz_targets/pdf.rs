//! Any bytes as a PDF letter: its text or one warning's problem, within bounds, never a panic
//! that escapes the reader's guard.
#![no_main]

use libfuzzer_sys::fuzz_target;

include!("../harness/pdf.rs");

fuzz_target!(|data: &[u8]| run_pdf(data));
