;; FIXED (2026-12-05): guard-mode loads are pinned (codegen/EmitMemory.cpp,
;; backend/LoadPins.cpp); both functions now trap at every -O level. Kept as
;; the record of what the fuzzer found.
;;
;; Guard-page bounds checks at -O2: LLVM sinks an out-of-bounds load below a
;; later trapping instruction (here the division by zero), so the program
;; traps with the wrong message. Found by diff_fuzz.py (gen_module.py seeds
;; 4, 6 and 8 of `diff_fuzz.py --seed 1`: memory vs. divide-by-zero and
;; undefined-element traps).
;;
;;   wat2wasm guard-load-reordered.wat -o t.wasm
;;   wasm2bin -O2 t.wasm -o t && ./t; echo $?
;;
;; Expected (as at -O0, and with --bounds-checks=explicit):
;;   wasm trap: out of bounds memory access        (exit status 134)
;; Actual with -O2 (default --bounds-checks=guard):
;;   wasm trap: integer divide by zero             (exit status 134)
;;
;; The load is not volatile and has no use before the division, so LLVM may
;; move it past the branch to the trap block. Pinning every guard-mode load
;; right after it executes (see guard-dead-load.wat) keeps the order.
;; Regression test: lit-tests/fuzz/guard-load-reordered-O2.wat (passes since the fix).
(module
  (memory 1)
  (func $f (param i32 i32) (result i32)
    (local f64)
    (local.set 2 (f64.load (i32.const 65531)))
    (i32.add (i32.div_u (local.get 0) (local.get 1))
             (i32.trunc_sat_f64_s (local.get 2))))
  (func (export "_start") (drop (call $f (i32.const 1) (i32.const 0)))))
