#!/usr/bin/env python3
"""Differential execution fuzzing of wasm2bin against reference interpreters.

  diff_fuzz.py [--seconds N | --count N] [--seed S] [--generator ttf|gen|both]
               [--configs O0-guard,O2-explicit,...] [--wasm2bin PATH] [--reduce]
  diff_fuzz.py --check M.wasm --reference binaryen|wabt --configs CFG

Each iteration makes one random valid module:
  ttf  Binaryen's `wasm-opt -ttf` on random bytes (Wasm 2.0 features that
       Binaryen 108 implements as specified: SIMD, bulk memory, multi-value,
       sign extension, saturating conversions, mutable globals), with
       `--denan` so that no NaN, whose bits Wasm leaves nondeterministic,
       reaches the results. Reference: `wasm-opt --fuzz-exec-before`.
  gen  gen_module.py (traps, tables, bulk memory, multi-value, br_table,
       ...). Reference: wabt's `wasm-interp --run-all-exports`.
Modules that wabt's wasm-validate rejects are skipped (counted).

The module is compiled by wasm2bin in library mode in every configuration
(-O0/-O2 x --bounds-checks=guard/explicit, and -O2 guard in two partitions),
linked with diff_driver.c, and run; the driver calls every export in order
with zero arguments, like the references. Results (integers exactly, floats
bit for bit with any NaN equal to any NaN, v128 exactly but for NaN payloads
in f32x4 or f64x2 lanes, references null or not), host calls with their
arguments, traps (by kind: the references word their messages differently) and
instantiation traps must agree. When the reference reports its own limit
(Binaryen's "stack limit" at a depth of a few hundred calls, wabt's call
stack), the comparison stops there.

Mismatches that match a known, reported bug (KNOWN_ISSUES: the config and
the reference's outcome where the first difference appears) are counted
and listed apart and do not fail the run unless --strict is given.

A mismatch, a compile failure, a crash or a hang is written to
--artifacts/diff-<generator>-<seed>/ (module, outputs, report) and, with
--reduce, minimised with wasm-reduce into reduced.wasm. Prints a summary
line; exits 1 if anything was found, 77 if wasm-opt or wasm-interp is
missing.

--check runs one module in the given configurations and prints
"interesting" (exit 0) if any disagrees with the reference, else "boring"
(exit 1): the test command for wasm-reduce.
"""

import argparse
import hashlib
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SKIP = 77

# "-split": compiled in two partitions however small the module
# (--jobs 2 --partition-min-bytes 0, backend/Partitions.cpp).
ALL_CONFIGS = ["O0-guard", "O0-explicit", "O2-guard", "O2-explicit", "O2-guard-split"]
TTF_FEATURES = ["--enable-sign-ext", "--enable-mutable-globals",
                "--enable-nontrapping-float-to-int", "--enable-simd",
                "--enable-bulk-memory", "--enable-multivalue"]
COMPILE_TIMEOUT = 300
RUN_TIMEOUT = 30

# Trap kinds. Each reference words its messages differently; all map to one
# of these (None: cannot tell, any trap matches).
OURS_TRAPS = {
    "unreachable executed": "unreachable",
    "integer divide by zero": "div0",
    "integer overflow": "overflow",
    "invalid conversion to integer": "conversion",
    "out of bounds memory access": "memory",
    "out of bounds table access": "table",
    "undefined element": "undefined",
    "uninitialized element": "uninitialized",
    "indirect call type mismatch": "signature",
    "call stack exhausted": "stack",
}
REF_TRAP_PATTERNS = [
    (r"stack limit|call stack exhausted", "stack"),
    (r"unreachable", "unreachable"),
    (r"by 0|divide by zero", "div0"),
    (r"of nan|invalid conversion", "conversion"),
    (r"overflow", "overflow"),
    (r"memory", "memory"),
    (r"uninitialized", "uninitialized"),
    (r"undefined table index|callTable overflow|undefined element", "undefined"),
    (r"signature mismatch|function types don't match|type mismatch", "signature"),
    (r"table", "table"),
]


# Known bugs, each with its reproducer: (name, predicate on (config, the
# reference's outcomes of the export where the first difference is and of
# the export before it), repro). Remove an entry when its bug is fixed (its
# XFAIL test in lit-tests/fuzz/ then starts passing).
def _memory_trap(outcome):
    return outcome is not None and outcome[0] == "trap" and outcome[1] == "memory"


KNOWN_ISSUES = [
    # Stores before an out-of-bounds load missing from the state after the
    # trap (guard pages above -O0: LLVM deletes or moves them): the export
    # before the first difference trapped on memory, and this one sees the
    # state. (Lost and reordered traps, the earlier guard-mode issue, are
    # fixed: lit-tests/trap/guard-load-order.test.)
    ("guard-state-at-trap", lambda cfg, here, before: cfg.startswith("O2-guard") and
     _memory_trap(before) and not _memory_trap(here),
     "tools/fuzz/repros/guard-state-at-trap.wat"),
]


def known_issue(cfg, here, before):
    for name, pred, repro in KNOWN_ISSUES:
        if pred(cfg, here, before):
            return name
    return None


def ref_trap_kind(msg):
    # "callTable overflow" is an undefined element, not an integer overflow.
    for pat, kind in sorted(REF_TRAP_PATTERNS, key=lambda p: p[1] != "undefined"):
        if re.search(pat, msg):
            return kind
    return None


# --- values ----------------------------------------------------------------

def f32_bits(x):
    return struct.unpack("<I", struct.pack("<f", x))[0]


def f64_bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


NAN = "nan"


def ours_value(tok):
    """'i32:5' -> ('i32', value) with floats as bits or NAN."""
    t, _, v = tok.partition(":")
    if t in ("i32", "i64"):
        return t, int(v)
    if t == "f32":
        b = int(v, 16)
        return t, NAN if (b & 0x7F800000) == 0x7F800000 and b & 0x7FFFFF else b
    if t == "f64":
        b = int(v, 16)
        return t, NAN if (b >> 52 & 0x7FF) == 0x7FF and b & ((1 << 52) - 1) else b
    if t == "v128":
        return t, bytes.fromhex(v)
    return t, v  # funcref/externref: null|ref


def parse_float(s, t):
    s = s.strip()
    if "nan" in s:
        return NAN
    x = float(s)
    return f32_bits(x) if t == "f32" else f64_bits(x)


def ref_value(t, s):
    """A reference's printed value s, read as type t (from our output)."""
    s = s.strip()
    if t in ("i32", "i64"):
        s = s.split(":", 1)[1] if ":" in s else s
        return t, int(s) & ((1 << (32 if t == "i32" else 64)) - 1)
    if t in ("f32", "f64"):
        s = s.split(":", 1)[1] if s.startswith(t + ":") else s
        return t, parse_float(s, t)
    if t == "v128":
        lanes = re.findall(r"0x([0-9a-fA-F]+)", s)
        if len(lanes) != 4:
            return t, s
        return t, b"".join(struct.pack("<I", int(x, 16)) for x in lanes)
    # funcref / externref: Binaryen prints "funcref" (null) or "funcref(f)",
    # "nullref"; wabt "funcref:0" for null.
    null = s in ("funcref", "externref", "nullref", "funcref:0", "externref:0", "null") \
        or s.endswith("null")
    return t, "null" if null else "ref"


# --- outputs as event lists ------------------------------------------------

class Call:
    def __init__(self, name):
        self.name = name
        self.hosts = []        # list of lists of raw value strings
        self.outcome = None    # ("result", [values]) | ("trap", kind, msg)

    def __repr__(self):
        return "Call(%s, hosts=%r, %r)" % (self.name, self.hosts, self.outcome)


def parse_ours(text):
    """-> (instantiate trap kind or None, [Call])"""
    calls, inst = [], None
    for line in text.splitlines():
        words = line.split(" ")
        if words[0] == "instantiate":
            inst = OURS_TRAPS.get(" ".join(words[2:]), " ".join(words[2:]))
        elif words[0] == "call":
            calls.append(Call(words[1]))
        elif words[0] == "host" and calls:
            calls[-1].hosts.append([ours_value(w) for w in words[2:]])
        elif words[0] == "result" and calls:
            calls[-1].outcome = ("result", [ours_value(w) for w in words[2:]])
        elif words[0] == "trap" and calls:
            msg = " ".join(words[2:])
            calls[-1].outcome = ("trap", OURS_TRAPS.get(msg, msg), msg)
    return inst, calls


def parse_binaryen(text):
    calls, inst = [], None
    for line in text.splitlines():
        m = re.match(r"\[fuzz-exec\] calling (.*)$", line)
        if m:
            calls.append(Call(m.group(1)))
            continue
        m = re.match(r"\[LoggingExternalInterface logging(.*)\]$", line)
        if m and calls:
            calls[-1].hosts.append(m.group(1).split())
            continue
        m = re.match(r"\[fuzz-exec\] note result: (.*?) => (.*)$", line)
        if m and calls:
            v = m.group(2).strip()
            if v.startswith("(") and v.endswith(")"):
                vals = [x for x in v[1:-1].split(", ")]
            else:
                vals = [v]
            calls[-1].outcome = ("result", vals)
            continue
        m = re.match(r"\[trap (.*)\]$", line)
        if m:
            kind = ref_trap_kind(m.group(1))
            if calls:
                calls[-1].outcome = ("trap", kind, m.group(1))
            else:
                inst = kind or "trap"
            continue
        if line.startswith("[host limit") and calls:
            calls[-1].outcome = ("limit", line)
    for c in calls:
        if c.outcome is None:
            c.outcome = ("result", [])
    return inst, calls


def parse_wabt(text):
    calls, inst, pending_hosts = [], None, []
    for line in text.splitlines():
        m = re.match(r"called host (\S+)\((.*)\) =>", line)
        if m:
            pending_hosts.append([x for x in m.group(2).split(", ") if x])
            continue
        m = re.match(r"(\S+)\(\) => (.*)$", line + (" " if line.endswith("=>") else ""))
        if m:
            c = Call(m.group(1))
            c.hosts, pending_hosts = pending_hosts, []
            v = m.group(2).strip()
            if v.startswith("error: "):
                msg = v[len("error: "):]
                c.outcome = ("trap", ref_trap_kind(msg), msg)
            else:
                c.outcome = ("result", re.split(r", (?=[a-z0-9]+[: ])", v) if v else [])
            calls.append(c)
            continue
        m = re.match(r"error initializing module: (.*)", line)
        if m:
            inst = ref_trap_kind(m.group(1)) or "trap"
    return inst, calls


def compare(ref, ours):
    """None if ours agrees with the reference, else a description."""
    r = compare_detail(ref, ours)
    return r[0] if r else None


def compare_detail(ref, ours):
    """None, or (description, the reference's outcomes for the export where
    the first difference is and for the one before, each possibly None)."""
    d = _compare(ref, ours)
    if d is None:
        return None
    return d if isinstance(d, tuple) else (d, None, None)


def _compare(ref, ours):
    ref_inst, ref_calls = ref
    our_inst, our_calls = ours
    if ref_inst or our_inst:
        if bool(ref_inst) != bool(our_inst):
            return "instantiation: reference %s, wasm2bin %s" % (
                "trap " + str(ref_inst) if ref_inst else "ok",
                "trap " + str(our_inst) if our_inst else "ok")
        if ref_inst not in ("trap", None) and ref_inst != our_inst:
            return "instantiation trap: reference %s, wasm2bin %s" % (ref_inst, our_inst)
        return None
    # Only exports both ran; wabt skips functions with parameters, which
    # gen_module.py never exports.
    i = 0
    before = None
    for rc in ref_calls:
        while i < len(our_calls) and our_calls[i].name != rc.name:
            i += 1
        if i == len(our_calls):
            return "export %s: called by the reference, not by wasm2bin" % rc.name
        oc = our_calls[i]
        i += 1
        ro, oo = rc.outcome, oc.outcome
        if ro[0] == "limit":
            return None
        if ro[0] == "trap" and ro[1] == "stack" and not (oo and oo[0] == "trap"):
            return None  # the reference's own depth limit; state diverges from here
        problem = compare_call(rc, oc)
        if problem:
            return problem, ro, before
        before = ro
    return None


def compare_call(rc, oc):
    """A description of how one export's run differs, or None."""
    ro, oo = rc.outcome, oc.outcome
    # Host calls (Binaryen prints only the values).
    if len(rc.hosts) != len(oc.hosts) and not (ro[0] == "trap" and ro[1] == "stack"):
        return "%s: %d host calls in the reference, %d in wasm2bin" % (
            rc.name, len(rc.hosts), len(oc.hosts))
    for rh, oh in zip(rc.hosts, oc.hosts):
        rh = group_host_args(rh, [t for t, _ in oh])
        if len(rh) != len(oh):
            return "%s: host call arity %r vs %r" % (rc.name, rh, oh)
        for rv, (t, ov) in zip(rh, oh):
            if not values_equal(ref_value(t, rv), (t, ov)):
                return "%s: host call argument %s (reference) vs %s:%s" % (rc.name, rv, t, ov)
    if oo is None:
        return "%s: no outcome from wasm2bin (crash?)" % rc.name
    if ro[0] != oo[0]:
        return "%s: reference %s, wasm2bin %s" % (rc.name, describe(ro), describe(oo))
    if ro[0] == "trap":
        if ro[1] is not None and ro[1] != oo[1]:
            return "%s: reference trap %r (%s), wasm2bin trap %r" % (
                rc.name, ro[2], ro[1], oo[2])
        return None
    rvals, ovals = ro[1], oo[1]
    if len(rvals) != len(ovals) or not all(
            values_equal(ref_value(t, rv), (t, ov)) for rv, (t, ov) in zip(rvals, ovals)):
        return "%s: reference %s, wasm2bin %s" % (rc.name, describe(ro), describe(oo))
    return None


def group_host_args(tokens, types):
    """Binaryen logs an i64 as two i32 halves (low, high) and a v128 as
    "i32x4 a b c d": regroup its tokens into one string per argument."""
    if not tokens or any(":" in t or t.startswith("v128") for t in tokens):
        return tokens  # wabt: one "type:value" per argument already
    out, i = [], 0
    for t in types:
        if t == "i64" and i + 1 < len(tokens):
            lo, hi = int(tokens[i]), int(tokens[i + 1])
            out.append(str((lo & 0xFFFFFFFF) | (hi & 0xFFFFFFFF) << 32))
            i += 2
        elif t == "v128":
            out.append(" ".join(tokens[i:i + 5]))
            i += 5
        else:
            out.append(tokens[i] if i < len(tokens) else "")
            i += 1
    return out + tokens[i:]


def _nan_lanes_equal(x, y, width):
    """x and y (bytes) equal lane by lane as floats of `width` bits, any NaN
    equal to any NaN."""
    fmt, exp, man = ("<I", 0x7F800000, 0x7FFFFF) if width == 32 else \
        ("<Q", 0x7FF << 52, (1 << 52) - 1)
    step = width // 8
    for i in range(0, 16, step):
        a, b = struct.unpack_from(fmt, x, i)[0], struct.unpack_from(fmt, y, i)[0]
        nan_a = (a & exp) == exp and a & man
        nan_b = (b & exp) == exp and b & man
        if a != b and not (nan_a and nan_b):
            return False
    return True


def values_equal(a, b):
    """Equal, or a v128 whose lanes differ only in NaN payloads. Wasm lets a
    float operation return any arithmetic NaN when an input is a NaN that is
    not canonical, and Binaryen's --denan does not reach v128 values, so the
    payloads of f32x4/f64x2 results are legitimately implementation-defined."""
    if a == b:
        return True
    if a[0] == b[0] == "v128" and isinstance(a[1], bytes) and isinstance(b[1], bytes) \
            and len(a[1]) == len(b[1]) == 16:
        return _nan_lanes_equal(a[1], b[1], 32) or _nan_lanes_equal(a[1], b[1], 64)
    return False


def describe(outcome):
    if outcome[0] == "trap":
        return "trap %r" % outcome[2]
    if outcome[0] == "result":
        return "result (%s)" % ", ".join(
            v if isinstance(v, str) else "%s:%s" % (v[0], v[1].hex() if isinstance(v[1], bytes)
                                                    else v[1]) for v in outcome[1])
    return str(outcome)


# --- tools -----------------------------------------------------------------

def run(cmd, timeout, **kw):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                           errors="replace", **kw)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        return "timeout", (e.stdout or b"").decode(errors="replace") \
            if isinstance(e.stdout, bytes) else (e.stdout or ""), ""


class Harness:
    def __init__(self, args, work):
        self.args, self.work = args, work
        self.driver = work / "diff_driver.o"

    def build_driver(self):
        a = self.args
        cmd = [a.clang, "--target=x86_64-linux-musl", "-nostdinc",
               "-isystem", a.resource_include, "-isystem", a.musl_include,
               "-I", str(REPO / "runtime"), "-O1", "-c", str(HERE / "diff_driver.c"),
               "-o", str(self.driver)]
        rc, out, err = run(cmd, 120)
        if rc != 0:
            sys.exit("diff_fuzz: cannot build diff_driver.c:\n%s" % err)

    def reference(self, kind, wasm):
        if kind == "binaryen":
            rc, out, err = run(["wasm-opt", str(wasm), *TTF_FEATURES, "--fuzz-exec-before",
                                "-q"], 60)
            if rc == "timeout":
                return None
            return parse_binaryen(out)
        rc, out, err = run(["wasm-interp", "--run-all-exports", "--dummy-import-func",
                            str(wasm)], 60)
        if rc == "timeout":
            return None
        return parse_wabt(out + err)

    def ours(self, wasm, config, tag):
        """-> (problem or None, parsed output, raw output)"""
        opt, bounds, *split = config.split("-")
        split_flags = ["--jobs", "2", "--partition-min-bytes", "0"] if split else []
        d = self.work / tag
        d.mkdir(parents=True, exist_ok=True)
        obj, prog = d / ("m-%s.o" % config), d / ("m-%s" % config)
        # The driver instantiates the module once: its memory takes the fixed
        # address, as in an executable compiled from the .wasm directly.
        rc, out, err = run([self.args.wasm2bin, "--emit=obj", "--module-name=m", "-" + opt,
                            "--bounds-checks=" + bounds, "--memory-base=fixed", *split_flags,
                            str(wasm), "-o", str(obj)],
                           COMPILE_TIMEOUT)
        if rc != 0:
            return "compile failed (%s): %s" % (rc, err.strip()), None, err
        rc, out, err = run([self.args.wasm2bin, "--link", str(self.driver), str(obj), "-o",
                            str(prog)], COMPILE_TIMEOUT)
        if rc != 0:
            return "link failed (%s): %s" % (rc, err.strip()), None, err
        rc, out, err = run([str(prog)], RUN_TIMEOUT)
        raw = out + ("\n--- stderr ---\n" + err if err else "")
        if rc == "timeout":
            return "timeout after %d s" % RUN_TIMEOUT, None, raw
        if rc != 0:
            return "exit status %s" % rc, parse_ours(out), raw
        return None, parse_ours(out), raw


def make_module(kind, seed, d):
    """Writes d/m.wasm; returns the reference kind, or None if skipped."""
    if kind == "ttf":
        rnd = random.Random(seed)
        (d / "input.bin").write_bytes(rnd.randbytes(rnd.randint(512, 16384)))
        rc, out, err = run(["wasm-opt", "-ttf", str(d / "input.bin"), *TTF_FEATURES, "--denan",
                            "-o", str(d / "m.wasm")], 60)
        ref = "binaryen"
    else:
        rc, out, err = run([sys.executable, str(HERE / "gen_module.py"), "--seed", str(seed),
                            "-o", str(d / "m.wat")], 60)
        if rc == 0:
            rc, out, err = run(["wat2wasm", str(d / "m.wat"), "-o", str(d / "m.wasm")], 60)
        ref = "wabt"
    if rc != 0:
        return None, "generator failed: " + err.strip()[:200]
    rc, out, err = run(["wasm-validate", str(d / "m.wasm")], 60)
    if rc != 0:
        return None, "not valid Wasm 2.0: " + err.strip()[:200]
    return ref, None


def reduce_case(args, case, ref, configs):
    """Minimises case/m.wasm with wasm-reduce into case/reduced.wasm."""
    script = case / "check.sh"
    script.write_text("#!/bin/sh\nexec %s %s --check %s --reference %s --configs %s "
                      "--wasm2bin %s --clang %s --work %s\n" % (
                          sys.executable, HERE / "diff_fuzz.py", case / "reduce-test.wasm", ref,
                          ",".join(configs), args.wasm2bin, args.clang, case / "reduce-work"))
    script.chmod(0o755)
    # -b: where wasm-reduce finds wasm-opt (it guesses from argv[0] otherwise).
    bindir = os.path.dirname(shutil.which("wasm-opt") or "/usr/bin/wasm-opt") + "/"
    rc, out, err = run(["wasm-reduce", "-b", bindir, str(case / "m.wasm"), "--command=%s" % script,
                        "-t", str(case / "reduce-test.wasm"), "-w", str(case / "reduced.wasm"),
                        *TTF_FEATURES, "--timeout=60"], 3600)
    (case / "reduce.log").write_text(str(out) + str(err))
    return (case / "reduced.wasm").exists()


def check_one(args, work):
    # Reductions must stay valid Wasm 2.0 (wasm-reduce's passes know more).
    rc, out, err = run(["wasm-validate", args.check], 60)
    if rc != 0:
        print("boring")
        return 1
    h = Harness(args, work)
    h.build_driver()
    ref = h.reference(args.reference, Path(args.check))
    if ref is None:
        print("boring")
        return 1
    for cfg in args.configs.split(","):
        problem, ours, raw = h.ours(Path(args.check), cfg, "check")
        if problem or (ours and compare(ref, ours)):
            print("interesting")
            return 0
    print("boring")
    return 1


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--seconds", type=float, default=0, help="time budget")
    p.add_argument("--count", type=int, default=0, help="number of modules")
    p.add_argument("--seed", type=int, default=None, help="first seed (default: random)")
    p.add_argument("--generator", default="both", choices=["ttf", "gen", "both"])
    p.add_argument("--configs", default=",".join(ALL_CONFIGS))
    p.add_argument("--wasm2bin", default=str(REPO / "build" / "bin" / "wasm2bin"))
    p.add_argument("--clang", default="clang-19")
    p.add_argument("--resource-include", default="/usr/lib/llvm-19/lib/clang/19/include")
    p.add_argument("--musl-include", default="/usr/include/x86_64-linux-musl")
    p.add_argument("--work", help="work directory (default: a temporary one)")
    p.add_argument("--artifacts", default=str(HERE / "artifacts"))
    p.add_argument("--reduce", action="store_true", help="minimise mismatches with wasm-reduce")
    p.add_argument("--check", help="one module: print interesting/boring (for wasm-reduce)")
    p.add_argument("--reference", choices=["binaryen", "wabt"], default="binaryen")
    p.add_argument("--strict", action="store_true", help="known issues fail the run too")
    p.add_argument("-v", "--verbose", action="store_true")
    args = p.parse_args()

    for tool in ["wasm-opt", "wasm-interp", "wasm-validate", "wat2wasm", args.clang]:
        if not shutil.which(tool):
            print("diff_fuzz: %s not found; skipped" % tool)
            return SKIP
    if not Path(args.wasm2bin).exists():
        sys.exit("diff_fuzz: no wasm2bin at %s" % args.wasm2bin)

    tmp = None
    if args.work:
        work = Path(args.work)
        work.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="w2b-diff-")
        work = Path(tmp.name)
    if args.check:
        return check_one(args, work)

    if not args.seconds and not args.count:
        args.seconds = 60
    seed0 = args.seed if args.seed is not None else random.randrange(1 << 30)
    configs = args.configs.split(",")
    gens = ["ttf", "gen"] if args.generator == "both" else [args.generator]
    h = Harness(args, work)
    h.build_driver()
    artifacts = Path(args.artifacts)
    stats = {"modules": 0, "skipped": 0, "ref_timeout": 0, "found": 0, "runs": 0,
             "exports": 0, "traps": 0, "known": 0}
    start = time.time()
    i = 0
    while True:
        if args.count and i >= args.count:
            break
        if args.seconds and time.time() - start >= args.seconds:
            break
        seed, kind = seed0 + i, gens[i % len(gens)]
        i += 1
        tag = "%s-%d" % (kind, seed)
        d = work / tag
        d.mkdir(parents=True, exist_ok=True)
        ref_kind, why = make_module(kind, seed, d)
        if not ref_kind:
            stats["skipped"] += 1
            if args.verbose:
                print("%s: skipped: %s" % (tag, why))
            shutil.rmtree(d, ignore_errors=True)
            continue
        ref = h.reference(ref_kind, d / "m.wasm")
        if ref is None:
            stats["ref_timeout"] += 1
            shutil.rmtree(d, ignore_errors=True)
            continue
        stats["modules"] += 1
        stats["exports"] += len(ref[1])
        stats["traps"] += sum(1 for c in ref[1] if c.outcome and c.outcome[0] == "trap")
        problems, known = [], []
        for cfg in configs:
            stats["runs"] += 1
            problem, ours, raw = h.ours(d / "m.wasm", cfg, tag)
            (d / ("ours-%s.txt" % cfg)).write_text(raw)
            issue = None
            if not problem and ours:
                detail = compare_detail(ref, ours)
                if detail:
                    problem = detail[0]
                    issue = known_issue(cfg, detail[1], detail[2])
            if problem and issue and not args.strict:
                known.append("%s: [known: %s] %s" % (cfg, issue, problem))
            elif problem:
                problems.append("%s: %s" % (cfg, problem))
        if known and not problems:
            stats["known"] += 1
            if args.verbose:
                print("KNOWN %s\n  %s" % (tag, "\n  ".join(known)))
        if problems:
            problems += known
            stats["found"] += 1
            case = artifacts / ("diff-" + tag)
            if case.exists():
                shutil.rmtree(case)
            shutil.copytree(d, case, ignore=shutil.ignore_patterns("*.o", "m-O*"))
            ref_out = run(["wasm-opt", str(d / "m.wasm"), *TTF_FEATURES, "--fuzz-exec-before",
                           "-q"], 60) if ref_kind == "binaryen" else \
                run(["wasm-interp", "--run-all-exports", "--dummy-import-func",
                     str(d / "m.wasm")], 60)
            (case / "reference.txt").write_text(str(ref_out[1]) + str(ref_out[2]))
            report = "reference: %s\n%s\n" % (ref_kind, "\n".join(problems))
            (case / "report.txt").write_text(report)
            print("MISMATCH %s -> %s\n  %s" % (tag, case, "\n  ".join(problems)))
            if args.reduce:
                bad = [p.split(":")[0] for p in problems]
                ok = reduce_case(args, case, ref_kind, bad)
                print("  reduced: %s" % (case / "reduced.wasm" if ok else "failed"))
        elif args.verbose:
            print("%s: ok (%d exports)" % (tag, len(ref[1])))
        shutil.rmtree(d, ignore_errors=True)
    elapsed = time.time() - start
    print("diff_fuzz: %d modules (%d exports, %d of them trapping in the reference) x %d "
          "configs in %.0f s, seeds %d..%d; %d skipped (invalid), %d reference timeouts; "
          "%d mismatches, %d more matching known issues" % (
              stats["modules"], stats["exports"], stats["traps"], len(configs), elapsed, seed0,
              seed0 + i - 1, stats["skipped"], stats["ref_timeout"], stats["found"],
              stats["known"]))
    return 1 if stats["found"] else 0


if __name__ == "__main__":
    sys.exit(main())
