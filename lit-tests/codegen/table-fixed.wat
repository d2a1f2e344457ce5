;; A table whose maximum equals its minimum can never change size: its bounds
;; check compares with a constant. A defined one also keeps its elements at a
;; fixed place inside the instance (32 bytes after its w2b_table, at the offset
;; its descriptor records), so they are addressed without a load; an imported
;; one's element array is an invariant load. A growable table reloads both.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2bin --emit=llvm -O0 %t.wasm -o - | FileCheck %s
(module
  (type $v (func))
  (import "env" "t" (table $imported 8 8 funcref))
  (table $fixed 8 8 funcref)
  (table $growable 8 funcref)
  ;; The descriptor of $fixed records its offset (OFF), a multiple of the
  ;; 32-byte element; the elements start 32 bytes after it.
  ;; CHECK: @w2b.tables = private constant [2 x %w2b_table_desc] [%w2b_table_desc { i8 112, %w2b_limits { i32 8, i32 8, i8 1 }, i32 [[#OFF:]] }, %w2b_table_desc { i8 112, %w2b_limits { i32 8, i32 -1, i8 0 }, i32 {{[0-9]+}} }]
  ;; CHECK-LABEL: define internal void @fixed.wasm(
  ;; CHECK-NOT: load ptr
  ;; CHECK: [[ELEMS:%.*]] = getelementptr inbounds i8, ptr %instance, i64 [[#OFF+32]]
  ;; CHECK-NEXT: icmp uge i32 %{{.*}}, 8
  ;; CHECK-NOT: load ptr
  ;; CHECK: [[SLOT:%.*]] = getelementptr inbounds i8, ptr [[ELEMS]], i64 %{{.*}}
  ;; CHECK-NEXT: [[SIGP:%.*]] = getelementptr inbounds i8, ptr [[SLOT]], i64 8
  ;; CHECK-NEXT: load ptr, ptr [[SIGP]], align 8, !tbaa
  (func $fixed (param i32) (call_indirect $fixed (type $v) (local.get 0)))
  ;; CHECK-LABEL: define internal void @imported.wasm(
  ;; CHECK: [[TABLE:%.*]] = load ptr, ptr %{{.*}}, !invariant.load
  ;; CHECK: icmp uge i32 %{{.*}}, 8
  ;; CHECK: load ptr, ptr [[TABLE]], align 8, !tbaa !{{[0-9]+}}, !invariant.load
  (func $imported (param i32) (call_indirect $imported (type $v) (local.get 0)))
  ;; CHECK-LABEL: define internal void @growable.wasm(
  ;; CHECK: [[TABLE:%.*]] = load ptr, ptr %{{.*}}, !invariant.load
  ;; CHECK: [[SIZEP:%.*]] = getelementptr inbounds i8, ptr [[TABLE]], i64 8
  ;; CHECK: [[SIZE:%.*]] = load i32, ptr [[SIZEP]]
  ;; CHECK: icmp uge i32 %{{.*}}, [[SIZE]]
  ;; CHECK: load ptr, ptr [[TABLE]], align 8, !tbaa !{{[0-9]+}}{{$}}
  (func $growable (param i32) (call_indirect $growable (type $v) (local.get 0)))
)
