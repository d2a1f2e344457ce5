#!/usr/bin/env python3
"""Compile time and peak memory of wasm2bin on a large generated module.

  python3 bench/large_module.py [--files 84] [--functions 500] [--wasm2bin PATH]

Generates a C program (bench/large/generate.py; 84 x 500 functions give a
.wasm of about 29 MB), builds it with clang-19 --target=wasm32-wasi -O2, then
times `wasm2bin -O0` and `wasm2bin -O2` on it (wall, CPU, peak RSS from
/usr/bin/time) and checks that both executables print what node prints.
Everything goes to bench/work/large/. It reports; it fails only if a build
or a check does.
"""
import argparse
import concurrent.futures
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness.paths import REPO, WORK  # noqa: E402
from large.generate import generate  # noqa: E402


def run(cmd, **kw):
    r = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kw)
    if r.returncode != 0:
        sys.exit(f"large_module: $ {' '.join(map(str, cmd))[:300]}\n{(r.stderr + r.stdout)[-2000:]}")
    return r


def timed(cmd):
    """(wall s, CPU s, peak RSS MiB) of one run, from GNU time."""
    r = run(["/usr/bin/time", "-f", "TIME %e %U %S %M", *cmd])
    line = [l for l in r.stderr.splitlines() if l.startswith("TIME ")][-1].split()
    return float(line[1]), float(line[2]) + float(line[3]), int(line[4]) / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--files", type=int, default=84)
    ap.add_argument("--functions", type=int, default=500, help="per file")
    ap.add_argument("--wasm2bin", default=REPO / "build/bin/wasm2bin")
    a = ap.parse_args()
    work = WORK / "large"
    src = work / "src"
    shutil.rmtree(src, ignore_errors=True)
    sources = generate(src, a.files, a.functions)

    clang = shutil.which("clang-19") or "clang-19"
    def compile_one(c):
        run([clang, "--target=wasm32-wasi", "--sysroot=/usr", "-O2", "-c", c, "-o", f"{c}.o"])
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count()) as pool:
        list(pool.map(compile_one, sources))
    wasm = work / "large.wasm"
    run(["wasm-ld-19", "-o", wasm, "/usr/lib/wasm32-wasi/crt1-command.o",
         *[f"{c}.o" for c in sources], "-L/usr/lib/wasm32-wasi", "-lc"])
    print(f"{wasm.name}: {wasm.stat().st_size:,} bytes, {a.files * a.functions:,} generated functions")

    expected = run(["node", REPO / "tools/node-wasi.mjs", wasm, "100"]).stdout
    print("| wasm2bin | wall (s) | CPU (s) | peak RSS (MiB) | executable (bytes) |")
    print("|---|---|---|---|---|")
    for opt in ("-O0", "-O2"):
        exe = work / f"large{opt}"
        wall, cpu, rss = timed([a.wasm2bin, opt, wasm, "-o", exe])
        if run([exe, "100"]).stdout != expected:
            sys.exit(f"large_module: {exe.name} does not print what node prints")
        print(f"| {opt} | {wall:.1f} | {cpu:.1f} | {rss:,.0f} | {exe.stat().st_size:,} |")


if __name__ == "__main__":
    main()
