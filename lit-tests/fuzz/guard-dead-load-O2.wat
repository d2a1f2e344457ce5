;; tools/fuzz/repros/guard-dead-load.wat at -O2 with guard pages (the default): the
;; out-of-bounds load used to be deleted by LLVM, and its trap lost.
;; Fixed by pinning guard-mode loads (codegen/EmitMemory.cpp, backend/LoadPins.cpp);
;; more cases in lit-tests/trap/guard-load-order.test.
;; RUN: %wat2wasm %s -o %t.wasm
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
