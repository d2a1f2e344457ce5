;; Export and import names are arbitrary UTF-8, NUL included: the generated
;; header escapes them in string literals and comments, and looks exports up
;; by length (w2b_lookup_export_n), so it compiles and finds the right one.
;; Found by the spec suite (names.wast).
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wasm2bin --emit=obj --module-name=names --header %t.h %t.wasm -o %t.o
;; RUN: FileCheck %s < %t.h
;; RUN: clang -fsyntax-only -Wall -Werror -Wno-unused-function -x c -I %S/../../runtime %t.h
(module
  (import "sp\"ec*/" "pr\\int" (func (param i32)))
  ;; CHECK: sp\042ec*\057.pr\134int: func
  ;; CHECK: /* export "a\042b*\057": () -> () */
  ;; CHECK: w2b_lookup_export_n(inst, "a\042b*/", 5, &f)
  (func (export "a\"b*/"))
  ;; CHECK: w2b_lookup_export_n(inst, "\000x", 2, &f)
  (func (export "\00x"))
  ;; CHECK: w2b_lookup_export_n(inst, "\303\251t\303\251", 5, &f)
  (func (export "été"))
  ;; CHECK: w2b_lookup_export_n(inst, "line\012two", 8, &f)
  (func (export "line\ntwo")))
