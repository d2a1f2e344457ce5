#!/usr/bin/env python3
"""Builds the fuzzers' seed corpus from the spec testsuite.

Every top-level *.wast of the testsuite goes through wast2json; the binary
modules it writes (valid ones, and the binary assert_invalid/assert_malformed
ones) are copied into OUT, named by their SHA-1, so running the script twice
or over several testsuite versions never duplicates a seed. Files wast2json
cannot convert (Wasm 3.0 syntax) are skipped.

  make_corpus.py [--testsuite DIR] [--max N] OUT

--max N keeps N seeds, a deterministic sample spread over all files (the
smoke test uses it so that loading the corpus stays within its budget).
Exits 77 (ctest's skip code) if the testsuite or wast2json is missing.
"""

import argparse
import concurrent.futures
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT_TESTSUITE = Path(__file__).resolve().parents[3] / "shared" / "testsuite"
SKIP = 77


def modules_of(wast, tmp):
    """Binary modules wast2json writes for one .wast file."""
    out = Path(tmp) / wast.stem
    out.mkdir()
    proc = subprocess.run(["wast2json", "--enable-all", str(wast), "-o", str(out / "t.json")],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if proc.returncode != 0:
        proc = subprocess.run(["wast2json", str(wast), "-o", str(out / "t.json")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if proc.returncode != 0:
            return []
    return [p.read_bytes() for p in sorted(out.glob("*.wasm"))]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("out")
    p.add_argument("--testsuite", default=str(DEFAULT_TESTSUITE))
    p.add_argument("--max", type=int, default=0, help="keep at most N seeds")
    args = p.parse_args()

    suite = Path(args.testsuite)
    if not suite.is_dir() or not shutil.which("wast2json"):
        print("make_corpus: no testsuite at %s or no wast2json; skipped" % suite)
        return SKIP
    wasts = sorted(suite.glob("*.wast"))
    seeds = {}
    with tempfile.TemporaryDirectory() as tmp, \
            concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        for mods in pool.map(lambda w: modules_of(w, tmp), wasts):
            for m in mods:
                seeds.setdefault(hashlib.sha1(m).hexdigest(), m)
    names = sorted(seeds)
    if args.max and len(names) > args.max:
        step = len(names) / args.max
        names = [names[int(i * step)] for i in range(args.max)]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for n in names:
        (out / n).write_bytes(seeds[n])
    total = sum(len(seeds[n]) for n in names)
    print("make_corpus: %d seeds (%d bytes) from %d .wast files in %s"
          % (len(names), total, len(wasts), out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
