"""Runs the variants of each program, alternating, and checks their output.

Per program: one warm-up run of every variant (page cache, node's code
cache), then `runs` rounds; each round runs every variant once, starting at a
different variant each round so none always runs first after the previous
program. For each run we record wall-clock time (perf_counter around the
process) and CPU time (user + sys of the child, from RUSAGE_CHILDREN deltas;
node's background compiler and GC threads count here). Output lines matching
the program's check pattern must equal the native build's.
"""
import re
import resource
import statistics
import subprocess
import time

TIMEOUT = 600


def run_once(cmd, stdin_path):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    with open(stdin_path or "/dev/null", "rb") as stdin:
        try:
            r = subprocess.run([str(c) for c in cmd], stdin=stdin, capture_output=True,
                               timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            return {"wall": None, "cpu": None, "status": "timeout", "stdout": "", "stderr": ""}
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "status": r.returncode,
            "stdout": r.stdout.decode(errors="replace"),
            "stderr": r.stderr.decode(errors="replace")}


def checked_lines(stdout, pattern):
    return [line.strip() for line in stdout.splitlines() if re.search(pattern, line)]


def measure(prog, commands, runs, quick, log=print):
    """commands: {variant: argv prefix}. Returns {variant: result dict}."""
    args = prog.run_args(quick)
    variants = list(commands)
    res = {v: {"wall": [], "cpu": [], "status": "ok", "detail": ""} for v in variants}
    expected = None

    def record(v, r, keep):
        nonlocal expected
        if res[v]["status"] != "ok":
            return
        if r["status"] != 0:
            res[v]["status"] = "failed"
            res[v]["detail"] = f"exit {r['status']}: {r['stderr'].strip()[-400:]}"
            return
        lines = checked_lines(r["stdout"], prog.check)
        if expected is None:  # the first good run: native's, unless it failed
            expected = lines
        if not lines or lines != expected:
            res[v]["status"] = "mismatch"
            res[v]["detail"] = f"printed {lines[:3]}, reference {expected[:3]}"
            return
        if keep:
            res[v]["wall"].append(r["wall"])
            res[v]["cpu"].append(r["cpu"])

    # native first in the warm-up, so its output is the reference
    order = sorted(variants, key=lambda v: v != "native")
    for v in order:
        record(v, run_once(commands[v] + args, prog.stdin), keep=False)
    for i in range(runs):
        rot = variants[i % len(variants):] + variants[:i % len(variants)]
        for v in rot:
            if res[v]["status"] == "ok":
                record(v, run_once(commands[v] + args, prog.stdin), keep=True)
    for v in variants:
        if res[v]["status"] == "ok":
            med = statistics.median(res[v]["wall"])
            log(f"  {prog.name:8} {v:18} median {med:8.3f} s")
        else:
            log(f"  {prog.name:8} {v:18} {res[v]['status'].upper()}: {res[v]['detail'][:200]}")
    return res
