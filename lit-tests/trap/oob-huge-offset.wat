;; Addresses near 4 GiB plus an offset near 4 GiB stay inside the guard
;; region and trap rather than touching other memory.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wasm2bin %t.wasm -o %t
;; RUN: %expect-exit 134 %t 2>&1 | FileCheck %s
;; CHECK: wasm trap: out of bounds memory access
(module
  (memory 1)
  (func (export "_start")
    (i64.store offset=0xfffffff0 (i32.const 0xfffffff0) (i64.const 1))))
