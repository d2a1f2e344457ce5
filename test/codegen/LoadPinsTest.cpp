// backend/LoadPins.cpp on hand-written IR of the shapes the optimiser leaves:
// sums (adds, phis, vector reductions) feeding pins, over loads of the types
// vectorisation and instcombine produce. After the pass no sum is left, a load
// its block anchors has no pin, every other one is pinned right after it, and
// the x86 backend accepts every pin (the first version asked for an XMM
// register for a <2 x i32>, which failed to compile zstd and sqlite).
#include "backend/Backend.h"
#include "backend/LoadPins.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/IR/InlineAsm.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"

#include <gtest/gtest.h>

using namespace llvm;
using namespace wasm2bin;

namespace {

// Pins as codegen/EmitMemory.cpp makes them: empty, sideeffect, memory(none).
const char *IR = R"IR(
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-musl"

declare i64 @llvm.vector.reduce.add.v4i64(<4 x i64>)
declare void @effect()

define i32 @f(ptr %m, i1 %c, i32 %n) {
entry:
  %v2 = load <2 x i32>, ptr %m
  %v4 = load <4 x i64>, ptr %m
  %odd = load i24, ptr %m
  %d = load double, ptr %m
  %fl = load float, ptr %m
  %w = load <2 x i64>, ptr %m
  %stored = load i32, ptr %m
  store i32 %stored, ptr %m
  %later = load i32, ptr %m
  %branched = load i32, ptr %m
  %cmp = icmp eq i32 %branched, 0
  %bits = bitcast <2 x i32> %v2 to i64
  %red = call i64 @llvm.vector.reduce.add.v4i64(<4 x i64> %v4)
  %s64 = add i64 %bits, %red
  %dbits = bitcast double %d to i64
  %s64b = add i64 %s64, %dbits
  %fbits = bitcast float %fl to i32
  %s32 = add i32 %fbits, %stored
  %s32b = add i32 %s32, %later
  %s32c = add i32 %s32b, %branched
  %s24 = add i24 %odd, 0
  br i1 %cmp, label %loop, label %exit

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %acc = phi i32 [ 0, %entry ], [ %acc.next, %loop ]
  %sum = phi i32 [ %s32c, %entry ], [ %sum.next, %loop ]
  %p = getelementptr i32, ptr %m, i32 %i
  %x = load i32, ptr %p
  %acc.next = add i32 %acc, %x
  %sum.next = add i32 %sum, %x
  %i.next = add i32 %i, 1
  %done = icmp eq i32 %i.next, %n
  br i1 %done, label %exit, label %loop

exit:
  %sumx = phi i32 [ %s32c, %entry ], [ %sum.next, %loop ]
  %r = phi i32 [ 0, %entry ], [ %acc.next, %loop ]
  call void asm sideeffect "", "r"(i64 %s64b) #0
  call void asm sideeffect "", "r"(i24 %s24) #0
  call void asm sideeffect "", "x"(<2 x i64> %w) #0
  call void asm sideeffect "", "r"(i32 %sumx) #0
  call void @effect()
  %ret = add i32 %r, %later
  ret i32 %ret
}

attributes #0 = { nounwind memory(none) }
)IR";

bool isPin(const Instruction &I) {
  const auto *C = dyn_cast<CallInst>(&I);
  return C && C->isInlineAsm();
}

/// Names of the loads followed by a pin (after the casts and shuffles that
/// bring an odd type to a register's).
std::vector<std::string> pinnedLoads(const llvm::Function &F) {
  std::vector<std::string> Names;
  for (const BasicBlock &BB : F)
    for (const Instruction &I : BB) {
      if (!isa<LoadInst>(I))
        continue;
      const Instruction *Next = I.getNextNode();
      while (Next && (isa<CastInst>(Next) || isa<ShuffleVectorInst>(Next)))
        Next = Next->getNextNode();
      if (Next && isPin(*Next))
        Names.push_back(I.getName().str());
    }
  return Names;
}

/// Parses IR and runs FinishLoadPinsPass on every function; null (and a
/// test failure) if the text does not parse or the result does not verify.
std::unique_ptr<Module> finishPins(const char *Text, LLVMContext &Ctx) {
  SMDiagnostic Err;
  std::unique_ptr<Module> M = parseAssemblyString(Text, Err, Ctx);
  if (!M) {
    ADD_FAILURE() << Err.getMessage().str();
    return nullptr;
  }
  FunctionAnalysisManager FAM;
  PassBuilder PB;
  PB.registerFunctionAnalyses(FAM);
  FunctionPassManager FPM;
  FPM.addPass(FinishLoadPinsPass());
  for (llvm::Function &F : *M)
    if (!F.isDeclaration())
      FPM.run(F, FAM);
  if (verifyModule(*M, &errs())) {
    ADD_FAILURE() << "invalid IR after the pass";
    return nullptr;
  }
  return M;
}

TEST(LoadPins, SumsGoAndOnlyUnanchoredLoadsKeepAPin) {
  LLVMContext Ctx;
  std::unique_ptr<Module> M = finishPins(IR, Ctx);
  ASSERT_TRUE(M);
  llvm::Function &F = *M->getFunction("f");

  // %stored is anchored by its store, %branched by the branch, %x by the
  // running sum %acc; %later is used only in another block, the rest only
  // by sums.
  std::vector<std::string> Expected{"v2", "v4", "odd", "d", "fl", "w", "later"};
  std::vector<std::string> Pinned = pinnedLoads(F);
  std::sort(Expected.begin(), Expected.end());
  std::sort(Pinned.begin(), Pinned.end());
  EXPECT_EQ(Pinned, Expected);

  // No sum is left: the only adds are the program's.
  for (const BasicBlock &BB : F)
    for (const Instruction &I : BB)
      if (I.getOpcode() == Instruction::Add)
        EXPECT_TRUE(I.getName() == "acc.next" || I.getName() == "i.next" ||
                    I.getName() == "ret")
            << I.getName().str();

  // The x86 backend allocates a register for every pin.
  std::string Diagnostics;
  Ctx.setDiagnosticHandlerCallBack(
      [](const DiagnosticInfo *DI, void *Out) {
        if (DI->getSeverity() != DS_Error)
          return;
        raw_string_ostream OS(*static_cast<std::string *>(Out));
        DiagnosticPrinterRawOStream DP(OS);
        DI->print(DP);
        OS << "\n";
      },
      &Diagnostics);
  CompileOptions Opts;
  std::string Error;
  auto TM = createTargetMachine(Opts, Error);
  ASSERT_TRUE(TM) << Error;
  SmallVector<char, 0> Obj;
  ASSERT_TRUE(emitObject(*M, *TM, Obj, Error)) << Error;
  EXPECT_EQ(Diagnostics, "");
  EXPECT_FALSE(Obj.empty());
}

// A sum carried through an outer loop into two versions of an inner loop,
// one vectorised (started by insertelement, ended by a reduction): a web of
// phis in which each phi's inputs are other sums. Every load is anchored by
// its store, so nothing of the web, and no pin, may remain.
const char *WebIR = R"IR(
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-musl"

declare i64 @llvm.vector.reduce.add.v2i64(<2 x i64>)

define void @g(ptr %m, i32 %n, i1 %which) {
entry:
  br label %outer

outer:
  %s.outer = phi i64 [ 0, %entry ], [ %s.exit, %latch ]
  %o = phi i32 [ 0, %entry ], [ %o.next, %latch ]
  br i1 %which, label %vec, label %sloop

vec:
  %start = insertelement <2 x i64> <i64 poison, i64 0>, i64 %s.outer, i64 0
  br label %vloop

vloop:
  %vs = phi <2 x i64> [ %start, %vec ], [ %vs.next, %vloop ]
  %vi = phi i32 [ 0, %vec ], [ %vi.next, %vloop ]
  %vp = getelementptr i64, ptr %m, i32 %vi
  %vx = load <2 x i64>, ptr %vp
  %vy = add <2 x i64> %vx, <i64 1, i64 1>
  store <2 x i64> %vy, ptr %vp
  %vs.next = add <2 x i64> %vs, %vx
  %vi.next = add i32 %vi, 2
  %vdone = icmp eq i32 %vi.next, %n
  br i1 %vdone, label %vexit, label %vloop

vexit:
  %red = call i64 @llvm.vector.reduce.add.v2i64(<2 x i64> %vs.next)
  br label %latch

sloop:
  %ss = phi i64 [ %s.outer, %outer ], [ %ss.next, %sloop ]
  %si = phi i32 [ 0, %outer ], [ %si.next, %sloop ]
  %sp = getelementptr i64, ptr %m, i32 %si
  %sx = load i64, ptr %sp
  %sy = add i64 %sx, 1
  store i64 %sy, ptr %sp
  %ss.next = add i64 %ss, %sx
  %si.next = add i32 %si, 1
  %sdone = icmp eq i32 %si.next, %n
  br i1 %sdone, label %latch, label %sloop

latch:
  %s.exit = phi i64 [ %red, %vexit ], [ %ss.next, %sloop ]
  %o.next = add i32 %o, 1
  %odone = icmp eq i32 %o.next, %n
  br i1 %odone, label %exit, label %outer

exit:
  call void asm sideeffect "", "r"(i64 %s.exit) #0
  ret void
}

attributes #0 = { nounwind memory(none) }
)IR";

TEST(LoadPins, AWebOfSumsThroughLoopVersionsGoesEntirely) {
  LLVMContext Ctx;
  std::unique_ptr<Module> M = finishPins(WebIR, Ctx);
  ASSERT_TRUE(M);
  llvm::Function &F = *M->getFunction("g");
  for (const BasicBlock &BB : F)
    for (const Instruction &I : BB) {
      EXPECT_FALSE(isPin(I)) << "pin left in " << BB.getName().str();
      StringRef N = I.getName();
      EXPECT_FALSE(N.starts_with("s.") || N.starts_with("ss") ||
                   N.starts_with("vs") || N == "start" || N == "red")
          << "sum left: " << N.str();
    }
}

// The vectoriser's interleaved loads: one wide load, its even and odd lanes
// split by shuffles, and the sums take the shuffles. %used feeds a store, so
// its shuffles need no pin (each would cost an unpack per iteration); %dead
// is used only through shuffles that select half its lanes, so the whole
// load is pinned, not the halves (with only lanes 0 and 2 kept, instruction
// selection could skip the bytes of lane 3, the ones out of bounds).
const char *InterleavedIR = R"IR(
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-musl"

define void @h(ptr %m, ptr %q, <4 x double> %k) {
entry:
  %used = load <4 x double>, ptr %m
  %ue = shufflevector <4 x double> %used, <4 x double> poison, <2 x i32> <i32 0, i32 2>
  %uo = shufflevector <4 x double> %used, <4 x double> poison, <2 x i32> <i32 1, i32 3>
  %uei = bitcast <2 x double> %ue to <2 x i64>
  %uoi = bitcast <2 x double> %uo to <2 x i64>
  %prod = fmul <4 x double> %used, %k
  store <4 x double> %prod, ptr %m
  %dead = load <4 x double>, ptr %q
  %de = shufflevector <4 x double> %dead, <4 x double> poison, <2 x i32> <i32 0, i32 2>
  %dei = bitcast <2 x double> %de to <2 x i64>
  %lane = extractelement <4 x double> %dead, i64 1
  %lanei = bitcast double %lane to i64
  %s1 = add <2 x i64> %uei, %uoi
  %s2 = add <2 x i64> %s1, %dei
  call void asm sideeffect "", "x"(<2 x i64> %s2) #0
  call void asm sideeffect "", "r"(i64 %lanei) #0
  ret void
}

attributes #0 = { nounwind memory(none) }
)IR";

TEST(LoadPins, LanesOfAnInterleavedLoadAreCoveredByTheWholeLoad) {
  LLVMContext Ctx;
  std::unique_ptr<Module> M = finishPins(InterleavedIR, Ctx);
  ASSERT_TRUE(M);
  llvm::Function &F = *M->getFunction("h");
  EXPECT_EQ(pinnedLoads(F), std::vector<std::string>{"dead"});
  unsigned Pins = 0;
  for (const BasicBlock &BB : F)
    for (const Instruction &I : BB) {
      Pins += isPin(I);
      EXPECT_FALSE(isa<ShuffleVectorInst>(I) && I.getName().starts_with("u"))
          << "the shuffles of an anchored load stay: " << I.getName().str();
    }
  // <4 x double> goes to two XMM registers; nothing else is pinned.
  EXPECT_EQ(Pins, 2u);
}

} // namespace
