//===- LoopVersion.cpp - Two copies of a loop behind one check ------------===//
#include "LoopVersion.h"

#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/ScalarEvolution.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"
#include "llvm/Transforms/Utils/Cloning.h"
#include "llvm/Transforms/Utils/LoopSimplify.h"
#include "llvm/Transforms/Utils/LoopUtils.h"
#include "llvm/Transforms/Utils/ScalarEvolutionExpander.h"
#include "llvm/Transforms/Utils/ValueMapper.h"

using namespace llvm;

namespace wasm2bin {

void versionLoop(Loop &L, Value *Fallback, LoopInfo &LI, DominatorTree &DT,
                 const char *CheckName, const char *CloneSuffix) {
  BasicBlock *CheckBB = L.getLoopPreheader();
  SmallVector<BasicBlock *, 4> Exits;
  L.getUniqueExitBlocks(Exits);
  CheckBB->setName(L.getHeader()->getName() + "." + CheckName + ".check");
  BasicBlock *PH = SplitBlock(CheckBB, CheckBB->getTerminator(), &DT, &LI,
                              nullptr, L.getHeader()->getName() + ".ph");
  ValueToValueMapTy VMap;
  SmallVector<BasicBlock *, 8> CloneBlocks;
  Loop *Clone = cloneLoopWithPreheader(PH, CheckBB, &L, VMap, CloneSuffix, &LI,
                                       &DT, CloneBlocks);
  remapInstructionsInBlocks(CloneBlocks, VMap);
  Instruction *Term = CheckBB->getTerminator();
  BranchInst::Create(Clone->getLoopPreheader(), L.getLoopPreheader(), Fallback,
                     Term);
  Term->eraseFromParent();
  // The exits are dedicated: every predecessor is in L, and now also in the
  // clone, so the two copies meet first at the check.
  for (BasicBlock *Exit : Exits) {
    DT.changeImmediateDominator(Exit, CheckBB);
    // LCSSA: every value of L used after it goes through a phi of an exit.
    for (PHINode &PN : Exit->phis())
      for (unsigned I = 0, E = PN.getNumIncomingValues(); I != E; ++I) {
        BasicBlock *From = PN.getIncomingBlock(I);
        if (!L.contains(From))
          continue;
        Value *V = PN.getIncomingValue(I);
        auto It = VMap.find(V);
        PN.addIncoming(It != VMap.end() ? static_cast<Value *>(It->second) : V,
                       cast<BasicBlock>(VMap[From]));
      }
  }
  formDedicatedExitBlocks(Clone, &DT, &LI, nullptr, true);
  formDedicatedExitBlocks(&L, &DT, &LI, nullptr, true);
}

Value *expandTripBound(const SCEV *BTC, SCEVExpander &Exp, Instruction *At,
                       Value *&TooMany) {
  IRBuilder<> B(At);
  Value *N = Exp.expandCodeFor(BTC, BTC->getType(), At);
  TooMany = B.getFalse();
  if (BTC->getType()->getIntegerBitWidth() > 32)
    TooMany = B.CreateICmpUGT(N, ConstantInt::get(N->getType(), UINT32_MAX));
  return B.CreateZExtOrTrunc(N, B.getInt64Ty());
}

bool smallEnoughToVersion(const Loop &L) {
  constexpr unsigned MaxInstructions = 400;
  unsigned N = 0;
  for (BasicBlock *BB : L.blocks())
    N += BB->size();
  return N <= MaxInstructions;
}

PreservedAnalyses versionInnermostLoops(
    Function &F, FunctionAnalysisManager &FAM,
    function_ref<bool(Loop &, LoopInfo &, DominatorTree &, ScalarEvolution &)>
        Version) {
  auto &LI = FAM.getResult<LoopAnalysis>(F);
  auto &DT = FAM.getResult<DominatorTreeAnalysis>(F);
  auto &SE = FAM.getResult<ScalarEvolutionAnalysis>(F);
  SmallVector<Loop *, 8> Innermost;
  for (Loop *L : LI.getLoopsInPreorder())
    if (L->isInnermost())
      Innermost.push_back(L);
  bool Changed = false;
  for (Loop *L : Innermost) {
    // Both are usually true already; versioning relies on them.
    Changed |= simplifyLoop(L, &DT, &LI, &SE, nullptr, nullptr, false);
    Changed |= formLCSSA(*L, DT, &LI, &SE);
    Changed |= Version(*L, LI, DT, SE);
  }
  if (!Changed)
    return PreservedAnalyses::all();
  PreservedAnalyses PA;
  PA.preserve<LoopAnalysis>();
  PA.preserve<DominatorTreeAnalysis>();
  return PA;
}

} // namespace wasm2bin
