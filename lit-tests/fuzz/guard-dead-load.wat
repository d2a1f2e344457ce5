;; Found by tools/fuzz/diff_fuzz.py: with guard pages, an out-of-bounds load
;; whose value is unused was deleted, and the program went on instead of
;; trapping: at -O2 when the value goes to a dead local or is discarded by
;; `return`, and at -O0 too for `return` (instruction selection drops unused
;; loads), until loads became volatile at -O0. Repro and analysis:
;; tools/fuzz/repros/guard-dead-load.wat. Here the load must trap at -O0 and
;; with explicit checks (before the fix, -O0 exited 7); -O2 with guard pages,
;; fixed since by pinned loads: guard-dead-load-O2.wat.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wasm2bin -O2 --bounds-checks=explicit %t.wasm -o %t.explicit
;; RUN: %expect-exit 134 %t.explicit 2>&1 | FileCheck %s
;; RUN: %wasm2bin -O0 %t.wasm -o %t.O0
;; RUN: %expect-exit 134 %t.O0 2>&1 | FileCheck %s
;; CHECK: wasm trap: out of bounds memory access
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1)
  (func $left_on_stack (result i32)
    (i32.load (i32.const 65536))
    (return (i32.const 1)))
  (func (export "_start")
    (drop (call $left_on_stack))
    (call $exit (i32.const 7))))
