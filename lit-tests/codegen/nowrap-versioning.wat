;; Loops over i32 pointers (backend/NoWrapVersioning.cpp): when the trip count
;; is computable and the pointers advance by a positive constant, the
;; preheader checks that no `p + C` feeding an address can pass 2^32 - 1
;; (start + step * backedge-taken count + largest C, in 64 bits). If none can,
;; the loop runs with `nuw` adds, widened to 64-bit addresses (and here
;; vectorised); otherwise an unchanged copy runs. The same for `p + a` with
;; a loop-invariant a. Loops whose trip count is
;; unknown, or whose pointers go down, are left alone.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2bin --emit=llvm -O2 %t.wasm -o - | FileCheck %s
(module
  (memory 1)
  ;; CHECK-LABEL: define internal i64 @sum.wasm(
  ;; CHECK: loop.nowrap.check:
  ;; CHECK: [[LAST:%.*]] = add nuw nsw i64
  ;; CHECK-NEXT: [[WRAPS:%.*]] = icmp ugt i64 [[LAST]], 4294967271
  ;; CHECK-NEXT: br i1 [[WRAPS]], label %loop.wrap.preheader, label %loop.ph
  ;; The copy for pointers near 2^32 keeps its i32 adds:
  ;; CHECK: loop.wrap:
  ;; CHECK: [[A:%.*]] = add i32 %{{.*}}, 16
  ;; CHECK-NEXT: zext i32 [[A]] to i64
  ;; The other one is vectorised over 64-bit addresses:
  ;; CHECK: vector.body:
  ;; CHECK: load <4 x i64>
  (func $sum (export "sum") (param $p i32) (param $n i32) (result i64) (local $acc i64)
    (loop $l
      (local.set $acc (i64.add (local.get $acc)
        (i64.add (i64.load (i32.add (local.get $p) (i32.const 16)))
                 (i64.load (i32.add (local.get $p) (i32.const 24))))))
      (local.set $p (i32.add (local.get $p) (i32.const 16)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $acc))
  ;; An array's base plus a scaled index, base + 4 * i: the check adds the
  ;; base; the fast copy computes base + zext(base) once, outside the loop,
  ;; and indexes it with the 64-bit induction variable.
  ;; CHECK-LABEL: define internal i32 @indexed.wasm(
  ;; CHECK: loop.nowrap.check:
  ;; CHECK: [[BASE:%.*]] = zext i32 %0 to i64
  ;; CHECK-NEXT: [[MAX:%.*]] = add nuw nsw i64 %{{.*}}, [[BASE]]
  ;; CHECK-NEXT: [[WRAPS:%.*]] = icmp ugt i64 [[MAX]], 4294967295
  ;; CHECK: br i1 [[WRAPS]], label %loop.ph.wrap, label %loop.ph
  ;; CHECK: loop.preheader:
  ;; CHECK: [[ARRAY:%.*]] = getelementptr inbounds i8, ptr %membase, i64 %{{.*}}
  ;; CHECK: loop:
  ;; CHECK-NOT: add i32 {{.*}}, %0
  ;; CHECK: getelementptr inbounds i8, ptr [[ARRAY]], i64
  ;; CHECK: ret i32
  (func $indexed (export "indexed") (param $base i32) (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s)
        (i32.load (i32.add (local.get $base) (i32.shl (local.get $i) (i32.const 2))))))
      (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1)))
                        (local.get $n))))
    (local.get $s))
  ;; CHECK-LABEL: define internal i32 @until_zero.wasm(
  ;; CHECK-NOT: nowrap
  ;; CHECK: zext i32
  (func $until_zero (export "until_zero") (param $p i32) (result i32)
    (loop $l
      (local.set $p (i32.add (local.get $p) (i32.const 4)))
      (br_if $l (i32.load (i32.add (local.get $p) (i32.const 8)))))
    (local.get $p))
  ;; CHECK-LABEL: define internal i64 @down.wasm(
  ;; CHECK-NOT: nowrap
  ;; CHECK: ret i64
  (func $down (export "down") (param $p i32) (param $n i32) (result i64) (local $acc i64)
    (loop $l
      (local.set $acc (i64.add (local.get $acc) (i64.load (i32.add (local.get $p) (i32.const 8)))))
      (local.set $p (i32.sub (local.get $p) (i32.const 8)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $acc))
)
