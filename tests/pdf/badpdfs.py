#!/usr/bin/env python3
"""Hand-written PDFs: one tiny valid page (hello.pdf) and hostile ones.

usage: badpdfs.py OUTDIR GOOD.pdf [SCAN.pgm]
  OUTDIR/hello.pdf              valid 1-page PDF, text "Hallo wereld", exact xref
  OUTDIR/bad/truncated.pdf      GOOD.pdf cut in half (no xref, no trailer)
  OUTDIR/bad/bad-xref.pdf       GOOD.pdf with startxref pointing into garbage
  OUTDIR/bad/bomb.pdf           content stream inflating to 1 GiB of spaces
  OUTDIR/bad/nested.pdf         array nested 10,000 deep, page /Annots
  OUTDIR/bad/nested-dict.pdf    dict nested 10,000 deep, page /Annots [it]
  OUTDIR/bad/cyclic.pdf         page tree whose /Kids lead back to the root
  OUTDIR/bad/million-pages.pdf  /Count 1000000: 1000 Pages nodes x 1000 kids
                                (all the same page), in a compressed object
                                stream with an xref stream (PDF 1.5)
  OUTDIR/bad/million-pages-dag.pdf  /Count 1000000 as a DAG: root kids are one
                                Pages node 1000 times, which holds 1000 kids
  OUTDIR/bad/not-a-pdf.pdf      a text file
  OUTDIR/bad/empty.pdf          zero bytes
  OUTDIR/bad/scan.pdf           (if SCAN.pgm given) A4 page with only a
                                grey image, no text layer
Standard library only; deterministic output.
"""
import os
import struct
import sys
import zlib

HEADER = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def stream(data, extra=b"", compress=True):
    if compress:
        data = zlib.compress(data, 9)
        extra = b" /Filter /FlateDecode" + extra
    return (b"<< /Length %d%s >>\nstream\n" % (len(data), extra)) + data + b"\nendstream"


def pdf(objects, root=1, header=HEADER):
    """objects: list of bytes bodies, object i+1 = objects[i]. Classic xref."""
    out = bytearray(header)
    offs = []
    for i, body in enumerate(objects, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, xref)
    return bytes(out)


def page_objs(content, extra=b""):
    """1 Catalog, 2 Pages, 3 Page, 4 Font, 5 content."""
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R" + extra + b" >>",
        FONT,
        stream(content, compress=False),
    ]


def hello():
    content = b"BT /F1 24 Tf 72 750 Td (Hallo wereld) Tj ET\n"
    return pdf(page_objs(content))


def truncated(good):
    return good[: len(good) // 2]


def bad_xref(good):
    i = good.rindex(b"startxref")
    j = good.index(b"\n", i) + 1
    k = good.index(b"\n", j)
    old = good[j:k].strip()
    new = b"%d" % (len(good) // 3)      # into the middle of a binary stream
    new = new.rjust(len(old), b"0") if len(new) < len(old) else new
    return good[:j] + new + good[k:]


def bomb(size=1 << 30):
    c = zlib.compressobj(9)
    head = b"BT /F1 24 Tf 72 750 Td (Bom) Tj ET\n"
    parts = [c.compress(head)]
    chunk = b" " * (16 << 20)
    left = size - len(head)
    while left > 0:
        n = min(left, len(chunk))
        parts.append(c.compress(chunk[:n]))
        left -= n
    parts.append(c.flush())
    data = b"".join(parts)
    objs = page_objs(b"")
    objs[4] = (b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data)) + data + b"\nendstream"
    return pdf(objs)


def nested(kind, depth=10000):
    if kind == "array":
        deep = b"[" * depth + b"]" * depth
    else:
        deep = b"<< /A " * depth + b">>" * depth
    content = b"BT /F1 24 Tf 72 750 Td (Diep genest) Tj ET\n"
    # an array is a legal /Annots value; a dict goes inside one
    annots = b" /Annots 6 0 R" if kind == "array" else b" /Annots [6 0 R]"
    objs = page_objs(content, extra=annots)
    objs.append(deep)
    return pdf(objs)


def cyclic():
    content = b"BT /F1 24 Tf 72 750 Td (Kringloop) Tj ET\n"
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 3 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        FONT,
        stream(content, compress=False),
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 2 >>",  # back to the root
    ])


def million_dag():
    content = b"BT /F1 24 Tf 72 750 Td (Pagina) Tj ET\n"
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join([b"6 0 R"] * 1000) + b"] /Count 1000000 >>",
        b"<< /Type /Page /Parent 6 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        FONT,
        stream(content, compress=False),
        b"<< /Type /Pages /Parent 2 0 R /Kids [" + b" ".join([b"3 0 R"] * 1000)
        + b"] /Count 1000 >>",
    ])


def million_flat(nodes=1000, kids=1000):
    """Objects 1-5 plain; Pages nodes 7..(6+nodes) in object stream 6; xref stream last."""
    content = b"BT /F1 24 Tf 72 750 Td (Pagina) Tj ET\n"
    first_node = 7
    node_ids = list(range(first_node, first_node + nodes))
    plain = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % n for n in node_ids)
           + b"] /Count %d >>" % (nodes * kids),
        3: b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] " % first_node
           + b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        4: FONT,
        5: stream(content, compress=False),
    }
    kid_list = b"[" + b" ".join([b"3 0 R"] * kids) + b"]"
    bodies = [b"<< /Type /Pages /Parent 2 0 R /Kids " + kid_list + b" /Count %d >>" % kids
              for _ in node_ids]
    pos, offs = 0, []
    for b in bodies:
        offs.append(pos)
        pos += len(b) + 1
    index = b" ".join(b"%d %d" % (n, o) for n, o in zip(node_ids, offs)) + b"\n"
    objdata = index + b"\n".join(bodies) + b"\n"
    plain[6] = stream(objdata, extra=b" /Type /ObjStm /N %d /First %d" % (nodes, len(index)))
    xref_id = first_node + nodes
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for i in sorted(plain):
        offsets[i] = len(out)
        out += b"%d 0 obj\n" % i + plain[i] + b"\nendobj\n"
    xref_off = len(out)
    rows = [struct.pack(">BIH", 0, 0, 65535)]
    for i in range(1, xref_id + 1):
        if i in offsets:
            rows.append(struct.pack(">BIH", 1, offsets[i], 0))
        elif i == xref_id:
            rows.append(struct.pack(">BIH", 1, xref_off, 0))
        else:
            rows.append(struct.pack(">BIH", 2, 6, i - first_node))
    xdata = zlib.compress(b"".join(rows), 9)
    out += (b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d "
            b"/Filter /FlateDecode >>\nstream\n" % (xref_id, xref_id + 1, len(xdata)))
    out += xdata + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_off
    return bytes(out)


def scan(pgm):
    """Wrap a binary PGM (P5) as the only content of an A4 page."""
    data = open(pgm, "rb").read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    pos += 1
    assert fields[0] == b"P5", "need a binary PGM"
    w, h, maxv = int(fields[1]), int(fields[2]), int(fields[3])
    assert maxv == 255
    pixels = data[pos:pos + w * h]
    img = stream(pixels, extra=b" /Type /XObject /Subtype /Image /Width %d /Height %d "
                 b"/ColorSpace /DeviceGray /BitsPerComponent 8" % (w, h))
    content = b"q 595 0 0 842 0 0 cm /Im1 Do Q\n"
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
        stream(content, compress=False),
        img,
    ])


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out, good = argv[1], open(argv[2], "rb").read()
    bad = os.path.join(out, "bad")
    os.makedirs(bad, exist_ok=True)

    def w(name, data):
        with open(name, "wb") as f:
            f.write(data)

    w(os.path.join(out, "hello.pdf"), hello())
    w(os.path.join(bad, "truncated.pdf"), truncated(good))
    w(os.path.join(bad, "bad-xref.pdf"), bad_xref(good))
    w(os.path.join(bad, "bomb.pdf"), bomb())
    w(os.path.join(bad, "nested.pdf"), nested("array"))
    w(os.path.join(bad, "nested-dict.pdf"), nested("dict"))
    w(os.path.join(bad, "cyclic.pdf"), cyclic())
    w(os.path.join(bad, "million-pages.pdf"), million_flat())
    w(os.path.join(bad, "million-pages-dag.pdf"), million_dag())
    w(os.path.join(bad, "not-a-pdf.pdf"),
      "Dit is geen PDF maar een tekstbestand met de naam .pdf.\n"
      "Ministerie van Defensie, Den Haag.\n".encode("utf-8"))
    w(os.path.join(bad, "empty.pdf"), b"")
    if len(argv) > 3:
        w(os.path.join(bad, "scan.pdf"), scan(argv[3]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
