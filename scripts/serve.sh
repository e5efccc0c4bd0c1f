#!/usr/bin/env bash
# Sets up, builds the page on the five letters in seeds/, and serves it on 127.0.0.1.
#   scripts/serve.sh [PORT=8000]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-site.sh seeds target/site
exec target/release/kamerzoek serve target/site --port "${1:-8000}"
