"""Partial conversion of .wast scripts that wast2json cannot convert whole.

The testsuite tracks Wasm 3.0: many scripts of Wasm 2.0 features (br_if,
linking, table_get, ...) contain a few forms written with 3.0 syntax, which
wast2json 1.0.32 rejects, and then converts nothing. This module removes such
forms, and the forms that depend on them, so that the rest still runs:

  1. wast2json converts the script; the top-level forms containing the lines
     of its errors are removed (blanked, so that line numbers stay), and this
     repeats until it converts. A crash of wast2json (no line) removes the
     forms that crash it on their own.
  2. A removed module takes with it the commands that act on it: those on the
     current module until the next module, those naming it ($name), its
     `register`, and later modules that import from that registered name.

Every removed form is reported with its line, command kind and reason.
"""

import re
import subprocess
from pathlib import Path

ERROR_LINE = re.compile(r"^[^:\n]+\.wast:(\d+):\d+: error: (.*)$", re.M)


class Form:
    __slots__ = ("start", "end", "line", "last_line", "head", "text")

    def __init__(self, start, end, line, last_line, text):
        self.start, self.end, self.line, self.last_line = start, end, line, last_line
        self.text = text
        m = re.match(r"\(\s*([^\s()]+)", text)
        self.head = m.group(1) if m else ""

    @property
    def kind(self):
        """The command kind as the runner counts it."""
        if self.head in ("invoke", "get"):
            return "action"
        return self.head if self.head[:1].isalpha() else "(other form)"

    def module_name(self):
        """$name of a (module $name ...) form."""
        m = re.match(r"\(\s*module\s+(?:definition\s+|instance\s+)?(\$[^\s()]+)", self.text)
        return m.group(1) if m else None

    def action_target(self):
        """For commands acting on a module: ('current', None) or
        ('named', $name); None for other forms."""
        text = self.text
        if self.head in ("assert_return", "assert_trap", "assert_exhaustion",
                         "assert_exception", "assert_suspension"):
            m = re.match(r"\(\s*[a-z_]+\s*\(\s*(invoke|get)\s+(\$[^\s()\"]+)?", text)
            if not m:
                return None  # e.g. assert_trap on a module
            return ("named", m.group(2)) if m.group(2) else ("current", None)
        if self.head in ("invoke", "get"):
            m = re.match(r"\(\s*(invoke|get)\s+(\$[^\s()\"]+)?", text)
            return ("named", m.group(2)) if m.group(2) else ("current", None)
        return None

    def imports_from(self):
        return set(re.findall(r"\(\s*import\s+\"((?:[^\"\\]|\\.)*)\"", self.text))


def split_forms(text):
    """Top-level S-expressions of a script, skipping comments and strings."""
    forms = []
    i, n, depth, start, line, start_line = 0, len(text), 0, 0, 1, 1
    while i < n:
        c = text[i]
        if text.startswith(";;", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if text.startswith("(;", i):
            nesting, i = 1, i + 2
            while i < n and nesting:
                if text.startswith("(;", i):
                    nesting, i = nesting + 1, i + 2
                elif text.startswith(";)", i):
                    nesting, i = nesting - 1, i + 2
                else:
                    line += text[i] == "\n"
                    i += 1
            continue
        if c == "\n":
            line += 1
        elif c == '"':
            i += 1
            while i < n and text[i] != '"':
                if text[i] == "\n":
                    line += 1
                i += 2 if text[i] == "\\" else 1
        elif c == "(":
            if depth == 0:
                start, start_line = i, line
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                forms.append(Form(start, i + 1, start_line, line, text[start:i + 1]))
        i += 1
    return forms


def blank(text, form):
    """text with the form replaced by its newlines (line numbers stay)."""
    return text[:form.start] + "\n" * form.text.count("\n") + text[form.end:]


def wast2json(path, out, run):
    return run(["wast2json", str(path), "-o", str(out)])


def crashed(result):
    return result.returncode < 0 or "Assertion" in result.stderr or \
        "terminate called" in result.stderr


def convert_partially(wast, outdir, run):
    """Converts what it can of `wast` into outdir/<stem>.json.

    Returns (converted, removed) where converted is True if a JSON file was
    written and removed lists (line, kind, reason) for every removed form.
    `run(cmd)` runs a command like subprocess.run with captured text output.
    """
    text = wast.read_text()
    forms = split_forms(text)
    removed = {}  # form index -> reason
    script = outdir / (wast.stem + ".wast")
    target = outdir / (wast.stem + ".json")

    def current_text():
        t = text
        for idx in sorted(removed, key=lambda k: -forms[k].start):
            t = blank(t, forms[idx])
        return t

    def form_at(line):
        for idx, f in enumerate(forms):
            if f.line <= line <= f.last_line:
                return idx
        return None

    for _ in range(len(forms) + 1):
        script.write_text(current_text())
        result = wast2json(script, target, run)
        if result.returncode == 0:
            break
        errors = [(int(l), msg) for l, msg in ERROR_LINE.findall(result.stderr)
                  if "expected EOF" not in msg]
        progress = False
        for line, msg in errors:
            idx = form_at(line)
            if idx is not None and idx not in removed:
                removed[idx] = f"wast2json: {msg}"
                progress = True
        if progress:
            continue
        if crashed(result) or not errors:
            # Find the forms that crash wast2json (or fail) on their own.
            single = outdir / "single.wast"
            for idx, f in enumerate(forms):
                if idx in removed:
                    continue
                single.write_text("\n" * (f.line - 1) + f.text + "\n")
                r = wast2json(single, outdir / "single.json", run)
                if crashed(r):
                    first = (r.stderr.strip().splitlines() or ["crash"])[-1]
                    removed[idx] = f"wast2json crashes on it: {first}"
                    progress = True
            single.unlink(missing_ok=True)
        if not progress:
            return False, [(f.line, f.kind, "the script does not convert")
                           for f in forms]

    # Commands that depend on removed modules. A module is known by the line
    # of its form; `current` is the one unnamed actions act on.
    current = None
    named = {}       # $name -> module line
    registered = {}  # registered name -> module line
    gone = {}        # module line -> why commands on it cannot run
    for idx, f in enumerate(forms):
        reason = removed.get(idx)
        instantiates = f.head in ("module", "assert_uninstantiable") or (
            f.head == "assert_trap" and f.action_target() is None)
        imports = f.imports_from() if instantiates or f.head == "assert_unlinkable" else set()
        if reason is None:
            lost = sorted(m for m in imports if registered.get(m) in gone)
            if lost:
                reason = removed[idx] = (f"imports from \"{lost[0]}\": "
                                         f"{gone[registered[lost[0]]]}")
        if reason is not None and instantiates:
            # Its instantiation could have written into the memories and
            # tables it imports, or called functions that change state.
            for m in imports:
                if m in registered and registered[m] not in gone:
                    gone[registered[m]] = (f"the removed module at line {f.line} "
                                           f"may have changed its state")
        if f.head == "module":
            current = f.line
            name = f.module_name()
            if name:
                named[name] = f.line
            if reason is not None:
                gone[f.line] = f"the module at line {f.line} was removed"
            continue
        if reason is not None:
            # Removed for its own error, which may just be the consequence
            # of acting on a removed module ("unknown function export"):
            # give the cause.
            target_ref = f.action_target()
            if target_ref:
                module = current if target_ref[0] == "current" else named.get(target_ref[1])
                if module in gone:
                    removed[idx] = gone[module]
            continue
        if f.head == "register":
            m = re.match(r"\(\s*register\s+\"((?:[^\"\\]|\\.)*)\"\s*(\$[^\s()]+)?", f.text)
            if m:
                module = named.get(m.group(2)) if m.group(2) else current
                registered[m.group(1)] = module
                if module in gone:
                    removed[idx] = gone[module]
            continue
        target_ref = f.action_target()
        if target_ref:
            module = current if target_ref[0] == "current" else named.get(target_ref[1])
            if module in gone:
                removed[idx] = gone[module]

    script.write_text(current_text())
    result = wast2json(script, target, run)
    if result.returncode != 0:
        return False, [(f.line, f.kind, "the script does not convert") for f in forms]
    return True, sorted((forms[i].line, forms[i].kind, r) for i, r in removed.items())
