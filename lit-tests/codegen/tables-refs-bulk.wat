;; IR shape of table, reference-type, bulk-memory, global, reinterpret and
;; unreachable instructions at -O0. table.get/set/size are inline: the
;; table's descriptor is read from the instance, the index is checked against
;; its current size (trap 6 = out of bounds table access, runtime/abi.h) and
;; elements are 32-byte w2b_table_elem: the reference (null is ref.null) and,
;; in a funcref table, a copy of its {sig, code, env}. Instructions whose work is a
;; loop or a resize call the runtime, which checks bounds and traps.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wasm2bin --emit=llvm -O0 %t.wasm -o - | FileCheck %s
(module
  (memory 1)
  (table $t 4 10 funcref)
  (table $e 2 externref)
  (global $g (mut i64) (i64.const 7))
  (data $d "hello")
  (elem $el func $f0 $f0)
  (func $f0)
  ;; CHECK-LABEL: define internal ptr @table_get.wasm(
  ;; CHECK: %[[SIZE:[0-9]+]] = load i32, ptr %{{[0-9]+}}, align 4, !tbaa
  ;; CHECK: %[[OOB:[0-9]+]] = icmp uge i32 %{{[0-9]+}}, %[[SIZE]]
  ;; CHECK: br i1 %[[OOB]], label %trap, label %ok
  ;; CHECK: ok:
  ;; CHECK: %[[ELEMS:[0-9]+]] = load ptr, ptr
  ;; CHECK: %[[OFF:[0-9]+]] = mul nuw nsw i64 %{{[0-9]+}}, 32
  ;; CHECK: %[[SLOT:[0-9]+]] = getelementptr inbounds i8, ptr %[[ELEMS]], i64 %[[OFF]]
  ;; CHECK: load ptr, ptr %[[SLOT]], align 8
  ;; CHECK: trap:
  ;; CHECK-NEXT: call void @w2b_trap(i32 6)
  (func (export "table_get") (param i32) (result funcref) (table.get $t (local.get 0)))
  ;; CHECK-LABEL: define internal void @table_set.wasm(
  ;; CHECK: icmp uge i32
  ;; CHECK: ok:
  ;; CHECK: %[[SLOT:[0-9]+]] = getelementptr inbounds i8, ptr %{{[0-9]+}}, i64 %{{[0-9]+}}
  ;; CHECK: store ptr %{{[0-9]+}}, ptr %[[SLOT]], align 8
  ;; CHECK-NOT: store
  ;; CHECK: call void @w2b_trap(i32 6)
  (func (export "table_set") (param i32 externref) (table.set $e (local.get 0) (local.get 1)))
  ;; A funcref element also gets the record's sig, code and env, read from an
  ;; all-zero record for ref.null (a select, no branch).
  ;; CHECK-LABEL: define internal void @table_set_func.wasm(
  ;; CHECK: ok:
  ;; CHECK: %[[SLOT:[0-9]+]] = getelementptr inbounds i8, ptr %{{[0-9]+}}, i64 %{{[0-9]+}}
  ;; CHECK: store ptr %[[REF:[0-9]+]], ptr %[[SLOT]], align 8
  ;; CHECK: %[[ISNULL:[0-9]+]] = icmp eq ptr %[[REF]], null
  ;; CHECK: %[[REC:[0-9]+]] = select i1 %[[ISNULL]], ptr @w2b.null_funcref, ptr %[[REF]]
  ;; CHECK: %[[SIG:[0-9]+]] = load ptr, ptr %[[REC]]
  ;; CHECK: %[[SIGAT:[0-9]+]] = getelementptr inbounds i8, ptr %[[SLOT]], i64 8
  ;; CHECK: store ptr %[[SIG]], ptr %[[SIGAT]]
  ;; CHECK: %[[CODEIN:[0-9]+]] = getelementptr inbounds i8, ptr %[[REC]], i64 8
  ;; CHECK: %[[CODE:[0-9]+]] = load ptr, ptr %[[CODEIN]]
  ;; CHECK: %[[CODEAT:[0-9]+]] = getelementptr inbounds i8, ptr %[[SLOT]], i64 16
  ;; CHECK: store ptr %[[CODE]], ptr %[[CODEAT]]
  ;; CHECK: %[[ENVIN:[0-9]+]] = getelementptr inbounds i8, ptr %[[REC]], i64 16
  ;; CHECK: %[[ENV:[0-9]+]] = load ptr, ptr %[[ENVIN]]
  ;; CHECK: %[[ENVAT:[0-9]+]] = getelementptr inbounds i8, ptr %[[SLOT]], i64 24
  ;; CHECK: store ptr %[[ENV]], ptr %[[ENVAT]]
  (func (export "table_set_func") (param i32 funcref) (table.set $t (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: define internal i32 @table_grow.wasm(
  ;; CHECK: call i32 @w2b_table_grow(ptr %instance, i32 0, ptr null, i32 %{{[0-9]+}})
  (func (export "table_grow") (param i32) (result i32) (table.grow $t (ref.null func) (local.get 0)))
  ;; CHECK-LABEL: define internal i32 @table_size.wasm(
  ;; CHECK: load i32, ptr %{{[0-9]+}}, align 4, !tbaa
  ;; CHECK-NOT: call
  (func (export "table_size") (result i32) (table.size $e))
  ;; ref.func reads the function's funcref pointer from the instance, where
  ;; it never changes (an invariant load).
  ;; CHECK-LABEL: define internal void @table_fill.wasm(
  ;; CHECK: %[[SLOT:[0-9]+]] = getelementptr inbounds i8, ptr %instance, i64 {{[0-9]+}}
  ;; CHECK: %[[REF:[0-9]+]] = load ptr, ptr %[[SLOT]], align 8, {{.*}}!invariant.load
  ;; CHECK: call void @w2b_table_fill(ptr %instance, i32 0, i32 %{{[0-9]+}}, ptr %[[REF]], i32 %{{[0-9]+}})
  (func (export "table_fill") (param i32 i32) (table.fill $t (local.get 0) (ref.func $f0) (local.get 1)))
  ;; CHECK-LABEL: define internal void @table_copy.wasm(
  ;; CHECK: call void @w2b_table_copy(ptr %instance, i32 0, i32 0, i32 %{{[0-9]+}}, i32 %{{[0-9]+}}, i32 %{{[0-9]+}})
  (func (export "table_copy") (param i32 i32 i32) (table.copy $t $t (local.get 0) (local.get 1) (local.get 2)))
  ;; CHECK-LABEL: define internal void @table_init.wasm(
  ;; CHECK: call void @w2b_table_init(ptr %instance, i32 0, i32 0, i32 %{{[0-9]+}}, i32 %{{[0-9]+}}, i32 %{{[0-9]+}})
  (func (export "table_init") (param i32 i32 i32) (table.init $t $el (local.get 0) (local.get 1) (local.get 2)))
  ;; CHECK-LABEL: define internal void @elem_drop.wasm(
  ;; CHECK: call void @w2b_elem_drop(ptr %instance, i32 0)
  (func (export "elem_drop") (elem.drop $el))
  ;; CHECK-LABEL: define internal i32 @ref_is_null.wasm(
  ;; CHECK: %[[NULL:[0-9]+]] = icmp eq ptr %{{[0-9]+}}, null
  ;; CHECK: zext i1 %[[NULL]] to i32
  (func (export "ref_is_null") (param externref) (result i32) (ref.is_null (local.get 0)))
  ;; CHECK-LABEL: define internal ptr @ref_func.wasm(
  ;; CHECK: %[[SLOT:[0-9]+]] = getelementptr inbounds i8, ptr %instance, i64 {{[0-9]+}}
  ;; CHECK: load ptr, ptr %[[SLOT]], align 8, {{.*}}!invariant.load
  (func (export "ref_func") (result funcref) (ref.func $f0))
  ;; CHECK-LABEL: define internal void @memory_fill.wasm(
  ;; CHECK: call void @w2b_memory_fill(ptr %instance, i32 %{{[0-9]+}}, i32 %{{[0-9]+}}, i32 %{{[0-9]+}})
  (func (export "memory_fill") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 1) (local.get 2)))
  ;; CHECK-LABEL: define internal void @memory_copy.wasm(
  ;; CHECK: call void @w2b_memory_copy(ptr %instance, i32 %{{[0-9]+}}, i32 %{{[0-9]+}}, i32 %{{[0-9]+}})
  (func (export "memory_copy") (param i32 i32 i32) (memory.copy (local.get 0) (local.get 1) (local.get 2)))
  ;; CHECK-LABEL: define internal void @memory_init.wasm(
  ;; CHECK: call void @w2b_memory_init(ptr %instance, i32 0, i32 %{{[0-9]+}}, i32 %{{[0-9]+}}, i32 %{{[0-9]+}})
  (func (export "memory_init") (param i32 i32 i32) (memory.init $d (local.get 0) (local.get 1) (local.get 2)))
  ;; CHECK-LABEL: define internal void @data_drop.wasm(
  ;; CHECK: call void @w2b_data_drop(ptr %instance, i32 0)
  (func (export "data_drop") (data.drop $d))
  ;; A defined mutable global lives in the instance.
  ;; CHECK-LABEL: define internal i64 @global_get.wasm(
  ;; CHECK: %[[G:[0-9]+]] = getelementptr inbounds i8, ptr %instance, i64 [[GOFF:[0-9]+]]
  ;; CHECK: load i64, ptr %[[G]], align 8
  (func (export "global_get") (result i64) (global.get $g))
  ;; CHECK-LABEL: define internal void @global_set.wasm(
  ;; CHECK: %[[G:[0-9]+]] = getelementptr inbounds i8, ptr %instance, i64 [[GOFF]]
  ;; CHECK: store i64 %{{[0-9]+}}, ptr %[[G]], align 8
  (func (export "global_set") (param i64) (global.set $g (local.get 0)))
  ;; CHECK-LABEL: define internal i32 @reinterpret.wasm(
  ;; CHECK: bitcast float %{{[0-9]+}} to i32
  (func (export "reinterpret") (param f32) (result i32) (i32.reinterpret_f32 (local.get 0)))
  ;; CHECK-LABEL: define internal void @unreachable.wasm(
  ;; CHECK: trap:
  ;; CHECK-NEXT: call void @w2b_trap(i32 1)
  ;; CHECK-NEXT: unreachable
  (func (export "unreachable") (unreachable))
)
