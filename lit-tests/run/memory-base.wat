;; Memory 0 of an executable lives at the runtime's fixed address (abi.h
;; W2B_FIXED_MEMORY_BASE), and generated code puts that address in each
;; access's displacement instead of loading a base from the instance
;; (--memory-base=fixed, the default except for --emit=obj). The program must
;; behave the same either way: data segments, loads and stores at the edges,
;; memory.grow, the guard region's trap. Exits with the failing check's number.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wasm2bin -O2 %t.wasm -o %t.fixed && %t.fixed
;; RUN: %wasm2bin -O2 --memory-base=instance %t.wasm -o %t.inst && %t.inst
;; RUN: %wasm2bin -O2 --bounds-checks=explicit %t.wasm -o %t.ex && %t.ex
;; RUN: %wasm2bin -O0 %t.wasm -o %t.o0 && %t.o0
;; An access past the end traps in both modes (one argument), also with
;; offsets and constant addresses too large for a displacement, which -O0
;; must not fold into one (two arguments; found by tools/fuzz/diff_fuzz.py).
;; RUN: %expect-exit 134 %t.fixed oob 2>&1 | FileCheck %s --check-prefix=TRAP
;; RUN: %expect-exit 134 %t.inst oob 2>&1 | FileCheck %s --check-prefix=TRAP
;; RUN: %expect-exit 134 %t.o0 far away 2>&1 | FileCheck %s --check-prefix=TRAP
;; RUN: %expect-exit 134 %t.fixed far away 2>&1 | FileCheck %s --check-prefix=TRAP
;; TRAP: wasm trap: out of bounds memory access
;; The fixed executable addresses memory as base-free `0x780xxxxx(%reg)`;
;; the instance one never names that address, nor does a library object.
;; RUN: llvm-objdump -d --no-show-raw-insn %t.fixed | FileCheck %s --check-prefix=FIXED
;; RUN: llvm-objdump -d --no-show-raw-insn %t.inst | FileCheck %s --check-prefix=INST
;; RUN: %wasm2bin -O2 --emit=obj %t.wasm -o %t.o && llvm-nm %t.o | FileCheck %s --check-prefix=OBJ
;; FIXED: mov{{.*}} 0x780{{[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]}}(%r
;; INST-NOT: 0x780{{[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]}}(%r
;; OBJ-NOT: w2b_fixed_memory_base
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args (param i32 i32) (result i32)))
  (memory 1 3)
  (data (i32.const 16) "wasm2bin")
  ;; The i32 at addr + 4 (the `offset` folds into the displacement too).
  (func $check (param $addr i32) (result i32)
    (i32.load offset=4 (local.get $addr)))
  (func $fail (param $n i32) (call $exit (local.get $n)) (unreachable))
  (func $far (param $addr i32) (result i32)
    (i32.add (i32.load offset=0x7fffff00 (local.get $addr))
             (i32.load (i32.const 0x7ffffff0))))
  (func (export "_start")
    ;; "asm2" of the data segment, through an offset.
    (if (i32.ne (call $check (i32.const 13)) (i32.const 0x326d7361)) (then (call $fail (i32.const 1))))
    ;; The last word of the first page, then grow and use the second page.
    (i32.store (i32.const 65532) (i32.const 0x11223344))
    (if (i32.ne (call $check (i32.const 65528)) (i32.const 0x11223344)) (then (call $fail (i32.const 2))))
    (if (i32.ne (memory.grow (i32.const 1)) (i32.const 1)) (then (call $fail (i32.const 3))))
    (if (i32.ne (call $check (i32.const 131064)) (i32.const 0)) (then (call $fail (i32.const 4))))
    (i64.store (i32.const 131064) (i64.const -1))
    (if (i32.ne (call $check (i32.const 131064)) (i32.const -1)) (then (call $fail (i32.const 5))))
    ;; With arguments (argc counts the program's name): read past the end.
    (drop (call $args (i32.const 0) (i32.const 4)))
    (if (i32.eq (i32.load (i32.const 0)) (i32.const 2))
      (then (drop (call $check (i32.const 131072)))))
    (if (i32.eq (i32.load (i32.const 0)) (i32.const 3))
      (then (drop (call $far (i32.const 16)))))
    (call $exit (i32.const 0))))
