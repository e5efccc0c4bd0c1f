#!/usr/bin/env bash
# Builds the page into a folder of static files: the CLI, the wasm module, the index of a letters
# folder, and the files of www/. Prints what a visitor downloads, raw and gzipped.
#   scripts/build-site.sh [LETTERS_DIR=seeds] [OUT_DIR=target/site]
set -euo pipefail
cd "$(dirname "$0")/.."
letters=${1:-seeds}
out=${2:-target/site}

cargo build --release --bin kamerzoek
cargo build --lib --target wasm32-unknown-unknown --profile wasm

rm -rf "$out"
mkdir -p "$out/pkg"
wasm-bindgen --target web --no-typescript --out-dir "$out/pkg" \
  target/wasm32-unknown-unknown/wasm/kamerzoek.wasm
# wasm-opt from npm's binaryen: Debian's (version 108) breaks wasm-bindgen's externref table.
# The features are those rustc enables by default for wasm32-unknown-unknown.
node_modules/.bin/wasm-opt -Oz --converge --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/pkg/kamerzoek_bg.wasm" -o "$out/pkg/kamerzoek_bg.wasm"
cp www/*.html www/*.js www/*.css "$out/"
target/release/kamerzoek build "$letters" --out "$out/index"

printf '\n%-28s %10s %10s\n' "what a visitor downloads" "raw" "gzip -9"
total_raw=0 total_gz=0
for f in pkg/kamerzoek_bg.wasm pkg/kamerzoek.js kamerzoek.js engine.js widget.js render.js \
  url-state.js widget.css index.html style.css index/kamerzoek.idx; do
  raw=$(wc -c < "$out/$f")
  gz=$(gzip -9c "$out/$f" | wc -c)
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz))
  printf '%-28s %10d %10d\n' "$f" "$raw" "$gz"
done
printf '%-28s %10d %10d\n' "total" "$total_raw" "$total_gz"
