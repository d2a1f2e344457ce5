"""Builds the variants of one program and says how to run each.

Outputs live in bench/work/build/<program>/. A variant is rebuilt only when
one of its inputs (sources, flags file, the compiler) is newer, so iterating
on wasm2bin recompiles only the wasm2bin variants.
"""
import json
import time

from .paths import BENCH
from .programs import build_dir
from .toolchain import BuildError, newer

VARIANTS = ["native", "native-control", "wasm2bin-guard", "wasm2bin-explicit", "wasm2c",
            "node"]
LABELS = {
    "native": "native clang -O2",
    "native-control": "native, Wasm's features",  # programs with control_cflags only
    "wasm2bin-guard": "wasm2bin guard",
    "wasm2bin-explicit": "wasm2bin explicit",
    "wasm2c": "wasm2c + clang",
    "node": "node (V8)",
}


def _flags_stamp(prog, tc, d):
    """A file holding the build configuration, so a changed flag rebuilds."""
    stamp = d / "config.json"
    config = json.dumps({"cflags": list(map(str, prog.cflags + prog.native_cflags +
                                            prog.wasm_cflags + prog.wasm_ldflags +
                                            prog.control_cflags)),
                         "native": list(map(str, tc.native_cflags())),
                         "sources": list(map(str, prog.sources + prog.wasm_sources)),
                         "cpu": tc.target_cpu, "wasm_opt": tc.wasm_opt}, indent=1)
    if not stamp.exists() or stamp.read_text() != config:
        stamp.write_text(config)
    return stamp


def build(prog, tc, force=False, log=print):
    """Returns {variant: (command prefix or None, error text or None)}."""
    d = build_dir(prog)
    d.mkdir(parents=True, exist_ok=True)
    stamp = _flags_stamp(prog, tc, d)
    inputs = [*prog.sources, *prog.wasm_sources, stamp]
    wasm = d / "app.wasm"
    out = {}

    def step(variant, output, deps, action):
        if not force and newer(output, deps):
            return True
        t0 = time.perf_counter()
        try:
            action()
        except BuildError as e:
            output.unlink(missing_ok=True)  # never run a stale build
            out[variant] = (None, str(e))
            log(f"  {prog.name}: {variant} build FAILED")
            return False
        log(f"  {prog.name}: built {variant} in {time.perf_counter() - t0:.1f} s")
        return True

    native = d / "native"
    if step("native", native, inputs, lambda: tc.build_native(prog, native)):
        out["native"] = ([native], None)
    control = d / "native-control"
    if prog.control_cflags and step("native-control", control, inputs,
                                    lambda: tc.build_native(prog, control, prog.control_cflags)):
        out["native-control"] = ([control], None)
    if not step("wasm", wasm, inputs, lambda: tc.build_wasm(prog, wasm)):
        err = out.pop("wasm")[1]
        for v in (v for v in VARIANTS if not v.startswith("native")):
            out[v] = (None, "the .wasm did not build:\n" + err)
        return out
    for bounds in ("guard", "explicit"):
        exe = d / f"wasm2bin-{bounds}"
        if step(f"wasm2bin-{bounds}", exe, [wasm, *tc.wasm2bin_inputs()],
                lambda b=bounds, e=exe: tc.build_wasm2bin(wasm, e, b)):
            out[f"wasm2bin-{bounds}"] = ([exe], None)
    w2c = d / "wasm2c"
    peers = sorted((BENCH / "peers").glob("wasm2c_*"))
    if step("wasm2c", w2c, [wasm, *peers], lambda: tc.build_wasm2c(wasm, d / "wasm2c-src", w2c)):
        out["wasm2c"] = ([w2c], None)
    out["node"] = (tc.node_command(wasm), None)
    return out
