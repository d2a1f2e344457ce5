;; Found by tools/fuzz/diff_fuzz.py: with guard pages at -O2, an out-of-bounds
;; load was moved below a later division by zero, which then trapped first.
;; Repro and analysis: tools/fuzz/repros/guard-load-reordered.wat.
;; At -O0 (loads are volatile in guard mode) and with explicit checks the trap
;; happens; -O2 with guard pages (fixed since by pinned loads): see
;; guard-load-reordered-O2.wat.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wasm2bin -O2 --bounds-checks=explicit %t.wasm -o %t.explicit
;; RUN: %expect-exit 134 %t.explicit 2>&1 | FileCheck %s
;; RUN: %wasm2bin -O0 %t.wasm -o %t.O0
;; RUN: %expect-exit 134 %t.O0 2>&1 | FileCheck %s
;; CHECK: wasm trap: out of bounds memory access
(module
  (memory 1)
  (func $f (param i32 i32) (result i32)
    (local f64)
    (local.set 2 (f64.load (i32.const 65531)))
    (i32.add (i32.div_u (local.get 0) (local.get 1))
             (i32.trunc_sat_f64_s (local.get 2))))
  (func (export "_start") (drop (call $f (i32.const 1) (i32.const 0)))))
