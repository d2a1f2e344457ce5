//===- Pipeline.cpp - Target machine, optimisation, object emission -------===//
#include "Backend.h"
#include "LoadPins.h"
#include "NoWrapVersioning.h"

#include "../codegen/Target.h"

#include "llvm/Analysis/AliasAnalysis.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
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

std::unique_ptr<TargetMachine> createTargetMachine(const CompileOptions &Opts,
                                                   std::string &Error) {
  initializeX86();
  const Target *T = TargetRegistry::lookupTarget(TargetTriple, Error);
  if (!T)
    return nullptr;
  std::string CPU = Opts.targetCPU;
  std::string Features;
  if (CPU == "native") {
    CPU = sys::getHostCPUName().str();
    for (auto &F : sys::getHostCPUFeatures())
      Features += (F.second ? "+" : "-") + F.first().str() + ",";
  }
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

// Modules carry Target.h's triple and data layout from their creation
// (ModuleContext; test/codegen/TargetTest.cpp checks the layout is the
// target machine's), so neither is set again here.
void optimizeModule(Module &M, TargetMachine &TM, const CompileOptions &Opts) {
  LoopAnalysisManager LAM;
  FunctionAnalysisManager FAM;
  CGSCCAnalysisManager CGAM;
  ModuleAnalysisManager MAM;
  PipelineTuningOptions PTO;
  PassBuilder PB(&TM, PTO);
  FAM.registerPass([&] { return PB.buildDefaultAAPipeline(); });
  PB.registerModuleAnalyses(MAM);
  PB.registerCGSCCAnalyses(CGAM);
  PB.registerFunctionAnalyses(FAM);
  PB.registerLoopAnalyses(LAM);
  PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);
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
