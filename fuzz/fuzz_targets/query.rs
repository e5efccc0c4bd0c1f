//! Arbitrary query strings through the parser and the whole search path, on a small real index.
//! The body is `harness/query.rs`, which `cargo test` also runs on every committed input.
#![no_main]

use libfuzzer_sys::fuzz_target;

include!("../harness/query.rs");

fuzz_target!(|data: &[u8]| run_query(data));
