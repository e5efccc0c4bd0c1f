#!/usr/bin/env bash
# Build the kamerzoek test PDFs. See usage() below.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SEEDS="${SEEDS:-$HERE/../../seeds}"
REAL="${REAL:-$HERE/../../../shared/real}"
OUT="${OUT:-$HERE/out}"
REAL_LETTERS="${REAL_LETTERS:-r43_ga-navo-top-vilnius-2023 r25_verslag-navo-top-warschau-2016}"
TWO_COLUMN="000_679e953a95cdb28b"          # letters typeset with .2C for part of the body
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1704067200}"   # fixed dates -> same bytes
export LC_ALL=C.UTF-8

usage() {
  cat <<EOF
usage: make-pdfs.sh [--install-deps] [--no-bad] [-h|--help]

Writes test PDFs for kamerzoek into \$OUT (default: $HERE/out):
  <id>.pdf                  ministry-letter PDF (groff -ms -Tpdf, A4, letterhead,
                            running header, "Pagina N van M", footnotes, justified
                            and hyphenated; $TWO_COLUMN has a two-column part)
  <id>.src.txt              the cleaned text the PDF was made from (one block a
                            line, blank line between; footnotes last as "N text")
  <id>.src.json, <id>.ms    the same as blocks + letterhead; the groff source
  <id>.pdftotext.txt        plain 'pdftotext' output
  <id>.pdftotext-layout.txt 'pdftotext -layout' output
  hello.pdf                 tiny valid one-page PDF, text "Hallo wereld"
                            (bad/reader-panic.pdf: the same with an encoding that makes
                            the PDF reader panic)
  bad/*.pdf                 hostile PDFs (encrypted, scan, truncated, bad-xref,
                            bomb, nested, cyclic, million-pages, not-a-pdf, empty)
  bad/pdftotext-results.tsv exit code, seconds, bytes of 'timeout 20 pdftotext F -'
  summary.tsv               per letter: pages, bytes, ligatures, words found
Inputs: \$SEEDS/*.txt (default seeds/) and \$REAL/{$(echo $REAL_LETTERS | tr ' ' ,)}.txt
        (default ../shared/real). Output is byte-identical between runs
        (SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH unless set).
Needs: groff (full package: -ms macros and -Tpdf), ghostscript, poppler-utils,
       python3. --install-deps runs 'apt-get install groff ghostscript poppler-utils'.
       --no-bad skips bad/ (the 1 GiB bomb takes a few seconds to build).
EOF
}

INSTALL=0 BAD=1
for a in "$@"; do
  case "$a" in
    -h|--help) usage; exit 0 ;;
    --install-deps) INSTALL=1 ;;
    --no-bad) BAD=0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

if [ "$INSTALL" = 1 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends groff ghostscript poppler-utils >/dev/null
fi
for t in groff preconv gs pdftotext pdfinfo python3; do
  command -v "$t" >/dev/null || { echo "missing: $t (try --install-deps)" >&2; exit 1; }
done
if ! printf '.LP\nx\n' | groff -ms -Tpdf >/dev/null 2>&1; then
  echo "groff lacks -ms or -Tpdf (Debian: groff-base only); install 'groff' (--install-deps)" >&2
  exit 1
fi

mkdir -p "$OUT" "$OUT/build"
B="$OUT/build"

# ---------------------------------------------------------------- A. letters
typeset_letter() {  # $1 = id ; .ms already written
  local id="$1" n
  # German hyphenation patterns (closest to Dutch that groff 1.22.4 ships)
  local pre='.hla de\n.hpf hyphen.den\n'
  n=1
  for pass in 1 2; do   # pass 1 counts the pages for "Pagina N van M"
    { printf "$pre"; cat "$OUT/$id.ms"; } | preconv -e utf-8 \
      | groff -ms -Tpdf -dpaper=a4 -P-pa4 -dNPAGES="$n" -ww >"$OUT/$id.pdf" 2>"$B/$id.groff.log"
    n=$(pdfinfo "$OUT/$id.pdf" | awk '/^Pages:/{print $2}')
  done
  pdftotext "$OUT/$id.pdf" "$OUT/$id.pdftotext.txt"
  pdftotext -layout "$OUT/$id.pdf" "$OUT/$id.pdftotext-layout.txt"
}

# words every letter should show in pdftotext output (ligatures / diacritics)
check_words() {  # $1 = id -> "word:ok word:MISSING ..."
  python3 - "$OUT/$1" <<'EOF'
import re, sys, unicodedata
base = sys.argv[1]
src = open(base + ".src.txt", encoding="utf-8").read()
txt = open(base + ".pdftotext.txt", encoding="utf-8").read()
# undo line-end hyphens the way a reader would, then compare word sets
flat = re.sub(r"-\n(?=[a-zà-ÿ])", "", txt)
words = set(re.findall(r"\w+", unicodedata.normalize("NFC", flat)))
cands = [w for w in re.findall(r"\w+", src) if re.search(r"fi|fl|[^\x00-\x7f]", w)]
seen, res = set(), []
for w in cands:
    if w.lower() in seen: continue
    seen.add(w.lower())
    res.append(w)
ok = [w for w in res if w in words]
miss = [w for w in res if w not in words]
print("%d/%d" % (len(ok), len(res)), "missing:" + ",".join(miss[:8]) if miss else "missing:-")
EOF
}

printf 'id\tpages\tbytes\tligatures_in_pdf\tlig+diacritic words found\n' >"$OUT/summary.tsv"
LETTERS=()
for f in "$SEEDS"/*.txt; do [ -e "$f" ] && LETTERS+=("$f"); done
for r in $REAL_LETTERS; do LETTERS+=("$REAL/$r.txt"); done
for f in "${LETTERS[@]}"; do
  id="$(basename "$f" .txt)"
  opt=()
  case " $TWO_COLUMN " in *" $id "*) opt=(--two-column) ;; esac
  python3 "$HERE/letter2ms.py" "$f" "$id" "$OUT" "${opt[@]}"
  typeset_letter "$id"
  printf '%s\t%s\t%s\t%s\t%s\n' "$id" \
    "$(pdfinfo "$OUT/$id.pdf" | awk '/^Pages:/{print $2}')" \
    "$(stat -c %s "$OUT/$id.pdf")" \
    "$(python3 "$HERE/ligcheck.py" "$OUT/$id.pdf")" \
    "$(check_words "$id")" >>"$OUT/summary.tsv"
done

# ---------------------------------------------------------------- C. hello.pdf + B. bad PDFs
if [ "$BAD" = 1 ]; then
  mkdir -p "$OUT/bad"
  # a small one-page text letter for the encrypted and scanned variants
  cat >"$B/tiny.ms" <<'EOF'
.nr PS 12
.nr VS 15
.LP
\f[B]Ministerie van Defensie\f[P]
.LP
Geachte voorzitter, hierbij informeer ik u officieel over de coördinatie
van de financiële steun aan Oekraïne. Dit document is versleuteld of gescand.
EOF
  preconv -e utf-8 "$B/tiny.ms" | groff -ms -Tpdf -dpaper=a4 -P-pa4 >"$B/tiny.pdf"
  GS=(gs -q -dNOPAUSE -dBATCH -dSAFER)
  "${GS[@]}" -sDEVICE=pdfwrite -sOwnerPassword=eigenaar -sUserPassword=gebruiker \
    -dEncryptionR=3 -dKeyLength=128 -dPermissions=-3904 \
    -o "$OUT/bad/encrypted.pdf" "$B/tiny.pdf"
  "${GS[@]}" -sDEVICE=pdfwrite -sOwnerPassword=eigenaar \
    -dEncryptionR=3 -dKeyLength=128 -dPermissions=-3904 \
    -o "$OUT/bad/encrypted-noUserPw.pdf" "$B/tiny.pdf"
  "${GS[@]}" -sDEVICE=pgmraw -r100 -o "$B/scan.pgm" "$B/tiny.pdf"
  python3 "$HERE/badpdfs.py" "$OUT" "$OUT/000_679e953a95cdb28b.pdf" "$B/scan.pgm"
  rm -f "$B/scan.pgm"
  # A font whose encoding has a name no PDF defines: pdf-extract panics on it (its
  # encoding_to_unicode_table), the case kamerzoek catches natively and re-runs around under WASI.
  python3 -c 'import sys; d=open(sys.argv[1],"rb").read(); open(sys.argv[2],"wb").write(d.replace(b"/WinAnsiEncoding", b"/FooAnsiEncoding"))' \
    "$OUT/hello.pdf" "$OUT/bad/reader-panic.pdf"

  printf 'file\tbytes\texit\tseconds\tstdout_bytes\tstderr_first_line\n' >"$OUT/bad/pdftotext-results.tsv"
  for p in "$OUT"/bad/*.pdf "$OUT/hello.pdf"; do
    s=$(date +%s.%N)
    set +e
    timeout 20 pdftotext "$p" - >"$B/pt.out" 2>"$B/pt.err"; rc=$?
    set -e
    e=$(date +%s.%N)
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "${p#$OUT/}" "$(stat -c %s "$p")" "$rc" \
      "$(awk -v a="$s" -v b="$e" 'BEGIN{printf "%.2f", b-a}')" "$(stat -c %s "$B/pt.out")" \
      "$(head -n1 "$B/pt.err" | cut -c1-70)" >>"$OUT/bad/pdftotext-results.tsv"
  done
  rm -f "$B/pt.out" "$B/pt.err"
fi

echo "done: $OUT"
column -t -s $'\t' "$OUT/summary.tsv" 2>/dev/null || cat "$OUT/summary.tsv"
[ "$BAD" = 1 ] && { column -t -s $'\t' "$OUT/bad/pdftotext-results.tsv" 2>/dev/null || cat "$OUT/bad/pdftotext-results.tsv"; }
exit 0
