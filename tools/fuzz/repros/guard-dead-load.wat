;; FIXED (2026-12-05): guard-mode loads are pinned (codegen/EmitMemory.cpp,
;; backend/LoadPins.cpp); both functions now trap at every -O level. Kept as
;; the record of what the fuzzer found.
;;
;; Guard-page bounds checks: an out-of-bounds load whose value ends up unused
;; is deleted, and its trap with it. Found by diff_fuzz.py (Binaryen -ttf
;; modules: hashMemory's loads on a path that returns a constant, seed 3 of
;; `diff_fuzz.py --seed 1`; a loaded value left on the stack by `return`,
;; seed 1252 of `diff_fuzz.py --seed 1000`).
;;
;;   wat2wasm guard-dead-load.wat -o t.wasm
;;   wasm2bin -O2 t.wasm -o t && ./t; echo $?     (and -O0)
;;
;; Expected (as with --bounds-checks=explicit):
;;   wasm trap: out of bounds memory access        (exit status 134)
;; Actual with --bounds-checks=guard (the default):
;;   -O2: no output, exit status 0 ($dead_local: LLVM deletes the load);
;;   -O0: was the same for $left_on_stack (the value is discarded by `return`,
;;        and instruction selection skips a load without uses even at -O0);
;;        fixed: at -O0 guard-mode loads are volatile
;;        (lit-tests/fuzz/guard-dead-load.wat).
;;
;; keepLoadAlive (codegen/EmitMemory.cpp) pins only loads that are `drop`ped;
;; a load whose result is unused for any other reason (local.set of a dead
;; local, a value only used on a path that returns early, a value discarded
;; by br/return, ...) still disappears. wasm2c's guard-page mode pins every
;; load (FORCE_READ: an empty asm using the value), which also fixes
;; tools/fuzz/repros/guard-load-reordered.wat.
;; Regression test: lit-tests/fuzz/guard-dead-load-O2.wat (passes since the fix).
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
