;; Above -O0 each function addresses the fixed memory base through its own
;; `llvm.strip.invariant.group` of the symbol (codegen/EmitMemory.cpp), so
;; that GVN's search for an equal address looks among that function's
;; accesses, not the whole module's. A callee inlined into its caller brings
;; its own call, which CSE merges: one per function remains, and no access
;; addresses from the symbol itself. -O0 uses the symbol directly. The code
;; generator replaces the call with the symbol: the executable addresses
;; memory through a 32-bit displacement, `0x780xxxxx(%reg)`, and never
;; materialises the base in a register.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2bin --emit=llvm -O2 %t.wasm -o - | FileCheck %s --check-prefix=O2
;; RUN: %wasm2bin --emit=llvm -O0 %t.wasm -o - | FileCheck %s --check-prefix=O0
;; RUN: %wasm2bin -O2 %t.wasm -o %t.exe
;; RUN: llvm-objdump -d --no-show-raw-insn %t.exe | FileCheck %s --check-prefix=ASM
(module
  (memory 1)
  ;; O2-LABEL: define internal i32 @caller.wasm(
  ;; O2: %membase = call ptr @llvm.strip.invariant.group.p0(ptr nonnull @w2b_fixed_memory_base)
  ;; O2-NOT: strip.invariant.group
  ;; O2-NOT: @w2b_fixed_memory_base
  ;; O2: getelementptr inbounds i8, ptr %membase, i64 1024
  ;; O2-NOT: strip.invariant.group
  ;; O2-NOT: @w2b_fixed_memory_base
  ;; O2: ret i32
  ;; O0-LABEL: define internal i32 @caller.wasm(
  ;; O0-NOT: strip.invariant.group
  ;; O0: getelementptr inbounds (i8, ptr @w2b_fixed_memory_base, i64 1024)
  ;; O0-NOT: strip.invariant.group
  ;; ASM-LABEL: <caller.wasm>:
  ;; ASM-NOT: movabs
  ;; ASM-NOT: {{lea|mov}} {{.*}}$0x780{{[0-9a-f]+}},
  ;; ASM: 0x780{{[0-9a-f]+}}(%r
  ;; ASM: ret
  (func $callee (param $p i32) (result i32)
    (i32.load offset=16 (local.get $p)))
  (func $caller (export "caller") (param $p i32) (param $q i32) (result i32)
    (i32.add (i32.add (call $callee (local.get $p)) (call $callee (local.get $q)))
             (i32.load (i32.const 1024)))))
