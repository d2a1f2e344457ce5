;; Calls. Defined functions are called directly with the same instance;
;; imports (library mode) go through a w2b_funcref and pass its env, and
;; call_indirect through the copy of its {sig, code, env} in the 32-byte table
;; element. call_indirect checks bounds (7 = undefined element) and the
;; signature by pointer equality; a null element (null sig) fails that and is
;; told apart on the slow path (8 = uninitialized element) before
;; w2b_sig_equal (9 = indirect call type mismatch).
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2bin --emit=llvm -O0 --module-name=calls %t.wasm -o - | FileCheck %s
;; CHECK: @w2b_module_calls = constant
(module
  (import "host" "f" (func $host_f (param i32) (result i32)))
  (type $v2i (func (result i32)))
  (table 4 funcref)
  (func $callee (param i32) (result i32) (local.get 0))
  ;; CHECK-LABEL: define internal i32 @direct.calls(
  ;; CHECK: call i32 @callee.calls(ptr %instance, i32 3)
  (func $direct (result i32) (call $callee (i32.const 3)))
  ;; CHECK-LABEL: define internal i32 @imported.calls(
  ;; CHECK: [[REF:%.*]] = load ptr, ptr %{{.*}}, !invariant.load
  ;; CHECK: [[CODEP:%.*]] = getelementptr inbounds i8, ptr [[REF]], i64 8
  ;; CHECK: [[CODE:%.*]] = load ptr, ptr [[CODEP]]
  ;; CHECK: [[ENVP:%.*]] = getelementptr inbounds i8, ptr [[REF]], i64 16
  ;; CHECK: [[ENV:%.*]] = load ptr, ptr [[ENVP]]
  ;; CHECK: call i32 [[CODE]](ptr [[ENV]], i32 4)
  (func $imported (result i32) (call $host_f (i32.const 4)))
  ;; CHECK-LABEL: define internal i32 @indirect.calls(
  ;; CHECK: icmp uge i32 %{{.*}}, %{{.*}}
  ;; CHECK: [[OFF:%.*]] = mul nuw nsw i64 %{{.*}}, 32
  ;; CHECK: [[ELEM:%.*]] = getelementptr inbounds i8, ptr %{{.*}}, i64 [[OFF]]
  ;; CHECK: [[SIGP:%.*]] = getelementptr inbounds i8, ptr [[ELEM]], i64 8
  ;; CHECK: [[SIG:%.*]] = load ptr, ptr [[SIGP]], align 8, !tbaa
  ;; CHECK: icmp eq ptr [[SIG]], @"w2b.sig.:i"
  ;; CHECK: call_indirect:
  ;; CHECK: [[CODEP:%.*]] = getelementptr inbounds i8, ptr [[ELEM]], i64 16
  ;; CHECK: [[CODE:%.*]] = load ptr, ptr [[CODEP]]
  ;; CHECK: [[ENVP:%.*]] = getelementptr inbounds i8, ptr [[ELEM]], i64 24
  ;; CHECK: [[ENV:%.*]] = load ptr, ptr [[ENVP]]
  ;; CHECK: call i32 [[CODE]](ptr [[ENV]])
  ;; CHECK: call_indirect.sigcmp:
  ;; CHECK: [[REF:%.*]] = load ptr, ptr [[ELEM]], align 8
  ;; CHECK: icmp eq ptr [[REF]], null
  ;; CHECK: call i32 @w2b_sig_equal(ptr [[SIG]], ptr @"w2b.sig.:i")
  ;; CHECK: call void @w2b_trap(i32 7)
  ;; CHECK: call void @w2b_trap(i32 8)
  ;; CHECK: call void @w2b_trap(i32 9)
  (func $indirect (param i32) (result i32) (call_indirect (type $v2i) (local.get 0)))
)
;; Imported functions are described for the runtime with a host adapter.
;; CHECK: define linkonce_odr hidden i32 @"w2b.adapter.i:i"(ptr %0, i32 %1) {{.*}}comdat
