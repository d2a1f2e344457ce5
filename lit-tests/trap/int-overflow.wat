;; INT_MIN / -1 overflows; INT_MIN % -1 is 0 and does not trap.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wasm2bin %t.wasm -o %t
;; RUN: %expect-exit 134 %t 2>&1 | FileCheck %s
;; CHECK: wasm trap: integer overflow
(module
  (func $rem (param i32 i32) (result i32) local.get 0 local.get 1 i32.rem_s)
  (func $div (param i64 i64) (result i64) local.get 0 local.get 1 i64.div_s)
  (func (export "_start")
    (if (call $rem (i32.const 0x80000000) (i32.const -1)) (then unreachable))
    (drop (call $div (i64.const 0x8000000000000000) (i64.const -1)))))
