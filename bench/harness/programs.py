"""The workloads: what to build, how to run it, and which output must agree.

Kernels are single C files in bench/workloads/. Real programs come from
Debian source packages (see debsrc.py) and are built with the few flags and
files listed here; every deviation from a plain build is explained where it
is made.
"""
from dataclasses import dataclass, field
from pathlib import Path

from . import debsrc
from .paths import BENCH, BUILD


@dataclass
class Program:
    name: str
    kind: str                      # "kernel" or "real"
    sources: list = field(default_factory=list)
    cflags: list = field(default_factory=list)          # every target
    native_cflags: list = field(default_factory=list)   # x86_64 only
    wasm_cflags: list = field(default_factory=list)     # wasm32-wasi only
    wasm_sources: list = field(default_factory=list)    # linked into the .wasm only
    wasm_ldflags: list = field(default_factory=list)
    # A control: the native build again with these flags, which switch off
    # what the .wasm cannot have (prefetch hints, x86 intrinsics) or add what
    # it must do (calls through a checked table), so the report can tell the
    # translation's cost from the source's and from Wasm's own.
    control_cflags: list = field(default_factory=list)
    args: list = field(default_factory=list)            # full mode
    quick_args: list = field(default_factory=list)      # --quick
    stdin: Path = None
    check: str = r"checksum"       # stdout lines containing this must agree

    def run_args(self, quick):
        return self.quick_args if quick else self.args


W = BENCH / "workloads"

# name: (full-size argument, --quick argument). Full sizes were chosen so the
# native build runs for roughly 0.5-2 s of CPU time on the benchmark machine.
KERNELS = {
    "matmul": ("1024", "400"),     # N x N doubles
    "stencil": ("1200", "200"),    # Jacobi sweeps over 1024 x 1024
    "dp": ("16000", "5000"),       # string length for edit distance and LCS
    "sha256": ("18", "3"),         # rounds over a 4 MiB buffer
    "sort": ("4000000", "800000"), # 32-bit keys
    "interp": ("400000", "80000"), # primes below N, in bytecode
    "strings": ("6000000", "1000000"),  # words of generated text
    "nbody": ("8000000", "1000000"),    # steps
    "randmem": ("3000000", "500000"),   # dependent loads / random updates
    "calls": ("2400", "400"),      # tree evaluations (x 20000 table calls)
}


# Kernels with a native control (see Program.control_cflags): calls.c with
# -DWASM_TABLE calls through a checked table of 32-bit indices, as Wasm does.
KERNEL_CONTROLS = {"calls": ["-DWASM_TABLE"]}


def kernels():
    return [Program(name, "kernel", sources=[W / f"{name}.c"], args=[full],
                    quick_args=[quick], control_cflags=KERNEL_CONTROLS.get(name, []))
            for name, (full, quick) in KERNELS.items()]


R = BENCH / "real"


def lua():
    src = debsrc.fetch("lua5.4") / "src"
    return Program(
        "lua", "real",
        sources=sorted(p for p in src.glob("*.c") if p.name != "luac.c"),
        # Debian's luaconf.h includes a generated multiarch header.
        cflags=["-I", R / "lua/include",
                # wasi-libc has no setjmp: a Lua error aborts instead of
                # unwinding (same code in every variant; the script raises none).
                "-DLUAI_THROW(L,c)=abort()", "-DLUAI_TRY(L,c,a)=a", "-Dluai_jmpbuf=int",
                # os.tmpname: wasi-libc has no tmpnam/L_tmpnam
                "-Dlua_tmpnam(b,e)=(e=1)", "-DLUA_TMPNAMBUFSIZE=32"],
        # lua.c installs a SIGINT handler and os.clock uses clock(): wasi-libc
        # offers both as emulations; its <setjmp.h> does not compile, so a stub
        # stands in; compat.c has tmpfile() and system(), which it lacks.
        wasm_cflags=["-I", R / "lua/wasi", "-D_WASI_EMULATED_SIGNAL",
                     "-D_WASI_EMULATED_PROCESS_CLOCKS"],
        wasm_sources=[R / "lua/wasi/compat.c"],
        wasm_ldflags=["-lwasi-emulated-signal", "-lwasi-emulated-process-clocks"],
        args=["-", "14"], quick_args=["-", "2"],
        stdin=R / "lua/bench.lua")


def sqlite():
    amalgamation = debsrc.sqlite_amalgamation()
    src = debsrc.fetch("sqlite3")
    return Program(
        "sqlite", "real",
        sources=[amalgamation / "sqlite3.c", src / "test/speedtest1.c", R / "sqlite/memvfs.c"],
        # SQLITE_OS_OTHER + our in-memory VFS: 3.40's unix VFS does not build
        # for WASI, and the benchmark is about the engine, not the file system.
        cflags=["-I", amalgamation, "-DSQLITE_OS_OTHER=1", "-DSQLITE_THREADSAFE=0",
                "-DSQLITE_OMIT_LOAD_EXTENSION=1", "-DSQLITE_TEMP_STORE=3",
                "-DSQLITE_OMIT_WAL=1"],
        args=["--memdb", "--verify", "--size", "40"],
        quick_args=["--memdb", "--verify", "--size", "5"],
        check="Verification Hash")


def zstd():
    lib = debsrc.fetch("libzstd") / "lib"
    sources = sorted((lib / "common").glob("*.c")) + sorted((lib / "compress").glob("*.c")) + \
        sorted((lib / "decompress").glob("*.c"))
    return Program(
        "zstd", "real",
        sources=sources + [R / "zstd/zstd_bench.c"],
        # The x86-64 assembly Huffman decoder is not C: every variant uses the C one.
        cflags=["-I", lib, "-DZSTD_DISABLE_ASM"],
        # Natively zstd prefetches match candidates (PREFETCH_L1) and compares
        # row tags with SSE2; Wasm has no prefetch, and zstd has no Wasm SIMD
        # path, so its .wasm does neither.
        control_cflags=["-DNO_PREFETCH", "-DZSTD_NO_INTRINSICS"],
        args=["8"], quick_args=["2"],
        check="checksum")


REAL = {"lua": lua, "sqlite": sqlite, "zstd": zstd}


def build_dir(prog):
    return BUILD / prog.name
