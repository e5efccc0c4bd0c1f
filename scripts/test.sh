#!/usr/bin/env bash
# Runs every test: formatting and lints, Rust unit and integration tests, the relevance suite
# through the CLI, and the browser tests against the built page. Sets up what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

scripts/setup.sh

step "cargo fmt --check"
cargo fmt --check
step "cargo clippy (native and wasm32)"
cargo clippy --all-targets -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
step "cargo test"
cargo test

step "build the page on seeds/"
scripts/build-site.sh seeds target/site

for suite in queries behaviours; do
  step "relevance suite tests/relevance/$suite.tsv through the CLI"
  python3 tests/relevance/score.py "tests/relevance/$suite.tsv" -- \
    target/release/kamerzoek search target/site/index --json --limit 10
done

step "browser tests (Chromium, headless)"
node --test --test-concurrency=1 tests/browser/
