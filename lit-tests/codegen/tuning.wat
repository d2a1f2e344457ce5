;; Tuning follows --tune-cpu (default generic), independently of the
;; instructions --target-cpu allows. Under x86-64-v2's own tuning (Sandy
;; Bridge) LLVM writes a constant rotate as SHLD, several micro-ops on AMD
;; cores; generic tuning writes ROL. sha256 ran 1.9x faster for it.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2bin --emit=llvm -O2 %t.wasm -o - | FileCheck %s --check-prefix=IR
;; RUN: %wasm2bin --emit=llvm -O2 --tune-cpu=znver4 %t.wasm -o - | FileCheck %s --check-prefix=ZEN
;; RUN: %wasm2bin -O2 %t.wasm -o %t.generic && %t.generic
;; RUN: llvm-objdump -d --no-show-raw-insn %t.generic | FileCheck %s --check-prefix=ROL
;; RUN: %wasm2bin -O2 --tune-cpu=x86-64-v2 %t.wasm -o %t.snb && %t.snb
;; RUN: llvm-objdump -d --no-show-raw-insn %t.snb | FileCheck %s --check-prefix=SHLD
;; Bad names are errors before any work, not LLVM warnings and an abort.
;; RUN: %expect-exit 1 %wasm2bin --target-cpu=pentium9 %t.wasm -o %t.bad 2>&1 | FileCheck %s --check-prefix=BADTARGET
;; RUN: %expect-exit 1 %wasm2bin --tune-cpu=pentium9 %t.wasm -o %t.bad 2>&1 | FileCheck %s --check-prefix=BADTUNE

;; IR: define internal i32 @mix.wasm({{.*}} #[[A:[0-9]+]]
;; IR: attributes #[[A]] = {{{.*}}"tune-cpu"="generic"
;; ZEN: "tune-cpu"="znver4"

;; ROL-LABEL: <mix.wasm>:
;; ROL-NOT: shld
;; ROL: {{rol|ror}}
;; ROL: ret
;; SHLD-LABEL: <mix.wasm>:
;; SHLD: shld
;; SHLD: ret

;; BADTARGET: wasm2bin: error: unknown CPU 'pentium9' for --target-cpu (x86-64, x86-64-v2
;; BADTUNE: wasm2bin: error: unknown CPU 'pentium9' for --tune-cpu (generic,
(module
  (func $mix (export "mix") (param i32) (result i32)
    (i32.xor (i32.rotl (local.get 0) (i32.const 25))
             (i32.rotl (local.get 0) (i32.const 14))))
  ;; The executables compute mix(0x12345678) and exit with its low byte's
  ;; check: 0x12345678 rotl 25 = 0xF02468AC, rotl 14 = 0x159E048D,
  ;; xor = 0xE5BA6C21.
  (func (export "_start")
    (if (i32.ne (call $mix (i32.const 0x12345678)) (i32.const 0xE5BA6C21))
      (then unreachable))))
