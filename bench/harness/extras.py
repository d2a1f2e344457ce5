"""The measurements besides steady-state speed: cold start, output size,
compile time and peak memory, resident memory of a running hello."""
import json
import re
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

from .paths import WORK
from .variants import LABELS

TIME_FMT = "%e %U %S %M"  # wall s, user s, sys s, max RSS KiB


def timed(cmd, cwd=None):
    """Runs cmd under /usr/bin/time; returns (wall, cpu, max_rss_kib, stderr)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as f:
        r = subprocess.run(["/usr/bin/time", "-o", f.name, "-f", TIME_FMT,
                            *map(str, cmd)], capture_output=True, text=True, cwd=cwd)
        if r.returncode != 0:
            raise RuntimeError(f"{cmd[0]} failed: {r.stderr[-1000:]}")
        wall, user, sys_, rss = f.read().split()[-4:]
    return float(wall), float(user) + float(sys_), int(rss), r.stderr


def cold_start(commands, quick, log=print):
    """hyperfine, no shell (-N): exec to exit of each hello, mean and stddev."""
    out = {}
    fast = {v: c for v, c in commands.items() if v != "node"}
    groups = [(fast, 30 if quick else 300)]
    if "node" in commands:
        groups.append(({"node": commands["node"]}, 5 if quick else 30))
    for group, runs in groups:
        with tempfile.NamedTemporaryFile("r", suffix=".json") as f:
            cmd = ["hyperfine", "-N", "--warmup", "5" if quick else "20", "--runs", str(runs),
                   "--export-json", f.name, "--style", "none"]
            for v, c in group.items():
                cmd += ["-n", v, " ".join(map(str, c))]
            subprocess.run(cmd, check=True, capture_output=True)
            for r in json.load(open(f.name))["results"]:
                out[r["command"]] = {"mean_ms": r["mean"] * 1e3, "stddev_ms": r["stddev"] * 1e3,
                                     "median_ms": r["median"] * 1e3, "min_ms": r["min"] * 1e3,
                                     "runs": runs}
    return out


def hello_rss(commands, repeats=5):
    """Max RSS (KiB) of a running hello, median of a few runs."""
    out = {}
    for v, c in commands.items():
        out[v] = statistics.median(timed(c)[2] for _ in range(repeats))
    return out


def sizes(files, strip):
    """Bytes of each file as built and after llvm-strip --strip-all."""
    out = {}
    tmp = WORK / "strip.tmp"
    for label, path in files.items():
        shutil.copyfile(path, tmp)
        subprocess.run([strip, "--strip-all", tmp], check=True, capture_output=True)
        out[label] = {"bytes": Path(path).stat().st_size, "stripped": tmp.stat().st_size}
    tmp.unlink()
    return out


def compile_cost(tc, wasm, rounds=3, log=print):
    """wasm2bin -O0 and -O2 vs wasm2c + clang-19 -O2 on one module. The three
    run `rounds` times, alternating and starting from a different one each
    round, because this machine's speed drifts by ±15 % from minute to
    minute; each gets its run of median wall time (with that run's CPU time,
    peak memory and phases)."""
    d = WORK / "compile-time"
    d.mkdir(parents=True, exist_ok=True)

    def wasm2bin(opt):
        cmd = [tc.wasm2bin, wasm, "-o", d / "out", opt, f"--target-cpu={tc.target_cpu}", "-v"]
        wall, cpu, rss, err = timed(cmd)
        return {"wall": wall, "cpu": cpu, "max_rss_kib": rss,
                "phases": re.findall(r"wasm2bin: (\w+)\s+([\d.]+) ms", err)}

    def wasm2c():
        total = {"wall": 0.0, "cpu": 0.0, "max_rss_kib": 0, "phases": []}
        for cmd in tc.wasm2c_commands(wasm, d / "wasm2c-src", d / "out-wasm2c"):
            wall, cpu, rss, _ = timed(cmd)
            total["wall"] += wall
            total["cpu"] += cpu
            total["max_rss_kib"] = max(total["max_rss_kib"], rss)
            total["phases"].append([Path(str(cmd[0])).name, f"{wall * 1e3:.0f}"])
        return total

    compilers = {"wasm2bin -O0": lambda: wasm2bin("-O0"), "wasm2bin -O2": lambda: wasm2bin("-O2"),
                 "wasm2c + clang-19 -O2": wasm2c}
    names = list(compilers)
    runs = {name: [] for name in names}
    for i in range(rounds):
        for name in names[i % len(names):] + names[:i % len(names)]:
            r = compilers[name]()
            runs[name].append(r)
            log(f"  {name}: {r['wall']:.2f} s wall, {r['cpu']:.2f} s cpu, "
                f"{r['max_rss_kib'] / 1024:.0f} MiB")
    out = {}
    for name, rs in runs.items():
        out[name] = {**sorted(rs, key=lambda r: r["wall"])[len(rs) // 2],
                     "walls": [r["wall"] for r in rs]}
    return out


def render(extras):
    lines = []
    if "cold_start" in extras:
        lines += ["Cold start of hello (exec to exit, hyperfine -N):", "",
                  "| variant | mean ± σ (ms) | median (ms) | min (ms) | runs |",
                  "|---|---|---|---|---|"]
        for v, r in extras["cold_start"].items():
            lines.append(f"| {LABELS.get(v, v)} | {r['mean_ms']:.3f} ± {r['stddev_ms']:.3f} | "
                         f"{r['median_ms']:.3f} | {r.get('min_ms', float('nan')):.3f} | "
                         f"{r['runs']} |")
        lines.append("")
    if "hello_rss" in extras:
        lines += ["Max RSS of a running hello (/usr/bin/time, median of 5):", "",
                  "| variant | max RSS (KiB) |", "|---|---|"]
        for v, kib in extras["hello_rss"].items():
            lines.append(f"| {LABELS.get(v, v)} | {kib:.0f} |")
        lines.append("")
    for key, title in (("size_hello", "hello"), ("size_largest", extras.get("largest", ""))):
        if key in extras:
            lines += [f"Output size, {title} (bytes):", "",
                      "| file | as built | stripped |", "|---|---|---|"]
            for label, s in extras[key].items():
                lines.append(f"| {label} | {s['bytes']:,} | {s['stripped']:,} |")
            lines.append("")
    if "compile" in extras:
        rounds = len(next(iter(extras["compile"].values())).get("walls", [None]))
        lines += [f"Compile time and peak memory on {extras['largest']}.wasm "
                  f"({extras['largest_wasm_bytes']:,} bytes with DWARF and names), "
                  f"the run of median wall time of {rounds}, alternating:", "",
                  "| compiler | wall (s) | CPU (s) | peak RSS (MiB) | phases (ms) |",
                  "|---|---|---|---|---|"]
        for label, c in extras["compile"].items():
            phases = ", ".join(f"{k} {v}" for k, v in c["phases"])
            walls = c.get("walls", [])
            each = f" ({', '.join(f'{w:.1f}' for w in walls)})" if len(walls) > 1 else ""
            lines.append(f"| {label} | {c['wall']:.2f}{each} | {c['cpu']:.2f} | "
                         f"{c['max_rss_kib'] / 1024:.0f} | {phases} |")
        lines.append("")
    return "\n".join(lines)
