;; c[j] += b[j] over i64, unrolled by two as clang emits it for wasm32, with
;; c and b in one memory at distances where the arrays overlap and where
;; they do not. The loop versioning of backend/AccessRanges.cpp runs a copy
;; that treats c and b as disjoint (and vectorises it) only when their byte
;; ranges are: with overlap, the sequential result differs from any
;; reordered one, and the values below are the sequential ones (worked out
;; by hand). Exits with the failing case.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wasm2bin -O2 %t.wasm -o %t.o2 && %t.o2
;; RUN: %wasm2bin -O3 %t.wasm -o %t.o3 && %t.o3
;; RUN: %wasm2bin -O0 %t.wasm -o %t.o0 && %t.o0
;; RUN: %wasm2bin -O2 --bounds-checks=explicit %t.wasm -o %t.ex && %t.ex
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1)
  ;; c[j] += b[j] for j < n (n even, >= 2), two per iteration; the exit test
  ;; is clang's, j != (n & -2), so that the trip count is computable.
  (func $add (param $c i32) (param $b i32) (param $n i32) (local $j i32)
    (loop $l
      (i64.store (local.get $c)
        (i64.add (i64.load (local.get $c)) (i64.load (local.get $b))))
      (i64.store (i32.add (local.get $c) (i32.const 8))
        (i64.add (i64.load (i32.add (local.get $c) (i32.const 8)))
                 (i64.load (i32.add (local.get $b) (i32.const 8)))))
      (local.set $c (i32.add (local.get $c) (i32.const 16)))
      (local.set $b (i32.add (local.get $b) (i32.const 16)))
      (br_if $l (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 2)))
                        (i32.and (local.get $n) (i32.const -2))))))
  ;; x[0 ... 199] = 1 (x at 1024).
  (func $reset (local $i i32)
    (loop $l
      (i64.store offset=1024 (local.get $i) (i64.const 1))
      (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 8)))
                        (i32.const 1600)))))
  (func $x (param $i i32) (result i64)
    (i64.load offset=1024 (i32.shl (local.get $i) (i32.const 3))))
  (func $check (param $i i32) (param $want i64) (param $code i32)
    (if (i64.ne (call $x (local.get $i)) (local.get $want))
      (then (call $exit (local.get $code)))))
  ;; b = x, c = x + d elements, n = 64. d comes from a data segment, so
  ;; that it is not a constant after inlining (with a constant d, c and b
  ;; are one array to the compiler, and nothing is left to check at run
  ;; time).
  (data (i32.const 16) "\01\00\00\00\03\00\00\00\ff\ff\ff\ff\3f\00\00\00\40\00\00\00\00\00\00\00")
  (func $run (param $at i32)
    (call $reset)
    (call $add (i32.add (i32.const 1024)
                        (i32.shl (i32.load (local.get $at)) (i32.const 3)))
               (i32.const 1024) (i32.load (i32.const 0))))
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 64))
    ;; d = 1: x[j + 1] += x[j] in order, so x[k] = k + 1.
    (call $run (i32.const 16))
    (call $check (i32.const 2) (i64.const 3) (i32.const 1))
    (call $check (i32.const 64) (i64.const 65) (i32.const 2))
    ;; d = 3: x[3k + r] = k + 1 up to x[66].
    (call $run (i32.const 20))
    (call $check (i32.const 6) (i64.const 3) (i32.const 3))
    (call $check (i32.const 66) (i64.const 23) (i32.const 4))
    ;; d = -1: x[j - 1] += x[j] reads x[j] before it changes: x[-1] (0
    ;; before) becomes 1, x[0 ... 62] 2, x[63] stays 1.
    (call $run (i32.const 24))
    (if (i64.ne (i64.load (i32.const 1016)) (i64.const 1))
      (then (call $exit (i32.const 5))))
    (call $check (i32.const 0) (i64.const 2) (i32.const 17))
    (call $check (i32.const 62) (i64.const 2) (i32.const 6))
    (call $check (i32.const 63) (i64.const 1) (i32.const 7))
    ;; d = 63: one element shared; x[63] becomes 2 first, x[126] gets it.
    (call $run (i32.const 28))
    (call $check (i32.const 63) (i64.const 2) (i32.const 8))
    (call $check (i32.const 125) (i64.const 2) (i32.const 9))
    (call $check (i32.const 126) (i64.const 3) (i32.const 10))
    ;; d = 64: the ranges touch, disjoint: x[64 ... 127] = 2.
    (call $run (i32.const 32))
    (call $check (i32.const 63) (i64.const 1) (i32.const 11))
    (call $check (i32.const 64) (i64.const 2) (i32.const 12))
    (call $check (i32.const 127) (i64.const 2) (i32.const 13))
    (call $check (i32.const 128) (i64.const 1) (i32.const 14))
    ;; d = 0: c is b, x[j] += x[j]: all 2.
    (call $run (i32.const 36))
    (call $check (i32.const 0) (i64.const 2) (i32.const 15))
    (call $check (i32.const 63) (i64.const 2) (i32.const 16))))
