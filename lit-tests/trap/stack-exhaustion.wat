;; Unbounded recursion is a trap, at the same depth every run, not a crash.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wasm2bin %t.wasm -o %t
;; RUN: %expect-exit 134 %t 2>&1 | FileCheck %s
;; RUN: %wasm2bin -O0 %t.wasm -o %t.O0
;; RUN: %expect-exit 134 %t.O0 2>&1 | FileCheck %s
;; CHECK: wasm trap: call stack exhausted
(module
  (global $depth (mut i32) (i32.const 0))
  (func $recurse (param i64) (result i64)
    (global.set $depth (i32.add (global.get $depth) (i32.const 1)))
    (i64.add (call $recurse (i64.add (local.get 0) (i64.const 1))) (i64.const 1)))
  (func (export "_start") (drop (call $recurse (i64.const 0)))))
