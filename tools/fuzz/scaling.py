#!/usr/bin/env python3
"""Measures how wasm2bin's compile time and peak memory grow with module size.

  scaling.py [--wasm2bin PATH] [--functions 250,500,1000,...] [--opt 2]
             [--work DIR]

For each count N, writes a C program of N distinct functions (loops, a
switch, arithmetic on a global array, calls to neighbours; all reachable
through a table of function pointers so that none is dropped), compiles it
with `clang-19 --target=wasm32-wasi -O2 -s` to a WASI command, then times
`wasm2bin -O<opt>` on it (code generation uses one thread per core) with
wait4()'s resource usage: wall time, CPU time (user+sys, all threads) and
peak resident set. Prints a Markdown table
with the per-phase times from `wasm2bin -v` and the cost per KiB of input,
so linear growth shows as a flat last column.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent


def c_program(n):
    out = ["#include <stdio.h>", "#include <stdlib.h>",
           "static unsigned buf[4096];", "typedef unsigned (*fn)(unsigned);"]
    for i in range(n):
        a, b, c = (i * 2654435761) % 97 + 3, (i * 40503) % 31 + 1, i % 7
        call = "f%d(x ^ %d)" % (i - 1, i) if i and i % 3 else "x * %d" % a
        out.append("""__attribute__((noinline)) unsigned f%d(unsigned x) {
  unsigned s = %d;
  for (unsigned k = 0; k < (x & 15) + %d; ++k) {
    switch ((s + k) %% 5) {
    case 0: s += buf[(x + k * %d) & 4095] * %d; break;
    case 1: s ^= s >> %d; buf[(s + k) & 4095] = s; break;
    case 2: s = s * 1664525u + 1013904223u; break;
    case 3: s -= (x << %d) | (k >> 1); break;
    default: s += k * k + %d;
    }
  }
  return s + %s;
}""" % (i, a, b, c + 1, a, b % 13 + 1, c + 1, i, call))
    out.append("static const fn table[%d] = {%s};" % (n, ", ".join("f%d" % i for i in range(n))))
    out.append("""int main(int argc, char **argv) {
  unsigned s = (unsigned)argc;
  for (int i = 0; i < %d; ++i) s += table[(s + (unsigned)i) %% %d](s);
  printf("%%u\\n", s);
  return 0;
}""" % (n, n))
    return "\n".join(out) + "\n"


def measure(cmd):
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    out, err = proc.stdout.read(), proc.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("failed: %s\n%s" % (" ".join(cmd), err))
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, err


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--wasm2bin", default=str(REPO / "build" / "bin" / "wasm2bin"))
    p.add_argument("--clang", default="clang-19")
    p.add_argument("--functions", default="250,500,1000,2000,4000,8000")
    p.add_argument("--opt", default="2")
    p.add_argument("--work", help="keep the generated files here")
    args = p.parse_args()
    tmp = None
    if args.work:
        work = Path(args.work)
        work.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="w2b-scaling-")
        work = Path(tmp.name)

    print("| functions | .wasm KiB | wall s | CPU s | peak RSS MiB | decode+validate ms "
          "| lower ms | optimize ms | codegen ms | partitions ms | link ms | CPU ms/KiB | RSS KiB/KiB |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in [int(x) for x in args.functions.split(",")]:
        c, wasm, exe = work / ("p%d.c" % n), work / ("p%d.wasm" % n), work / ("p%d" % n)
        c.write_text(c_program(n))
        subprocess.run([args.clang, "--target=wasm32-wasi", "--sysroot=/usr", "-O2", "-s",
                        str(c), "-o", str(wasm)], check=True)
        kib = wasm.stat().st_size / 1024
        cmd = [args.wasm2bin, "-v", "-O" + args.opt, str(wasm), "-o", str(exe)]
        wall, cpu, rss, err = measure(cmd)
        phases = dict((m.group(1), float(m.group(2)))
                      for m in re.finditer(r"wasm2bin: (\w+)\s+([\d.]+) ms", err))
        check = subprocess.run([str(exe)], capture_output=True, text=True)
        if check.returncode != 0:
            sys.exit("the compiled program failed: %s" % check.stderr)
        print("| %d | %.0f | %.2f | %.2f | %.0f | %.1f | %.0f | %.0f | %.0f | %.0f | %.0f | %.1f | %.0f |" % (
            n, kib, wall, cpu, rss, phases.get("decode", 0) + phases.get("validate", 0),
            phases.get("lower", 0), phases.get("optimize", 0), phases.get("codegen", 0),
            phases.get("partitions", 0),
            phases.get("link", 0), cpu * 1000 / kib, rss * 1024 / kib), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
