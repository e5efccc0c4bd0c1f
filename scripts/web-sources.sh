#!/usr/bin/env bash
# Names the sources www/dist is built from, one line each: the git blob id of the file and its
# path. scripts/build-web.sh writes it as www/dist/SOURCES from the files as they are (new files
# too, unless git ignores them);
#   scripts/web-sources.sh --head
# lists the same for the last commit, so scripts/test.sh can check that the committed web assets
# were built from the committed sources (a commit of sources without their rebuilt assets fails).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! git rev-parse --verify -q HEAD >/dev/null; then
  echo "web-sources.sh: not in a git checkout with a commit: the sources cannot be named" >&2
  exit 1
fi
paths=(src www/*.js www/engine/*.js www/widget/*.js www/*.css www/*.html www/*.svg build.rs Cargo.toml Cargo.lock
  package-lock.json scripts/build-web.sh scripts/wasm-toolchain)
if [ "${1:-}" = --head ]; then
  git ls-tree -r HEAD -- "${paths[@]}" | awk '{ print $3 "  " $4 }'
else
  git ls-files --cached --others --exclude-standard -- "${paths[@]}" | LC_ALL=C sort -u |
    while IFS= read -r f; do
      if [ -f "$f" ]; then printf '%s  %s\n' "$(git hash-object -- "$f")" "$f"; fi
    done
fi
