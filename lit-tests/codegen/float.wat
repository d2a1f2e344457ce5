;; Float families map to IEEE-exact LLVM operations: min/max propagate NaN and
;; order -0 < +0 (llvm.minimum/maximum), nearest rounds half to even
;; (nearbyint in the default rounding mode), neg/abs/copysign are bitwise.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2bin --emit=llvm -O0 %t.wasm -o - | FileCheck %s
(module
  ;; CHECK-LABEL: define internal float @min.wasm(
  ;; CHECK: call float @llvm.minimum.f32(
  (func $min (param f32 f32) (result f32) (f32.min (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: define internal double @max.wasm(
  ;; CHECK: call double @llvm.maximum.f64(
  (func $max (param f64 f64) (result f64) (f64.max (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: define internal double @nearest.wasm(
  ;; CHECK: call double @llvm.nearbyint.f64(
  (func $nearest (param f64) (result f64) (f64.nearest (local.get 0)))
  ;; CHECK-LABEL: define internal float @neg.wasm(
  ;; CHECK: fneg float
  (func $neg (param f32) (result f32) (f32.neg (local.get 0)))
  ;; CHECK-LABEL: define internal float @abs.wasm(
  ;; CHECK: call float @llvm.fabs.f32(
  (func $abs (param f32) (result f32) (f32.abs (local.get 0)))
  ;; CHECK-LABEL: define internal double @copysign.wasm(
  ;; CHECK: call double @llvm.copysign.f64(
  (func $copysign (param f64 f64) (result f64) (f64.copysign (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: define internal double @sqrt.wasm(
  ;; CHECK: call double @llvm.sqrt.f64(
  (func $sqrt (param f64) (result f64) (f64.sqrt (local.get 0)))
  ;; `ne` is true for NaN operands (unordered), the others are ordered.
  ;; CHECK-LABEL: define internal i32 @ne.wasm(
  ;; CHECK: fcmp une float
  (func $ne (param f32 f32) (result i32) (f32.ne (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: define internal i32 @le.wasm(
  ;; CHECK: fcmp ole double
  (func $le (param f64 f64) (result i32) (f64.le (local.get 0) (local.get 1)))
  ;; A NaN constant keeps its payload.
  ;; CHECK-LABEL: define internal float @nan_payload.wasm(
  ;; CHECK: 0x7FF4000000000000
  (func $nan_payload (result f32) (f32.const nan:0x200000))
  ;; CHECK-LABEL: define internal double @div.wasm(
  ;; CHECK: fdiv double
  (func $div (param f64 f64) (result f64) (f64.div (local.get 0) (local.get 1)))
)
