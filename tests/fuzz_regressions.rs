//! Every input that ever crashed a fuzz target, replayed: each must now give a typed error or an
//! answer. Kept in `tests/data/fuzz-decode/`, one file per finding, named after what it broke.

include!("../fuzz/decode_harness.rs");

#[test]
fn every_decode_finding_is_fixed() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/fuzz-decode");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        run_decode(&std::fs::read(&path).unwrap());
        count += 1;
    }
    assert!(count > 0, "no findings to replay in {dir}");
}
