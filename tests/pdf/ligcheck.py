#!/usr/bin/env python3
"""Count ligature glyphs (fi, fl, ff, ffi, ffl) shown by a PDF made with groff.

usage: ligcheck.py FILE.pdf
Reads each font's /Differences (code -> glyph name), inflates the FlateDecode
content streams and counts the string bytes of Tj/TJ operands whose code maps
to a ligature glyph. Prints e.g. "fi=12 fl=3". Standard library only; meant for
the simple PDFs that gropdf writes (not a general PDF parser).
"""
import re
import sys
import zlib

LIGS = ("fi", "fl", "ff", "ffi", "ffl")


def diff_codes(data):
    codes = {}
    for m in re.finditer(rb"/Differences\s*\[(.*?)\]", data, re.S):
        code = 0
        for tok in re.findall(rb"\d+|/[^\s/\[\]]+", m.group(1)):
            if tok[:1] == b"/":
                name = tok[1:].decode("latin-1")
                if name in LIGS:
                    codes[code] = name
                code += 1
            else:
                code = int(tok)
    return codes


def strings(content):
    """Byte strings of (…) and <…> operands in a content stream."""
    out = []
    i, n = 0, len(content)
    while i < n:
        c = content[i:i + 1]
        if c == b"(":
            depth, j, buf = 1, i + 1, bytearray()
            while j < n and depth:
                ch = content[j:j + 1]
                if ch == b"\\":
                    nx = content[j + 1:j + 2]
                    if nx.isdigit():
                        k = j + 1
                        while k < min(j + 4, n) and content[k:k + 1].isdigit():
                            k += 1
                        buf.append(int(content[j + 1:k], 8) & 255)
                        j = k
                        continue
                    buf += {b"n": b"\n", b"r": b"\r", b"t": b"\t"}.get(nx, nx)
                    j += 2
                    continue
                if ch == b"(":
                    depth += 1
                elif ch == b")":
                    depth -= 1
                    if not depth:
                        break
                buf += ch
                j += 1
            out.append(bytes(buf))
            i = j + 1
        elif c == b"<" and content[i:i + 2] != b"<<":
            j = content.find(b">", i)
            hx = re.sub(rb"\s", b"", content[i + 1:j])
            if len(hx) % 2:
                hx += b"0"
            out.append(bytes.fromhex(hx.decode()))
            i = j + 1
        else:
            i += 1
    return out


def main(path):
    data = open(path, "rb").read()
    codes = diff_codes(data)
    counts = dict.fromkeys(LIGS, 0)
    for m in re.finditer(rb"/FlateDecode.*?stream\r?\n", data, re.S):
        start = m.end()
        end = data.find(b"endstream", start)
        try:
            content = zlib.decompress(data[start:end].rstrip(b"\r\n"))
        except zlib.error:
            continue
        if b"Tj" not in content and b"TJ" not in content:
            continue
        for s in strings(content):
            for b in s:
                if b in codes:
                    counts[codes[b]] += 1
    print(" ".join("%s=%d" % (k, v) for k, v in counts.items()))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
