//===- Compile.cpp - The pipeline, phase by phase -------------------------===//
#include "wasm2bin/Compiler.h"

#include "Backend.h"
#include "LibraryHeader.h"
#include "Partitions.h"

#include "../codegen/ModuleEmitter.h"

#include "wasm2bin/Decoder.h"
#include "wasm2bin/Validator.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"

#include <chrono>

using namespace llvm;

namespace wasm2bin {

std::string versionString() {
  return "wasm2bin 0.1.0 (LLVM " LLVM_VERSION_STRING ")";
}

namespace {

class PhaseTimer {
public:
  explicit PhaseTimer(CompileResult &R) : R(R) {}
  void done(const char *Phase) {
    auto Now = std::chrono::steady_clock::now();
    R.phaseMs.emplace_back(
        Phase, std::chrono::duration<double, std::milli>(Now - Last).count());
    Last = Now;
  }
  /// Starts the next phase now (the time since was reported otherwise).
  void skip() { Last = std::chrono::steady_clock::now(); }

private:
  CompileResult &R;
  std::chrono::steady_clock::time_point Last = std::chrono::steady_clock::now();
};

bool writeFile(const std::string &Path, StringRef Data, std::string &Error) {
  std::error_code EC;
  raw_fd_ostream OS(Path, EC, sys::fs::OF_None);
  if (EC) {
    Error = "cannot write " + Path + ": " + EC.message();
    return false;
  }
  OS << Data;
  return true;
}

/// Writes temporary files for Objs; their paths go to Paths (removed by the
/// caller).
bool writeTemporaries(const std::vector<SmallVector<char, 0>> &Objs,
                      std::vector<std::string> &Paths, std::string &Error) {
  for (const SmallVector<char, 0> &Obj : Objs) {
    SmallString<128> Path;
    int FD;
    if (std::error_code EC =
            sys::fs::createTemporaryFile("wasm2bin", "o", FD, Path)) {
      Error = "cannot create a temporary file: " + EC.message();
      return false;
    }
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS.write(Obj.data(), Obj.size());
    Paths.push_back(std::string(Path));
  }
  return true;
}

void removeAll(const std::vector<std::string> &Paths) {
  for (const std::string &P : Paths)
    sys::fs::remove(P);
}

/// Library mode produces one relocatable object even when code generation
/// was split: lld -r merges the partitions.
bool writeObject(const std::vector<SmallVector<char, 0>> &Objs,
                 const std::string &Path, std::string &Error) {
  if (Objs.size() == 1)
    return writeFile(Path, StringRef(Objs[0].data(), Objs[0].size()), Error);
  std::vector<std::string> Parts;
  bool Ok = writeTemporaries(Objs, Parts, Error) &&
            linkRelocatable(Parts, Path, Error);
  removeAll(Parts);
  return Ok;
}

} // namespace

CompileResult compile(std::vector<uint8_t> Bytes, const CompileOptions &Opts) {
  CompileResult R;
  PhaseTimer Timer(R);
  auto Fail = [&](std::string Msg) {
    R.errors.push_back(std::move(Msg));
    return R;
  };

  std::string TargetError;
  if (!checkTargetOptions(Opts, TargetError))
    return Fail(TargetError);

  Result<Module> Decoded = decodeModule(std::move(Bytes));
  if (!Decoded)
    return Fail(Decoded.error().format(Opts.inputPath));
  Module M = Decoded.take();
  Timer.done("decode");

  Result<bool> Valid = validateModule(M);
  if (!Valid)
    return Fail(Valid.error().format(Opts.inputPath));
  Timer.done("validate");

  std::string Error;
  std::vector<SmallVector<char, 0>> Objs;
  std::vector<PartitionStats> Parts;
  std::vector<LoweringScope> Scopes;
  if (Opts.emit != EmitKind::LLVM)
    Scopes = planPartitions(M, Opts);
  if (!Scopes.empty()) {
    // Lowering, optimisation and code generation, on every core.
    if (!compilePartitions(M, Opts, Scopes, Objs, Parts, Error))
      return Fail(Error);
    Timer.done("partitions");
    for (size_t I = 0; I < Parts.size(); ++I)
      R.partitions.push_back(
          "partition " + std::to_string(I) + ": " +
          std::to_string(Parts[I].functions) + " functions, " +
          std::to_string(Parts[I].imported) + " imported, lower " +
          std::to_string(int(Parts[I].lowerMs)) + " ms, optimize " +
          std::to_string(int(Parts[I].optimizeMs)) + " ms, codegen " +
          std::to_string(int(Parts[I].codegenMs)) + " ms");
  } else {
    LLVMContext Ctx;
    Ctx.setDiscardValueNames(Opts.emit != EmitKind::LLVM);
    auto Lowered = lowerModule(M, Opts, Ctx);
    if (!Lowered)
      return Fail(Lowered.error().format(Opts.inputPath));
    std::unique_ptr<llvm::Module> LLM = Lowered.take();
    Timer.done("lower");
    if (Opts.emit == EmitKind::LLVM) {
      std::unique_ptr<TargetMachine> TM = createTargetMachine(Opts, Error);
      if (!TM)
        return Fail(Error);
      optimizeModule(*LLM, *TM, Opts);
      Timer.done("optimize");
      std::string Text;
      raw_string_ostream OS(Text);
      LLM->print(OS, nullptr);
      if (!writeFile(Opts.outputPath, OS.str(), Error))
        return Fail(Error);
      R.ok = true;
      return R;
    }
    Objs.emplace_back();
    PartitionStats Stats;
    if (!optimizeAndEmit(*LLM, Opts, Objs.back(), Stats, Error))
      return Fail(Error);
    // The two phases as they happened, one after the other.
    R.phaseMs.emplace_back("optimize", Stats.optimizeMs);
    R.phaseMs.emplace_back("codegen", Stats.codegenMs);
    Timer.skip();
  }

  if (Opts.emit == EmitKind::Obj) {
    if (!writeObject(Objs, Opts.outputPath, Error))
      return Fail(Error);
    if (!Opts.headerPath.empty() &&
        !writeFile(Opts.headerPath,
                   libraryHeader(M, Opts.moduleName.empty() ? "main"
                                                            : Opts.moduleName,
                                 descriptorSymbol(M, Opts), Opts.inputPath),
                   Error))
      return Fail(Error);
    R.ok = true;
    return R;
  }

  std::vector<std::string> ObjPaths;
  bool Linked = writeTemporaries(Objs, ObjPaths, Error) &&
                linkExecutable(ObjPaths, Opts, Error);
  removeAll(ObjPaths);
  if (!Linked)
    return Fail(Error);
  Timer.done("link");
  R.ok = true;
  return R;
}

CompileResult linkObjects(const std::vector<std::string> &Objects,
                          const CompileOptions &Opts) {
  CompileResult R;
  PhaseTimer Timer(R);
  std::string Error;
  if (!linkExecutable(Objects, Opts, Error)) {
    R.errors.push_back(Error);
    return R;
  }
  Timer.done("link");
  R.ok = true;
  return R;
}

} // namespace wasm2bin
