#!/usr/bin/env bash
# Runs every test: formatting and lints, Rust unit and integration tests, the relevance suite
# through the CLI, and the browser tests against the built page in Chromium, Firefox and WebKit.
# Sets up what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

scripts/setup.sh

# www/dist/ is committed so that `cargo install` needs no wasm toolchain: the last commit's web
# assets must have been built from the last commit's sources (scripts/build-web.sh names them).
step "the committed web assets are built from the committed sources"
if ! diff <(scripts/web-sources.sh --head) <(git show HEAD:www/dist/SOURCES 2>/dev/null) >/dev/null; then
  echo "www/dist/ in the last commit was not built from that commit's sources:" >&2
  echo "run scripts/build-web.sh and commit www/dist/ with the sources" >&2
  exit 1
fi

step "cargo fmt --check"
cargo fmt --check
step "cargo clippy (native and wasm32)"
cargo clippy --all-targets -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings

step "build the web assets, the command line, and the demo site on seeds/"
# A site of an earlier layout (before the build wrote sites) holds files without kamerzoek's mark,
# which the build rightly refuses to replace: the tests start from a fresh one.
rm -rf target/site
scripts/build-site.sh seeds target/site
# The tests run on the web assets just built; `cargo install` ships the committed ones. The same
# sources and toolchain give the same bytes: a difference means another toolchain built them.
if ! git diff --quiet -- www/dist; then
  echo "note: www/dist/ as rebuilt here differs from the committed one (another toolchain?);" \
    "commit it if this toolchain is the one to ship" >&2
fi

# After the web assets are built: the command line under test carries them.
step "cargo test"
cargo test

# The command line the npm package runs in Node (WASI), against the native one.
step "npx kamerzoek: the command line compiled for WASI, in Node (tests/node/)"
scripts/build-node.sh
node --test --test-concurrency=1 tests/node/

for suite in queries behaviours; do
  step "relevance suite tests/relevance/$suite.tsv through the CLI"
  python3 tests/relevance/score.py "tests/relevance/$suite.tsv" -- \
    target/release/kamerzoek search target/site/index --json --limit 10
done

step "relevance suite tests/relevance/real.tsv on the 17 real documents"
rm -rf target/real-index
target/release/kamerzoek build tests/data/real --out target/real-index --index-only
python3 tests/relevance/score.py tests/relevance/real.tsv -- \
  target/release/kamerzoek search target/real-index --json --limit 10

# The browser tests, once per engine (tests/browser/harness.mjs): each test's name starts with
# its engine. Every engine runs even when one fails; the step fails if any did.
failed=()
for engine in chromium firefox webkit; do
  step "browser tests in $engine"
  start=$SECONDS
  KAMERZOEK_ENGINE=$engine node --test --test-concurrency=1 tests/browser/ || failed+=("$engine")
  echo "browser tests in $engine: $((SECONDS - start)) s"
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "browser tests failed in: ${failed[*]}" >&2
  exit 1
fi
