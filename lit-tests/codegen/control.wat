;; Structured control flow: block results become PHIs in the end block, loop
;; parameters PHIs in the header, br_table a switch.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2bin --emit=llvm -O0 %t.wasm -o - | FileCheck %s
(module
  ;; CHECK-LABEL: define internal i32 @block_result.wasm(
  ;; CHECK: br i1 %{{.*}}, label %[[END:.*]], label %br_if.cont
  ;; CHECK: [[END]]:
  ;; CHECK-NEXT: phi i32 [ 1, %body ], [ 2, %br_if.cont ]
  ;; CHECK: br_if.cont:
  ;; CHECK-NEXT: br label %[[END]]
  (func $block_result (param i32) (result i32)
    (block (result i32)
      (br_if 0 (i32.const 1) (local.get 0))
      (drop)
      (i32.const 2)))
  ;; A loop with a parameter and a result (multi-value block types).
  ;; CHECK-LABEL: define internal i32 @loop_param.wasm(
  ;; CHECK: loop:
  ;; CHECK-NEXT: [[P:%.*]] = phi i32 [ 10, %body ], [ [[NEXT:%.*]], %br_if.cont ]
  ;; CHECK-NEXT: sub i32 [[P]], 1
  ;; CHECK: br_if.cont:
  ;; CHECK-NEXT: [[NEXT]] = load i32
  (type $ii (func (param i32) (result i32)))
  (func $loop_param (result i32) (local i32)
    (i32.const 10)
    (loop (type $ii)
      (i32.sub (i32.const 1))
      (local.tee 0)
      (br_if 1 (i32.const 7) (i32.eqz (local.get 0)))
      (drop)
      (local.get 0)
      (br 0)))
  (func $unused (param i32) (result i32) (local.get 0))
  ;; CHECK-LABEL: define internal i32 @table.wasm(
  ;; CHECK: switch i32 %{{.*}}, label %[[DEF:.*]] [
  ;; CHECK-NEXT: i32 0, label
  ;; CHECK-NEXT: i32 1, label
  ;; CHECK-NEXT: ]
  (func $table (param i32) (result i32)
    (block (block (block
      (br_table 0 1 2 (local.get 0)))
      (return (i32.const 10)))
      (return (i32.const 11)))
    (i32.const 12))
  ;; An `if` without `else` passes its parameters through the implicit else.
  ;; CHECK-LABEL: define internal i32 @if_param.wasm(
  ;; CHECK: end{{.*}}:
  ;; CHECK-NEXT: phi i32 [ {{.*}}, %then ], [ 5, %else ]
  (func $if_param (param i32) (result i32)
    (i32.const 5)
    (if (type $ii) (local.get 0) (then (i32.const 1) (i32.add)))))
