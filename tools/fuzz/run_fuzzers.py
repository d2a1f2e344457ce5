#!/usr/bin/env python3
"""Runs wasm2bin's libFuzzer targets for a time budget.

  run_fuzzers.py [--build DIR] [--target decode|compile|all] [--seconds N]
                 [--jobs N] [--corpus DIR] [--seeds DIR] [--max-seeds N]

For each target, w2b-fuzz-<target> from DIR/bin (a build configured with
-DW2B_FUZZ=ON, see README.md) runs for --seconds seconds of fuzzing (plus
the time to load the corpus) in --jobs parallel processes (libFuzzer's
-fork mode when > 1). New inputs go to <corpus>-<target>/, which starts from
the seed corpus; make_corpus.py builds the seeds from the spec testsuite when
--seeds does not exist yet. Crashes, timeouts (an input running over 10 s for
decode, 60 s for compile), leaks and out-of-memory inputs (2.5 GiB) are
written to --artifacts; so are inputs slower than 10 s that finished
("slow-unit-*", listed but not failures).

Prints one line per target: runs, executions per second, coverage, CPU
seconds, and the artifacts found. Exits 1 if a target found anything,
77 if there are no seeds (no testsuite or wast2json).
"""

import argparse
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SKIP = 77

# Per input: 10 s (decode), 60 s (compile at -O2 with ASan); resident memory
# 2.5 GiB. Inputs are at most 64 KiB, which covers the spec modules.
LIMITS = {
    "decode": ["-timeout=10", "-rss_limit_mb=2560", "-max_len=65536"],
    "compile": ["-timeout=60", "-rss_limit_mb=2560", "-max_len=65536"],
}


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_target(args, target, seeds, artifacts):
    exe = Path(args.build) / "bin" / ("w2b-fuzz-" + target)
    if not exe.exists():
        sys.exit("run_fuzzers: %s not found; build it first (see %s)"
                 % (exe, HERE / "README.md"))
    corpus = Path("%s-%s" % (args.corpus, target))
    corpus.mkdir(parents=True, exist_ok=True)
    artifacts.mkdir(parents=True, exist_ok=True)
    cmd = [str(exe), *LIMITS[target], "-max_total_time=%d" % args.seconds,
           "-print_final_stats=1", "-artifact_prefix=%s/%s-" % (artifacts, target)]
    if args.jobs > 1 or args.keep_going:
        # Fork mode: -jobs processes; with --keep-going a crash is saved and
        # fuzzing goes on (for long runs that should outlive a known bug).
        cmd.append("-fork=%d" % args.jobs)
        if args.keep_going:
            cmd += ["-ignore_crashes=1", "-ignore_timeouts=1", "-ignore_ooms=1"]
    dictionary = HERE / "wasm.dict"
    if dictionary.exists():
        cmd.append("-dict=%s" % dictionary)
    cmd += [str(corpus), str(seeds)]
    before = set(artifacts.iterdir())
    cpu0, t0 = children_cpu(), time.time()
    log_path = artifacts / ("%s.log" % target)
    with open(log_path, "w") as log:
        proc = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT)
    cpu, wall = children_cpu() - cpu0, time.time() - t0
    text = log_path.read_text(errors="replace")
    new = sorted(f for f in set(artifacts.iterdir()) - before
                 if f.name.startswith(target + "-"))
    # slow-unit-* inputs took over 10 s but finished: reported, not failures.
    slow = [f for f in new if "slow-unit-" in f.name]
    found = [f for f in new if f not in slow]
    runs = re.findall(r"stat::number_of_executed_units:\s*(\d+)", text)
    if not runs:  # fork mode prints "#<runs>: cov: ..." lines instead
        runs = re.findall(r"^#(\d+): cov", text, re.M)[-1:]
    cov = re.findall(r"cov: (\d+) ft: (\d+)", text)
    nruns = sum(int(r) for r in runs) if runs else 0
    print("%-8s %9d runs  %7.0f exec/s  cov %s ft %s  %.1f CPU-min  %.0f s wall  %s"
          % (target, nruns, nruns / max(wall, 1e-9),
             cov[-1][0] if cov else "?", cov[-1][1] if cov else "?",
             cpu / 60, wall,
             "artifacts: " + " ".join(str(f) for f in found) if found else "no crashes"))
    for f in slow:
        print("%-8s slow input (over 10 s, not a failure): %s" % (target, f))
    if proc.returncode != 0 or found:
        tail = "\n".join(text.splitlines()[-40:])
        print("---- %s: exit %d, last lines of %s ----\n%s"
              % (target, proc.returncode, log_path, tail))
        return False
    return True


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--build", default=str(REPO / "build-fuzz"),
                   help="build directory configured with -DW2B_FUZZ=ON")
    p.add_argument("--target", default="all", choices=["decode", "compile", "all"])
    p.add_argument("--seconds", type=int, default=60,
                   help="fuzzing time per target, after loading the corpus")
    p.add_argument("--jobs", type=int, default=1, help="parallel fuzzing processes")
    p.add_argument("--keep-going", action="store_true",
                   help="save crashes and go on fuzzing (libFuzzer fork mode)")
    p.add_argument("--seeds", default=str(HERE / "corpus"),
                   help="seed corpus (built by make_corpus.py if missing)")
    p.add_argument("--max-seeds", type=int, default=0,
                   help="when building the seeds, keep at most N")
    p.add_argument("--corpus", default=str(HERE / "corpus"),
                   help="prefix of the per-target working corpora")
    p.add_argument("--artifacts", default=str(HERE / "artifacts"))
    args = p.parse_args()

    seeds = Path(args.seeds)
    if not seeds.is_dir() or not any(seeds.iterdir()):
        cmd = [sys.executable, str(HERE / "make_corpus.py"), str(seeds)]
        if args.max_seeds:
            cmd += ["--max", str(args.max_seeds)]
        rc = subprocess.run(cmd).returncode
        if rc != 0:
            return rc
    targets = ["decode", "compile"] if args.target == "all" else [args.target]
    ok = all([run_target(args, t, seeds, Path(args.artifacts)) for t in targets])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
