//===- Pipeline.cpp - Target machine, optimisation, object emission -------===//
#include "Backend.h"
#include "CheckVersioning.h"
#include "LoadPins.h"
#include "NoWrapVersioning.h"

#include "../codegen/Target.h"

#include "llvm/Analysis/AliasAnalysis.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Transforms/Scalar/IndVarSimplify.h"
#include "llvm/Transforms/Scalar/LoopPassManager.h"
#include "llvm/TargetParser/Host.h"

#include <chrono>

using namespace llvm;

namespace wasm2bin {

/// Registers the x86 target once: partitions create their target machines
/// on several threads at once, and LLVM's registration is not thread-safe
/// (a function-local static's initialisation is).
static void initializeX86() {
  static const bool Done = [] {
    LLVMInitializeX86TargetInfo();
    LLVMInitializeX86Target();
    LLVMInitializeX86TargetMC();
    LLVMInitializeX86AsmPrinter();
    return true;
  }();
  (void)Done;
}

/// The CPU to select instructions for, and its features for "native".
static std::string targetCPUName(const CompileOptions &Opts,
                                 std::string *Features = nullptr) {
  if (Opts.targetCPU != "native")
    return Opts.targetCPU;
  if (Features)
    for (auto &F : sys::getHostCPUFeatures())
      *Features += (F.second ? "+" : "-") + F.first().str() + ",";
  return sys::getHostCPUName().str();
}

/// The CPU to tune for: --tune-cpu, else this machine's for
/// --target-cpu=native (as clang's -march=native implies -mtune=native),
/// else "generic", LLVM's tuning for current Intel and AMD cores together.
static std::string tuneCPUName(const CompileOptions &Opts) {
  if (Opts.tuneCPU == "native" ||
      (Opts.tuneCPU.empty() && Opts.targetCPU == "native"))
    return sys::getHostCPUName().str();
  return Opts.tuneCPU.empty() ? "generic" : Opts.tuneCPU;
}

bool checkTargetOptions(const CompileOptions &Opts, std::string &Error) {
  initializeX86();
  const Target *T = TargetRegistry::lookupTarget(TargetTriple, Error);
  if (!T)
    return false;
  std::unique_ptr<MCSubtargetInfo> STI(
      T->createMCSubtargetInfo(TargetTriple, "", ""));
  auto Check = [&](const std::string &Name, const char *Flag,
                   const char *Examples) {
    if (STI->isCPUStringValid(Name))
      return true;
    Error = "unknown CPU '" + Name + "' for " + Flag + " (" + Examples +
            ", native, or a name from `llc-19 -mcpu=help`)";
    return false;
  };
  return Check(targetCPUName(Opts), "--target-cpu",
               "x86-64, x86-64-v2, x86-64-v3, x86-64-v4") &&
         Check(tuneCPUName(Opts), "--tune-cpu",
               "generic, znver4, sapphirerapids");
}

std::unique_ptr<TargetMachine> createTargetMachine(const CompileOptions &Opts,
                                                   std::string &Error) {
  initializeX86();
  const Target *T = TargetRegistry::lookupTarget(TargetTriple, Error);
  if (!T)
    return nullptr;
  std::string Features;
  std::string CPU = targetCPUName(Opts, &Features);
  TargetOptions TO;
  CodeGenOptLevel OL = Opts.optLevel == 0   ? CodeGenOptLevel::None
                       : Opts.optLevel == 1 ? CodeGenOptLevel::Less
                       : Opts.optLevel == 2 ? CodeGenOptLevel::Default
                                            : CodeGenOptLevel::Aggressive;
  std::unique_ptr<TargetMachine> TM(T->createTargetMachine(
      TargetTriple, CPU, Features, TO, Reloc::Static, CodeModel::Small, OL));
  if (!TM)
    Error = "cannot create a target machine for " + CPU;
  return TM;
}

/// The target machine has no tuning CPU of its own: LLVM reads it from each
/// function's "tune-cpu" attribute and otherwise tunes for the target CPU.
static void setTuning(Module &M, const CompileOptions &Opts) {
  std::string Tune = tuneCPUName(Opts);
  for (Function &F : M)
    if (!F.isDeclaration())
      F.addFnAttr("tune-cpu", Tune);
}

// Modules carry Target.h's triple and data layout from their creation
// (ModuleContext; test/codegen/TargetTest.cpp checks the layout is the
// target machine's), so neither is set again here.
void optimizeModule(Module &M, TargetMachine &TM, const CompileOptions &Opts) {
  setTuning(M, Opts);
  LoopAnalysisManager LAM;
  FunctionAnalysisManager FAM;
  CGSCCAnalysisManager CGAM;
  ModuleAnalysisManager MAM;
  // The SLP vectoriser stays off, as PipelineTuningOptions leaves it (clang
  // turns it on at -O2). The guest's compiler already ran it, and running it
  // again on nbody paired one body's velocity stores differently from the
  // loads that read them back, which then could not be forwarded: 6 % slower
  // (docs/performance.md).
  PipelineTuningOptions PTO;
  PassBuilder PB(&TM, PTO);
  FAM.registerPass([&] { return PB.buildDefaultAAPipeline(); });
  PB.registerModuleAnalyses(MAM);
  PB.registerCGSCCAnalyses(CGAM);
  PB.registerFunctionAnalyses(FAM);
  PB.registerLoopAnalyses(LAM);
  PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);
  // With explicit bounds checks, loops whose checks all hold when their
  // address range does get a copy without them (CheckVersioning.h). Late in
  // each function's simplification: LICM has hoisted the memory size, and
  // SimplifyCFG follows to delete the branches that became constant.
  if (Opts.boundsChecks == BoundsChecks::Explicit)
    PB.registerScalarOptimizerLateEPCallback(
        [](FunctionPassManager &FPM, OptimizationLevel) {
          FPM.addPass(CheckVersioningPass());
        });
  // Right before the vectorisers: loops whose i32 address arithmetic
  // provably does not wrap get a version with `nuw`, which IndVarSimplify
  // then widens to 64 bits (NoWrapVersioning.h).
  PB.registerVectorizerStartEPCallback(
      [](FunctionPassManager &FPM, OptimizationLevel) {
        FPM.addPass(NoWrapVersioningPass());
        FPM.addPass(createFunctionToLoopPassAdaptor(IndVarSimplifyPass()));
      });
  PB.registerOptimizerLastEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(createModuleToFunctionPassAdaptor(FinishLoadPinsPass()));
      });
  OptimizationLevel Level = Opts.optLevel == 0   ? OptimizationLevel::O0
                            : Opts.optLevel == 1 ? OptimizationLevel::O1
                            : Opts.optLevel == 2 ? OptimizationLevel::O2
                                                 : OptimizationLevel::O3;
  ModulePassManager MPM = Level == OptimizationLevel::O0
                              ? PB.buildO0DefaultPipeline(Level)
                              : PB.buildPerModuleDefaultPipeline(Level);
  MPM.run(M, MAM);
}

bool emitObject(Module &M, TargetMachine &TM, SmallVectorImpl<char> &Out,
                std::string &Error) {
  raw_svector_ostream OS(Out);
  legacy::PassManager PM;
  if (TM.addPassesToEmitFile(PM, OS, nullptr, CodeGenFileType::ObjectFile)) {
    Error = "the target cannot emit object files";
    return false;
  }
  PM.run(M);
  return true;
}

double msSince(std::chrono::steady_clock::time_point T) {
  return std::chrono::duration<double, std::milli>(
             std::chrono::steady_clock::now() - T)
      .count();
}

bool optimizeAndEmit(Module &M, const CompileOptions &Opts,
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

} // namespace wasm2bin
