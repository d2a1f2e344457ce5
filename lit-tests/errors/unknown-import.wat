;; An executable can only import WASI; anything else is named in the error.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %expect-exit 1 %wasm2bin %t.wasm -o %t 2>&1 | FileCheck %s -DFILE=%t.wasm
;; CHECK: wasm2bin: error: [[FILE]]:0x{{[0-9a-f]+}}: unknown import: env.do_something
(module
  (import "env" "do_something" (func (param i32)))
  (func (export "_start")))
