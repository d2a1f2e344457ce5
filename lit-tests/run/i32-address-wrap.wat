;; Loops over i32 pointers, unrolled by two as clang emits them for wasm32:
;; `p + 8` and `p + 16` may wrap around 2^32, so wasm2bin's no-wrap loop
;; versioning (backend/NoWrapVersioning.cpp) must take its unchanged copy
;; when they do. Here the pointers start just below 2^32 and every access
;; wraps to the bottom of memory, which is in bounds: the fast copy would
;; compute addresses 4 GiB higher and trap. The same for base + 4 * i with a
;; base near 2^32. Exits with the failing case.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wasm2bin -O2 %t.wasm -o %t.o2 && %t.o2
;; RUN: %wasm2bin -O0 %t.wasm -o %t.o0 && %t.o0
;; RUN: %wasm2bin -O2 --bounds-checks=explicit %t.wasm -o %t.ex && %t.ex
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1)
  ;; i64 1 ... 8 at 0; at 64 the start pointers 0 and 2^32 - 16 and the
  ;; counts 2, 3, 4 (loaded, so that nothing is constant-folded or unrolled).
  (data (i32.const 0) "\01\00\00\00\00\00\00\00\02\00\00\00\00\00\00\00\03\00\00\00\00\00\00\00\04\00\00\00\00\00\00\00\05\00\00\00\00\00\00\00\06\00\00\00\00\00\00\00\07\00\00\00\00\00\00\00\08\00\00\00\00\00\00\00")
  (data (i32.const 64) "\00\00\00\00\f0\ff\ff\ff\02\00\00\00\03\00\00\00\04\00\00\00")
  ;; Sum of the i64 at p + 16 and p + 24, p += 16, n times (n >= 1).
  (func $sum (param $p i32) (param $n i32) (result i64) (local $acc i64)
    (loop $l
      (local.set $acc (i64.add (local.get $acc)
        (i64.add (i64.load (i32.add (local.get $p) (i32.const 16)))
                 (i64.load (i32.add (local.get $p) (i32.const 24))))))
      (local.set $p (i32.add (local.get $p) (i32.const 16)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $acc))
;; Sum of the i32 words at base + 4 * i for i = from ... from + n - 1: an
  ;; array's base plus a scaled index, `x + a` with a loop-invariant a.
  (func $sumidx (param $base i32) (param $i i32) (param $n i32) (result i32)
    (local $end i32) (local $s i32)
    (local.set $end (i32.add (local.get $i) (local.get $n)))
    (loop $l
      (local.set $s (i32.add (local.get $s)
        (i32.load (i32.add (local.get $base) (i32.shl (local.get $i) (i32.const 2))))))
      (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1)))
                        (local.get $end))))
    (local.get $s))
  ;; c[j] += 2 * b[j] for doubles, two per iteration (clang's unrolled axpy),
  ;; at c + 16 and b + 16.
  (func $axpy (param $c i32) (param $b i32) (param $n i32) (local $j i32)
    (loop $l
      (f64.store (i32.add (local.get $c) (i32.const 16))
        (f64.add (f64.load (i32.add (local.get $c) (i32.const 16)))
          (f64.mul (f64.const 2) (f64.load (i32.add (local.get $b) (i32.const 16))))))
      (f64.store (i32.add (local.get $c) (i32.const 24))
        (f64.add (f64.load (i32.add (local.get $c) (i32.const 24)))
          (f64.mul (f64.const 2) (f64.load (i32.add (local.get $b) (i32.const 24))))))
      (local.set $c (i32.add (local.get $c) (i32.const 16)))
      (local.set $b (i32.add (local.get $b) (i32.const 16)))
      (br_if $l (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 2)))
                        (i32.and (local.get $n) (i32.const -2))))))
  (func (export "_start") (local $zero i32) (local $high i32)
    (local $two i32) (local $three i32) (local $four i32)
    (local.set $zero (i32.load (i32.const 64)))
    (local.set $high (i32.load (i32.const 68)))
    (local.set $two (i32.load (i32.const 72)))
    (local.set $three (i32.load (i32.const 76)))
    (local.set $four (i32.load (i32.const 80)))
    ;; No wrap: 3 + 4 + ... + 8.
    (if (i64.ne (call $sum (local.get $zero) (local.get $three)) (i64.const 33))
      (then (call $exit (i32.const 1))))
    ;; p = 2^32 - 16: p + 16 and p + 24 wrap to 0 and 8, then p itself
    ;; wraps: 1 + 2 + ... + 8.
    (if (i64.ne (call $sum (local.get $high) (local.get $four)) (i64.const 36))
      (then (call $exit (i32.const 2))))
    ;; Words 0 ... 5 (1, 0, 2, 0, 3, 0) from base 0, and from base
    ;; 2^32 - 8 with i = 2 ... 7: base + 4 * i wraps to 0 ... 20.
    (if (i32.ne (call $sumidx (local.get $zero) (local.get $zero)
                  (i32.add (local.get $four) (local.get $two))) (i32.const 6))
      (then (call $exit (i32.const 7))))
    (if (i32.ne (call $sumidx (i32.add (local.get $high) (i32.const 8)) (local.get $two)
                  (i32.add (local.get $four) (local.get $two))) (i32.const 6))
      (then (call $exit (i32.const 8))))
    ;; c at 256, b at 512 = 1, 2, 3, 4: c becomes 2, 4, 6, 8.
    (f64.store (i32.const 512) (f64.const 1))
    (f64.store (i32.const 520) (f64.const 2))
    (f64.store (i32.const 528) (f64.const 3))
    (f64.store (i32.const 536) (f64.const 4))
    (call $axpy (i32.add (local.get $zero) (i32.const 240)) (i32.const 496) (local.get $four))
    (if (f64.ne (f64.load (i32.const 256)) (f64.const 2)) (then (call $exit (i32.const 3))))
    (if (f64.ne (f64.load (i32.const 280)) (f64.const 8)) (then (call $exit (i32.const 4))))
    ;; c = 2^32 - 16: c + 16 and c + 24 wrap to 0 and 8, which hold f64 zeros.
    (i64.store (i32.const 0) (i64.const 0))
    (i64.store (i32.const 8) (i64.const 0))
    (call $axpy (local.get $high) (i32.const 496) (local.get $two))
    (if (f64.ne (f64.load (i32.const 0)) (f64.const 2)) (then (call $exit (i32.const 5))))
    (if (f64.ne (f64.load (i32.const 8)) (f64.const 4)) (then (call $exit (i32.const 6))))))
