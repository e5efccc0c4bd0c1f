#!/usr/bin/env python3
"""Turn a letter extracted from a PDF (broken lines, hyphenated breaks, inline
footnotes, page furniture) into clean blocks, and write:

  OUT/<id>.src.txt   one block (paragraph, heading, item, signature) per line,
                     blank line between; footnotes last, each as "N text"
  OUT/<id>.src.json  the same with block types and letterhead metadata
  OUT/<id>.ms        groff -ms source of a Dutch ministry letter

usage: letter2ms.py IN.txt ID OUTDIR [--two-column]
Standard library only; output depends only on the input (deterministic).
"""
import json
import re
import sys

MONTHS = ("januari februari maart april mei juni juli augustus september "
          "oktober november december").split()

# Letterhead data for letters whose text does not state it (invented, but in
# the month the letter is about). Datum from "Den Haag, <date>" wins if present.
META = {
    "000_679e953a95cdb28b": ("20 juni 2023",
        "Verslag bijeenkomst NAVO-ministers van Defensie 15 en 16 juni 2023",
        "BS2023014872"),
    "001_dc9679a733d371f6": ("6 februari 2024",
        "Geannoteerde agenda bijeenkomst NAVO-ministers van Defensie 15 februari 2024",
        "BS2024002317"),
    "002_98b48cd194d964b7": ("7 juni 2022",
        "Geannoteerde agenda bijeenkomst NAVO-ministers van Defensie 16 juni 2022",
        "BS2022013590"),
    "003_980bcab816f23ad2": ("30 mei 2023",
        "Beslisnota Kamerbrief geannoteerde agenda NAVO DMM 15 en 16 juni 2023",
        "BS2023012044"),
    "004_f5176af3915674b6": ("31 januari 2025",
        "Geannoteerde agenda bijeenkomst NAVO-ministers van Defensie 13 februari 2025",
        "BS2025001962"),
    "r43_ga-navo-top-vilnius-2023": ("30 juni 2023",
        "Geannoteerde agenda NAVO-Top Vilnius 11 en 12 juli 2023",
        "BS2023016120"),
    "r25_verslag-navo-top-warschau-2016": ("25 juli 2016",
        "Verslag NAVO-top Warschau 8 en 9 juli 2016",
        "BS2016019733"),
}

FURNITURE = [
    re.compile(r"^\s*kst-\d+-\d+\s*$"),
    re.compile(r"^\s*ISSN \d{4}"),
    re.compile(r"^\s*['’]s-Gravenhage \d{4} Tweede Kamer"),
]
TERMINAL = re.compile(r"[.!?:;][\"”’»)]*$")
SIG = re.compile(r"^(De|DE) (Minister|MINISTER|Staatssecretaris|STAATSSECRETARIS"
                 r"|Directeur|DIRECTEUR)\b")
INITIALS = re.compile(r"\b[A-Z]\.[A-Z]?\.?")
VOWELS = set("aeiouy")


def marker_re(k):
    # a footnote number glued to the end of a word or after punctuation
    return re.compile(r"(?<=[^\W\d_]|[.,;:)»”’])" + str(k) + r"(?=[\s,.;:)]|$)")


def join(prev, nxt, prev_trailing_ws):
    """Join two line texts, undoing a line-end hyphen where obvious."""
    if prev.endswith("-") and not prev_trailing_ws and len(prev) > 1:
        part = prev[:-1]
        comp = re.split(r"[\s\-‘'“(«/]", part)[-1]
        first = nxt[:1]
        if (first.islower() and comp and not any(c.isupper() or c.isdigit() for c in comp)
                and not (comp[-1].lower() in VOWELS and first.lower() in VOWELS)):
            return part + nxt          # bijeen-|komst -> bijeenkomst
        return prev + nxt              # NAVO-|Ministers, 15-|16, defensie-|industrie
    return prev + " " + nxt


def read_lines(raw):
    recs = []
    for line in raw.replace("\r", "").split("\n"):
        if any(f.match(line) for f in FURNITURE):
            recs.append(("FURN",))
        elif not line.strip():
            recs.append(("BLANK",))
        else:
            text = re.sub(r"\s+", " ", line.strip())
            recs.append(("LINE", text, line[0].isspace(), line != line.rstrip()))
    return recs


def clean(raw):
    recs = read_lines(raw)
    lines = [r for r in recs if r[0] == "LINE"]
    n = max(1, len(lines))
    blanks = sum(1 for r in recs if r[0] == "BLANK")
    followed = sum(1 for a, b in zip(recs, recs[1:]) if a[0] == "LINE" and b[0] == "BLANK")
    # double-spaced extraction: blank lines even inside sentences
    midbreaks = sum(1 for a, b, c in zip(recs, recs[1:], recs[2:])
                    if a[0] == "LINE" and b[0] == "BLANK" and c[0] == "LINE"
                    and not TERMINAL.search(a[1]) and (c[1][:1].islower() or c[1][:1].isdigit()))
    double = followed / n > 0.6 and midbreaks / n > 0.1
    dense = blanks / n < 0.05          # no blank lines between paragraphs
    lens = sorted(len(r[1]) for r in lines) or [80]
    width = lens[int(len(lens) * 0.9) - 1 if len(lens) > 1 else 0]

    def short(t):
        return len(t) <= 60 and len(t) < 0.7 * width

    blocks = []      # dicts: type, lines (list of (text, trailing_ws))
    footnotes = []   # (k, text)
    body_raw = ""    # body text so far, to check footnote markers
    fn_search = 0
    cur = None
    gap = False      # blank line(s) seen since last line
    pagebreak = False
    force_new = False
    i = 0
    while i < len(recs):
        r = recs[i]
        if r[0] == "BLANK":
            gap = True
            i += 1
            continue
        if r[0] == "FURN":
            pagebreak = True
            i += 1
            continue
        _, text, lead, trail = r
        # --- footnote?
        m = re.match(r"^(\d{1,2}) (\S.*)$", text)
        k = len(footnotes) + 1
        if m and not lead and int(m.group(1)) == k:
            mm = marker_re(k).search(body_raw, fn_search)
            if mm:
                fn_search = mm.end()
                ftext, ftrail = m.group(2), trail
                j = i + 1
                while j < len(recs):
                    q = recs[j]
                    if q[0] == "FURN":
                        break
                    if q[0] == "BLANK":
                        if double:
                            j += 1
                            continue
                        break
                    if q[2] or re.match(r"^%d \S" % (k + 1), q[1]):
                        break
                    ftext, ftrail = join(ftext, q[1], ftrail), q[3]
                    j += 1
                footnotes.append((k, ftext))
                pagebreak = True
                i = j
                continue
        body_raw += " " + text
        # --- new block or continuation?
        if cur is None:
            new = True
        else:
            prev, prev_trail = cur["lines"][-1]
            hyph = prev.endswith("-") and not prev_trail
            terminal = bool(TERMINAL.search(prev))
            is_item = bool(re.match(r"^(•|\d+\.\s)", text))
            heading_like = (len(cur["lines"]) == 1 and cur["type"] != "sig"
                            and (short(prev) or (prev.isupper() and len(prev) <= 100))
                            and not re.search(r"[.,;:\-]$", prev)
                            and (text[:1].isupper() or text[:1].isdigit() or text[:1] in "•«“‘"))
            nxt = next((q[1] for q in recs[i + 1:] if q[0] == "LINE"), "")
            head_here = (short(text) and not TERMINAL.search(text) and not text.endswith((",", "-"))
                         and text[:1].isupper() and (nxt[:1].isupper() or nxt[:1].isdigit()))
            upper = text[:1].isupper() or text[:1].isdigit() or text[:1] in "•«“‘"
            if force_new:
                new = True
            elif (cur["type"] == "sig" and len(cur["lines"]) == 1
                  and (prev.endswith(",") or prev.isupper()) and short(text)):
                new = False
            elif hyph:
                new = False
            elif gap and not double and not pagebreak:
                new = True
            elif heading_like:
                new = True
            elif (terminal or short(prev)) and (head_here or (text.isupper() and len(text) > 8)):
                new = True
            elif is_item and terminal:
                new = True
            elif lead or pagebreak:
                new = terminal and upper
            elif gap:  # double-spaced text
                new = terminal and upper and len(prev) < 0.75 * width
            elif dense:
                new = len(prev) < 0.75 * width and (terminal or upper)
            else:
                new = False
            if SIG.match(text) and short(text) and (text.endswith(",") or text.isupper()
                                                    or INITIALS.search(text)):
                new = True
        if new:
            cur = {"type": "para", "lines": [(text, trail)]}
            blocks.append(cur)
            force_new = False
            if SIG.match(text) and len(text) <= 70:
                cur["type"] = "sig"
                # "De Minister van X, A.B. Name" on one line ends the block
                force_new = not (text.endswith(",") or text.isupper())
        else:
            if cur["type"] == "sig":
                cur["lines"].append((text, trail))
                force_new = True
            else:
                t, tr = cur["lines"][-1]
                cur["lines"][-1] = (join(t, text, tr), trail)
        gap = pagebreak = False
        i += 1

    out = []
    for b in blocks:
        if b["type"] == "sig":
            out.append({"type": "sig", "lines": [t for t, _ in b["lines"]],
                        "text": " ".join(t for t, _ in b["lines"])})
            continue
        text = b["lines"][0][0]
        typ = "para"
        if text.startswith("• "):
            typ = "item"
        elif ((short(text) or (text.isupper() and len(text) <= 100))
              and not re.search(r"[.,;:\-]$", text)):
            typ = "heading"
        elif re.match(r"^\d+\.\s", text):
            typ = "item"
        out.append({"type": typ, "text": text})
    return out, footnotes


def letter_meta(ident, blocks):
    # A document not listed gets no invented date or subject: its letterhead says only what its
    # text does (a committee's report has no Datum line of the ministry's).
    datum, betreft, ref = META.get(ident, (None, None, "BS0000000000"))
    for b in blocks:
        m = re.search(r"Den Haag, (\d{1,2} (?:%s) \d{4})" % "|".join(MONTHS), b["text"])
        if m:
            datum = m.group(1)
            break
    return {"datum": datum, "betreft": betreft, "referentie": ref}


def esc(s):
    s = s.replace("\\", "\\e")
    if s[:1] in (".", "'"):
        s = "\\&" + s
    return s


def body_ms(blocks, footnotes, two_col_at):
    """Body paragraphs in -ms; footnote markers become \\** + .FS/.FE."""
    fns = list(footnotes)
    lines = []
    pos = (0, 0)  # (block index, char offset) where the search for the next marker starts
    # locate markers in the cleaned text, in order
    places = {}
    for k, ftext in fns:
        rx = marker_re(k)
        for bi in range(pos[0], len(blocks)):
            start = pos[1] if bi == pos[0] else 0
            m = rx.search(blocks[bi]["text"], start)
            if m:
                places.setdefault(bi, []).append((m.start(), m.end(), ftext))
                pos = (bi, m.end())
                break
        else:
            places.setdefault(len(blocks) - 1, []).append((None, None, ftext))
    for bi, b in enumerate(blocks):
        if bi == two_col_at:
            lines.append(".2C")
        t = b["type"]
        if t == "heading":
            lines += [".SH", esc(b["text"])]
            continue
        if t == "sig":
            lines += [".LP", ".nf"] + [esc(x) for x in b["lines"]] + [".fi"]
            continue
        text = b["text"]
        if t == "item":
            m = re.match(r"^(•|\d+\.)\s+(.*)$", text)
            label = "\\(bu" if m.group(1) == "•" else m.group(1)
            lines.append('.IP "%s" 2m' % label)
            text = m.group(2)
            shift = len(b["text"]) - len(text)
        else:
            lines.append(".LP")
            shift = 0
        last = 0
        for (s, e, ftext) in places.get(bi, []):
            if s is None:
                lines.append(esc(text[last:]) + "\\**" if text[last:] else "\\&\\**")
                last = len(text)
            else:
                s, e = s - shift, e - shift
                lines.append(esc(text[last:s].strip()) + "\\**")
                last = e
            lines += [".FS", esc(ftext), ".FE"]
        rest = text[last:].strip()
        if rest:
            lines.append(esc(rest))
    return lines


def letter_ms(meta, blocks, footnotes, two_col_at=None):
    L = [
        '.\\" generated by letter2ms.py',
        ".nr PO 2.5c", ".nr LL 14.5c", ".nr HM 2.2c", ".nr FM 2.5c",
        ".nr PS 10", ".nr VS 13", ".nr PD 0.5v", ".nr PI 0", ".nr HY 6",
        ".nr FL \\n[LL]*9/10", ".nr FPS 8", ".nr FVS 10",
        ".ds LH \\s-2Datum %s\\s0" % esc(meta["datum"]) if meta["datum"] else ".ds LH",
        ".ds CH",
        ".ds RH \\s-2Onze referentie %s\\s0" % esc(meta["referentie"]),
        ".ds LF", ".ds RF",
        ".if !d NPAGES .ds NPAGES ?",
        ".ds CF \\s-2Pagina \\\\n% van \\*[NPAGES]\\s0",
        ".LP",
        ".ad c",
        "\\f[B]\\s[14]Ministerie van Defensie\\s0\\f[P]",
        ".br",
        "\\s-2Rijksoverheid\\s0",
        ".ad b",
        ".sp 1.5v",
        ".nf",
        ".mk a",
        ".in 11c",
        ".ps -1",
        ".vs -2",
        "\\f[B]Ministerie van Defensie\\f[P]",
        "Plein 4",
        "MPC 58 B",
        "Postbus 20701",
        "2500 ES Den Haag",
        "www.defensie.nl",
        ".sp 0.5v",
        "\\f[B]Onze referentie\\f[P]",
        esc(meta["referentie"]),
        ".mk b",
        ".ps",
        ".vs",
        ".in 0",
        ".sp |\\n[a]u",
        "\\s-2> Retouradres Postbus 20701 2500 ES Den Haag\\s0",
        ".sp 0.5v",
        "De Voorzitter van de Tweede Kamer",
        "der Staten-Generaal",
        "Postbus 20018",
        "2500 EA  Den Haag",
        ".if \\n[b]>\\n[nl] .sp |\\n[b]u",
        ".sp 2v",
        ".fi",
        ".ta 2.5c",
        ".in 2.5c",
        ".ad l",
    ]
    for label in ("Datum", "Betreft"):
        if meta[label.lower()]:
            L += [".ti -2.5c", "\\f[B]%s\\f[P]\t%s" % (label, esc(meta[label.lower()])), ".br"]
    L += [
        ".in 0",
        ".ad b",
        ".sp 1.5v",
    ]
    L += body_ms(blocks, footnotes, two_col_at)
    return "\n".join(L) + "\n"


def main(argv):
    if len(argv) < 4:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    src, ident, outdir = argv[1], argv[2], argv[3]
    two = "--two-column" in argv
    raw = open(src, encoding="utf-8").read()
    blocks, footnotes = clean(raw)
    meta = letter_meta(ident, blocks)
    two_col_at = None
    if two:
        # two columns from the second heading on (or the middle of the letter)
        heads = [i for i, b in enumerate(blocks) if b["type"] == "heading" and i > 2]
        two_col_at = heads[1] if len(heads) > 1 else len(blocks) // 2
    with open("%s/%s.src.txt" % (outdir, ident), "w", encoding="utf-8") as f:
        parts = [b["text"] for b in blocks] + ["%d %s" % (k, t) for k, t in footnotes]
        f.write("\n\n".join(parts) + "\n")
    with open("%s/%s.src.json" % (outdir, ident), "w", encoding="utf-8") as f:
        json.dump({"id": ident, "letterhead": meta, "two_column_from_block": two_col_at,
                   "blocks": blocks,
                   "footnotes": [{"n": k, "text": t} for k, t in footnotes]},
                  f, ensure_ascii=False, indent=1)
        f.write("\n")
    with open("%s/%s.ms" % (outdir, ident), "w", encoding="utf-8") as f:
        f.write(letter_ms(meta, blocks, footnotes, two_col_at))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
