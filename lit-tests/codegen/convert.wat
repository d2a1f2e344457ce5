;; Conversions. Trapping truncation checks NaN (4 = invalid conversion) and
;; exact range bounds (3 = integer overflow) before fptosi/fptoui.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2bin --emit=llvm -O0 %t.wasm -o - | FileCheck %s
(module
  ;; f64 -> i32 signed: (-2^31 - 1, 2^31), -2^31 - 1 is exact in f64.
  ;; CHECK-LABEL: define internal i32 @trunc_f64_s.wasm(
  ;; CHECK: fcmp uno double
  ;; CHECK: fcmp ogt double %{{.*}}, 0xC1E0000000200000
  ;; CHECK: fcmp olt double %{{.*}}, 0x41E0000000000000
  ;; CHECK: fptosi double %{{.*}} to i32
  ;; CHECK: call void @w2b_trap(i32 3)
  ;; CHECK: call void @w2b_trap(i32 4)
  (func $trunc_f64_s (param f64) (result i32) (i32.trunc_f64_s (local.get 0)))
  ;; f32 -> i32 signed: [-2^31, 2^31), since -2^31 - 1 rounds in f32.
  ;; CHECK-LABEL: define internal i32 @trunc_f32_s.wasm(
  ;; CHECK: fcmp oge float %{{.*}}, 0xC1E0000000000000
  ;; CHECK: fcmp olt float %{{.*}}, 0x41E0000000000000
  (func $trunc_f32_s (param f32) (result i32) (i32.trunc_f32_s (local.get 0)))
  ;; Unsigned: (-1, 2^64).
  ;; CHECK-LABEL: define internal i64 @trunc_f64_u.wasm(
  ;; CHECK: fcmp ogt double %{{.*}}, -1.0
  ;; CHECK: fcmp olt double %{{.*}}, 0x43F0000000000000
  ;; CHECK: fptoui double %{{.*}} to i64
  (func $trunc_f64_u (param f64) (result i64) (i64.trunc_f64_u (local.get 0)))
  ;; CHECK-LABEL: define internal i32 @trunc_sat.wasm(
  ;; CHECK: call i32 @llvm.fptosi.sat.i32.f32(
  (func $trunc_sat (param f32) (result i32) (i32.trunc_sat_f32_s (local.get 0)))
  ;; CHECK-LABEL: define internal i64 @trunc_sat_u.wasm(
  ;; CHECK: call i64 @llvm.fptoui.sat.i64.f64(
  (func $trunc_sat_u (param f64) (result i64) (i64.trunc_sat_f64_u (local.get 0)))
  ;; CHECK-LABEL: define internal i32 @wrap.wasm(
  ;; CHECK: trunc i64 %{{.*}} to i32
  (func $wrap (param i64) (result i32) (i32.wrap_i64 (local.get 0)))
  ;; CHECK-LABEL: define internal i64 @extend_u.wasm(
  ;; CHECK: zext i32 %{{.*}} to i64
  (func $extend_u (param i32) (result i64) (i64.extend_i32_u (local.get 0)))
  ;; CHECK-LABEL: define internal float @convert_u.wasm(
  ;; CHECK: uitofp i64 %{{.*}} to float
  (func $convert_u (param i64) (result f32) (f32.convert_i64_u (local.get 0)))
  ;; CHECK-LABEL: define internal float @demote.wasm(
  ;; CHECK: fptrunc double %{{.*}} to float
  (func $demote (param f64) (result f32) (f32.demote_f64 (local.get 0)))
  ;; CHECK-LABEL: define internal i64 @reinterpret.wasm(
  ;; CHECK: bitcast double %{{.*}} to i64
  (func $reinterpret (param f64) (result i64) (i64.reinterpret_f64 (local.get 0)))
)
