;; Arithmetic on a signalling NaN yields a quiet (arithmetic) NaN, as Wasm
;; requires, even where LLVM would fold the operation away (x - 0, x * 1,
;; x / -1, -0 - x, demote(promote x)) or lowers it without quieting
;; (llvm.minimum/maximum on x86). Found by the spec suite (float_exprs.wast,
;; f32.wast, f64.wast, simd_f32x4.wast). Exits with the number of the first
;; failing case.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wasm2bin -O2 %t.wasm -o %t.o2 && %t.o2
;; RUN: %wasm2bin -O0 %t.wasm -o %t.o0 && %t.o0
;; RUN: %wasm2bin -O2 --bounds-checks=explicit %t.wasm -o %t.ex && %t.ex
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1)
  ;; f32 sNaN 0x7fa00000 at 0, f64 sNaN 0x7ff4000000000000 at 8: loaded, so
  ;; that nothing is constant-folded.
  (data (i32.const 0) "\00\00\a0\7f\00\00\00\00\00\00\00\00\00\00\f4\7f")
  (func $x (result f32) (f32.load (i32.const 0)))
  (func $y (result f64) (f64.load (i32.const 8)))
  (func $check32 (param $v f32) (param $case i32)
    (if (i32.ne (i32.and (i32.reinterpret_f32 (local.get $v)) (i32.const 0x7fc00000))
                (i32.const 0x7fc00000))
      (then (call $exit (local.get $case)))))
  (func $check64 (param $v f64) (param $case i32)
    (if (i64.ne (i64.and (i64.reinterpret_f64 (local.get $v)) (i64.const 0x7ff8000000000000))
                (i64.const 0x7ff8000000000000))
      (then (call $exit (local.get $case)))))
  (func (export "_start")
    (call $check32 (f32.sub (call $x) (f32.const 0)) (i32.const 1))
    (call $check32 (f32.mul (call $x) (f32.const 1)) (i32.const 2))
    (call $check32 (f32.div (call $x) (f32.const -1)) (i32.const 3))
    (call $check32 (f32.sub (f32.const -0) (call $x)) (i32.const 4))
    (call $check32 (f32.min (call $x) (f32.const 0)) (i32.const 5))
    (call $check32 (f32.max (f32.const 0) (call $x)) (i32.const 6))
    (call $check32 (f32.demote_f64 (f64.promote_f32 (call $x))) (i32.const 7))
    (call $check64 (f64.mul (call $y) (f64.const -1)) (i32.const 8))
    (call $check64 (f64.add (call $y) (f64.const -0)) (i32.const 9))
    (call $check64 (f64.min (call $y) (call $y)) (i32.const 10))
    (call $check32 (f32x4.extract_lane 1
                     (f32x4.min (f32x4.splat (call $x)) (v128.const f32x4 0 0 0 0)))
                   (i32.const 11))
    (call $check32 (f32x4.extract_lane 2
                     (f32x4.mul (f32x4.splat (call $x)) (v128.const f32x4 1 1 1 1)))
                   (i32.const 12))
    (call $check64 (f64x2.extract_lane 0
                     (f64x2.max (f64x2.splat (call $y)) (f64x2.splat (call $y))))
                   (i32.const 13))))
