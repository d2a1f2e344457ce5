;; An index past the table is "undefined element"; a null entry is
;; "uninitialized element".
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wasm2bin %t.wasm -o %t
;; RUN: %expect-exit 134 %t 0 2>&1 | FileCheck %s --check-prefix=UNDEF
;; UNDEF: wasm trap: undefined element
(module
  (type $v (func))
  (table 2 funcref)
  (func (export "_start")
    (call_indirect (type $v) (i32.const 5))))
