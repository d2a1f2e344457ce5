//===- NoWrapVersioning.cpp - Loops whose i32 addresses cannot wrap -------===//
//
// See NoWrapVersioning.h; the versioning itself is LoopVersion.h's.
//
//===----------------------------------------------------------------------===//
#include "NoWrapVersioning.h"

#include "AccessRanges.h"
#include "LoopVersion.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/ScalarEvolution.h"
#include "llvm/Analysis/ScalarEvolutionExpressions.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/ScalarEvolutionExpander.h"

using namespace llvm;

namespace wasm2bin {
namespace {

/// The adds `x + C` of one induction expression x = {Start, +, Step}, or
/// its adds `x + a` of one loop-invariant a (an array's base plus a scaled
/// index: `w + 4 * i`).
struct AddGroup {
  const SCEVAddRecExpr *X;
  const SCEV *Invariant = nullptr;
  uint64_t MaxC = 0;
  SmallVector<BinaryOperator *, 4> Adds;
};

/// x + C with C > 0, or x + a with a invariant in L, for a rising x (either
/// operand order).
const SCEVAddRecExpr *inductionOperand(BinaryOperator &Add, const Loop &L,
                                       ScalarEvolution &SE, uint64_t &C,
                                       const SCEV *&Invariant) {
  if (Add.getOpcode() != Instruction::Add || !Add.getType()->isIntegerTy(32) ||
      Add.hasNoUnsignedWrap())
    return nullptr;
  for (unsigned XOp : {0, 1}) {
    const SCEVAddRecExpr *AR =
        risingInduction(SE.getSCEV(Add.getOperand(XOp)), L, SE);
    if (!AR)
      continue;
    Value *Other = Add.getOperand(1 - XOp);
    if (auto *K = dyn_cast<ConstantInt>(Other)) {
      if (K->isZero() || K->isNegative())
        return nullptr;
      C = K->getZExtValue();
      Invariant = nullptr;
      return AR;
    }
    const SCEV *A = SE.getSCEV(Other);
    if (!SE.isLoopInvariant(A, &L))
      continue;
    C = 0;
    Invariant = A;
    return AR;
  }
  return nullptr;
}

/// Whether some memory address of L is `zext` of one of these adds, or of a
/// phi they increment: only then do the flags buy anything.
using GroupKey = std::pair<const SCEV *, const SCEV *>;

bool feedsAddresses(const Loop &L, const MapVector<GroupKey, AddGroup> &G) {
  SmallPtrSet<const Value *, 16> Adds;
  for (auto &[_, Group] : G)
    Adds.insert(Group.Adds.begin(), Group.Adds.end());
  for (BasicBlock *BB : L.blocks())
    for (Instruction &I : *BB) {
      auto *Z = dyn_cast<ZExtInst>(&I);
      if (!Z || !Z->getDestTy()->isIntegerTy(64))
        continue;
      const Value *V = Z->getOperand(0);
      if (Adds.count(V))
        return true;
      if (auto *Phi = dyn_cast<PHINode>(V))
        if (Phi->getParent() == L.getHeader())
          for (const Value *In : Phi->incoming_values())
            if (Adds.count(In))
              return true;
    }
  return false;
}

/// i1 true when some add of the groups may wrap: for x = {Start, +, Step}
/// taking the values Start + Step * i for i = 0 ... N (the backedge-taken
/// count, N64 in 64 bits, N64 < 2^32 or the caller's check is already true),
/// the largest x + C is zext(Start) + Step * N + MaxC, and x + a adds zext(a)
/// to that; Step < 2^31, so the sum cannot overflow 64 bits. (No `nuw` on
/// this arithmetic: with N >= 2^32 it may overflow, and poison or'ed with
/// true is poison, not true.)
Value *expandMayWrap(ArrayRef<AddGroup *> Groups, Value *N64,
                     ScalarEvolution &SE, SCEVExpander &Exp, Instruction *At) {
  IRBuilder<> B(At);
  Type *I64 = B.getInt64Ty();
  Value *MayWrap = B.getFalse();
  for (AddGroup *G : Groups) {
    Value *Start = Exp.expandCodeFor(G->X->getStart(), B.getInt32Ty(), At);
    uint64_t Step = inductionStep(G->X, SE);
    // (Separate statements: argument evaluation order is unspecified.)
    Value *Start64 = B.CreateZExt(Start, I64);
    Value *Span = B.CreateMul(N64, ConstantInt::get(I64, Step));
    Value *Last = B.CreateAdd(Start64, Span);
    Value *Max = B.CreateAdd(Last, ConstantInt::get(I64, G->MaxC));
    if (G->Invariant)
      Max = B.CreateAdd(
          Max, B.CreateZExt(Exp.expandCodeFor(G->Invariant, B.getInt32Ty(), At),
                            I64));
    MayWrap = B.CreateOr(
        MayWrap, B.CreateICmpUGT(Max, ConstantInt::get(I64, UINT32_MAX)));
  }
  return MayWrap;
}

/// zext(a + b) is zext(a) + zext(b) when the add does not wrap. IndVarSimplify
/// widens that for `x + C` but not for `x + a` with a loop-invariant a, so
/// the address `base + zext(w + 4 * i)` would keep its i32 add; as
/// `base + zext(w) + 4 * i` the invariant part is hoisted and the index
/// goes into the addressing mode.
void widenAddressUses(BinaryOperator &Add) {
  for (User *U : make_early_inc_range(Add.users())) {
    auto *Z = dyn_cast<ZExtInst>(U);
    if (!Z || !Z->getDestTy()->isIntegerTy(64))
      continue;
    IRBuilder<> B(Z);
    // zext(trunc nuw x) is x (an index IndVarSimplify already widened).
    auto Widened = [&](Value *V) -> Value * {
      auto *T = dyn_cast<TruncInst>(V);
      if (T && T->hasNoUnsignedWrap() &&
          T->getSrcTy() == Z->getDestTy())
        return T->getOperand(0);
      return B.CreateZExt(V, Z->getDestTy());
    };
    Value *Op0 = Widened(Add.getOperand(0));
    Value *Op1 = Widened(Add.getOperand(1));
    Value *Wide = B.CreateAdd(Op0, Op1, "", /*HasNUW=*/true, /*HasNSW=*/true);
    Z->replaceAllUsesWith(Wide);
    Z->eraseFromParent();
  }
}

bool versionIfUseful(Loop &L, LoopInfo &LI, DominatorTree &DT,
                     ScalarEvolution &SE) {
  if (!L.isInnermost() || !L.getExitingBlock() || !L.getExitBlock() ||
      !smallEnoughToVersion(L))
    return false;
  const SCEV *BTC = SE.getBackedgeTakenCount(&L);
  if (isa<SCEVCouldNotCompute>(BTC) || BTC->getType()->getIntegerBitWidth() > 64)
    return false;
  MapVector<GroupKey, AddGroup> Groups;
  for (BasicBlock *BB : L.blocks())
    for (Instruction &I : *BB) {
      auto *Add = dyn_cast<BinaryOperator>(&I);
      uint64_t C;
      const SCEV *Invariant;
      const SCEVAddRecExpr *X =
          Add ? inductionOperand(*Add, L, SE, C, Invariant) : nullptr;
      if (!X)
        continue;
      AddGroup &G = Groups[{X, Invariant}];
      G.X = X;
      G.Invariant = Invariant;
      G.MaxC = std::max(G.MaxC, C);
      G.Adds.push_back(Add);
    }
  if (Groups.empty() || !feedsAddresses(L, Groups))
    return false;
  SCEVExpander Exp(SE, L.getHeader()->getModule()->getDataLayout(), "nowrap");
  Instruction *At = L.getLoopPreheader()->getTerminator();
  if (!Exp.isSafeToExpandAt(BTC, At))
    return false;
  SmallVector<AddGroup *, 8> Checked;
  for (auto &[_, G] : Groups)
    if (Exp.isSafeToExpandAt(G.X->getStart(), At) &&
        (!G.Invariant || Exp.isSafeToExpandAt(G.Invariant, At)))
      Checked.push_back(&G);
  if (Checked.empty())
    return false;
  // The same check can show the loop's arrays disjoint (AccessRanges.h).
  SmallVector<AccessGroup, 4> Disjoint = groupAccesses(L, SE);
  if (!all_of(Disjoint, [&](const AccessGroup &G) {
        return Exp.isSafeToExpandAt(G.Start, At);
      }))
    Disjoint.clear();

  Value *Fallback;
  Value *N64 = expandTripBound(BTC, Exp, At, Fallback);
  IRBuilder<> B(At);
  Fallback = B.CreateOr(Fallback, expandMayWrap(Checked, N64, SE, Exp, At));
  if (!Disjoint.empty())
    Fallback = B.CreateOr(Fallback, expandOverlapCheck(Disjoint, N64, Exp, At));
  versionLoop(L, Fallback, LI, DT, "nowrap", ".wrap");
  for (AddGroup *G : Checked)
    for (BinaryOperator *Add : G->Adds) {
      Add->setHasNoUnsignedWrap(true);
      if (G->Invariant)
        widenAddressUses(*Add);
    }
  tagDisjointGroups(Disjoint);
  SE.forgetLoop(&L);
  return true;
}

} // namespace

PreservedAnalyses NoWrapVersioningPass::run(Function &F,
                                            FunctionAnalysisManager &FAM) {
  return versionInnermostLoops(F, FAM, versionIfUseful);
}

} // namespace wasm2bin
