;; tools/fuzz/repros/guard-load-reordered.wat at -O2 with guard pages (the default): the
;; out-of-bounds load used to be moved by LLVM past the division, whose trap came first.
;; Fixed by pinning guard-mode loads (codegen/EmitMemory.cpp, backend/LoadPins.cpp);
;; more cases in lit-tests/trap/guard-load-order.test.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wasm2bin -O2 %t.wasm -o %t.O2
;; RUN: %expect-exit 134 %t.O2 2>&1 | FileCheck %s
;; CHECK: wasm trap: out of bounds memory access
(module
  (memory 1)
  (func $f (param i32 i32) (result i32)
    (local f64)
    (local.set 2 (f64.load (i32.const 65531)))
    (i32.add (i32.div_u (local.get 0) (local.get 1))
             (i32.trunc_sat_f64_s (local.get 2))))
  (func (export "_start") (drop (call $f (i32.const 1) (i32.const 0)))))
