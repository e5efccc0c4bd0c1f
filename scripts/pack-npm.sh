#!/usr/bin/env bash
# Packs the npm package `kamerzoek` (packages/npm/): the widget and the engine from www/dist/
# (run scripts/build-web.sh first), their types and an exports map, and `npx kamerzoek`, the
# command line compiled for WASI (scripts/build-node.sh).
# Prints the tarball's path last.
#   scripts/pack-npm.sh [DEST=target/npm]
set -euo pipefail
cd "$(dirname "$0")/.."
dest=$(mkdir -p "${1:-target/npm}" && cd "${1:-target/npm}" && pwd)
pkg=packages/npm
rm -rf "$pkg/dist"
mkdir -p "$pkg/dist/pkg"
for f in kamerzoek.js engine.js widget.js widget.css; do
  cp "www/dist/$f" "$pkg/dist/$f"
done
# The module plain (for bundlers, `configure({ wasm })`) and gzip (what the engine fetches
# beside its glue when a page serves the package's folder as it is).
cp www/dist/pkg/kamerzoek.js www/dist/pkg/kamerzoek_bg.wasm www/dist/pkg/kamerzoek_bg.wasm.gz "$pkg/dist/pkg/"
# The command line for Node.js (WASI), which builds an index with nothing but Node.
scripts/build-node.sh "$pkg/cli/kamerzoek.wasm" >&2
(cd "$pkg" && npm pack --silent --pack-destination "$dest") | tail -n 1 | sed "s|^|$dest/|"
