;; Found by tools/fuzz/diff_fuzz.py: with guard pages, an out-of-bounds load
;; whose value is unused was deleted (at -O2 when stored to a dead local, even
;; at -O0 when discarded by `return`), and the program exited 0 instead of
;; trapping. Repro and analysis: tools/fuzz/repros/guard-dead-load.wat.
;; XFAIL: *
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wasm2bin -O2 --bounds-checks=explicit %t.wasm -o %t.explicit
;; RUN: %expect-exit 134 %t.explicit 2>&1 | FileCheck %s
;; RUN: %wasm2bin -O0 %t.wasm -o %t.O0
;; RUN: %expect-exit 134 %t.O0 2>&1 | FileCheck %s
;; RUN: %wasm2bin -O2 %t.wasm -o %t.O2
;; RUN: %expect-exit 134 %t.O2 2>&1 | FileCheck %s
;; CHECK: wasm trap: out of bounds memory access
(module
  (memory 1)
  (func $dead_local
    (local i32)
    (local.set 0 (i32.load (i32.const 65536))))
  (func $left_on_stack (result i32)
    (i32.load (i32.const 65536))
    (return (i32.const 1)))
  (func (export "_start")
    (drop (call $left_on_stack))
    (call $dead_local)))
