;; call_indirect through a function of another type traps.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wasm2bin %t.wasm -o %t
;; RUN: %expect-exit 134 %t 2>&1 | FileCheck %s
;; CHECK: wasm trap: indirect call type mismatch
(module
  (type $i2i (func (param i32) (result i32)))
  (type $v2i (func (result i32)))
  (table funcref (elem $f))
  (func $f (param i32) (result i32) local.get 0)
  (func (export "_start")
    (drop (call_indirect (type $i2i) (i32.const 1) (i32.const 0)))
    (drop (call_indirect (type $v2i) (i32.const 0)))))
