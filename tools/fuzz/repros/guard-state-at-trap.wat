;; Guard-page bounds checks above -O0: when a load traps, stores that come
;; before it in the program can be missing from the instance's state, if
;; LLVM deleted them because a later store overwrites them (dead store
;; elimination) or moved them past the load (e.g. a store in a loop promoted
;; to one store after the loop). LLVM takes a load to be unable to trap, and
;; nothing short of making every load a call changes that. Found by
;; diff_fuzz.py (seed 50000: gen-50347, gen-50367, gen-50427, each a global
;; or memory store before an out-of-bounds load, seen by the hash export that
;; follows the trapping one).
;;
;; Only an embedder that keeps using an instance after a trap can see it: a
;; command's process ends with the trap, so its output and exit status are
;; exact. Explicit bounds checks and -O0 are exact.
;;
;;   wat2wasm guard-state-at-trap.wat -o s.wasm
;;   python3 tools/fuzz/diff_fuzz.py --check s.wasm --reference wabt --configs O2-guard
;;
;; Expected (wasm-interp --run-all-exports, and O0-guard, O2-explicit):
;;   t() => error: out of bounds memory access ...   get() => 2
;; Actual with O2-guard: t traps, get() returns 0 (both first stores gone).
;; Regression test: lit-tests/fuzz/guard-state-at-trap-O2.test (XFAIL).
(module
  (memory 1)
  (global $g (mut i32) (i32.const 0))
  (func (export "t") (local i32)
    (global.set $g (i32.const 1))
    (i32.store (i32.const 0) (i32.const 1))
    (local.set 0 (i32.load (i32.const 65536)))
    (global.set $g (i32.const 2))
    (i32.store (i32.const 0) (i32.const 2)))
  (func (export "get") (result i32)
    (i32.add (global.get $g) (i32.load (i32.const 0)))))
