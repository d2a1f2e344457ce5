;; Integer division by zero traps with the spec's message and exit status 134.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wasm2bin %t.wasm -o %t
;; RUN: %expect-exit 134 %t 2>&1 | FileCheck %s
;; CHECK: wasm trap: integer divide by zero
(module
  (func $div (param i32 i32) (result i32)
    local.get 0 local.get 1 i32.div_u)
  (func (export "_start")
    (drop (call $div (i32.const 7) (i32.const 0)))))
