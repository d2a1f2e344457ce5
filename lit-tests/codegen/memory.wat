;; Loads and stores: base + zext(addr) + offset, unaligned (align 1), tagged
;; as guest memory. With --memory-base=instance the base is loaded once per
;; function from the instance; with fixed (the default outside --emit=obj) it
;; is the runtime's absolute symbol, zero-sized so that LLVM takes none of it
;; for dereferenceable. With guard pages there is no check; with explicit
;; checks the access end is compared with the memory size (5 = out of bounds
;; memory access). At -O0 guard-mode loads are volatile, so that none is
;; dropped with its trap.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2bin --emit=llvm -O0 --memory-base=instance %t.wasm -o - | FileCheck %s --check-prefixes=CHECK,GUARD,INSTANCE
;; RUN: %wasm2bin --emit=llvm -O0 --memory-base=instance --bounds-checks=explicit %t.wasm -o - | FileCheck %s --check-prefixes=CHECK,EXPLICIT,INSTANCE
;; RUN: %wasm2bin --emit=llvm -O0 %t.wasm -o - | FileCheck %s --check-prefixes=CHECK,GUARD,FIXED
;; RUN: %wasm2bin --emit=llvm -O0 --bounds-checks=explicit %t.wasm -o - | FileCheck %s --check-prefixes=CHECK,EXPLICIT,FIXED
;; FIXED: [[BASE:@w2b_fixed_memory_base]] = external dso_local global [0 x i8]
;; The module descriptor's last field: memory_fixed_base.
;; INSTANCE: @w2b_module_main = constant {{.*}} i64 -1, i8 {{[01]}}, i8 0 }
;; FIXED: @w2b_module_main = constant {{.*}} i64 -1, i8 {{[01]}}, i8 1 }
(module
  (memory 1 10)
  ;; CHECK-LABEL: define internal i32 @load8_s.wasm(
  ;; INSTANCE: [[BASE:%.*]] = load ptr, ptr %instance, align 8, !tbaa {{![0-9]+}}, !invariant.load
  ;; FIXED-NOT: load ptr, ptr %instance
  ;; CHECK: [[A:%.*]] = zext i32 %{{.*}} to i64
  ;; CHECK: [[EA:%.*]] = add nuw i64 [[A]], 16
  ;; EXPLICIT: [[END:%.*]] = add nuw i64 [[EA]], 1
  ;; EXPLICIT: icmp ugt i64 [[END]], %{{.*}}
  ;; CHECK: [[P:%.*]] = getelementptr inbounds i8, ptr [[BASE]], i64 [[EA]]
  ;; GUARD: [[V:%.*]] = load volatile i8, ptr [[P]], align 1, !tbaa [[GUEST:![0-9]+]]
  ;; EXPLICIT: [[V:%.*]] = load i8, ptr [[P]], align 1, !tbaa [[GUEST:![0-9]+]]
  ;; CHECK: sext i8 [[V]] to i32
  ;; GUARD-NOT: w2b_trap
  ;; EXPLICIT: call void @w2b_trap(i32 5)
  (func $load8_s (param i32) (result i32) (i32.load8_s offset=16 (local.get 0)))
  ;; CHECK-LABEL: define internal void @store16.wasm(
  ;; CHECK: [[T:%.*]] = trunc i64 %{{.*}} to i16
  ;; CHECK: store i16 [[T]], ptr %{{.*}}, align 1, !tbaa [[GUEST]]
  (func $store16 (param i32 i64) (i64.store16 (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: define internal double @loadf64.wasm(
  ;; GUARD: load volatile double, ptr %{{.*}}, align 1
  ;; EXPLICIT: load double, ptr %{{.*}}, align 1
  (func $loadf64 (param i32) (result f64) (f64.load (local.get 0)))
  ;; memory.size reads the page count of the (possibly imported) memory.
  ;; CHECK-LABEL: define internal i32 @size.wasm(
  ;; CHECK: [[MEMP:%.*]] = getelementptr inbounds i8, ptr %instance, i64 8
  ;; CHECK: [[MEM:%.*]] = load ptr, ptr [[MEMP]], align 8, !tbaa {{![0-9]+}}, !invariant.load
  ;; CHECK: [[PAGES:%.*]] = getelementptr inbounds i8, ptr [[MEM]], i64 16
  ;; CHECK: load i32, ptr [[PAGES]]
  (func $size (result i32) (memory.size))
  ;; CHECK-LABEL: define internal i32 @grow.wasm(
  ;; CHECK: call i32 @w2b_memory_grow(ptr %instance, i32
  (func $grow (param i32) (result i32) (memory.grow (local.get 0)))
  ;; A dropped load stays (volatile at -O0; pinned above -O0, see
  ;; guard-pins.wat) so that it can still trap.
  ;; CHECK-LABEL: define internal void @probe.wasm(
  ;; GUARD: load volatile i32, ptr %{{.*}}, align 1, !tbaa [[GUEST]]
  ;; EXPLICIT: load i32, ptr %{{.*}}, align 1, !tbaa [[GUEST]]
  (func $probe (param i32) (drop (i32.load (local.get 0))))
)
;; CHECK-DAG: [[GUEST]] = !{[[GUEST_T:![0-9]+]], [[GUEST_T]], i64 0}
;; CHECK-DAG: [[GUEST_T]] = !{!"guest memory",
