;; A WASI import with the wrong signature is refused at compile time.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %expect-exit 1 %wasm2bin %t.wasm -o %t 2>&1 | FileCheck %s -DFILE=%t.wasm
;; CHECK: wasm2bin: error: [[FILE]]:0x{{[0-9a-f]+}}: import wasi_snapshot_preview1.fd_write has type (i32) -> (i32), which is not its WASI type
(module
  (import "wasi_snapshot_preview1" "fd_write" (func (param i32) (result i32)))
  (func (export "_start")))
