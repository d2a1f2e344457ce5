;; RUN: %wat2wasm --no-check %s -o %t.wasm
;; RUN: %expect-exit 1 %wasm2bin %t.wasm -o %t 2>&1 | FileCheck %s -DFILE=%t.wasm
;; CHECK: wasm2bin: error: [[FILE]]:0x{{[0-9a-f]+}}: type mismatch in i32.add
(module
  (func (result i32)
    i32.const 1
    i64.const 2
    i32.add))
