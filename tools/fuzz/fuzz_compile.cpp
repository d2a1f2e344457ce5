//===- fuzz_compile.cpp - libFuzzer target: decode to machine code --------===//
//
// Decodes and validates the input; a valid module is lowered to LLVM IR
// (lowerModule runs the IR verifier: malformed IR is a codegen bug even when
// LLVM would not crash on it), optimised, and an object file is emitted into
// memory.
// Nothing is linked or written. Options vary with a hash of the input, so a
// given input always takes the same path:
//   optimisation -O0 or -O2 (one input in four at -O2: it is slow),
//   --bounds-checks guard or explicit,
//   and for one input in two the module is also lowered in two partitions
//   (backend/Partitions.cpp), each of which must verify as well.
// Modules are compiled in library mode so that any import is accepted.
//
// Built with -DW2B_FUZZ=ON (see tools/fuzz/README.md).
//
//===----------------------------------------------------------------------===//

#include "backend/Backend.h"
#include "backend/Partitions.h"
#include "codegen/ModuleEmitter.h"

#include "wasm2bin/Compiler.h"
#include "wasm2bin/Decoder.h"
#include "wasm2bin/Validator.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Target/TargetMachine.h"

#include <cstdio>
#include <cstdlib>

using namespace wasm2bin;

namespace {

uint32_t fnv1a(const uint8_t *Data, size_t Size) {
  uint32_t H = 2166136261u;
  for (size_t I = 0; I < Size; ++I)
    H = (H ^ Data[I]) * 16777619u;
  return H;
}

[[noreturn]] void die(const char *What, const std::string &Detail) {
  std::fprintf(stderr, "fuzz_compile: %s: %s\n", What, Detail.c_str());
  std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  Result<Module> Decoded = decodeModule(std::vector<uint8_t>(Data, Data + Size));
  if (!Decoded)
    return 0;
  Module M = Decoded.take();
  if (!validateModule(M))
    return 0;

  uint32_t H = fnv1a(Data, Size);
  CompileOptions Opts;
  Opts.inputPath = "fuzz.wasm";
  Opts.emit = EmitKind::Obj;
  Opts.moduleName = "fuzz";
  Opts.optLevel = (H & 3) == 0 ? 2 : 0;
  Opts.boundsChecks = (H & 4) ? BoundsChecks::Explicit : BoundsChecks::Guard;
  Opts.jobs = 1;

  // The one legitimate failure in library mode: a WASI import whose type is
  // not WASI's. lowerModule runs the IR verifier and reports broken IR as
  // an "internal error", which is a bug.
  auto WasiTypeError = [](const std::string &Msg) {
    return Msg.rfind("import wasi_snapshot_preview1.", 0) == 0;
  };
  if (H & 8) {
    CompileOptions Split = Opts;
    Split.jobs = 2;
    Split.partitionMinBytes = 0;
    for (const LoweringScope &Scope : planPartitions(M, Split)) {
      llvm::LLVMContext PartCtx;
      auto Part = lowerModule(M, Split, PartCtx, &Scope);
      if (!Part && !WasiTypeError(Part.error().message))
        die("a partition of a valid module failed to lower",
            Part.error().message);
    }
  }

  llvm::LLVMContext Ctx;
  Ctx.setDiscardValueNames(true);
  auto Lowered = lowerModule(M, Opts, Ctx);
  if (!Lowered) {
    if (WasiTypeError(Lowered.error().message))
      return 0;
    die("a valid module failed to lower", Lowered.error().message);
  }
  std::unique_ptr<llvm::Module> LLM = Lowered.take();

  std::string Error;
  std::unique_ptr<llvm::TargetMachine> TM = createTargetMachine(Opts, Error);
  if (!TM)
    die("no target machine", Error);
  optimizeModule(*LLM, *TM, Opts);
  llvm::SmallVector<char, 0> Obj;
  if (!emitObject(*LLM, *TM, Obj, Error))
    die("object emission failed", Error);
  if (Obj.size() < 64)
    die("object emission failed", "empty object");
  return 0;
}
