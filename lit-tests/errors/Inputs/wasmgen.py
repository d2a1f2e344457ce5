#!/usr/bin/env python3
"""Writes malformed, huge or otherwise hostile WebAssembly binaries.

  wasmgen.py CASE [N] -o OUT.wasm

The bad-input tests in lit-tests/errors/ generate their inputs with this
script at test time, so no large file is kept in git. CASE is one of the
functions below named case_<CASE>; N (optional) scales it. `wasmgen.py list`
prints the cases.
"""

import argparse
import struct
import sys


def uleb(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def sleb(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if (n == 0 and not b & 0x40) or (n == -1 and b & 0x40):
            out.append(b)
            return bytes(out)
        out.append(b | 0x80)


def vec(items):
    return uleb(len(items)) + b"".join(items)


def name(s):
    b = s.encode() if isinstance(s, str) else s
    return uleb(len(b)) + b


def section(sid, payload):
    return bytes([sid]) + uleb(len(payload)) + payload


HEADER = b"\0asm\1\0\0\0"
I32, I64, F32, F64 = 0x7F, 0x7E, 0x7D, 0x7C
END = b"\x0b"


def functype(params, results):
    return b"\x60" + vec([bytes([t]) for t in params]) + vec([bytes([t]) for t in results])


def body(code, locals_=()):
    """A function body: local declarations (count, type) then code + end."""
    decls = vec([uleb(n) + bytes([t]) for n, t in locals_])
    b = decls + code + END
    return uleb(len(b)) + b


def module(*sections):
    return HEADER + b"".join(sections)


def start_export(typeidx=0):
    """Export section exporting function 0 as _start."""
    return section(7, vec([name("_start") + b"\x00" + uleb(0)]))


def one_func(code, locals_=(), params=(), results=(), export=True):
    """A module with one function of type params -> results exported as
    _start (when it is () -> ())."""
    secs = [section(1, vec([functype(params, results)])),
            section(3, vec([uleb(0)]))]
    if export:
        secs.append(start_export())
    secs.append(section(10, vec([body(code, locals_)])))
    return module(*secs)


# --- LEB128 and counts -------------------------------------------------------

def case_leb_too_long(n):
    # The type count as a 6-byte LEB128 (u32 allows 5).
    return HEADER + b"\x01\x07" + b"\x80\x80\x80\x80\x80\x00" + b"\x00"


def case_leb_too_large(n):
    # Fifth byte 0x1f: bits beyond 32 set.
    return HEADER + b"\x01\x06" + b"\xff\xff\xff\xff\x1f" + b"\x00"


def case_leb_section_size_too_long(n):
    return HEADER + b"\x01" + b"\x81\x80\x80\x80\x80\x00" + b"\x00"


def case_s32_too_large(n):
    # i32.const with a 5-byte signed LEB128 whose unused bits are not the sign.
    return one_func(b"\x41\xff\xff\xff\xff\x4f\x1a")


def case_s64_too_long(n):
    # i64.const with 11 bytes.
    return one_func(b"\x42" + b"\x80" * 10 + b"\x00\x1a")


def case_count_exceeds_bytes(n):
    # A type section declaring 0xffffffff types in 6 bytes.
    return module(section(1, b"\xff\xff\xff\xff\x0f\x60"))


def case_locals_count_huge(n):
    # One local declaration of 0xffffffff i32s.
    return one_func(b"", locals_=[(0xFFFFFFFF, I32)])


def case_locals_total_overflow(n):
    # Many declarations whose counts add up past 2^32.
    return one_func(b"", locals_=[(0xFFFFFFFF, I32)] * 3)


def case_many_locals(n):
    # n locals, each declared separately (n declarations of 1).
    return one_func(b"", locals_=[(1, I64)] * n)


def case_many_locals_one_decl(n):
    # n i32 locals in one declaration, all used once so they cannot vanish.
    code = b"".join(b"\x20" + uleb(i) + b"\x1a" for i in range(n))
    return one_func(code, locals_=[(n, I32)])


def case_too_many_params(n):
    return module(section(1, vec([functype([I32] * n, [])])))


def case_too_many_results(n):
    return module(section(1, vec([functype([], [I32] * n)])))


def case_too_many_types(n):
    return module(section(1, vec([functype([], [])] * n)))


def case_too_many_functions(n):
    # n function declarations (type 0); no code section needed to be refused.
    return module(section(1, vec([functype([], [])])),
                  section(3, vec([b"\x00"] * n)))


def case_many_functions(n):
    # n small functions, each calling the previous one; _start calls the last.
    types = section(1, vec([functype([], [I32]), functype([], [])]))
    funcs = section(3, vec([b"\x00"] * n + [b"\x01"]))
    exports = section(7, vec([name("_start") + b"\x00" + uleb(n)]))
    bodies = [body(b"\x41\x01")]
    for i in range(1, n):
        bodies.append(body(b"\x10" + uleb(i - 1) + b"\x41\x01\x6a"))
    bodies.append(body(b"\x10" + uleb(n - 1) + b"\x1a"))
    return module(types, funcs, exports, section(10, vec(bodies)))


def case_too_many_imports(n):
    imp = name("env") + name("f") + b"\x00\x00"
    return module(section(1, vec([functype([], [])])), section(2, vec([imp] * n)))


def case_too_many_data_segments(n):
    seg = b"\x01" + name(b"")  # passive, empty
    return module(section(5, vec([b"\x00\x01"])), section(11, vec([seg] * n)))


def case_too_many_globals(n):
    g = bytes([I32, 0]) + b"\x41\x00" + END
    return module(section(6, vec([g] * n)))


# --- Memories and tables -----------------------------------------------------

def mem_module(limits):
    return module(section(1, vec([functype([], [])])), section(3, vec([b"\x00"])),
                  section(5, vec([limits])), start_export(),
                  section(10, vec([body(b"")])))


def case_memory_4gib(n):
    # min = max = 65536 pages: valid, the program must still start.
    return mem_module(b"\x01" + uleb(65536) + uleb(65536))


def case_memory_too_big(n):
    return mem_module(b"\x00" + uleb(65537))


def case_memory_max_too_big(n):
    return mem_module(b"\x01" + uleb(1) + uleb(0xFFFFFFFF))


def case_memory_min_over_max(n):
    return mem_module(b"\x01" + uleb(2) + uleb(1))


def case_memory64_limits(n):
    return mem_module(b"\x04" + uleb(1))


def table_module(limits):
    return module(section(1, vec([functype([], [])])), section(3, vec([b"\x00"])),
                  section(4, vec([b"\x70" + limits])), start_export(),
                  section(10, vec([body(b"")])))


def case_table_huge(n):
    # The largest table wasm2bin accepts (10,000,000 elements).
    return table_module(b"\x00" + uleb(10000000))


def case_many_huge_tables(n):
    # n tables of 10,000,000 elements each.
    return module(section(1, vec([functype([], [])])), section(3, vec([b"\x00"])),
                  section(4, vec([b"\x70\x00" + uleb(10000000)] * n)), start_export(),
                  section(10, vec([body(b"")])))


def case_table_too_big(n):
    return table_module(b"\x00" + uleb(10000001))


def case_table_max_u32(n):
    return table_module(b"\x01" + uleb(0) + uleb(0xFFFFFFFF))


def case_elem_segment_huge(n):
    # A table of n elements, all filled by one active segment of n ref.funcs.
    types = section(1, vec([functype([], [])]))
    funcs = section(3, vec([b"\x00"]))
    table = section(4, vec([b"\x70\x00" + uleb(n)]))
    elem = section(9, vec([b"\x00" + b"\x41\x00" + END + vec([b"\x00"] * n)]))
    return module(types, funcs, table, start_export(), elem, section(10, vec([body(b"")])))


def case_elem_segment_check(n):
    # A table of n funcrefs filled by one active segment of expressions,
    # alternately ref.func $answer and ref.null; _start exits with
    # call_indirect(n - 2), i.e. $answer's 42 (n even).
    types = section(1, vec([functype([I32], []), functype([], []), functype([], [I32])]))
    imports = section(2, vec([name("wasi_snapshot_preview1") + name("proc_exit") + b"\x00" + uleb(0)]))
    funcs = section(3, vec([uleb(1), uleb(2)]))                 # 1: _start, 2: $answer
    table = section(4, vec([b"\x70\x00" + uleb(n)]))
    items = [b"\xd2\x02" + END if i % 2 == 0 else b"\xd0\x70" + END for i in range(n)]
    elem = section(9, vec([b"\x04" + b"\x41\x00" + END + vec(items)]))
    start = b"\x41" + sleb(n - 2) + b"\x11\x02\x00" + b"\x10\x00"
    code = section(10, vec([body(start), body(b"\x41\x2a")]))
    exports = section(7, vec([name("_start") + b"\x00" + uleb(1)]))
    return module(types, imports, funcs, table, exports, elem, code)


# --- Function bodies ---------------------------------------------------------

def case_deep_blocks(n):
    # n nested blocks, closed.
    return one_func(b"\x02\x40" * n + END * n)


def case_deep_loops_ifs(n):
    # n nested (loop (if (i32.const 0) ...)) pairs.
    return one_func(b"\x03\x40\x41\x00\x04\x40" * n + END * (2 * n))


def case_deep_blocks_unclosed(n):
    # n nested blocks and no end at all: the body ends inside them.
    code = b"\x02\x40" * n
    b = vec([]) + code
    return module(section(1, vec([functype([], [])])), section(3, vec([b"\x00"])),
                  section(10, vec([uleb(len(b)) + b])))


def case_deep_branch(n):
    # n nested blocks; the innermost branches out of all of them.
    return one_func(b"\x02\x40" * n + b"\x0c" + uleb(n - 1) + END * n)


def case_br_table_huge(n):
    # br_table with n targets inside 4 blocks; the index picks block 2.
    targets = b"".join(uleb(i % 4) for i in range(n))
    code = (b"\x02\x40" * 4 + b"\x41" + sleb(n // 2) + b"\x0e" + uleb(n) + targets
            + uleb(0) + END * 4)
    return one_func(code)


def case_br_table_dynamic(n):
    # f(i): br_table with n targets (depth i % 4) and default depth 0, out of
    # 4 blocks; leaving block k returns 10 + k. _start checks f(i) for
    # i = 0 .. n + 7 (the last 8 take the default) and exits with 42, or with
    # 1 at the first wrong answer.
    i32_const = lambda v: b"\x41" + sleb(v)
    targets = b"".join(uleb(i % 4) for i in range(n))
    f = (b"\x02\x40" * 4 + b"\x20\x00" + b"\x0e" + uleb(n) + targets + uleb(0)
         + END + i32_const(10) + b"\x0f" + END + i32_const(11) + b"\x0f"
         + END + i32_const(12) + b"\x0f" + END + i32_const(13))
    check = (b"\x20\x00\x10\x01"                                  # f(i)
             + i32_const(10) + b"\x20\x00" + i32_const(3) + b"\x71\x6a"  # 10 + (i & 3)
             + i32_const(10)                                      # or 10
             + b"\x20\x00" + i32_const(n) + b"\x49\x1b"             # i < n ? :
             + b"\x47\x04\x40" + i32_const(1) + b"\x10\x00" + END)   # != -> exit 1
    start = (b"\x02\x40\x03\x40" + check
             + b"\x20\x00" + i32_const(1) + b"\x6a\x22\x00" + i32_const(n + 8)
             + b"\x49\x0d\x00" + END + END + i32_const(42) + b"\x10\x00")
    return module(
        section(1, vec([functype([I32], [I32]), functype([], []), functype([I32], [])])),
        section(2, vec([name("wasi_snapshot_preview1") + name("proc_exit") + b"\x00" + uleb(2)])),
        section(3, vec([uleb(0), uleb(1)])),
        section(7, vec([name("_start") + b"\x00" + uleb(2)])),
        section(10, vec([body(f), body(start, [(1, I32)])])))


def case_br_table_count_lie(n):
    # br_table claiming 0xffffffff targets with a few bytes left.
    return one_func(b"\x02\x40\x41\x00\x0e\xff\xff\xff\xff\x0f\x00\x00" + END)


def case_operand_stack_deep(n):
    # n values pushed, then n - 1 adds: an operand stack n deep.
    code = b"\x41\x01" * n + b"\x6a" * (n - 1) + b"\x1a"
    return one_func(code)


def case_unreachable_tail(n):
    # n instructions of dead code after unreachable, which must still validate.
    return one_func(b"\x00" + b"\x6a\x1a" * n)


def case_body_too_large(n):
    # One body of 7654322 bytes (just above the limit): nops.
    code = b"\x01" * (7654322 - 2)
    return one_func(code)


def case_body_size_lie(n):
    # The body's size says 100 bytes; 3 remain.
    b = module(section(1, vec([functype([], [])])), section(3, vec([b"\x00"])))
    return b + section(10, b"\x01" + uleb(100) + b"\x00\x01\x0b")


def case_body_size_short(n):
    # The body's size stops before its end opcode: a truncated function.
    payload = b"\x01" + uleb(2) + b"\x00\x01" + b"\x0b"
    return module(section(1, vec([functype([], [])])), section(3, vec([b"\x00"])),
                  section(10, payload))


def case_long_const_expr(n):
    # A global initialised by n i32.consts (only one is allowed).
    g = bytes([I32, 0]) + b"\x41\x00" * n + END
    return module(section(6, vec([g])))


# --- Sections ----------------------------------------------------------------

def case_duplicate_section(n):
    t = section(1, vec([functype([], [])]))
    return module(t, t)


def case_duplicate_memory_section(n):
    m = section(5, vec([b"\x00\x01"]))
    return module(m, m)


def case_out_of_order_section(n):
    return module(section(3, vec([])), section(1, vec([])))


def case_datacount_after_code(n):
    return module(section(10, vec([])), section(12, uleb(0)))


def case_section_size_too_big(n):
    # The type section claims 200 bytes; the file ends after 4.
    return HEADER + b"\x01" + uleb(200) + vec([functype([], [])])


def case_section_size_too_small(n):
    # The type section's size ends in the middle of its one type.
    t = vec([functype([I32], [I32])])
    return HEADER + b"\x01" + uleb(3) + t


def case_section_size_trailing(n):
    # The type section claims two bytes more than its content.
    t = vec([functype([], [])]) + b"\x00\x00"
    return HEADER + b"\x01" + uleb(len(t)) + t


def case_unknown_section(n):
    return module(section(13, b""))


def case_custom_section_name_lie(n):
    # A custom section whose name length exceeds the section.
    return HEADER + b"\x00\x03" + b"\x20ab"


def case_many_custom_sections(n):
    return module(*[section(0, name("c%d" % i) + b"x" * 16) for i in range(n)])


def case_function_code_mismatch(n):
    return module(section(1, vec([functype([], [])])), section(3, vec([b"\x00", b"\x00"])),
                  section(10, vec([body(b"")])))


def case_datacount_mismatch(n):
    return module(section(5, vec([b"\x00\x01"])), section(12, uleb(2)),
                  section(11, vec([b"\x01" + name(b"x")])))


def case_data_size_lie(n):
    # A passive data segment claiming 0xfffffff0 bytes.
    return module(section(5, vec([b"\x00\x01"])),
                  section(11, b"\x01\x01" + uleb(0xFFFFFFF0) + b"abc"))


def case_data_huge(n):
    # One active data segment of n bytes at address 0 in a 64 KiB memory:
    # fails at instantiation if n > 65536, is fine otherwise.
    pages = max(1, (n + 65535) // 65536)
    return module(section(1, vec([functype([], [])])), section(3, vec([b"\x00"])),
                  section(5, vec([b"\x00" + uleb(pages)])), start_export(),
                  section(10, vec([body(b"")])),
                  section(11, vec([b"\x00\x41\x00\x0b" + uleb(n) + b"\xab" * n])))


# --- Names -------------------------------------------------------------------

def case_bad_utf8_export(n):
    return module(section(1, vec([functype([], [])])), section(3, vec([b"\x00"])),
                  section(7, vec([name(b"\xff\xfe") + b"\x00\x00"])),
                  section(10, vec([body(b"")])))


def case_bad_utf8_import(n):
    return module(section(1, vec([functype([], [])])),
                  section(2, vec([name(b"env") + name(b"\xc0\x80") + b"\x00\x00"])))


def case_surrogate_utf8_export(n):
    # U+D800 encoded in UTF-8 (ED A0 80) is not a scalar value.
    return module(section(1, vec([functype([], [])])), section(3, vec([b"\x00"])),
                  section(7, vec([name(b"\xed\xa0\x80") + b"\x00\x00"])),
                  section(10, vec([body(b"")])))


def case_bad_utf8_custom_name(n):
    return module(section(0, name(b"\x80abc") + b"payload"))


def case_bad_utf8_name_section(n):
    # The name section is custom: a bad function name there is ignored.
    names = section(1, vec([uleb(0) + name(b"\xff")]))
    return module(section(1, vec([functype([], [])])), section(3, vec([b"\x00"])),
                  start_export(), section(10, vec([body(b"")])),
                  section(0, name("name") + names))


def case_long_export_name(n):
    # An export name of n bytes.
    return module(section(1, vec([functype([], [])])), section(3, vec([b"\x00"])),
                  section(7, vec([name("_start") + b"\x00\x00",
                                  name("x" * n) + b"\x00\x00"])),
                  section(10, vec([body(b"")])))


def case_duplicate_export(n):
    return module(section(1, vec([functype([], [])])), section(3, vec([b"\x00"])),
                  section(7, vec([name("_start") + b"\x00\x00"] * 2)),
                  section(10, vec([body(b"")])))


# --- A module with every section, for truncation ----------------------------

def case_all_sections(n):
    """Every kind of section, all valid (a WASI command exiting with 49); the
    truncation test cuts it."""
    types = section(1, vec([functype([], []), functype([I32], [I32]), functype([I32], [])]))
    imports = section(2, vec([name("wasi_snapshot_preview1") + name("proc_exit")
                              + b"\x00" + uleb(2)]))
    funcs = section(3, vec([b"\x00", b"\x01", b"\x00"]))  # 1: _start, 2: add, 3: start
    table = section(4, vec([b"\x70\x00\x02"]))
    memory = section(5, vec([b"\x01\x01\x02"]))
    glob = section(6, vec([bytes([I32, 1]) + b"\x41\x2a" + END]))
    exports = section(7, vec([name("_start") + b"\x00" + uleb(1),
                              name("memory") + b"\x02\x00"]))
    start = section(8, uleb(3))
    elem = section(9, vec([b"\x00\x41\x00\x0b" + vec([uleb(1), uleb(2)])]))
    datacount = section(12, uleb(1))
    code = section(10, vec([
        # _start: proc_exit(add(7))
        body(b"\x41\x07\x10\x02\x10\x00"),
        # add: x + global 0 (42), with an unused i64 local
        body(b"\x20\x00\x23\x00\x6a", locals_=[(1, I64)]),
        # start: global 0 stays 42
        body(b"\x23\x00\x24\x00"),
    ]))
    data = section(11, vec([b"\x00\x41\x00\x0b" + name(b"hello")]))
    custom = section(0, name("name") + section(1, vec([uleb(1) + name("start")])))
    return module(types, imports, funcs, table, memory, glob, exports,
                  start, elem, datacount, code, data, custom)


CASES = {k[5:].replace("_", "-"): v for k, v in globals().items() if k.startswith("case_")}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("case")
    p.add_argument("n", nargs="?", type=int, default=0)
    p.add_argument("-o", dest="out")
    args = p.parse_args()
    if args.case == "list":
        print("\n".join(sorted(CASES)))
        return 0
    data = CASES[args.case](args.n)
    with open(args.out, "wb") as f:
        f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
