//! Arbitrary text through everything the indexer does to a letter. The body is
//! `harness/analyze.rs`, which `cargo test` also runs on every committed input.
#![no_main]

use libfuzzer_sys::fuzz_target;

include!("../harness/analyze.rs");

fuzz_target!(|data: &[u8]| run_analyze(data));
