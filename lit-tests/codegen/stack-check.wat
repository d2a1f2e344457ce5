;; Functions that call compare the stack pointer with the thread's limit on
;; entry (10 = call stack exhausted); leaf functions do not. Tail recursion is
;; never turned into a loop: every Wasm call consumes stack.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2bin --emit=llvm -O2 %t.wasm -o - | FileCheck %s
;; CHECK: @w2b_stack_limit = external thread_local(localexec) {{.*}}global i64, align 8
(module
  ;; CHECK-LABEL: define internal {{.*}}@leaf.wasm(
  ;; CHECK-NOT: read_register
  ;; CHECK: ret
  (func $leaf (export "leaf") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
  ;; CHECK-LABEL: define internal {{.*}}@runaway.wasm(
  ;; CHECK: [[SP:%.*]] = {{.*}}call i64 @llvm.read_register.i64(metadata [[RSP:![0-9]+]])
  ;; CHECK: [[LIM:%.*]] = load i64, ptr @w2b_stack_limit
  ;; CHECK: icmp ult i64 [[SP]], [[LIM]]
  ;; CHECK: call {{.*}}@runaway.wasm(
  ;; CHECK: call void @w2b_trap(i32 10)
  (func $runaway (export "runaway") (call $runaway))
)
;; CHECK: attributes #{{[0-9]+}} = { {{.*}}"disable-tail-calls"="true"
;; CHECK: [[RSP]] = !{!"rsp"}
