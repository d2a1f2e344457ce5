;; --bounds-checks=explicit: a loop whose accesses all stay in bounds runs a
;; copy without checks (backend/CheckVersioning.cpp); any other runs the
;; checked copy from its first iteration, so a trap comes at the same access
;; as without the pass, with the stores before it made and none after it.
;; The host checks memory after each trap (library mode keeps the instance).
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wasm2bin --emit=llvm -O2 --bounds-checks=explicit %t.wasm -o - | FileCheck %s --check-prefix=IR
;; RUN: %wasm2bin --emit=llvm -O2 %t.wasm -o - | FileCheck %s --check-prefix=GUARD
;; RUN: %wasm2bin -O2 --bounds-checks=explicit --emit=obj --module-name=m --header %t.h %t.wasm -o %t.o
;; RUN: %clang-host -include %t.h -c %S/Inputs/check-versioning-host.c -o %t.host.o
;; RUN: %wasm2bin --link %t.host.o %t.o -o %t.host && %t.host | FileCheck %s
;; RUN: %wasm2bin -O0 --bounds-checks=explicit --emit=obj --module-name=m --header %t.h %t.wasm -o %t.o0.o
;; RUN: %wasm2bin --link %t.host.o %t.o0.o -o %t.host0 && %t.host0 | FileCheck %s

;; fill's loop is versioned on: the last access's end within the memory's
;; size, and its i32 address not wrapping. The copy without checks is then
;; vectorised; the other keeps them.
;; IR-LABEL: define internal void @fill.wasm(
;; IR: .inbounds.check:
;; IR: [[SIZE:%.*]] = load i64, ptr %{{.*}}, !tbaa
;; IR: [[OUT:%.*]] = icmp ugt i64 %{{.*}}, [[SIZE]]
;; IR: [[WRAPS:%.*]] = icmp ugt i64 %{{.*}}, 4294967295
;; IR: [[EITHER:%.*]] = or i1 [[WRAPS]], [[OUT]]
;; IR: br i1 [[EITHER]], label %{{.*}}.checked, label
;; IR: store <4 x i32>
;; IR-LABEL: define
;; GUARD-NOT: .inbounds.check

;; CHECK: fill(0, 16384): no trap, sum 134225920
;; CHECK-NEXT: fill(65528, 4): out of bounds memory access; stored 1 2, 0 after
;; CHECK-NEXT: fill(0xfffffff8, 4): out of bounds memory access; low memory 0 0
;; CHECK-NEXT: sum(65528, 3): out of bounds memory access
;; CHECK-NEXT: fill_high(0, 2): out of bounds memory access; stored 1
;; CHECK-NEXT: fill(65528, 4) after grow: no trap; stored 1 2 3 4
;; CHECK-NEXT: sum(65528, 4) after grow: no trap, sum 10
(module
  (memory (export "mem") 1)
  ;; Stores i + 1 at p + 4i for i < n.
  (func (export "fill") (param $p i32) (param $n i32)
    (local $i i32)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (i32.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))
                   (i32.add (local.get $i) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l))))
  ;; The same with the address in the memarg offset: 65532 + 4i.
  (func (export "fill_high") (param $p i32) (param $n i32)
    (local $i i32)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (i32.store offset=65532
                   (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))
                   (i32.add (local.get $i) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l))))
  ;; The sum of n i32 from p.
  (func (export "sum") (param $p i32) (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $s (i32.add (local.get $s)
          (i32.load (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (local.get $s))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
