//===- ParallelCodegen.cpp - Machine code for partitions of a module ------===//
//
// Code generation is the other half of compile time and is independent per
// function, so a large module is split (llvm::SplitModule) into one partition
// per job after optimisation. Each partition travels as bitcode into a fresh
// LLVMContext (contexts are not thread-safe) and becomes its own object; lld
// links them together. Splitting turns private and internal symbols into
// hidden global ones, so they first get a module-unique suffix: several
// modules (library mode) and libc must not see each other's names.
//
//===----------------------------------------------------------------------===//
#include "Backend.h"

#include "../codegen/ModuleEmitter.h"

#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Transforms/Utils/SplitModule.h"

#include <thread>

using namespace llvm;

namespace wasm2bin {

/// Modules smaller than this are not worth the split (bitcode round trip,
/// threads, and several objects to link).
static constexpr size_t MinFunctionsToSplit = 64;

static void uniquifyLocals(llvm::Module &M, const std::string &Suffix) {
  for (GlobalValue &GV : M.global_values())
    if (GV.hasLocalLinkage() && !GV.isDeclaration() && !isa<llvm::Function>(GV))
      GV.setName((GV.hasName() ? GV.getName().str() : std::string("anon")) +
                 "." + Suffix);
}

bool emitObjects(std::unique_ptr<llvm::Module> M, const CompileOptions &Opts,
                 std::vector<SmallVector<char, 0>> &Objects,
                 std::string &Error) {
  unsigned Jobs = Opts.jobs ? Opts.jobs : std::thread::hardware_concurrency();
  size_t Functions = 0;
  for (const llvm::Function &F : *M)
    Functions += !F.isDeclaration();
  if (Jobs <= 1 || Functions < MinFunctionsToSplit) {
    std::unique_ptr<TargetMachine> TM = createTargetMachine(Opts, Error);
    if (!TM)
      return false;
    Objects.emplace_back();
    return emitObject(*M, *TM, Objects.back(), Error);
  }

  // Functions already carry symbolSuffix(Opts); the rest (strings, tables
  // of the descriptor) gets it now.
  uniquifyLocals(*M, symbolSuffix(Opts));
  std::vector<SmallString<0>> Bitcode;
  SplitModule(
      *M, Jobs,
      [&](std::unique_ptr<llvm::Module> Part) {
        Bitcode.emplace_back();
        raw_svector_ostream OS(Bitcode.back());
        WriteBitcodeToFile(*Part, OS);
      },
      /*PreserveLocals=*/false, /*RoundRobin=*/true);
  M.reset();

  Objects.resize(Bitcode.size());
  std::vector<std::string> Errors(Bitcode.size());
  std::vector<std::thread> Threads;
  for (size_t I = 0; I < Bitcode.size(); ++I)
    Threads.emplace_back([&, I] {
      LLVMContext Ctx;
      auto Part = parseBitcodeFile(
          MemoryBufferRef(StringRef(Bitcode[I].data(), Bitcode[I].size()),
                          "partition"),
          Ctx);
      if (!Part) {
        Errors[I] = toString(Part.takeError());
        return;
      }
      std::unique_ptr<TargetMachine> TM = createTargetMachine(Opts, Errors[I]);
      if (TM)
        emitObject(**Part, *TM, Objects[I], Errors[I]);
    });
  for (std::thread &T : Threads)
    T.join();
  for (const std::string &E : Errors)
    if (!E.empty()) {
      Error = E;
      return false;
    }
  return true;
}

} // namespace wasm2bin
