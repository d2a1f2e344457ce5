;; Found by the w2b-fuzz-compile fuzzer: function names taken verbatim as
;; symbol names collided with a section symbol (".note.GNU-stack"), and the
;; same goes for ".text" and the runtime's builtins (w2b_trap). Names are only
;; labels: the module must compile and run. Fixed by giving every function
;; symbol the module's suffix ("name.wasm"); see symbolSuffix in
;; compiler/codegen/ModuleEmitter.h.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2bin -O0 %t.wasm -o %t
;; RUN: %expect-exit 42 %t
;; RUN: %wasm2bin --emit=obj %t.wasm -o %t.o
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (func $w2b_trap (export ".note.GNU-stack") (param i32) (result i32)
    (i32.add (local.get 0) (i32.const 2)))
  (func $.text (result i32) (call $w2b_trap (i32.const 40)))
  (func (export "_start") (call $exit (call $.text))))
