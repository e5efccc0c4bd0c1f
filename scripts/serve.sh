#!/usr/bin/env bash
# Sets up, builds the page on the five letters in seeds/, and serves it on 127.0.0.1.
#   scripts/serve.sh [PORT=8000]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-site.sh seeds target/site
exec node scripts/static-server.mjs target/site "${1:-8000}"
