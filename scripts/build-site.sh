#!/usr/bin/env bash
# Builds the web assets and the command line, then the demo site of a letters folder: what
# `kamerzoek build LETTERS --out OUT --demo` writes, with the sizes a visitor downloads.
#   scripts/build-site.sh [LETTERS_DIR=seeds] [OUT_DIR=target/site]
set -euo pipefail
cd "$(dirname "$0")/.."
letters=${1:-seeds}
out=${2:-target/site}

scripts/build-web.sh
# The command line carries the web assets just built (build.rs embeds www/dist/).
cargo build --release --bin kamerzoek
target/release/kamerzoek build "$letters" --out "$out" --demo
