#!/usr/bin/env python3
"""plot.py results.json out.png: grouped bars of each variant's median time
relative to native, per workload, on a log axis (1.0 = native)."""
import json
import math
import statistics
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

COLOURS = {"wasm2bin-guard": "#1f77b4", "wasm2bin-explicit": "#7fb2e5",
           "wasm2c": "#ff7f0e", "node": "#2ca02c"}
LABELS = {"wasm2bin-guard": "wasm2bin -O2 (guard pages)",
          "wasm2bin-explicit": "wasm2bin -O2 (explicit checks)",
          "wasm2c": "wasm2c + clang-19 -O2", "node": "node 20 (V8)"}


def main(src, png):
    results = json.load(open(src))
    metric = results["meta"].get("metric", "wall")
    names = list(results["programs"])
    ratios = {v: [] for v in COLOURS}
    for name in names:
        vs = results["programs"][name]["variants"]
        base = vs.get("native")
        ok = lambda r: r and r["status"] == "ok" and r["wall"]
        for v in COLOURS:
            r = vs.get(v)
            ratios[v].append(statistics.median(r[metric]) / statistics.median(base[metric])
                             if ok(r) and ok(base) else math.nan)
    fig, ax = plt.subplots(figsize=(11, 4.5), dpi=100)
    width = 0.8 / len(COLOURS)
    for i, v in enumerate(COLOURS):
        xs = [k + (i - (len(COLOURS) - 1) / 2) * width for k in range(len(names))]
        ax.bar(xs, ratios[v], width, label=LABELS[v], color=COLOURS[v])
    ax.axhline(1.0, color="black", linewidth=0.8)
    ax.set_yscale("log")
    ax.set_ylabel("time / native clang -O2 (log)")
    ax.set_xticks(range(len(names)))
    ax.set_xticklabels(names)
    meta = results["meta"]
    what = "wall-clock" if metric == "wall" else "CPU (user+sys)"
    ax.set_title(f"wasm2bin benchmarks: median {what} time of {meta['runs']} runs relative to "
                 f"native ({meta['mode']} mode, {meta['cpu_model']})", fontsize=10)
    ax.legend(fontsize=8, ncol=2)
    # plain "1.5×" labels at round ratios instead of matplotlib's 10^x ones
    finite = [r for rs in ratios.values() for r in rs if r == r]
    lo, hi = min(finite + [1.0]), max(finite + [1.0])
    ticks = [t for t in (0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4, 6, 8, 12, 16, 32)
             if lo / 1.3 <= t <= hi * 1.3]
    ax.yaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    ax.set_yticks(ticks)
    ax.set_yticklabels([f"{t:g}×" for t in ticks])
    fig.tight_layout()
    fig.savefig(png)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
