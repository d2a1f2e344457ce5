//===- Partitions.cpp - Optimisation and machine code on every core -------===//
//
// LLVM optimises and generates code for one module on one thread, and both
// halves of the work are per function apart from inlining. So a large module
// is cut into one partition per job, and each partition is optimised and
// compiled in its own thread and LLVMContext (contexts are not thread-safe);
// lld links the objects.
//
// Partitions are contiguous runs of functions of about equal size: a Wasm
// module lists the functions of one source file together, so most calls stay
// inside a partition. For the calls that cross, small callees are imported
// as ThinLTO does: the caller's partition gets an available_externally copy
// that the inliner may use and that is dropped before code generation.
//
// Partitions reference each other's symbols, so local symbols first become
// hidden globals, with a module-unique suffix (several modules in library
// mode, and libc, must not see each other's names). The module travels to
// the threads as bitcode, read lazily: each thread reads the bodies of its
// own functions and imports only.
//
//===----------------------------------------------------------------------===//
#include "Backend.h"

#include "../codegen/ModuleEmitter.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Target/TargetMachine.h"

#include <chrono>
#include <thread>

using namespace llvm;

namespace wasm2bin {
namespace {

/// Modules with fewer instructions than this (before optimisation) are not
/// worth the split (bitcode round trip, threads, several objects to link).
constexpr size_t MinInstructionsToSplit = 5000;

/// A callee in another partition is imported if it has at most this many
/// instructions (ThinLTO's default), its own callees if they have at most
/// this times ImportDecay, and so on. On sqlite, zstd and lua, limits of 0,
/// 100 and 300 gave the same speed within noise; 300 cost 2 s more compile
/// time on sqlite.
constexpr double ImportLimit = 100;
constexpr double ImportDecay = 0.7;

struct Partition {
  StringSet<> Own;      ///< functions this partition defines
  StringSet<> Imported; ///< available_externally copies
  size_t Instructions = 0;
};

/// Functions every partition keeps as they are: linkonce_odr ones (thunks)
/// may be defined in every object.
bool isShared(const GlobalValue &GV) { return GV.hasLinkOnceODRLinkage(); }

/// Local symbols become hidden globals with unique names, so that another
/// partition can refer to them.
void externalizeLocals(llvm::Module &M, const std::string &Suffix) {
  for (GlobalValue &GV : M.global_values()) {
    if (!GV.hasLocalLinkage())
      continue;
    // Functions already carry the suffix (ModuleEmitter.cpp).
    if (!isa<llvm::Function>(GV) || !GV.hasName())
      GV.setName((GV.hasName() ? GV.getName().str() : std::string("anon")) +
                 "." + Suffix);
    GV.setLinkage(GlobalValue::ExternalLinkage);
    GV.setVisibility(GlobalValue::HiddenVisibility);
  }
}

/// Cuts the defined functions, in module order, into Jobs runs of about
/// equal instruction count, then picks each partition's imports.
std::vector<Partition> planPartitions(llvm::Module &M, unsigned Jobs, bool Import) {
  std::vector<llvm::Function *> Defined;
  DenseMap<llvm::Function *, unsigned> Home;
  size_t Total = 0;
  for (llvm::Function &F : M)
    if (!F.isDeclaration() && !isShared(F)) {
      Defined.push_back(&F);
      Total += F.getInstructionCount();
    }
  std::vector<Partition> Parts(Jobs);
  size_t Seen = 0;
  for (llvm::Function *F : Defined) {
    size_t Size = F->getInstructionCount();
    // The partition this function's middle falls into.
    unsigned P = unsigned(std::min<size_t>(
        Jobs - 1, (Seen + Size / 2) * Jobs / std::max<size_t>(Total, 1)));
    Parts[P].Own.insert(F->getName());
    Parts[P].Instructions += Size;
    Home[F] = P;
    Seen += Size;
  }
  if (!Import)
    return Parts;

  for (unsigned P = 0; P < Jobs; ++P) {
    // Worklist of (caller, limit for its callees).
    std::vector<std::pair<llvm::Function *, double>> Work;
    for (llvm::Function *F : Defined)
      if (Home[F] == P)
        Work.push_back({F, ImportLimit});
    while (!Work.empty()) {
      auto [F, Limit] = Work.back();
      Work.pop_back();
      for (Instruction &I : instructions(*F)) {
        auto *CB = dyn_cast<CallBase>(&I);
        llvm::Function *Callee = CB ? CB->getCalledFunction() : nullptr;
        if (!Callee || Callee->isDeclaration() || isShared(*Callee) ||
            Home.lookup(Callee) == P ||
            Callee->getInstructionCount() > Limit ||
            !Parts[P].Imported.insert(Callee->getName()).second)
          continue;
        Work.push_back({Callee, Limit * ImportDecay});
      }
    }
  }
  return Parts;
}

/// Reduces the lazily read module to partition Index of Parts: its own
/// functions, its imports as available_externally, everything else declared.
/// Partition 0 also defines the global variables (the module descriptor and
/// its tables); the others declare them.
Error selectPartition(llvm::Module &M, const std::vector<Partition> &Parts,
                      unsigned Index) {
  const Partition &Part = Parts[Index];
  for (llvm::Function &F : M) {
    if (F.isDeclaration() || isShared(F) || Part.Own.contains(F.getName()))
      continue;
    if (Part.Imported.contains(F.getName())) {
      F.setLinkage(GlobalValue::AvailableExternallyLinkage);
      continue;
    }
    F.deleteBody();
  }
  if (Index != 0)
    for (GlobalVariable &GV : make_early_inc_range(M.globals())) {
      if (GV.isDeclaration() || isShared(GV))
        continue;
      if (GV.hasAppendingLinkage()) {
        GV.eraseFromParent();
        continue;
      }
      GV.setInitializer(nullptr);
      GV.setLinkage(GlobalValue::ExternalLinkage);
      GV.setComdat(nullptr);
    }
  return M.materializeAll();
}

double msSince(std::chrono::steady_clock::time_point T) {
  return std::chrono::duration<double, std::milli>(
             std::chrono::steady_clock::now() - T)
      .count();
}

/// Optimises (unless Opts.optLevel is 0 and M is already final) and
/// generates code for M, on this thread.
bool optimizeAndEmit(llvm::Module &M, const CompileOptions &Opts,
                     SmallVectorImpl<char> &Object, PartitionStats &Stats,
                     std::string &Error) {
  std::unique_ptr<TargetMachine> TM = createTargetMachine(Opts, Error);
  if (!TM)
    return false;
  auto Start = std::chrono::steady_clock::now();
  optimizeModule(M, *TM, Opts);
  Stats.optimizeMs = msSince(Start);
  Start = std::chrono::steady_clock::now();
  bool Ok = emitObject(M, *TM, Object, Error);
  Stats.codegenMs = msSince(Start);
  return Ok;
}

} // namespace

bool compileToObjects(std::unique_ptr<llvm::Module> M, const CompileOptions &Opts,
                      std::vector<SmallVector<char, 0>> &Objects,
                      std::vector<PartitionStats> &Stats, std::string &Error) {
  unsigned Jobs = Opts.jobs ? Opts.jobs : std::thread::hardware_concurrency();
  size_t Functions = 0, Instructions = 0;
  for (const llvm::Function &F : *M) {
    Functions += !F.isDeclaration();
    Instructions += F.getInstructionCount();
  }
  if (Jobs <= 1 || Instructions < MinInstructionsToSplit || !M->alias_empty() ||
      !M->ifunc_empty()) {
    Objects.emplace_back();
    Stats.emplace_back();
    Stats.back().functions = Functions;
    return optimizeAndEmit(*M, Opts, Objects.back(), Stats.back(), Error);
  }

  externalizeLocals(*M, symbolSuffix(Opts));
  std::vector<Partition> Parts =
      planPartitions(*M, Jobs, /*Import=*/Opts.optLevel > 0);
  SmallString<0> Bitcode;
  {
    raw_svector_ostream OS(Bitcode);
    WriteBitcodeToFile(*M, OS);
  }
  M.reset();

  Objects.resize(Parts.size());
  Stats.resize(Parts.size());
  std::vector<std::string> Errors(Parts.size());
  std::vector<std::thread> Threads;
  for (unsigned I = 0; I < Parts.size(); ++I)
    Threads.emplace_back([&, I] {
      Stats[I].functions = Parts[I].Own.size();
      Stats[I].imported = Parts[I].Imported.size();
      LLVMContext Ctx;
      Ctx.setDiscardValueNames(true);
      auto Part = getLazyBitcodeModule(
          MemoryBufferRef(StringRef(Bitcode.data(), Bitcode.size()),
                          "partition"),
          Ctx);
      if (!Part) {
        Errors[I] = toString(Part.takeError());
        return;
      }
      if (llvm::Error E = selectPartition(**Part, Parts, I)) {
        Errors[I] = toString(std::move(E));
        return;
      }
      optimizeAndEmit(**Part, Opts, Objects[I], Stats[I], Errors[I]);
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
