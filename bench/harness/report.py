"""The table of medians and ratios to native, and the call to the plotter."""
import math
import statistics
import subprocess
import sys

from .paths import BENCH
from .variants import LABELS, VARIANTS


def median(res, metric):
    return statistics.median(res[metric]) if res["status"] == "ok" and res[metric] else None


def ratios(results, metric):
    """{program: {variant: ratio to native}} for runs that succeeded."""
    out = {}
    for name, prog in results["programs"].items():
        base = median(prog["variants"].get("native", {"status": "missing"}), metric)
        out[name] = {}
        for v, res in prog["variants"].items():
            m = median(res, metric)
            if base and m:
                out[name][v] = m / base
    return out


def geomean(values):
    return math.exp(sum(map(math.log, values)) / len(values)) if values else None


def table(results, metric="wall"):
    variants = [v for v in VARIANTS if any(v in p["variants"] for p in results["programs"].values())]
    rat = ratios(results, metric)
    head = "| workload | " + " | ".join(LABELS[v] for v in variants) + " |"
    lines = [head, "|" + "---|" * (len(variants) + 1)]
    for name, prog in results["programs"].items():
        cells = []
        for v in variants:
            res = prog["variants"].get(v)
            if res is None:
                cells.append("–")
            elif res["status"] != "ok":
                cells.append(res["status"].upper())
            else:
                m = median(res, metric)
                r = rat[name].get(v)
                cells.append(f"{m:.3f}" + (f" ({r:.2f}×)" if v != "native" and r else ""))
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    for label, kinds in (("geomean, kernels", {"kernel"}), ("geomean, all", {"kernel", "real"})):
        names = [n for n, p in results["programs"].items() if p["kind"] in kinds]
        kernels = [n for n in names if results["programs"][n]["kind"] == "kernel"]
        if not kernels or (label.endswith("all") and len(names) == len(kernels)):
            continue  # no kernels, or no real programs: the row would be empty or repeated
        cells = []
        for v in variants:
            if v == "native-control":  # a few programs only: no geomean
                cells.append("–")
                continue
            vals = [rat[n][v] for n in names if v in rat[n]]
            g = geomean(vals)
            incomplete = "" if len(vals) == len(names) else f" of {len(vals)}"
            cells.append(f"{g:.2f}×{incomplete}" if g else "–")
        lines.append(f"| *{label}* | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def problems(results):
    out = []
    for name, prog in results["programs"].items():
        for v, res in prog["variants"].items():
            if res["status"] != "ok":
                out.append(f"- {name} / {v}: {res['status']}: {res['detail'].strip()}")
    return "\n".join(out)


TITLES = {
    "wall": "Median wall-clock seconds",
    "cpu": "Median CPU seconds (user + sys; node's include its compiler and GC threads)",
}


def render(results):
    """Both tables, the chosen metric first (the plot shows that one too)."""
    meta = results["meta"]
    first = meta.get("metric", "wall")
    second = "cpu" if first == "wall" else "wall"
    parts = [f"Machine: {meta['cpu_model']}, {meta['nproc']} CPUs, Linux {meta['kernel']}; "
             f"load average {meta['load_avg_at_start']:.1f} at start, "
             f"{meta.get('load_avg_at_end', float('nan')):.1f} at end; repository at {meta['git']}; "
             f"node {meta['node']}.", "", f"wasm2bin: {meta.get('wasm2bin', '?')}.", "",
             f"{TITLES[first]} of {meta['runs']} runs (ratio to native); {meta['mode']} mode, "
             f"target CPU {meta['target_cpu']}.", "", table(results, first), "",
             f"{TITLES[second]}:", "", table(results, second)]
    p = problems(results)
    if p:
        parts += ["", "Failures and mismatches (excluded from the geomeans):", "", p]
    return "\n".join(parts) + "\n"


def plot(results_json, png, log=print):
    """Runs plot.py with an interpreter that has matplotlib: this one, or
    Debian's python3 (where python3-matplotlib installs)."""
    script = BENCH / "harness/plot.py"
    for python in (sys.executable, "/usr/bin/python3"):
        probe = subprocess.run([python, "-c", "import matplotlib"], capture_output=True)
        if probe.returncode == 0:
            r = subprocess.run([python, script, results_json, png], capture_output=True, text=True)
            if r.returncode == 0:
                return True
            log(f"bench: plot failed: {r.stderr[-500:]}")
            return False
    log("bench: no python with matplotlib (apt-get install python3-matplotlib); no plot")
    return False
