;; Arrays in one linear memory (backend/AccessRanges.cpp): c[j] += 2 * b[j],
;; unrolled by two as clang emits it for wasm32. LLVM's own run-time checks
;; would compare every pointer with every other, c[j] with c[j + 1] too,
;; which always overlap, so its vector loop would never run. The no-wrap
;; check also compares the byte ranges of c and b; the copy that runs when
;; they are disjoint has scoped noalias metadata and is vectorised with no
;; checks of LLVM's. Loops that only read, or whose addresses are not all
;; of the form, get no such check.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2bin --emit=llvm -O2 %t.wasm -o - | FileCheck %s
(module
  (memory 1)
  ;; CHECK-LABEL: define internal void @axpy.wasm(
  ;; CHECK: loop.nowrap.check:
  ;; The ranges [c, c + 16 * trips) and [b, b + 16 * trips) overlap when
  ;; each starts below the other's end:
  ;; CHECK: [[C_END:%.*]] = add nuw nsw i64 %{{.*}}, 16
  ;; CHECK-NEXT: [[B:%.*]] = zext i32 %1 to i64
  ;; CHECK: [[B_END:%.*]] = add nuw nsw i64 %{{.*}}, 16
  ;; CHECK-NEXT: [[X:%.*]] = icmp ugt i64 [[C_END]], [[B]]
  ;; CHECK-NEXT: [[Y:%.*]] = icmp ugt i64 [[B_END]], %{{[0-9]+}}
  ;; CHECK-NEXT: [[OVERLAP:%.*]] = and i1 [[X]], [[Y]]
  ;; CHECK: br i1 %{{.*}}, label %loop.wrap, label %loop.ph
  ;; CHECK-NOT: vector.memcheck
  ;; CHECK: vector.body:
  ;; CHECK: load <4 x double>, {{.*}} !alias.scope [[SC:![0-9]+]], !noalias [[SB:![0-9]+]]
  ;; CHECK: load <4 x double>, {{.*}} !alias.scope [[SB]], !noalias [[SC]]
  ;; CHECK: store <4 x double> {{.*}} !alias.scope [[SC]], !noalias [[SB]]
  (func $axpy (export "axpy") (param $c i32) (param $b i32) (param $n i32) (local $j i32)
    (loop $l
      (f64.store (local.get $c)
        (f64.add (f64.load (local.get $c))
          (f64.mul (f64.const 2) (f64.load (local.get $b)))))
      (f64.store (i32.add (local.get $c) (i32.const 8))
        (f64.add (f64.load (i32.add (local.get $c) (i32.const 8)))
          (f64.mul (f64.const 2) (f64.load (i32.add (local.get $b) (i32.const 8))))))
      (local.set $c (i32.add (local.get $c) (i32.const 16)))
      (local.set $b (i32.add (local.get $b) (i32.const 16)))
      (br_if $l (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 2)))
                        (i32.and (local.get $n) (i32.const -2))))))
  ;; Two arrays read, none written: nothing to check.
  ;; CHECK-LABEL: define internal double @dot.wasm(
  ;; CHECK-NOT: !alias.scope
  ;; CHECK: ret double
  (func $dot (export "dot") (param $a i32) (param $b i32) (param $n i32) (result f64)
    (local $j i32) (local $s f64)
    (loop $l
      (local.set $s (f64.add (local.get $s)
        (f64.mul (f64.load (local.get $a)) (f64.load (local.get $b)))))
      (local.set $s (f64.add (local.get $s)
        (f64.mul (f64.load (i32.add (local.get $a) (i32.const 8)))
                 (f64.load (i32.add (local.get $b) (i32.const 8))))))
      (local.set $a (i32.add (local.get $a) (i32.const 16)))
      (local.set $b (i32.add (local.get $b) (i32.const 16)))
      (br_if $l (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 2)))
                        (i32.and (local.get $n) (i32.const -2)))))
    (local.get $s))
  ;; b[j] is an index read from memory: its range is unknown.
  ;; CHECK-LABEL: define internal void @gather.wasm(
  ;; CHECK-NOT: !alias.scope
  ;; CHECK: ret void
  (func $gather (export "gather") (param $c i32) (param $b i32) (param $n i32) (local $j i32)
    (loop $l
      (f64.store (local.get $c) (f64.load (i32.load (local.get $b))))
      (f64.store (i32.add (local.get $c) (i32.const 8))
        (f64.load (i32.load (i32.add (local.get $b) (i32.const 4)))))
      (local.set $c (i32.add (local.get $c) (i32.const 16)))
      (local.set $b (i32.add (local.get $b) (i32.const 8)))
      (br_if $l (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 2)))
                        (i32.and (local.get $n) (i32.const -2))))))
)
