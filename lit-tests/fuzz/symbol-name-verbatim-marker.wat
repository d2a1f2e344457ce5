;; Found by the w2b-fuzz-compile fuzzer on a mutation of the spec's names.wast:
;; LLVM emits a name that starts with \01 without that byte, so the function
;; exported as "\01" became the symbol ".wasm", as does the one exported as ""
;; ("" + ".wasm"): "symbol already defined" in one object, "duplicate symbol"
;; when linked. A NUL would likewise cut a name short in the string table.
;; Function symbols now replace both bytes (symbolName in
;; compiler/codegen/ModuleEmitter.cpp); names are only labels.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wasm2bin -O0 %t.wasm -o %t && %expect-exit 42 %t
;; RUN: %wasm2bin -O2 %t.wasm -o %t2 && %expect-exit 42 %t2
;; RUN: %wasm2bin --emit=obj --module-name=m %t.wasm -o %t.o
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (func (export "") (result i32) (i32.const 10))
  (func (export "\01") (result i32) (i32.const 20))
  (func (export "\00a") (result i32) (i32.const 5))
  (func (export "\00b") (result i32) (i32.const 7))
  (func (export "_start")
    (call $exit (i32.add (i32.add (call 1) (call 2))
                         (i32.add (call 3) (call 4))))))
