#!/usr/bin/env python3
"""Runs the official WebAssembly spec testsuite against wasm2bin.

For every top-level .wast of the testsuite (or those --filter/--quick pick):

  1. wast2json (Debian's wabt, Wasm 2.0 features incl. SIMD) converts it to
     binary modules plus a JSON command list. A file it cannot convert uses
     Wasm 3.0 syntax; it is recorded with the feature that makes it convert
     (found by retrying with single --enable-* flags) or wast2json's first
     error line, and partial.py removes its 3.0 forms (and the commands that
     depend on them) to convert and run the rest (--no-partial: skip it all).
  2. Every module a command instantiates is compiled in library mode,
     `wasm2bin --emit=obj --module-name=m<hash>` with the mode's flags, once
     per content hash and mode in a run. Binary assert_invalid and
     assert_malformed modules must make wasm2bin exit 1 with an error.
  3. A table of the modules' descriptors is generated (spec_modules[]), and
     `wasm2bin --link` links it with the generic driver (driver.c, compiled
     once per run) and the module objects. The driver runs a script this file
     writes (see driver.c for its format) and reports every command.

Commands that cannot apply are skipped, each with its reason: text-format
assert_malformed/assert_invalid (wasm2bin's input is binary), forms removed
by partial.py, modules that use a Wasm 3.0 feature (wasm2bin names it when it
rejects them), the commands that act on such a module or on one whose state
its instantiation could have changed, and whatever KNOWN_SKIPS lists.
Everything else must pass.

Prints failures as FILE:LINE: KIND: REASON, a table of counts per assertion
kind and mode, and finally exactly "N passed, N failed, N skipped". Exits 1
if anything failed. --report writes docs/conformance.md.
"""

import argparse
import collections
import concurrent.futures
import datetime
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import partial  # noqa: E402

REPO = Path(__file__).resolve().parent.parent.parent
DEFAULT_TESTSUITE = REPO.parent / "shared" / "testsuite"
DRIVER_SOURCE = Path(__file__).resolve().parent / "driver.c"

MODES = {
    "O2-guard": ["-O2", "--bounds-checks=guard"],
    "O2-explicit": ["-O2", "--bounds-checks=explicit"],
    "O0": ["-O0", "--bounds-checks=guard"],
}
DEFAULT_MODE = "O2-guard"

# A small, fast subset covering every family of instructions and commands.
QUICK = ["i32", "i64", "f32", "f64", "conversions", "call_indirect",
         "memory_trap", "memory_grow64", "linking0", "start", "traps",
         "skip-stack-guard-page", "table_copy", "simd_i32x4_arith",
         "simd_load", "simd_lane", "simd_f32x4_arith"]

# Assertion kinds, in the order of the tables.
KINDS = ["module", "register", "action", "assert_return", "assert_trap",
         "assert_exhaustion", "assert_invalid", "assert_malformed",
         "assert_unlinkable", "assert_uninstantiable"]

# wasm2bin compiles Wasm 2.0: these fragments of its diagnostics name the
# Wasm 3.0 feature a module needs.
WASM3_FEATURES = [
    ("memory64 is not supported", "memory64"),
    ("multiple memories", "multi-memory"),
    ("extended constant expressions are not supported", "extended-const"),
    ("may only read imported globals", "gc (global.get of a defined global)"),
]

# wast2json flags tried, one at a time, to name what an unconvertible file
# needs.
WABT_FEATURES = [
    ("--enable-memory64", "memory64"),
    ("--enable-multi-memory", "multi-memory"),
    ("--enable-tail-call", "tail calls"),
    ("--enable-exceptions", "exception handling"),
    ("--enable-extended-const", "extended-const"),
    ("--enable-relaxed-simd", "relaxed SIMD"),
    ("--enable-function-references", "typed function references"),
    ("--enable-gc", "gc"),
    ("--enable-annotations", "annotations"),
]

# Commands that cannot pass for a reason the runner cannot see by itself,
# keyed by (file stem, line). Keep this list short and precise.
KNOWN_SKIPS = {
}


def leb(data, pos):
    """Unsigned LEB128 at pos: (value, next pos)."""
    value = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7f) << shift
        shift += 7
        if byte < 0x80:
            return value, pos


def imported_modules(wasm):
    """The module names a binary module imports from (empty if it cannot be
    parsed: wasm2bin then reports the problem)."""
    data = wasm.read_bytes()
    names, pos = set(), 8
    try:
        while pos < len(data):
            section, pos = data[pos], pos + 1
            size, pos = leb(data, pos)
            end = pos + size
            if section == 2:
                count, pos = leb(data, pos)
                for _ in range(count):
                    n, pos = leb(data, pos)
                    names.add(data[pos:pos + n].decode("utf-8", "replace"))
                    pos += n
                    n, pos = leb(data, pos)
                    pos += n
                    kind, pos = data[pos], pos + 1
                    if kind == 0:                  # function: type index
                        _, pos = leb(data, pos)
                        continue
                    if kind == 3:                  # global: type, mutability
                        pos += 2
                        continue
                    if kind == 1:                  # table: element type
                        pos += 1
                    flags, pos = data[pos], pos + 1  # table, memory: limits
                    _, pos = leb(data, pos)
                    if flags & 1:
                        _, pos = leb(data, pos)
                return names
            pos = end
    except IndexError:
        pass
    return names


class Conversion:
    """A converted script: the JSON commands (None if nothing converted),
    the directory of its modules, why it did not convert whole (None if it
    did) and the forms removed to convert the rest (line, kind, reason)."""

    def __init__(self, data, out, reason=None, removed=()):
        self.data, self.dir, self.reason, self.removed = data, out, reason, list(removed)


class Result:
    __slots__ = ("line", "kind", "status", "detail")

    def __init__(self, line, kind, status, detail=""):
        self.line, self.kind, self.status, self.detail = line, kind, status, detail


def quote(text):
    """A string as one script token: a quote, then its UTF-8 bytes with
    everything but ASCII letters, digits and _-.$ percent-encoded."""
    out = ["'"]
    for byte in text.encode("utf-8"):
        c = chr(byte)
        if byte < 128 and (c.isalnum() or c in "_-.$"):
            out.append(c)
        else:
            out.append("%%%02x" % byte)
    return "".join(out)


def lane_hex(text, width):
    if text.startswith("nan:"):
        return text
    return "%x" % (int(text) & ((1 << width) - 1))


def value_token(v):
    """A JSON value (argument or expected result) as a script token."""
    t = v["type"]
    if t in ("i32", "f32", "i64", "f64"):
        value = v["value"]
        if value.startswith("nan:"):
            return f"{t}:{value}"
        return f"{t}:{int(value) & ((1 << int(t[1:])) - 1):x}"
    if t == "v128":
        lane = v["lane_type"]
        width = int(lane[1:])
        return f"v128:{lane}:" + ",".join(lane_hex(x, width) for x in v["value"])
    if t in ("funcref", "externref"):
        value = v.get("value", "null")
        return f"{t}:null" if value == "null" else f"{t}:{int(value):x}"
    if t == "either":
        return "|".join(value_token(x) for x in v["values"])
    raise ValueError(f"unsupported value type {t}")


def either_tokens(expected):
    """wast2json gives (either ...) as one expected entry per alternative
    set; this joins them into the driver's `a|b` form."""
    return [value_token(e) for e in expected]


class Runner:
    def __init__(self, args):
        self.args = args
        self.work = Path(args.work)
        self.lock = threading.Lock()
        self.once_results = {}
        self.once_events = {}
        self.clang_flags = None

    # --- helpers -------------------------------------------------------------

    def once(self, key, fn):
        """Runs fn() once per key in this run (threads wait for the first)."""
        with self.lock:
            if key in self.once_results:
                return self.once_results[key]
            event = self.once_events.get(key)
            owner = event is None
            if owner:
                event = self.once_events[key] = threading.Event()
        if not owner:
            event.wait()
            return self.once_results[key]
        value = fn()
        with self.lock:
            self.once_results[key] = value
        event.set()
        return value

    def run(self, cmd, timeout=600, **kw):
        try:
            return subprocess.run(cmd, capture_output=True, text=True,
                                  errors="replace", timeout=timeout, **kw)
        except subprocess.TimeoutExpired as e:
            out = e.stdout or ""
            if isinstance(out, bytes):
                out = out.decode("utf-8", "replace")
            return subprocess.CompletedProcess(cmd, -999, out, f"timed out after {timeout} s")

    # --- conversion ----------------------------------------------------------

    def convert(self, wast):
        """Converts a script whole, or else in part (see partial.py)."""
        out = self.work / "json" / wast.stem
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        target = out / (wast.stem + ".json")
        conv = self.run(["wast2json", str(wast), "-o", str(target)])
        if conv.returncode == 0:
            return Conversion(json.loads(target.read_text()), out)
        lines = (conv.stderr or conv.stdout).strip().splitlines()
        first = lines[0] if lines else f"exit status {conv.returncode}"
        first = first.replace(str(wast), wast.name)
        feature = None
        for flag, name in WABT_FEATURES:
            if self.run(["wast2json", flag, str(wast), "-o", str(out / "probe.json")]).returncode == 0:
                feature = name
                break
        for f in out.iterdir():
            f.unlink()
        reason = (f"needs {feature} (Wasm 3.0)" if feature else "needs Wasm 3.0") + \
            f"; wast2json: {first}"
        if self.args.no_partial:
            return Conversion(None, out, reason, [])
        converted, removed = partial.convert_partially(wast, out, self.run)
        data = json.loads(target.read_text()) if converted else None
        return Conversion(data, out, reason, removed)

    # --- compilation ---------------------------------------------------------

    def wasm2bin(self, mode, wasm, out, name):
        return self.run([self.args.wasm2bin, "--emit=obj", f"--module-name={name}",
                         *MODES[mode], str(wasm), "-o", str(out)])

    def compile_module(self, mode, wasm):
        """Returns (symbol, object path, None) or (None, None, error)."""
        data = wasm.read_bytes()
        digest = hashlib.sha256(data).hexdigest()[:20]

        def build():
            name = "m" + digest
            obj = self.work / mode / "obj" / (name + ".o")
            obj.parent.mkdir(parents=True, exist_ok=True)
            r = self.wasm2bin(mode, wasm, obj, name)
            if r.returncode == 0:
                return "w2b_module_" + name, obj, None
            lines = r.stderr.strip().splitlines()
            return None, None, (lines[-1] if lines else f"exit status {r.returncode}")

        return self.once(("obj", mode, digest), build)

    def check_rejected(self, mode, wasm):
        """None if wasm2bin rejects the module as it must, else the problem."""
        out = self.work / mode / "tmp" / (wasm.name + ".o")
        out.parent.mkdir(parents=True, exist_ok=True)
        r = self.wasm2bin(mode, wasm, out, "invalid")
        out.unlink(missing_ok=True)
        if r.returncode == 1 and "error:" in r.stderr:
            return None
        if r.returncode == 0:
            return "module accepted"
        return f"wasm2bin exited with status {r.returncode}: {r.stderr.strip()[-300:]}"

    def musl_cc(self, src, obj):
        if self.clang_flags is None:
            res = self.run([self.args.clang, "-print-resource-dir"]).stdout.strip()
            self.clang_flags = [
                "--target=x86_64-linux-musl", "-nostdinc",
                "-isystem", res + "/include", "-isystem", "/usr/include/x86_64-linux-musl",
                "-I", str(REPO / "runtime"), "-O2", "-w"]
        return self.run([self.args.clang, *self.clang_flags, "-c", str(src), "-o", str(obj)])

    def driver_object(self):
        def build():
            obj = self.work / "driver.o"
            r = self.musl_cc(DRIVER_SOURCE, obj)
            if r.returncode != 0:
                sys.exit(f"run_spec: cannot compile {DRIVER_SOURCE}:\n{r.stderr}")
            return obj
        return self.once("driver", build)

    # --- one file in one mode ------------------------------------------------

    def run_file(self, stem, conv, mode):
        """Returns a list of Result for one converted file in one mode."""
        data, jdir = conv.data, conv.dir
        results = [Result(line, kind, "skip", f"removed to convert the rest: {why}")
                   for line, kind, why in conv.removed]
        script = []           # driver lines
        pending = {}          # script id -> index into results
        modules = []          # (symbol, object) in table order
        module_index = {}     # symbol -> table index
        compile_errors = {}   # results index -> message (module failed)
        # Modules are known by the line of their command; `current` is the
        # one unnamed actions act on. A module wasm2bin rejects for a Wasm 3.0
        # feature is skipped, and so are the commands on it, and on modules
        # whose state its instantiation could have changed (see partial.py).
        current = None
        named = {}            # $name -> module line
        registered = {}       # registered name -> module line
        gone = {}             # module line -> why commands on it are skipped

        def add(line, kind, status, detail=""):
            results.append(Result(line, kind, status, detail))
            return len(results) - 1

        def emit(line, kind, words):
            idx = add(line, kind, "fail", "no result from the driver")
            sid = str(len(script))
            script.append(" ".join([sid, str(line), *words]))
            pending[sid] = idx
            return idx

        def table_slot(filename):
            sym, obj, err = self.compile_module(mode, jdir / filename)
            if sym is None:
                return None, err
            if sym not in module_index:
                module_index[sym] = len(modules)
                modules.append((sym, obj))
            return module_index[sym], None

        def target(action):
            name = action.get("module")
            return current if name is None else named.get(name)

        def action_words(action):
            inst = "-" if action.get("module") is None else quote(action["module"])
            if action["type"] == "get":
                return [inst, "get", quote(action["field"])]
            args = [value_token(a) for a in action["args"]]
            return [inst, "invoke", quote(action["field"]), str(len(args)), *args]

        for cmd in data["commands"]:
            kind, line = cmd["type"], cmd["line"]
            known = KNOWN_SKIPS.get((stem, line))
            if known:
                add(line, kind, "skip", known)
                continue
            if kind in ("assert_invalid", "assert_malformed"):
                if cmd.get("module_type") == "text":
                    add(line, kind, "skip", "text format (wasm2bin compiles binary modules)")
                    continue
                problem = self.check_rejected(mode, jdir / cmd["filename"])
                add(line, kind, "fail" if problem else "pass",
                    f"{problem} (expected \"{cmd['text']}\")" if problem else "")
                continue
            if kind in ("module", "assert_unlinkable", "assert_uninstantiable"):
                imports = imported_modules(jdir / cmd["filename"])
                lost = sorted(m for m in imports if registered.get(m) in gone)
                reason, slot, err = None, None, None
                if lost:
                    reason = f"imports from \"{lost[0]}\": {gone[registered[lost[0]]]}"
                else:
                    slot, err = table_slot(cmd["filename"])
                    feature = next((f for frag, f in WASM3_FEATURES if err and frag in err), None)
                    if feature:
                        reason = f"needs {feature} (Wasm 3.0): {err}"
                if reason and kind != "assert_unlinkable":
                    for m in imports:
                        if m in registered and registered[m] not in gone:
                            gone[registered[m]] = (f"the skipped module at line {line} "
                                                   "may have changed its state")
                if kind == "module":
                    current = line
                    if cmd.get("name"):
                        named[cmd["name"]] = line
                    if reason:
                        gone[line] = f"the module at line {line} was skipped"
                if reason:
                    add(line, kind, "skip", reason)
                    continue
                words = [str(slot if slot is not None else -1)]
                if kind == "module":
                    words.append(quote(cmd["name"]) if cmd.get("name") else "-")
                else:
                    words.append(quote(cmd["text"]))
                idx = emit(line, kind, words)
                if err:
                    compile_errors[idx] = f"wasm2bin rejected a valid module: {err}"
                continue
            if kind == "register":
                name = cmd.get("name")
                module = current if name is None else named.get(name)
                registered[cmd["as"]] = module
                if module in gone:
                    add(line, kind, "skip", gone[module])
                    continue
                emit(line, kind, [quote(cmd["as"]), quote(name) if name else "-"])
                continue
            action = cmd["action"]
            if target(action) in gone:
                add(line, kind, "skip", gone[target(action)])
                continue
            if kind == "action":
                emit(line, kind, action_words(action))
            elif kind == "assert_return":
                emit(line, kind, [*action_words(action), "->", *either_tokens(cmd["expected"])])
            elif kind in ("assert_trap", "assert_exhaustion"):
                emit(line, kind, [*action_words(action), quote(cmd["text"])])
            else:
                add(line, kind, "fail", f"unknown command type {kind}")

        # Script kinds are the driver's verbs.
        verbs = {"module": "module", "register": "register", "action": "action",
                 "assert_return": "return", "assert_trap": "trap",
                 "assert_exhaustion": "exhaustion", "assert_unlinkable": "unlinkable",
                 "assert_uninstantiable": "uninstantiable"}
        lines = []
        for sid_line in script:
            sid, line, *words = sid_line.split(" ")
            kind = results[pending[sid]].kind
            lines.append(" ".join([sid, line, verbs[kind], *words]))

        if lines:
            self.run_driver(stem, mode, lines, modules, pending, results)
        for idx, message in compile_errors.items():
            results[idx].status, results[idx].detail = "fail", message
        results.sort(key=lambda r: r.line)
        return results

    def run_driver(self, stem, mode, lines, modules, pending, results):
        bdir = self.work / mode / "bin"
        bdir.mkdir(parents=True, exist_ok=True)
        script = bdir / (stem + ".script")
        script.write_text("\n".join(lines) + "\n")
        table = bdir / (stem + ".table.c")
        table.write_text(
            "/* Generated by tools/spec/run_spec.py: the modules of "
            f"{stem}.wast in script order. */\n"
            "#include \"abi.h\"\n"
            + "".join(f"extern const w2b_module {sym};\n" for sym, _ in modules)
            + "const w2b_module *const spec_modules[] = {\n"
            + "".join(f"  &{sym},\n" for sym, _ in modules)
            + "  0};\n"
            + f"const uint32_t spec_num_modules = {len(modules)};\n")

        def fail_all(message):
            for idx in pending.values():
                if results[idx].detail == "no result from the driver":
                    results[idx].detail = message

        r = self.musl_cc(table, bdir / (stem + ".table.o"))
        if r.returncode != 0:
            return fail_all(f"cannot compile the module table: {r.stderr.strip()}")
        exe = bdir / stem
        r = self.run([self.args.wasm2bin, "--link", str(self.driver_object()),
                      str(bdir / (stem + ".table.o")), *[str(o) for _, o in modules],
                      "-o", str(exe)])
        if r.returncode != 0:
            return fail_all(f"link failed: {r.stderr.strip()[-500:]}")
        r = self.run([str(exe), str(script)], timeout=self.args.timeout)
        for out_line in r.stdout.splitlines():
            sid, _, rest = out_line.partition(" ")
            idx = pending.get(sid)
            if idx is None:
                continue
            if rest == "ok":
                results[idx].status, results[idx].detail = "pass", ""
            else:
                results[idx].detail = rest[len("fail "):] if rest.startswith("fail ") else rest
        if r.returncode != 0:
            why = ("timed out" if r.returncode == -999 else
                   f"killed by signal {-r.returncode}" if r.returncode < 0
                   else f"exit status {r.returncode}")
            fail_all(f"driver died ({why}) before this command: {r.stderr.strip()[-300:]}")
        if not self.args.keep:
            exe.unlink(missing_ok=True)


def top_level_forms(text):
    """Number of top-level S-expressions of a .wast script (its commands)."""
    return len(partial.split_forms(text))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--wasm2bin", default=str(REPO / "build" / "bin" / "wasm2bin"))
    p.add_argument("--clang", default="clang-19")
    p.add_argument("--testsuite", default=str(DEFAULT_TESTSUITE))
    p.add_argument("--mode", default=DEFAULT_MODE,
                   help="comma-separated modes (%s) or 'all'" % ", ".join(MODES))
    p.add_argument("--quick", action="store_true", help="run a small subset")
    p.add_argument("--filter", action="append", default=[],
                   help="run files whose stem matches this regex (repeatable)")
    p.add_argument("-j", "--jobs", type=int, default=2)
    p.add_argument("--work", help="work directory (default: a temporary one)")
    p.add_argument("--keep", action="store_true", help="keep the work directory")
    p.add_argument("--timeout", type=int, default=60,
                   help="seconds per driver run (normally well under 5)")
    p.add_argument("--report", help="write the conformance document (Markdown) here")
    p.add_argument("--no-partial", action="store_true",
                   help="skip scripts that do not convert whole instead of "
                        "running the forms that do (see partial.py)")
    p.add_argument("-v", "--verbose", action="store_true", help="list every skipped command")
    args = p.parse_args()

    modes = list(MODES) if args.mode == "all" else args.mode.split(",")
    for m in modes:
        if m not in MODES:
            p.error(f"unknown mode {m}")
    testsuite = Path(args.testsuite)
    if not testsuite.is_dir() or not shutil.which("wast2json"):
        print("run_spec: testsuite or wast2json missing; skipping")
        return 77
    if not Path(args.wasm2bin).exists():
        p.error(f"no wasm2bin at {args.wasm2bin}")

    files = sorted(testsuite.glob("*.wast"))
    if args.quick:
        files = [f for f in files if f.stem in QUICK]
    if args.filter:
        files = [f for f in files if any(re.search(x, f.stem) for x in args.filter)]

    temp = None
    if not args.work:
        temp = tempfile.mkdtemp(prefix="w2b-spec-")
        args.work = temp
    Path(args.work).mkdir(parents=True, exist_ok=True)
    runner = Runner(args)
    start = time.monotonic()

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        conversions = dict(zip(files, pool.map(runner.convert, files)))
        # Largest first, so that the big SIMD files do not finish last.
        jobs = [(f, m) for f in files if conversions[f].data is not None for m in modes]
        jobs.sort(key=lambda fm: -sum(x.stat().st_size for x in conversions[fm[0]].dir.glob("*.wasm")))
        futures = {pool.submit(runner.run_file, f.stem, conversions[f], m): (f, m)
                   for f, m in jobs}
        per_file = {}
        for fut in concurrent.futures.as_completed(futures):
            f, m = futures[fut]
            per_file[(f.stem, m)] = fut.result()
    elapsed = time.monotonic() - start

    report = Report(files, conversions, modes, per_file, elapsed, args)
    report.print_text(args.verbose)
    if args.report:
        report.write_markdown(Path(args.report))
    if temp and not args.keep:
        shutil.rmtree(temp, ignore_errors=True)
    total = report.totals()
    print(f"{total['pass']} passed, {total['fail']} failed, {total['skip']} skipped")
    return 1 if total["fail"] else 0


class Report:
    def __init__(self, files, conversions, modes, per_file, elapsed, args):
        self.files, self.conversions, self.modes = files, conversions, modes
        self.per_file, self.elapsed, self.args = per_file, elapsed, args
        # Commands of unconvertible files, skipped once per mode.
        self.unconvertible = {}  # stem -> (reason, commands): nothing converted
        self.partial = {}        # stem -> (reason, commands removed)
        for f in files:
            c = conversions[f]
            if c.data is None:
                self.unconvertible[f.stem] = (c.reason, top_level_forms(f.read_text(errors="replace")))
            elif c.reason:
                self.partial[f.stem] = (c.reason, len(c.removed))

    def counts(self, mode):
        """{kind: Counter(status)} for one mode, plus 'unconvertible'."""
        c = collections.defaultdict(collections.Counter)
        for (stem, m), results in self.per_file.items():
            if m == mode:
                for r in results:
                    c[r.kind][r.status] += 1
        for reason, n in self.unconvertible.values():
            c["(unconvertible file)"]["skip"] += n
        return c

    def totals(self):
        t = collections.Counter()
        for m in self.modes:
            for kind, c in self.counts(m).items():
                t.update(c)
        return t

    def kinds(self):
        """KINDS, then other command kinds seen (Wasm 3.0 ones removed)."""
        seen = {r.kind for rs in self.per_file.values() for r in rs}
        return KINDS + sorted(seen - set(KINDS)) + ["(unconvertible file)"]

    def print_text(self, verbose):
        for (stem, m), results in sorted(self.per_file.items()):
            repeated = 0  # failures with the same reason as the one printed
            for i, r in enumerate(results):
                if r.status == "fail":
                    if i and results[i - 1].status == "fail" and results[i - 1].detail == r.detail \
                            and not verbose:
                        repeated += 1
                        continue
                    if repeated:
                        print(f"FAIL [{m}] {stem}.wast: ... and {repeated} more with that reason")
                        repeated = 0
                    print(f"FAIL [{m}] {stem}.wast:{r.line}: {r.kind}: {r.detail}")
                elif verbose and r.status == "skip":
                    print(f"skip [{m}] {stem}.wast:{r.line}: {r.kind}: {r.detail}")
            if repeated:
                print(f"FAIL [{m}] {stem}.wast: ... and {repeated} more with that reason")
        for stem, (reason, n) in sorted(self.unconvertible.items()):
            if verbose:
                print(f"skip {stem}.wast ({n} commands): {reason}")
        print()
        whole = len(self.files) - len(self.unconvertible) - len(self.partial)
        print(f"{len(self.files)} files: {whole} converted whole, {len(self.partial)} in part "
              f"(Wasm 3.0 forms removed), {len(self.unconvertible)} not at all; "
              f"{self.elapsed:.1f} s with -j{self.args.jobs}")
        kinds = self.kinds()
        for m in self.modes:
            c = self.counts(m)
            print(f"\nmode {m}:")
            print(f"  {'kind':<24} {'pass':>7} {'fail':>7} {'skip':>7}")
            for k in kinds:
                if k in c:
                    print(f"  {k:<24} {c[k]['pass']:>7} {c[k]['fail']:>7} {c[k]['skip']:>7}")
        print()

    def file_rows(self):
        for f in self.files:
            stem = f.stem
            if stem in self.unconvertible:
                reason, n = self.unconvertible[stem]
                yield stem, None, reason, n
                continue
            row = {}
            for m in self.modes:
                c = collections.Counter(r.status for r in self.per_file[(stem, m)])
                row[m] = c
            yield stem, row, None, None

    def write_markdown(self, path):
        out = []
        w = out.append
        w("# Spec conformance\n")
        w("Generated by `tools/spec/run_spec.py --mode %s --report %s` on %s "
          "(%s, %d cores, -j%d, %.0f s in total); do not edit by hand.\n"
          % (",".join(self.modes), path.name if path.is_absolute() else path,
             datetime.date.today().isoformat(), platform.machine(),
             os.cpu_count() or 0, self.args.jobs, self.elapsed))
        suite = Path(self.args.testsuite) / "UPSTREAM"
        upstream = suite.read_text().strip() if suite.exists() else "unknown"
        w("Testsuite: %s. Each top-level `.wast` is converted with wabt's `wast2json` "
          "(1.0.32, Wasm 2.0 features incl. SIMD); every module is compiled with "
          "`wasm2bin --emit=obj` in the mode's flags and linked with a generated "
          "driver through `wasm2bin --link`, which runs every command "
          "(see tools/spec/run_spec.py and driver.c). A driver holds many instances, "
          "so their memories are where the instance says (`--memory-base=instance`, "
          "the default for objects); executables' fixed memory base is the same code "
          "with another base, and is run by the lit tests and tools/fuzz/diff_fuzz.py.\n" % upstream)
        w("Modes: " + "; ".join(f"`{m}` = `{' '.join(MODES[m])}`" for m in self.modes) + ".\n")
        w("## Totals per assertion kind\n")
        w("| kind | " + " | ".join(f"{m} pass | fail | skip" for m in self.modes) + " |")
        w("|---|" + "---:|---:|---:|" * len(self.modes))
        counts = {m: self.counts(m) for m in self.modes}
        for k in self.kinds():
            if any(k in counts[m] for m in self.modes):
                w(f"| {k} | " + " | ".join(
                    f"{counts[m][k]['pass']} | {counts[m][k]['fail']} | {counts[m][k]['skip']}"
                    for m in self.modes) + " |")
        tot = {m: collections.Counter() for m in self.modes}
        for m in self.modes:
            for c in counts[m].values():
                tot[m].update(c)
        w("| **all** | " + " | ".join(
            f"**{tot[m]['pass']}** | **{tot[m]['fail']}** | **{tot[m]['skip']}**"
            for m in self.modes) + " |\n")
        w("## Per file\n")
        w("Counts are commands (pass / fail / skip) per mode.\n")
        w("| file | " + " | ".join(self.modes) + " |")
        w("|---|" + "---|" * len(self.modes))
        for stem, row, reason, n in self.file_rows():
            if row is None:
                w(f"| {stem} | " + " | ".join(f"skipped ({n})" for _ in self.modes) + " |")
            else:
                w(f"| {stem} | " + " | ".join(
                    f"{row[m]['pass']} / {row[m]['fail']} / {row[m]['skip']}" for m in self.modes) + " |")
        w("\n## Files that do not convert (Wasm 3.0)\n")
        w("Their commands (counted as top-level forms) are skipped in every mode.\n")
        w("| file | commands | reason |")
        w("|---|---:|---|")
        for stem, (reason, n) in sorted(self.unconvertible.items()):
            w(f"| {stem} | {n} | {reason.replace('|', '/')} |")
        w("\n## Skipped commands of converted files\n")
        w("Grouped by reason (the same in every mode unless stated).\n")
        groups = collections.defaultdict(list)
        for (stem, m), results in sorted(self.per_file.items()):
            for r in results:
                if r.status == "skip":
                    groups[(self.generalise(r.detail), stem)].append((m, r.line))
        w("| file | reason | lines |")
        w("|---|---|---|")
        for (reason, stem), items in sorted(groups.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            lines = sorted({line for _, line in items})
            ms = sorted({m for m, _ in items})
            where = "" if len(ms) == len(self.modes) else f" ({', '.join(ms)} only)"
            shown = ", ".join(map(str, lines[:12])) + (f", … ({len(lines)} in all)" if len(lines) > 12 else "")
            w(f"| {stem} | {reason.replace('|', '/')}{where} | {shown} |")
        fails = [(m, stem, r) for (stem, m), rs in sorted(self.per_file.items()) for r in rs
                 if r.status == "fail"]
        w("\n## Failures\n")
        if not fails:
            w("None.\n")
        for m, stem, r in fails:
            w(f"- [{m}] {stem}.wast:{r.line} {r.kind}: {r.detail}")
        path.write_text("\n".join(out) + "\n")

    @staticmethod
    def generalise(detail):
        """The reason without per-module details (offsets, paths)."""
        detail = re.sub(r"/\S+\.wasm:0x[0-9a-f]+: ", "", detail)
        # "the module at line N was skipped" (the command's own module) and
        # "the removed module at line N ..." (another one it depends on).
        detail = re.sub(r"the module at line \d+", "its module", detail)
        return re.sub(r"the (\w+) module at line \d+", r"a \1 module", detail)


if __name__ == "__main__":
    sys.exit(main())
