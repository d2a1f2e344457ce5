#!/usr/bin/env python3
"""Random valid WebAssembly 2.0 modules for differential execution fuzzing.

  gen_module.py --seed N [-o OUT.wat]

Covers what Binaryen's -ttf leaves out or rarely reaches, with wabt's
wasm-interp as the reference (diff_fuzz.py):
  - traps: division by zero and overflow, float-to-int conversion of NaN and
    out-of-range values, loads and stores across the end of memory (with
    offsets), bulk memory and table operations out of bounds, call_indirect
    to null, out-of-range and wrong-type elements, unreachable, unbounded
    recursion (call stack exhausted), active segments that do not fit at
    instantiation;
  - bulk memory: memory.fill/copy/init, data.drop, passive segments;
  - tables: table.get/set/size/grow/fill/copy/init, elem.drop, ref.func,
    ref.null, ref.is_null, several tables, call_indirect through each;
  - multi-value: functions and blocks with several results and block
    parameters, br/br_if/br_table carrying several values;
  - br_table with many targets, loops with bounded trip counts, select,
    globals, memory.grow (also failing), sign extension, saturating
    conversions, integer SIMD and float arithmetic.

Every exported function takes no parameters (wasm-interp calls only those)
and returns only i32/i64/v128: wasm-interp prints floats with 6 decimals, so
floats are returned as their bits. A NaN's sign and payload are not
deterministic in Wasm, so every float is canonicalised before its bits are
observed (reinterpret, store, copysign's sign operand). Each test function
t<k> is followed in export order by h<k>, which hashes memory, globals and
tables, so state changes are compared too. Modules are deterministic in the
seed.
"""

import argparse
import random
import sys

I32, I64, F32, F64, V128 = "i32", "i64", "f32", "f64", "v128"
NUM = [I32, I64, F32, F64]

INT_EDGES = {
    I32: [0, 1, -1, 2, 7, 31, 32, 33, 0x7FFFFFFF, -0x80000000, 0xFFFF, 0x10000, 255, -256],
    I64: [0, 1, -1, 2, 63, 64, 65, 0x7FFFFFFFFFFFFFFF, -0x8000000000000000, 0xFFFFFFFF,
          0x100000000, -0x80000000],
}
FLOAT_EDGES = ["0", "-0", "1", "-1", "0.5", "-0.5", "1.5", "2.5", "-2.5", "inf", "-inf", "nan",
               "-nan", "nan:0x200000", "0x1p-149", "0x1p+31", "-0x1p+31", "0x1p+32", "0x1p+63",
               "-0x1p+63", "0x1p+64", "2147483647.5", "-2147483648.5", "4294967295.9",
               "1e30", "-1e30", "3.4e38", "0x1.fffffep+127"]

ADDR_EDGES = [0, 1, 8, 100, 1000, 65528, 65532, 65534, 65535, 65536, 65537, 131064, 131071,
              131072, 0x7FFFFFFF, 0xFFFFFFFF, 0xFFFFFFF0, -8]

INT_BIN = ["add", "sub", "mul", "and", "or", "xor", "shl", "shr_s", "shr_u", "rotl", "rotr",
           "div_s", "div_u", "rem_s", "rem_u"]
INT_UN = ["clz", "ctz", "popcnt"]
INT_CMP = ["eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u"]
FLT_BIN = ["add", "sub", "mul", "div", "min", "max"]
FLT_UN = ["abs", "neg", "ceil", "floor", "trunc", "nearest", "sqrt"]
FLT_CMP = ["eq", "ne", "lt", "gt", "le", "ge"]


class Func:
    def __init__(self, name, params, results):
        self.name, self.params, self.results = name, params, results


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        r = self.r
        self.mem_pages = r.choice([0, 1, 1, 1, 2, 3])
        # Always a small maximum: wasm-interp allocates (and zeroes) all of a
        # grown memory, so unbounded growth would measure the machine.
        self.mem_max = self.mem_pages + r.randint(0, 4)
        self.num_datas = r.randint(0, 3)
        self.tables = [r.randint(0, 12) for _ in range(r.choice([0, 1, 1, 2]))]
        self.table_max = [r.choice([None, t, t + 5]) for t in self.tables]
        self.globals = [r.choice(NUM) for _ in range(r.randint(0, 5))]
        self.helpers = []
        self.types = []  # (params, results) for call_indirect
        self.num_elems = 0
        self.lines = []
        self.loop_depth = 0

    # --- small pieces ------------------------------------------------------

    def chance(self, p):
        return self.r.random() < p

    def const(self, t):
        r = self.r
        if t in (I32, I64):
            bits = 32 if t == I32 else 64
            v = r.choice(INT_EDGES[t]) if self.chance(0.6) else r.randint(-(1 << (bits - 1)),
                                                                          (1 << (bits - 1)) - 1)
            if self.chance(0.2):
                v = r.randint(-70000, 70000)
            return "(%s.const %d)" % (t, v)
        if t in (F32, F64):
            v = r.choice(FLOAT_EDGES) if self.chance(0.6) else repr(r.uniform(-1e6, 1e6))
            return "(%s.const %s)" % (t, v)
        if t == V128:
            lanes = [r.choice([0, 1, -1, 0x7F, 0x80, 0xFF, 0x7FFF, r.randint(0, 0xFFFFFFFF)])
                     for _ in range(4)]
            return "(v128.const i32x4 %s)" % " ".join("0x%x" % (x & 0xFFFFFFFF) for x in lanes)
        raise ValueError(t)

    def local(self, t):
        return "(local.get $%s%d)" % (t, self.r.randint(0, 1))

    def canon(self, e, t):
        """e with any NaN replaced by the canonical positive NaN."""
        return "(call $canon_%s %s)" % (t, e)

    def addr(self, depth):
        r = self.r
        if self.chance(0.5):
            a = r.choice(ADDR_EDGES)
            if self.mem_pages and self.chance(0.5):
                a = self.mem_pages * 65536 - r.randint(0, 16)
            return "(i32.const %d)" % a
        if self.chance(0.5):
            return "(i32.const %d)" % r.randint(0, max(1, self.mem_pages * 65536 + 64))
        return "(i32.and %s (i32.const %d))" % (self.expr(I32, depth - 1),
                                                r.choice([0xFF, 0xFFF, 0xFFFF, 0x1FFFF]))

    # --- expressions -------------------------------------------------------

    def expr(self, t, depth):
        r = self.r
        if depth <= 0 or self.chance(0.2):
            return self.leaf(t)
        if t in (I32, I64):
            return self.int_expr(t, depth)
        if t in (F32, F64):
            return self.float_expr(t, depth)
        return self.v128_expr(depth)

    def leaf(self, t):
        if t == V128 or self.chance(0.5):
            return self.const(t) if self.chance(0.6) else self.local(t)
        if self.globals and self.chance(0.3):
            idx = [i for i, g in enumerate(self.globals) if g == t]
            if idx:
                return "(global.get $g%d)" % self.r.choice(idx)
        return self.local(t)

    def int_expr(self, t, depth):
        r = self.r
        d = depth - 1
        other = I64 if t == I32 else I32
        k = r.randint(0, 21)
        if k <= 5:
            return "(%s.%s %s %s)" % (t, r.choice(INT_BIN), self.expr(t, d), self.expr(t, d))
        if k == 6:
            return "(%s.%s %s)" % (t, r.choice(INT_UN + ["eqz"]) if t == I32 else
                                   r.choice(INT_UN), self.expr(t, d))
        if k == 7:
            ct = r.choice([I32, I64])
            e = "(%s.%s %s %s)" % (ct, r.choice(INT_CMP), self.expr(ct, d), self.expr(ct, d))
            return e if t == I32 else "(i64.extend_i32_u %s)" % e
        if k == 8:
            ft = r.choice([F32, F64])
            e = "(%s.%s %s %s)" % (ft, r.choice(FLT_CMP), self.expr(ft, d), self.expr(ft, d))
            return e if t == I32 else "(i64.extend_i32_s %s)" % e
        if k == 9:  # conversions
            if t == I32:
                return r.choice(["(i32.wrap_i64 %s)" % self.expr(I64, d),
                                 "(i32.extend8_s %s)" % self.expr(I32, d),
                                 "(i32.extend16_s %s)" % self.expr(I32, d)])
            return r.choice(["(i64.extend_i32_s %s)" % self.expr(I32, d),
                             "(i64.extend_i32_u %s)" % self.expr(I32, d),
                             "(i64.extend8_s %s)" % self.expr(I64, d),
                             "(i64.extend16_s %s)" % self.expr(I64, d),
                             "(i64.extend32_s %s)" % self.expr(I64, d)])
        if k == 10:  # float to int, trapping or saturating
            ft = r.choice([F32, F64])
            op = r.choice(["trunc", "trunc_sat"])
            return "(%s.%s_%s_%s %s)" % (t, op, ft, r.choice("su"), self.expr(ft, d))
        if k == 11:  # bits of a float, canonicalised
            ft = F32 if t == I32 else F64
            return "(%s.reinterpret_%s %s)" % (t, ft, self.canon(self.expr(ft, d), ft))
        if k == 12 and self.mem_pages:
            return self.load(t, d)
        if k == 13:
            return "(select %s %s %s)" % (self.expr(t, d), self.expr(t, d), self.expr(I32, d))
        if k == 14:
            return self.call_expr(t, d)
        if k == 15 and t == I32:
            return self.lane_extract(I32, d)
        if k == 15 and t == I64:
            return "(i64x2.extract_lane %d %s)" % (r.randint(0, 1), self.v128_expr(d))
        if k == 16 and self.mem_pages and t == I32:
            return r.choice(["(memory.size)", "(memory.grow %s)" % r.choice(
                ["(i32.const 0)", "(i32.const 1)", "(i32.const 65536)", "(i32.const -1)",
                 self.expr(I32, d)])])
        if k == 17 and self.tables and t == I32:
            ti = r.randrange(len(self.tables))
            return r.choice(["(table.size $t%d)" % ti,
                             "(table.grow $t%d %s %s)" % (ti, self.funcref(d), r.choice(
                                 ["(i32.const 0)", "(i32.const 1)", "(i32.const 3)",
                                  "(i32.const -1)"])),
                             "(ref.is_null (table.get $t%d %s))" % (ti, self.table_index(ti, d))])
        if k == 18:
            return self.block_expr(t, d)
        if k == 19:
            return self.if_expr(t, d)
        if k == 20:
            return self.call_indirect_expr(t, d)
        if k == 21:
            return self.multi_value_expr(t, d)
        return self.leaf(t)

    def float_expr(self, t, depth):
        r = self.r
        d = depth - 1
        k = r.randint(0, 9)
        if k <= 3:
            return "(%s.%s %s %s)" % (t, r.choice(FLT_BIN), self.expr(t, d), self.expr(t, d))
        if k == 4:
            return "(%s.%s %s)" % (t, r.choice(FLT_UN), self.expr(t, d))
        if k == 5:
            return "(%s.copysign %s %s)" % (t, self.expr(t, d), self.canon(self.expr(t, d), t))
        if k == 6:
            it = r.choice([I32, I64])
            conv = "(%s.convert_%s_%s %s)" % (t, it, r.choice("su"), self.expr(it, d))
            if self.chance(0.3):
                other = F64 if t == F32 else F32
                conv = "(%s.%s %s)" % (t, "demote_f64" if t == F32 else "promote_f32",
                                       self.canon(self.expr(other, d), other))
            if self.chance(0.3):
                it = I32 if t == F32 else I64
                conv = "(%s.reinterpret_%s %s)" % (t, it, self.expr(it, d))
            return conv
        if k == 7 and self.mem_pages:
            return self.load(t, d)
        if k == 8:
            return "(select %s %s %s)" % (self.expr(t, d), self.expr(t, d), self.expr(I32, d))
        if k == 9:
            return self.call_expr(t, d)
        return self.leaf(t)

    def lane_extract(self, t, d):
        r = self.r
        shape, n = r.choice([("i8x16", 16), ("i16x8", 8), ("i32x4", 4)])
        sign = "" if shape == "i32x4" else r.choice(["_s", "_u"])
        return "(%s.extract_lane%s %d %s)" % (shape, sign, r.randrange(n), self.v128_expr(d))

    def v128_expr(self, depth):
        r = self.r
        d = depth - 1
        if depth <= 0 or self.chance(0.25):
            return self.leaf(V128)
        k = r.randint(0, 9)
        if k <= 2:
            shape = r.choice(["i8x16", "i16x8", "i32x4", "i64x2"])
            ops = ["add", "sub"] + (["mul"] if shape != "i8x16" else []) + \
                  (["min_s", "max_u", "avgr_u"] if shape in ("i8x16", "i16x8") else []) + \
                  (["add_sat_s", "sub_sat_u"] if shape in ("i8x16", "i16x8") else []) + \
                  (["eq", "ne"] if shape != "i64x2" else ["eq"])
            return "(%s.%s %s %s)" % (shape, r.choice(ops), self.v128_expr(d), self.v128_expr(d))
        if k == 3:
            return "(v128.%s %s %s)" % (r.choice(["and", "or", "xor", "andnot"]),
                                        self.v128_expr(d), self.v128_expr(d))
        if k == 4:
            shape = r.choice(["i8x16", "i16x8", "i32x4", "i64x2"])
            return "(%s.%s %s %s)" % (shape, r.choice(["shl", "shr_s", "shr_u"]),
                                      self.v128_expr(d), self.expr(I32, d))
        if k == 5:
            lanes = " ".join(str(r.randrange(32)) for _ in range(16))
            return "(i8x16.shuffle %s %s %s)" % (lanes, self.v128_expr(d), self.v128_expr(d))
        if k == 6:
            return r.choice(["(i8x16.swizzle %s %s)" % (self.v128_expr(d), self.v128_expr(d)),
                             "(i8x16.narrow_i16x8_s %s %s)" % (self.v128_expr(d), self.v128_expr(d)),
                             "(i16x8.extmul_low_i8x16_u %s %s)" % (self.v128_expr(d), self.v128_expr(d)),
                             "(i32x4.dot_i16x8_s %s %s)" % (self.v128_expr(d), self.v128_expr(d)),
                             "(i8x16.popcnt %s)" % self.v128_expr(d),
                             "(i32x4.abs %s)" % self.v128_expr(d),
                             "(i16x8.q15mulr_sat_s %s %s)" % (self.v128_expr(d), self.v128_expr(d))])
        if k == 7:
            t = r.choice(NUM)
            shape = {I32: "i32x4", I64: "i64x2", F32: "f32x4", F64: "f64x2"}[t]
            e = self.expr(t, d)
            if t in (F32, F64):
                e = self.canon(e, t)
            return "(%s.splat %s)" % (shape, e)
        if k == 8:
            # Float lanes, canonicalised: any NaN lane becomes the canonical NaN.
            shape = r.choice(["f32x4", "f64x2"])
            e = "(%s.%s %s %s)" % (shape, r.choice(["add", "sub", "mul", "div", "min", "max",
                                                    "pmin", "pmax"]),
                                   self.v128_expr(d), self.v128_expr(d))
            return "(call $canon_%s %s)" % (shape, e)
        if k == 9 and self.mem_pages:
            return "(v128.load%s %s)" % (r.choice(["", " offset=3", " offset=65530"]), self.addr(d))
        return self.leaf(V128)

    def load(self, t, d):
        r = self.r
        width = {I32: ["", "8_s", "8_u", "16_s", "16_u"],
                 I64: ["", "8_s", "8_u", "16_s", "16_u", "32_s", "32_u"],
                 F32: [""], F64: [""]}[t]
        off = r.choice([0, 0, 0, 1, 3, 4, 16, 65535, 65536, 0xFFFFFFFF])
        return "(%s.load%s offset=%d %s)" % (t, r.choice(width), off, self.addr(d))

    def funcref(self, d):
        if self.helpers and self.chance(0.7):
            return "(ref.func $%s)" % self.r.choice(self.helpers).name
        return "(ref.null func)"

    def table_index(self, ti, d):
        r = self.r
        if self.chance(0.6):
            return "(i32.const %d)" % r.randint(0, self.tables[ti] + 3)
        return r.choice(["(i32.const -1)", "(table.size $t%d)" % ti, self.expr(I32, d)])

    def args(self, params, d):
        return " ".join(self.expr(p, d) for p in params)

    def call_expr(self, t, d):
        cands = [f for f in self.helpers if f.results[:1] == [t]]
        if not cands:
            return self.leaf(t)
        f = self.r.choice(cands)
        e = "(call $%s %s)" % (f.name, self.args(f.params, d))
        return self.keep_first(e, f.results)

    def keep_first(self, e, results):
        """e produces `results`; keep the first, drop the rest via locals."""
        if len(results) == 1:
            return e
        # block (result t) { e; local.set the extra results (last first); }
        sets = " ".join("(local.set $%s%d)" % (x, 1) for x in reversed(results[1:]))
        return "(block (result %s) %s %s)" % (results[0], e, sets)

    def call_indirect_expr(self, t, d):
        r = self.r
        if not self.tables or not self.types:
            return self.leaf(t)
        params, results = r.choice(self.types)
        if results[:1] != [t]:
            return self.leaf(t)
        ti = r.randrange(len(self.tables))
        e = "(call_indirect $t%d (type $sig%d) %s %s)" % (
            ti, self.types.index((params, results)), self.args(params, d),
            self.table_index(ti, d))
        return self.keep_first(e, results)

    def block_expr(self, t, d):
        """A block whose value comes from a br_if, a br_table or its end."""
        r = self.r
        k = r.randint(0, 2)
        if k == 0:
            return "(block $b (result %s) (drop (br_if $b %s %s)) %s)" % (
                t, self.expr(t, d), self.expr(I32, d), self.expr(t, d))
        if k == 1:
            n = r.choice([1, 2, 3, 5, 20, 300])
            targets = " ".join(r.choice(["$b0", "$b1", "$b2"]) for _ in range(n))
            # Each way out gives a different value: the br_table's operand
            # (to $b0), X (via $b2) or Y (via $b1).
            return ("(block $b0 (result %s) (drop (block $b1 (result %s) (drop (block $b2 "
                    "(result %s) (br_table %s $b1 %s %s))) (br $b0 %s))) %s)") % (
                t, t, t, targets, self.expr(t, d), self.expr(I32, d), self.expr(t, d),
                self.expr(t, d))
        # A loop with a bounded trip count; each nesting level has its own
        # counter, so at most 3 levels.
        if self.loop_depth >= 3:
            return self.leaf(t)
        self.loop_depth += 1
        cnt = "$cnt%d" % self.loop_depth
        e = ("(block (result %s) (local.set %s (i32.const %d)) (loop $l "
             "(local.set $%s0 %s) (br_if $l (i32.ne (local.tee %s (i32.sub (local.get %s) "
             "(i32.const 1))) (i32.const 0)))) (local.get $%s0))") % (
            t, cnt, r.randint(1, 20), t, self.expr(t, d), cnt, cnt, t)
        self.loop_depth -= 1
        return e

    def if_expr(self, t, d):
        return "(if (result %s) %s (then %s) (else %s))" % (
            t, self.expr(I32, d), self.expr(t, d),
            self.expr(t, d) if not self.chance(0.1) else "(unreachable)")

    def multi_value_expr(self, t, d):
        """A block with a parameter and several results, left by br_if or by
        its end; the first result is the value, the others go to locals."""
        r = self.r
        ts = [t] + [r.choice(NUM) for _ in range(r.randint(1, 3))]
        p = r.choice(NUM)
        vals = lambda: " ".join(self.expr(x, d) for x in ts)
        body = "(block $m (param %s) (result %s) (drop) (br_if $m %s %s) %s %s)" % (
            p, " ".join(ts), vals(), self.expr(I32, d), "(drop) " * len(ts), vals())
        sets = " ".join("(local.set $%s1)" % x for x in reversed(ts[1:]))
        return "(block (result %s) %s %s %s)" % (t, self.expr(p, d), body, sets)

    # --- statements --------------------------------------------------------

    def stmt(self, depth):
        r = self.r
        d = depth - 1
        k = r.randint(0, 15)
        if k <= 2:
            t = r.choice(NUM + [V128])
            return "(local.set $%s%d %s)" % (t, r.randint(0, 1), self.expr(t, d))
        if k == 3 and self.globals:
            i = r.randrange(len(self.globals))
            return "(global.set $g%d %s)" % (i, self.expr(self.globals[i], d))
        if k == 4 and self.mem_pages:
            t = r.choice(NUM + [V128])
            width = {I32: ["", "8", "16"], I64: ["", "8", "16", "32"], F32: [""], F64: [""],
                     V128: [""]}[t]
            v = self.expr(t, d)
            if t in (F32, F64):
                v = self.canon(v, t)
            off = r.choice([0, 0, 2, 7, 65535, 0xFFFFFFFF])
            return "(%s.store%s offset=%d %s %s)" % (t, r.choice(width), off, self.addr(d), v)
        if k == 5 and self.mem_pages:
            op = r.choice(["fill", "copy", "init", "drop"])
            n = r.choice(["(i32.const 0)", "(i32.const 1)", "(i32.const 17)", "(i32.const 65536)",
                          "(i32.const -1)", "(i32.and %s (i32.const 255))" % self.expr(I32, d)])
            if op == "fill":
                return "(memory.fill %s %s %s)" % (self.addr(d), self.expr(I32, d), n)
            if op == "copy":
                return "(memory.copy %s %s %s)" % (self.addr(d), self.addr(d), n)
            if self.num_datas:
                seg = r.randrange(self.num_datas)
                if op == "drop":
                    return "(data.drop %d)" % seg
                return "(memory.init %d %s %s %s)" % (
                    seg, self.addr(d), r.choice(["(i32.const 0)", "(i32.const 2)",
                                                 "(i32.const 100)"]), n)
        if k == 6 and self.tables:
            ti = r.randrange(len(self.tables))
            op = r.choice(["set", "fill", "copy", "init", "drop", "grow"])
            n = r.choice(["(i32.const 0)", "(i32.const 1)", "(i32.const 4)", "(i32.const 100)",
                          "(i32.const -1)"])
            if op == "set":
                return "(table.set $t%d %s %s)" % (ti, self.table_index(ti, d), self.funcref(d))
            if op == "fill":
                return "(table.fill $t%d %s %s %s)" % (ti, self.table_index(ti, d),
                                                       self.funcref(d), n)
            if op == "copy":
                tj = r.randrange(len(self.tables))
                return "(table.copy $t%d $t%d %s %s %s)" % (ti, tj, self.table_index(ti, d),
                                                            self.table_index(tj, d), n)
            if op == "grow":
                return "(drop (table.grow $t%d %s %s))" % (ti, self.funcref(d), n)
            if self.num_elems:
                seg = r.randrange(self.num_elems)
                if op == "drop":
                    return "(elem.drop $e%d)" % seg
                return "(table.init $t%d $e%d %s %s %s)" % (
                    ti, seg, self.table_index(ti, d), r.choice(["(i32.const 0)", "(i32.const 1)",
                                                               "(i32.const 5)"]), n)
        if k == 7:
            return "(if %s (then %s) (else %s))" % (self.expr(I32, d), self.stmt(d), self.stmt(d))
        if k == 8 and self.tables and self.types:
            params, results = r.choice(self.types)
            ti = r.randrange(len(self.tables))
            call = "(call_indirect $t%d (type $sig%d) %s %s)" % (
                ti, self.types.index((params, results)), self.args(params, d),
                self.table_index(ti, d))
            return call + " (drop)" * len(results)
        if k == 9 and self.helpers:
            f = r.choice(self.helpers)
            return "(call $%s %s)" % (f.name, self.args(f.params, d)) + " (drop)" * len(f.results)
        if k == 10 and self.chance(0.05):
            return "(drop (call $recurse (i32.const 0)))"
        if k == 11 and self.chance(0.2):
            return "(if %s (then (unreachable)))" % self.expr(I32, d)
        t = r.choice(NUM + [V128])
        return "(drop %s)" % self.expr(t, d)

    # --- module ------------------------------------------------------------

    def helper(self, i):
        r = self.r
        params = [r.choice(NUM) for _ in range(r.randint(0, 3))]
        results = [r.choice(NUM) for _ in range(r.choice([0, 1, 1, 1, 2, 3]))]
        f = Func("f%d" % i, params, results)
        # Bodies see only earlier helpers: no recursion.
        body = [self.stmt(2) for _ in range(r.randint(0, 2))]
        body += [self.expr(t, 3) for t in results]
        ps = "".join(" (param $p%d %s)" % (j, p) for j, p in enumerate(params))
        rs = " (result %s)" % " ".join(results) if results else ""
        init = "".join(" (local.set $%s0 (local.get $p%d))" % (p, j)
                       for j, p in enumerate(params))
        self.lines.append("  (func $%s (type $sig%d)%s%s %s%s\n    %s)" % (
            f.name, self.sig_index(params, results), ps, rs, self.locals_decl(), init,
            "\n    ".join(body)))
        self.helpers.append(f)

    def sig_index(self, params, results):
        key = (params, results)
        if key not in self.types:
            self.types.append(key)
        return self.types.index(key)

    @staticmethod
    def locals_decl():
        return ("(local $i320 i32) (local $i321 i32) (local $i640 i64) (local $i641 i64) "
                "(local $f320 f32) (local $f321 f32) (local $f640 f64) (local $f641 f64) "
                "(local $v1280 v128) (local $v1281 v128) "
                "(local $cnt1 i32) (local $cnt2 i32) (local $cnt3 i32)")

    def module(self):
        r = self.r
        out = ["(module"]
        # Helpers first so that types exist for call_indirect.
        for i in range(r.randint(1, 6)):
            self.helper(i)
        self.num_elems = r.randint(0, 3) if self.helpers else 0
        for i, (ps, rs) in enumerate(self.types):
            out.append("  (type $sig%d (func%s%s))" % (
                i, " (param %s)" % " ".join(ps) if ps else "",
                " (result %s)" % " ".join(rs) if rs else ""))
        if self.mem_pages:
            out.append("  (memory %d %d)" % (self.mem_pages, self.mem_max))
        for i, size in enumerate(self.tables):
            mx = self.table_max[i]
            out.append("  (table $t%d %d%s funcref)" % (i, size, "" if mx is None else " %d" % mx))
        for i, t in enumerate(self.globals):
            out.append("  (global $g%d (mut %s) %s)" % (i, t, self.const(t)))
        for i in range(self.num_datas if self.mem_pages else 0):
            data = "".join("\\%02x" % r.randrange(256) for _ in range(r.randint(0, 40)))
            if self.chance(0.5):
                out.append('  (data "%s")' % data)
            else:
                # Active; rarely placed so that it does not fit (instantiation trap).
                at = r.randint(0, self.mem_pages * 65536 - 64) if not self.chance(0.03) \
                    else self.mem_pages * 65536 - 4
                out.append('  (data (i32.const %d) "%s")' % (at, data))
        for i in range(self.num_elems):
            items = " ".join(self.funcref(0) for _ in range(r.randint(0, 6)))
            mode = r.choice(["passive", "active", "declare"]) if self.tables else \
                r.choice(["passive", "declare"])
            if mode == "active":
                ti = r.randrange(len(self.tables))
                at = r.randint(0, max(0, self.tables[ti] - 2)) if not self.chance(0.03) \
                    else self.tables[ti]
                out.append("  (elem $e%d (table $t%d) (i32.const %d) funcref %s)" % (
                    i, ti, at, items))
            elif mode == "passive":
                out.append("  (elem $e%d funcref %s)" % (i, items))
            else:
                out.append("  (elem $e%d declare funcref %s)" % (i, items))
        # ref.func needs every referenced function declared in an element
        # segment: declare all helpers once.
        if self.helpers:
            out.append("  (elem declare func %s)" % " ".join("$" + f.name for f in self.helpers))
        out += self.lines
        out.append(CANON)
        out.append("  (func $recurse (param i32) (result i32)\n"
                   "    (i32.add (call $recurse (i32.add (local.get 0) (i32.const 1)))"
                   " (local.get 0)))")
        tests = r.randint(4, 12)
        for k in range(tests):
            body = [self.stmt(4) for _ in range(r.randint(1, 8))]
            t = r.choice([I32, I64, V128])
            body.append(self.expr(t, 4))
            out.append("  (func $t%d (export \"t%d\") (result %s) %s\n    %s)" % (
                k, k, t, self.locals_decl(), "\n    ".join(body)))
            out.append("  (export \"h%d\" (func $hash))" % k)
        out.append(self.hash_func())
        out.append(")")
        return "\n".join(out) + "\n"

    def hash_func(self):
        """Hashes memory size and the first 4 KiB and last 64 bytes of memory,
        globals (float globals canonicalised), and per table its size and
        which elements are null."""
        parts = []
        if self.mem_pages:
            parts.append("(local.set $h (call $mix (local.get $h) (i64.extend_i32_u (memory.size))))")
            parts.append("""(local.set $i (i32.const 0))
    (loop $l
      (local.set $h (call $mix (local.get $h) (i64.load (local.get $i))))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 8))) (i32.const 4096))))
    (local.set $h (call $mix (local.get $h)
      (i64.load (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 8)))))""")
        for i, t in enumerate(self.globals):
            g = "(global.get $g%d)" % i
            v = {I32: "(i64.extend_i32_u %s)" % g, I64: g,
                 F32: "(i64.extend_i32_u (i32.reinterpret_f32 (call $canon_f32 %s)))" % g,
                 F64: "(i64.reinterpret_f64 (call $canon_f64 %s))" % g}[t]
            parts.append("(local.set $h (call $mix (local.get $h) %s))" % v)
        for i in range(len(self.tables)):
            parts.append("""(local.set $h (call $mix (local.get $h) (i64.extend_i32_u (table.size $t%d))))
    (local.set $i (i32.const 0))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (table.size $t%d)))
      (br_if $done (i32.ge_u (local.get $i) (i32.const 64)))
      (local.set $h (call $mix (local.get $h)
        (i64.extend_i32_u (ref.is_null (table.get $t%d (local.get $i))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))""".replace("$t%d", "$t" + str(i)))
        return """  (func $mix (param i64 i64) (result i64)
    (i64.mul (i64.xor (local.get 0) (local.get 1)) (i64.const 0x100000001b3)))
  (func $hash (result i64) (local $h i64) (local $i i32)
    (local.set $h (i64.const 0xcbf29ce484222325))
    %s
    (local.get $h))""" % "\n    ".join(parts)


CANON = """  (func $canon_f32 (param f32) (result f32)
    (select (f32.const nan) (local.get 0) (f32.ne (local.get 0) (local.get 0))))
  (func $canon_f64 (param f64) (result f64)
    (select (f64.const nan) (local.get 0) (f64.ne (local.get 0) (local.get 0))))
  (func $canon_f32x4 (param v128) (result v128)
    (v128.bitselect (v128.const f32x4 nan nan nan nan) (local.get 0)
      (f32x4.ne (local.get 0) (local.get 0))))
  (func $canon_f64x2 (param v128) (result v128)
    (v128.bitselect (v128.const f64x2 nan nan) (local.get 0)
      (f64x2.ne (local.get 0) (local.get 0))))"""


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("-o", dest="out")
    args = p.parse_args()
    text = Gen(args.seed).module()
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
