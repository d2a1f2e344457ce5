;; Integer families: intrinsics, masked shifts, rotates, trapping division.
;; Trap kinds are w2b_trap_kind values (runtime/abi.h): 2 = integer divide by
;; zero, 3 = integer overflow.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2bin --emit=llvm -O0 %t.wasm -o - | FileCheck %s
(module
  ;; CHECK-LABEL: define internal i32 @clz.wasm(
  ;; CHECK: call i32 @llvm.ctlz.i32(i32 %{{.*}}, i1 false)
  (func $clz (param i32) (result i32) (i32.clz (local.get 0)))
  ;; CHECK-LABEL: define internal i64 @ctz.wasm(
  ;; CHECK: call i64 @llvm.cttz.i64(i64 %{{.*}}, i1 false)
  (func $ctz (param i64) (result i64) (i64.ctz (local.get 0)))
  ;; CHECK-LABEL: define internal i32 @popcnt.wasm(
  ;; CHECK: call i32 @llvm.ctpop.i32(
  (func $popcnt (param i32) (result i32) (i32.popcnt (local.get 0)))
  ;; CHECK-LABEL: define internal i32 @eqz.wasm(
  ;; CHECK: [[C:%.*]] = icmp eq i64 %{{.*}}, 0
  ;; CHECK: zext i1 [[C]] to i32
  (func $eqz (param i64) (result i32) (i64.eqz (local.get 0)))
  ;; Shift counts are taken modulo the width.
  ;; CHECK-LABEL: define internal i64 @shr_s.wasm(
  ;; CHECK: [[N:%.*]] = and i64 %{{.*}}, 63
  ;; CHECK: ashr i64 %{{.*}}, [[N]]
  (func $shr_s (param i64 i64) (result i64) (i64.shr_s (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: define internal i32 @shl.wasm(
  ;; CHECK: [[N:%.*]] = and i32 %{{.*}}, 31
  ;; CHECK: shl i32 %{{.*}}, [[N]]
  (func $shl (param i32 i32) (result i32) (i32.shl (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: define internal i32 @rotl.wasm(
  ;; CHECK: call i32 @llvm.fshl.i32(i32 [[X:%.*]], i32 [[X]], i32
  (func $rotl (param i32 i32) (result i32) (i32.rotl (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: define internal i64 @rotr.wasm(
  ;; CHECK: call i64 @llvm.fshr.i64(
  (func $rotr (param i64 i64) (result i64) (i64.rotr (local.get 0) (local.get 1)))
  ;; div_s traps on zero and on INT_MIN / -1.
  ;; CHECK-LABEL: define internal i32 @div_s.wasm(
  ;; CHECK: icmp eq i32 [[D:%.*]], 0
  ;; CHECK: icmp eq i32 %{{.*}}, -2147483648
  ;; CHECK-NEXT: icmp eq i32 [[D]], -1
  ;; CHECK: sdiv i32
  ;; CHECK: call void @w2b_trap(i32 2)
  ;; CHECK: call void @w2b_trap(i32 3)
  (func $div_s (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: define internal i64 @div_u.wasm(
  ;; CHECK: icmp eq i64 %{{.*}}, 0
  ;; CHECK-NOT: -9223372036854775808
  ;; CHECK: udiv i64
  (func $div_u (param i64 i64) (result i64) (i64.div_u (local.get 0) (local.get 1)))
  ;; rem_s by -1 is 0 for every dividend: divide by 1 instead of trapping.
  ;; CHECK-LABEL: define internal i32 @rem_s.wasm(
  ;; CHECK: [[M1:%.*]] = icmp eq i32 [[D:%.*]], -1
  ;; CHECK: [[DD:%.*]] = select i1 [[M1]], i32 1, i32 [[D]]
  ;; CHECK: srem i32 %{{.*}}, [[DD]]
  (func $rem_s (param i32 i32) (result i32) (i32.rem_s (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: define internal i32 @extend8.wasm(
  ;; CHECK: [[T:%.*]] = trunc i32 %{{.*}} to i8
  ;; CHECK: sext i8 [[T]] to i32
  (func $extend8 (param i32) (result i32) (i32.extend8_s (local.get 0)))
  ;; CHECK-LABEL: define internal i32 @lt_u.wasm(
  ;; CHECK: icmp ult i32
  (func $lt_u (param i32 i32) (result i32) (i32.lt_u (local.get 0) (local.get 1)))
)
