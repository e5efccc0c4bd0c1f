#!/usr/bin/env bash
# Builds the command line the npm package runs in Node.js: the native `kamerzoek` compiled for
# WASI (wasm32-wasip1, no threads, no sockets; `packages/npm/bin/kamerzoek.mjs` runs it), then
# stripped of its debug sections by wasm-opt. Not committed: scripts/pack-npm.sh builds it.
#   scripts/build-node.sh [OUT=packages/npm/cli/kamerzoek.wasm]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-packages/npm/cli/kamerzoek.wasm}
# The command line carries the web assets of www/dist/, as the native one does (build.rs).
cargo build --release --target wasm32-wasip1 --bin kamerzoek
mkdir -p "$(dirname "$out")"
built=target/wasm32-wasip1/release/kamerzoek.wasm
if [ "$out" -nt "$built" ] && [ "$out" -nt scripts/build-node.sh ]; then
  exit 0 # already optimized from this build
fi
# -O2, not -Oz: a build of 20,000 letters is the command's work, and speed is what it is for.
node_modules/.bin/wasm-opt -O2 --strip-debug --strip-producers \
  "$built" -o "$out"
echo "$out: $(wc -c <"$out") bytes, $(gzip -9 -n <"$out" | wc -c) gzip" >&2
