//===- LoopVersion.cpp - Two copies of a loop behind one check ------------===//
#include "LoopVersion.h"

#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Instructions.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"
#include "llvm/Transforms/Utils/Cloning.h"
#include "llvm/Transforms/Utils/LoopUtils.h"
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

} // namespace wasm2bin
