;; Truncating NaN is an invalid conversion; out of range is an overflow.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wasm2bin %t.wasm -o %t
;; RUN: %expect-exit 134 %t 2>&1 | FileCheck %s
;; CHECK: wasm trap: invalid conversion to integer
(module
  (func $t (param f64) (result i32) (i32.trunc_f64_s (local.get 0)))
  (func (export "_start")
    ;; the extremes that fit do not trap
    (drop (call $t (f64.const -2147483648.9)))
    (drop (call $t (f64.const 2147483647.9)))
    (drop (call $t (f64.const nan)))))
