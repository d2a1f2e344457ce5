#!/usr/bin/env python3
"""truncate.py WASM2BIN IN.wasm TMPDIR

Cuts IN.wasm short inside every section: just after the section id, inside
its size, after the size, in the middle of the payload and one byte before
its end (plus inside the header). The file then ends early, and the section
size says more bytes than are left. Then, for the cuts inside a payload,
"shrunk" files whose section size (re-encoded in 5 bytes) matches the cut:
the section ends in the middle of an entry. Compiles each file with WASM2BIN
and prints, per file,
    cut|shrink <offset> <section>: <error line, the file name replaced by F>
A shrunk custom section must still compile (its content is not checked);
otherwise the script fails if a compile succeeds, exits with a status other
than 1, prints anything but exactly one error line, or takes more than 60 s.
"""

import subprocess
import sys
from pathlib import Path

NAMES = ["custom", "type", "import", "function", "table", "memory", "global", "export",
         "start", "element", "code", "data", "datacount"]


def read_uleb(b, i):
    n = shift = 0
    while True:
        n |= (b[i] & 0x7F) << shift
        shift += 7
        i += 1
        if not b[i - 1] & 0x80:
            return n, i


def uleb5(n):
    return bytes([(n >> s & 0x7F) | 0x80 for s in (0, 7, 14, 21)] + [n >> 28])


def cuts(data):
    """(kind, offset, section name, bytes) for every cut file."""
    yield "cut", 0, "header", data[:0]
    yield "cut", 6, "header", data[:6]
    i = 8
    while i < len(data):
        sid = data[i]
        size, payload = read_uleb(data, i + 1)
        name = NAMES[sid]
        points = {i + 1, payload, payload + size // 2, payload + size - 1}
        if payload - (i + 1) > 1:
            points.add(i + 2)  # inside a multi-byte size
        for p in sorted(points):
            if i < p < len(data):
                yield "cut", p, name, data[:p]
        for p in sorted({payload + size // 2, payload + size - 1}):
            if payload < p < payload + size:
                yield "shrink", p, name, data[:i + 1] + uleb5(p - payload) + data[payload:p]
        i = payload + size


def main():
    wasm2bin, src, tmp = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    tmp.mkdir(parents=True, exist_ok=True)
    data = src.read_bytes()
    ok = True
    for kind, cut, section, cut_data in cuts(data):
        f = tmp / ("%s-%d.wasm" % (kind, cut))
        f.write_bytes(cut_data)
        try:
            proc = subprocess.run([wasm2bin, str(f), "-o", str(tmp / "out")],
                                  capture_output=True, text=True, timeout=60)
        except subprocess.TimeoutExpired:
            print("%s 0x%x %s: timeout" % (kind, cut, section))
            ok = False
            continue
        lines = proc.stderr.splitlines() + proc.stdout.splitlines()
        if kind == "shrink" and section == "custom" and proc.returncode == 0 and not lines:
            # A custom section's content is not validated: still a module.
            print("%s 0x%x %s: accepted" % (kind, cut, section))
            continue
        if proc.returncode != 1 or len(lines) != 1:
            print("%s 0x%x %s: exit %d, output %r"
                  % (kind, cut, section, proc.returncode, lines))
            ok = False
            continue
        print("%s 0x%x %s: %s" % (kind, cut, section, lines[0].replace(str(f), "F")))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
