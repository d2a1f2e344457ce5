#!/usr/bin/env python3
"""wasm2bin benchmarks: one command that builds every workload five ways
(native clang-19 -O2, wasm2bin -O2 with guard pages and with explicit checks,
wasm2c + clang-19 -O2, node; zstd also natively without the prefetch hints
and intrinsics its .wasm cannot have), runs them alternating, checks they agree,
prints a table of medians and ratios to native, draws a PNG, and measures
cold start, output size, compile cost and resident memory.

    bench/bench.py [--quick] [--runs N] [--only a,b] [--no-real] [--no-extras]

Results go to bench/work/results/<mode>/ (results.json, report.md, plot.png).
Benchmarks report; they never fail a build or a test.
"""
import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import extras, measure, packages, programs, report  # noqa: E402
from harness.paths import REPO, RESULTS  # noqa: E402
from harness.toolchain import BuildError, Toolchain  # noqa: E402
from harness.variants import build  # noqa: E402


def machine():
    cpu = "unknown"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    rev = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                         capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "compiler",
                            "runtime", "wasi-libc-shim"], capture_output=True, text=True).stdout
    return {"nproc": os.cpu_count(), "cpu_model": cpu, "kernel": platform.release(),
            "load_avg_at_start": os.getloadavg()[0],
            "git": rev + (" + uncommitted changes" if dirty.strip() else ""),
            "date": datetime.datetime.now().isoformat(timespec="seconds")}


def compiler_identity(path):
    """Which wasm2bin was measured: its --version and when it was built."""
    version = subprocess.run([path, "--version"], capture_output=True, text=True).stdout.strip()
    built = datetime.datetime.fromtimestamp(Path(path).stat().st_mtime)
    return f"{path} ({version}, built {built.isoformat(timespec='minutes')})"


def parse():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small inputs, 3 runs: for iteration")
    ap.add_argument("--runs", type=int, help="timed runs per variant (default 7, quick 3)")
    ap.add_argument("--only", help="comma-separated workloads to run")
    ap.add_argument("--no-real", action="store_true", help="skip the Debian source programs")
    ap.add_argument("--no-extras", action="store_true",
                    help="skip cold start, size, compile time and RSS")
    ap.add_argument("--wasm2bin", default=str(REPO / "build/bin/wasm2bin"),
                    help="the compiler to measure (default build/bin/wasm2bin)")
    ap.add_argument("--target-cpu", default="x86-64-v2",
                    help="x86-64-v2 (wasm2bin's default) or native, for every native variant")
    ap.add_argument("--wasm-opt", action="store_true",
                    help="let clang run binaryen's wasm-opt -O2 on the .wasm (off by default)")
    ap.add_argument("--metric", choices=["wall", "cpu"], default="wall",
                    help="which median leads the report and the plot; cpu (user+sys) is "
                         "steadier on a busy machine (default wall)")
    ap.add_argument("--rebuild", action="store_true", help="rebuild every variant")
    return ap.parse_args()


def main():
    a = parse()
    runs = a.runs or (3 if a.quick else 7)
    mode = "quick" if a.quick else "full"
    if not Path(a.wasm2bin).exists():
        sys.exit(f"bench: {a.wasm2bin} not found; build it first "
                 "(cmake -S . -B build -G Ninja && cmake --build build)")
    packages.ensure()
    tc = Toolchain(a.wasm2bin, a.target_cpu, a.wasm_opt)

    progs = programs.kernels()
    if not a.no_real:
        for name, make in programs.REAL.items():
            if a.only and name not in a.only.split(","):
                continue
            try:
                progs.append(make())
            except BuildError as e:
                print(f"bench: {name} skipped: {e}")
    if a.only:
        progs = [p for p in progs if p.name in a.only.split(",")]

    results = {"meta": {**machine(), "runs": runs, "mode": mode, "target_cpu": a.target_cpu,
                        "metric": a.metric,
                        "wasm_opt": a.wasm_opt, "command": " ".join(["bench/bench.py"] + sys.argv[1:]),
                        "wasm2bin": compiler_identity(a.wasm2bin),
                        "node": subprocess.run([tc.node, "--version"], capture_output=True,
                                               text=True).stdout.strip()},
               "programs": {}}
    print(f"bench: {mode} mode, {runs} runs, {len(progs)} workloads, "
          f"load average {results['meta']['load_avg_at_start']:.1f} on {os.cpu_count()} CPUs")

    built = {}
    for p in progs:
        built[p.name] = build(p, tc, force=a.rebuild)
    for p in progs:
        cmds = {v: c for v, (c, err) in built[p.name].items() if c}
        res = measure.measure(p, cmds, runs, a.quick)
        for v, (c, err) in built[p.name].items():
            if err:
                res[v] = {"wall": [], "cpu": [], "status": "build-error", "detail": err}
        results["programs"][p.name] = {"kind": p.kind, "variants": res}

    results["meta"]["load_avg_at_end"] = os.getloadavg()[0]
    if not a.no_extras:
        results["extras"] = run_extras(tc, progs, built, a)

    # a partial run (--only) must not overwrite the last complete one
    out = RESULTS / (mode if not a.only else f"{mode}-{a.only.replace(',', '-')}")
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=1))
    text = report.render(results)
    if "extras" in results:
        text += "\n" + extras.render(results["extras"])
    (out / "report.md").write_text(text)
    print("\n" + text)
    if report.plot(out / "results.json", out / "plot.png"):
        print(f"bench: plot in {(out / 'plot.png').relative_to(REPO)}")
    print(f"bench: results in {out.relative_to(REPO)}/")


def run_extras(tc, progs, built, a):
    ex = {}
    hello = programs.Program("hello", "kernel", sources=[REPO / "examples/hello/hello.c"])
    hb = build(hello, tc, force=a.rebuild)
    cmds = {v: c for v, (c, err) in hb.items() if c and v != "wasm2bin-explicit"}
    print("bench: cold start")
    ex["cold_start"] = extras.cold_start(cmds, a.quick)
    ex["hello_rss"] = extras.hello_rss(cmds)
    d = programs.build_dir(hello)
    hello_files = {"native": d / "native", "wasm2bin": d / "wasm2bin-guard",
                   "wasm2c": d / "wasm2c", ".wasm": d / "app.wasm"}
    ex["size_hello"] = extras.sizes({k: f for k, f in hello_files.items() if f.exists()}, tc.strip)
    # the largest module that wasm2bin compiled
    ok = [p for p in progs if built[p.name].get("wasm2bin-guard", (None,))[0]]
    if ok:
        largest = max(ok, key=lambda p: (programs.build_dir(p) / "app.wasm").stat().st_size)
        d = programs.build_dir(largest)
        ex["largest"] = largest.name
        ex["largest_wasm_bytes"] = (d / "app.wasm").stat().st_size
        files = {"native": d / "native", "wasm2bin": d / "wasm2bin-guard",
                 "wasm2c": d / "wasm2c", ".wasm": d / "app.wasm"}
        ex["size_largest"] = extras.sizes({k: f for k, f in files.items() if f.exists()}, tc.strip)
        print(f"bench: compile time on {largest.name}.wasm")
        ex["compile"] = extras.compile_cost(tc, d / "app.wasm", rounds=1 if a.quick else 3)
    return ex


if __name__ == "__main__":
    main()
