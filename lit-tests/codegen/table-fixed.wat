;; A table whose maximum equals its minimum can never change size: its bounds
;; check compares with a constant and its element array is an invariant load.
;; A growable table reloads both.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2bin --emit=llvm -O0 %t.wasm -o - | FileCheck %s
(module
  (type $v (func))
  (table $fixed 8 8 funcref)
  (table $growable 8 funcref)
  ;; CHECK-LABEL: define internal void @fixed.wasm(
  ;; CHECK: icmp uge i32 %{{.*}}, 8
  ;; CHECK: load ptr, ptr %{{.*}}, align 8, !tbaa !{{[0-9]+}}, !invariant.load
  (func $fixed (param i32) (call_indirect $fixed (type $v) (local.get 0)))
  ;; CHECK-LABEL: define internal void @growable.wasm(
  ;; CHECK: [[TABLE:%.*]] = load ptr, ptr %{{.*}}, !invariant.load
  ;; CHECK: [[SIZEP:%.*]] = getelementptr inbounds i8, ptr [[TABLE]], i64 8
  ;; CHECK: [[SIZE:%.*]] = load i32, ptr [[SIZEP]]
  ;; CHECK: icmp uge i32 %{{.*}}, [[SIZE]]
  ;; CHECK: load ptr, ptr [[TABLE]], align 8, !tbaa !{{[0-9]+}}{{$}}
  (func $growable (param i32) (call_indirect $growable (type $v) (local.get 0)))
)
