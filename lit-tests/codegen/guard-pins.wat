;; Guard-page mode above -O0: every guest load is kept where the program has
;; it (codegen/EmitMemory.cpp sums loaded values into pins at calls, traps and
;; the return while LLVM optimises; backend/LoadPins.cpp then removes every
;; sum). What must remain: a pin (an empty asm, memory(none)) for a load that
;; nothing else keeps in its block -- a dead one, or one used only after a
;; branch to a trap -- and nothing at all for loads the code anchors (stores,
;; running sums), so hot loops are what they would be without pins and still
;; vectorise. Explicit mode needs no pins.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2bin --emit=llvm -O2 %t.wasm -o - | FileCheck %s
;; RUN: %wasm2bin --emit=llvm -O2 --bounds-checks=explicit %t.wasm -o - | FileCheck %s --check-prefix=EXPLICIT
;; EXPLICIT-NOT: asm sideeffect
(module
  (memory 1)
  ;; CHECK-LABEL: define internal void @dead.wasm(
  ;; CHECK: [[V:%.*]] = load i32, ptr
  ;; CHECK-NEXT: call void asm sideeffect "", "r"(i32 [[V]]) [[PIN:#[0-9]+]]
  ;; CHECK-NEXT: ret void
  (func $dead (export "dead") (param i32) (local i32)
    (local.set 1 (i32.load (local.get 0))))
  ;; A float only its sum uses is loaded as an integer (instcombine sees
  ;; just the bits); a v128 is pinned in an XMM register.
  ;; CHECK-LABEL: define internal void @dead_f64.wasm(
  ;; CHECK: [[F:%.*]] = load i64, ptr
  ;; CHECK-NEXT: call void asm sideeffect "", "r"(i64 [[F]]) [[PIN]]
  (func $dead_f64 (export "dead_f64") (param i32) (local f64)
    (local.set 1 (f64.load (local.get 0))))
  ;; CHECK-LABEL: define internal void @dead_v128.wasm(
  ;; CHECK: [[W:%.*]] = load <2 x i64>, ptr
  ;; CHECK-NEXT: call void asm sideeffect "", "x"(<2 x i64> [[W]]) [[PIN]]
  (func $dead_v128 (export "dead_v128") (param i32)
    (drop (v128.load (local.get 0))))
  ;; Used only past the division's check: pinned (in an XMM register) before
  ;; the branch, so it cannot sink below it.
  ;; CHECK-LABEL: define internal i32 @before_div.wasm(
  ;; CHECK: [[D:%.*]] = load double, ptr
  ;; CHECK-NEXT: call void asm sideeffect "", "x"(double [[D]]) [[PIN]]
  ;; CHECK: br i1
  ;; CHECK: udiv
  (func $before_div (export "before_div") (param i32 i32 i32) (result i32)
    (local f64)
    (local.set 3 (f64.load (local.get 0)))
    (i32.add (i32.div_u (local.get 1) (local.get 2))
             (i32.trunc_sat_f64_s (local.get 3))))
  ;; A copy loop and a running sum: anchored by the store and the phi, no pin,
  ;; and the sum is vectorised.
  ;; CHECK-LABEL: define internal void @copy.wasm(
  ;; CHECK-NOT: asm
  ;; CHECK: ret void
  (func $copy (export "copy") (param i32 i32 i32)
    (block (loop
      (br_if 1 (i32.eqz (local.get 2)))
      (i32.store (local.get 0) (i32.load (local.get 1)))
      (local.set 0 (i32.add (local.get 0) (i32.const 4)))
      (local.set 1 (i32.add (local.get 1) (i32.const 4)))
      (local.set 2 (i32.sub (local.get 2) (i32.const 1)))
      (br 0))))
  ;; CHECK-LABEL: define internal i32 @sum.wasm(
  ;; CHECK-NOT: asm
  ;; CHECK: vector.body:
  ;; CHECK-NOT: asm
  ;; CHECK: load <4 x i32>
  ;; CHECK-NOT: asm
  ;; CHECK: ret i32
  (func $sum (export "sum") (param i32 i32) (result i32) (local i32)
    (block (loop
      (br_if 1 (i32.eqz (local.get 1)))
      (local.set 2 (i32.add (local.get 2) (i32.load (local.get 0))))
      (local.set 0 (i32.add (local.get 0) (i32.const 4)))
      (local.set 1 (i32.sub (local.get 1) (i32.const 1)))
      (br 0)))
    (local.get 2))
)
;; CHECK: attributes [[PIN]] = { nounwind memory(none) }
