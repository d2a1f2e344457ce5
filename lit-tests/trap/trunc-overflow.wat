;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wasm2bin %t.wasm -o %t
;; RUN: %expect-exit 134 %t 2>&1 | FileCheck %s
;; CHECK: wasm trap: integer overflow
(module
  (func $t (param f32) (result i64) (i64.trunc_f32_u (local.get 0)))
  (func (export "_start")
    (drop (call $t (f32.const -0.99)))
    (drop (call $t (f32.const 18446742974197923840)))
    (drop (call $t (f32.const 18446744073709551616)))))
