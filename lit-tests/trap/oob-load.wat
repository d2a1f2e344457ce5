;; A load past the end of memory traps, with guard pages and with explicit
;; checks; the last in-bounds byte can still be read.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wasm2bin %t.wasm -o %t.guard
;; RUN: %expect-exit 134 %t.guard 2>&1 | FileCheck %s
;; RUN: %wasm2bin --bounds-checks=explicit %t.wasm -o %t.explicit
;; RUN: %expect-exit 134 %t.explicit 2>&1 | FileCheck %s
;; CHECK: wasm trap: out of bounds memory access
(module
  (memory 1)
  (func $load (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func $load32 (param i32) (result i32) (i32.load offset=2 (local.get 0)))
  (func (export "_start")
    (drop (call $load (i32.const 65535)))
    (drop (call $load32 (i32.const 65530)))
    (drop (call $load32 (i32.const 65531)))))
