#!/usr/bin/env python3
"""Runs the spec testsuite's binary modules through w2b-validate.

For every top-level *.wast of the testsuite, wast2json (Wasm 2.0 features,
its default) converts the script to binary modules plus a JSON command list.
Then:

  module, assert_unlinkable, assert_uninstantiable, assert_trap (module form)
      the module must be accepted (linking and running are not our business)
  assert_invalid, assert_malformed with module_type "binary"
      the module must be rejected
  assert_invalid, assert_malformed with module_type "text"
      skipped: the text format is not wasm2bin's input

The testsuite tracks the current spec (Wasm 3.0) while the front end
implements Wasm 2.0. Files wast2json cannot convert use 3.0 syntax and are
listed as not convertible; with --split-unconvertible, each of their module
commands is then converted and checked on its own. Modules that do convert but use a 3.0 feature
(memory64, multiple memories, ...) are skipped when w2b-validate rejects them
naming that feature (see WASM3_FEATURES), whatever the command expects: such
a rejection says nothing about what the command tests. Any other unexpected
outcome is a failure.

Prints one line per failure, then totals, then exactly
"N passed, N failed, N skipped". Exits 1 if anything failed, 77 (ctest's
skip code) if the testsuite or wast2json is missing.
"""

import argparse
import collections
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "spec"))
import partial  # noqa: E402  (the .wast form splitter)

# <repo>/tools/this.py -> the testsuite lives beside the repository.
DEFAULT_TESTSUITE = Path(__file__).resolve().parent.parent.parent / "shared" / "testsuite"

# Diagnostic fragments by which w2b-validate rejects a Wasm 3.0 feature, and
# the feature's name.
WASM3_FEATURES = [
    ("memory64 is not supported", "memory64"),
    ("multiple memories", "multi-memory"),
    ("extended constant expressions are not supported", "extended-const"),
    ("may only read imported globals", "gc (global.get of defined globals)"),
]

SKIP_EXIT = 77

Check = collections.namedtuple("Check", "line kind expect_valid filename text")


def wasm3_feature(message):
    for fragment, feature in WASM3_FEATURES:
        if fragment in message:
            return feature
    return None


def checks_of(commands):
    """Yields (Check or None, skip reason or None) per relevant command."""
    for cmd in commands:
        kind = cmd["type"]
        module_type = cmd.get("module_type", "binary")
        filename = cmd.get("filename")
        if kind in ("module", "assert_unlinkable", "assert_uninstantiable", "assert_trap"):
            if not filename:
                continue  # assert_trap on an action
            if module_type != "binary":
                yield None, "text-format module"
                continue
            yield Check(cmd["line"], kind, True, filename, cmd.get("text")), None
        elif kind in ("assert_invalid", "assert_malformed"):
            if module_type != "binary":
                yield None, f"text-format {kind}"
                continue
            yield Check(cmd["line"], kind, False, filename, cmd.get("text")), None


def convert(wast, outdir):
    """Runs wast2json; returns None on success, else its first error line."""
    conv = subprocess.run(["wast2json", str(wast), "-o", str(outdir / "x.json")],
                          capture_output=True, text=True)
    if conv.returncode == 0:
        return None
    lines = (conv.stderr or conv.stdout).strip().splitlines()
    return lines[0] if lines else f"exit status {conv.returncode}"


def run_checks(commands, outdir, validator, out, name, line_offset=0):
    """Runs every check of one JSON command list; records results in out."""
    for check, skip_reason in checks_of(commands):
        if check is None:
            out["skips"][skip_reason] += 1
            continue
        where = f"{name}:{check.line + line_offset}: {check.kind}"
        result = subprocess.run([validator, str(outdir / check.filename)],
                                capture_output=True, text=True)
        accepted = result.returncode == 0
        message = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""
        if result.returncode not in (0, 1):
            out["failures"].append(
                f"{where}: w2b-validate crashed (exit {result.returncode}) {message}")
        elif not accepted and wasm3_feature(message):
            # Rejected for using a 3.0 feature: says nothing about what the
            # command tests, whichever outcome it expects.
            out["skips"][f"Wasm 3.0 feature: {wasm3_feature(message)}"] += 1
        elif accepted == check.expect_valid:
            out["passed"] += 1
        elif check.expect_valid:
            out["failures"].append(f"{where}: rejected a valid module: {message}")
        else:
            out["failures"].append(f"{where} \"{check.text}\": module accepted")


def top_level_forms(text):
    """Yields (line, text) of each top-level S-expression of a .wast script."""
    for form in partial.split_forms(text):
        yield form.line, form.text


MODULE_COMMANDS = ("module", "assert_invalid", "assert_malformed", "assert_unlinkable",
                   "assert_uninstantiable", "assert_trap")


def run_split(wast, validator, outdir, out):
    """Converts and checks each module command of wast on its own."""
    for line, form in top_level_forms(wast.read_text()):
        words = form[1:].split(None, 2)
        if not words or words[0] not in MODULE_COMMANDS:
            continue
        formdir = outdir / f"line{line}"
        formdir.mkdir()
        (formdir / "t.wast").write_text(form + "\n")
        if convert(formdir / "t.wast", formdir) is not None:
            out["skips"]["not convertible alone (Wasm 3.0 syntax)"] += 1
            continue
        with open(formdir / "x.json") as f:
            commands = json.load(f)["commands"]
        run_checks(commands, formdir, validator, out, wast.name, line - 1)


def run_file(wast, validator, workdir, split):
    """Returns a dict with the file's outcome."""
    out = {"file": wast.name, "passed": 0, "failures": [], "skips": collections.Counter()}
    outdir = workdir / wast.stem
    outdir.mkdir()
    error = convert(wast, outdir)
    if error is not None:
        out["not_convertible"] = error.replace(str(wast), wast.name)
        if split:
            run_split(wast, validator, outdir, out)
        return out
    with open(outdir / "x.json") as f:
        commands = json.load(f)["commands"]
    run_checks(commands, outdir, validator, out, wast.name)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--testsuite", type=Path, default=DEFAULT_TESTSUITE,
                        help="directory of *.wast files (default: %(default)s)")
    parser.add_argument("--validator", required=True, help="path to w2b-validate")
    parser.add_argument("--jobs", type=int, default=2, help="files converted in parallel")
    parser.add_argument("--list-skipped", action="store_true",
                        help="also list not-convertible files with wast2json's reason")
    parser.add_argument("--split-unconvertible", action="store_true",
                        help="check the commands of not-convertible files one by one")
    parser.add_argument("files", nargs="*", help="only these .wast names")
    args = parser.parse_args()

    if not args.testsuite.is_dir():
        print(f"frontend_conformance: testsuite not found: {args.testsuite}", file=sys.stderr)
        return SKIP_EXIT
    if not shutil.which("wast2json"):
        print("frontend_conformance: wast2json (wabt) not found", file=sys.stderr)
        return SKIP_EXIT
    validator = os.path.abspath(args.validator)
    wasts = sorted(args.testsuite.glob("*.wast"))
    if args.files:
        wanted = {Path(f).name for f in args.files}
        wasts = [w for w in wasts if w.name in wanted]

    with tempfile.TemporaryDirectory(prefix="w2b-conformance-") as tmp:
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            results = list(pool.map(
                lambda w: run_file(w, validator, Path(tmp), args.split_unconvertible),
                wasts))

    passed = failed = 0
    skips = collections.Counter()
    not_convertible = []
    for r in results:
        if "not_convertible" in r:
            not_convertible.append((r["file"], r["not_convertible"]))
        passed += r["passed"]
        failed += len(r["failures"])
        skips.update(r["skips"])
        for line in r["failures"]:
            print(f"FAIL {line}")

    print(f"files: {len(wasts)}, converted {len(wasts) - len(not_convertible)}, "
          f"not convertible by wast2json (mostly Wasm 3.0 syntax) {len(not_convertible)}")
    if args.list_skipped:
        for name, reason in not_convertible:
            print(f"  not convertible: {name}: {reason}")
    for reason, count in sorted(skips.items()):
        print(f"skipped {count}: {reason}")
    print(f"{passed} passed, {failed} failed, {sum(skips.values())} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
