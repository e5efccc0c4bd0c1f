//! The index decoders on arbitrary bytes: a typed error or an answer, never a panic. The bytes are
//! tried as an entry file, and as each file of a small split index in place of the real one;
//! each also sealed (magic, version, checksum) so the fuzzer gets past the framing into the
//! fields. Whatever loads is searched and read, which decodes posting rows, positions and letters.
#![no_main]

use libfuzzer_sys::fuzz_target;

include!("../harness/decode.rs");

fuzz_target!(|data: &[u8]| run_decode(data));
