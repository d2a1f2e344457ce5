"""How each variant is built from one program's C sources.

  native            clang-19 -O2, static against musl (crt1, libc.a, compiler-rt)
  .wasm             clang-19 --target=wasm32-wasi -O2 against Debian's wasi-libc,
                    keeping the name section (not -s) so perf shows Wasm names
  wasm2bin-guard    wasm2bin -O2 --bounds-checks=guard
  wasm2bin-explicit wasm2bin -O2 --bounds-checks=explicit
  wasm2c            wasm2c (wabt) -> clang-19 -O2 static musl + bench/peers shim
  node              node (V8) runs the .wasm through node:wasi

All native code targets the same CPU (x86-64-v2 = wasm2bin's default, or
`native` with --target-cpu=native) so no variant gets a wider ISA than another.
"""
import os
import shutil
import subprocess
from pathlib import Path

from .paths import BENCH, REPO, WORK


class BuildError(Exception):
    pass


def run(cmd, env=None, cwd=None):
    r = subprocess.run([str(c) for c in cmd], capture_output=True, text=True,
                       env=env, cwd=cwd)
    if r.returncode != 0:
        raise BuildError(f"$ {' '.join(map(str, cmd))[:400]}\n{(r.stderr + r.stdout)[-3000:]}")
    return r


def first_existing(*paths):
    for p in paths:
        if Path(p).exists():
            return Path(p)
    raise BuildError(f"none of {', '.join(map(str, paths))} exists")


def newer(output, inputs):
    """True if output exists and no input is more recent (a make-style check)."""
    if not output.exists():
        return False
    t = output.stat().st_mtime
    return all(Path(i).stat().st_mtime <= t for i in inputs if Path(i).exists())


class Toolchain:
    def __init__(self, wasm2bin, target_cpu="x86-64-v2", wasm_opt=False):
        self.clang = shutil.which("clang-19") or "clang-19"
        self.resource = Path(run([self.clang, "-print-resource-dir"]).stdout.strip())
        self.musl_include = first_existing("/usr/include/x86_64-linux-musl")
        self.musl_lib = first_existing("/usr/lib/x86_64-linux-musl", "/usr/lib/musl/lib")
        self.builtins = self.resource / "lib/linux/libclang_rt.builtins-x86_64.a"
        self.wasm2bin = Path(wasm2bin).resolve()
        self.target_cpu = target_cpu
        self.march = "native" if target_cpu == "native" else target_cpu
        self.strip = shutil.which("llvm-strip-19") or "llvm-strip"
        self.node = shutil.which("node") or "node"
        self.node_wasi = REPO / "tools/node-wasi.mjs"
        self.wasm_opt = wasm_opt
        self._stage_wasm_tools()
        self._stage_wasm2c_runtime()

    # clang-19 runs `wasm-ld-19` and, if it finds it on PATH, `wasm-opt -O2`
    # on every -O2 link. We give it a PATH holding exactly the tools we choose,
    # so the .wasm does not depend on whether binaryen happens to be installed.
    def _stage_wasm_tools(self):
        self.wasm_tools = WORK / ("tools-wasm-opt" if self.wasm_opt else "tools")
        self.wasm_tools.mkdir(parents=True, exist_ok=True)
        tools = {"wasm-ld-19": shutil.which("wasm-ld-19")}
        if self.wasm_opt:
            tools["wasm-opt"] = shutil.which("wasm-opt")
        for name, target in tools.items():
            if not target:
                raise BuildError(f"{name} not found")
            link = self.wasm_tools / name
            if link.is_symlink() or link.exists():
                link.unlink()
            link.symlink_to(target)

    # wasm2c's runtime (wasm-rt.h, wasm-rt-impl.[ch]) ships in the wabt package.
    def _stage_wasm2c_runtime(self):
        self.wasm2c_rt = WORK / "wasm2c-rt"
        self.wasm2c_rt.mkdir(parents=True, exist_ok=True)
        for name in ("wasm-rt.h", "wasm-rt-impl.h", "wasm-rt-impl.c"):
            src = first_existing(f"/usr/share/wabt/wasm2c/{name}", f"/usr/src/wasm2c/{name}",
                                 f"/usr/include/{name}")
            shutil.copyfile(src, self.wasm2c_rt / name)

    # ---- flags -------------------------------------------------------------
    def native_cflags(self):
        # -ffp-contract=off: Wasm has no fused multiply-add, so a native FMA
        # would change float results (and checksums) under --target-cpu=native.
        # -mtune=generic: wasm2bin tunes for generic x86-64 unless the target
        # is native; clang's -march=x86-64-v2 alone would tune for Sandy
        # Bridge, so the native columns would measure another tuning too.
        tune = [] if self.march == "native" else ["-mtune=generic"]
        return ["--target=x86_64-linux-musl", "-nostdinc",
                "-isystem", self.resource / "include", "-isystem", self.musl_include,
                "-O2", f"-march={self.march}", *tune, "-ffp-contract=off"]

    def native_exe(self, sources, out, cflags=()):
        """One driver call compiles the sources and links a static musl executable."""
        lib = self.musl_lib
        return [self.clang, *self.native_cflags(), *cflags, "-static", "-nostdlib",
                "-fuse-ld=lld", lib / "crt1.o", lib / "crti.o", *sources,
                lib / "libc.a", self.builtins, lib / "crtn.o", "-o", out]

    # ---- builds ------------------------------------------------------------
    def build_native(self, prog, out, extra=()):
        run(self.native_exe(prog.sources, out, [*prog.cflags, *prog.native_cflags, *extra]))

    def build_wasm(self, prog, out):
        env = dict(os.environ, PATH=str(self.wasm_tools))
        run([self.clang, "--target=wasm32-wasi", "--sysroot=/usr", "-O2",
             *prog.cflags, *prog.wasm_cflags, *prog.sources, *prog.wasm_sources,
             *prog.wasm_ldflags,
             "-o", out], env=env)

    def build_wasm2bin(self, wasm, out, bounds, opt="-O2", extra=()):
        run([self.wasm2bin, wasm, "-o", out, opt, f"--bounds-checks={bounds}",
             f"--target-cpu={self.target_cpu}", *extra])

    def wasm2c_commands(self, wasm, workdir, out):
        """wasm2c then one clang-19 -O2 call; returned for timing by extras."""
        workdir.mkdir(parents=True, exist_ok=True)
        peers = BENCH / "peers"
        translate = ["wasm2c", wasm, "-n", "app", "-o", workdir / "app.c"]
        sources = [workdir / "app.c", self.wasm2c_rt / "wasm-rt-impl.c",
                   peers / "wasm2c_wasi.c", peers / "wasm2c_main.c"]
        compile_ = self.native_exe(sources, out,
                                   ["-I", workdir, "-I", self.wasm2c_rt, "-I", peers])
        return [translate, compile_]

    def build_wasm2c(self, wasm, workdir, out):
        for cmd in self.wasm2c_commands(wasm, workdir, out):
            run(cmd)

    def node_command(self, wasm):
        return [self.node, "--no-turbo-fast-api-calls", self.node_wasi, wasm]

    def wasm2bin_inputs(self):
        """Files whose change means wasm2bin outputs must be rebuilt."""
        lib = self.wasm2bin.parent.parent / "lib/wasm2bin/libw2brt.a"
        return [self.wasm2bin, lib]
