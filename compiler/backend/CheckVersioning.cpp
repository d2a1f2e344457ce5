//===- CheckVersioning.cpp - Bounds checks hoisted out of loops -----------===//
//
// See CheckVersioning.h. The checks come from FunctionEmitter::memoryAddress
// as `icmp ugt (add nuw (zext v), offset + size), memsize`, where instcombine
// may have merged the constants or swapped the compare; LICM has hoisted the
// size's load out of any loop that cannot grow the memory.
//
//===----------------------------------------------------------------------===//
#include "CheckVersioning.h"

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
#include "llvm/IR/PatternMatch.h"
#include "llvm/Transforms/Utils/ScalarEvolutionExpander.h"

using namespace llvm;

namespace wasm2bin {
namespace {

// An access's offset plus size; memarg offsets are below 2^32.
constexpr uint64_t MaxEndOffset = uint64_t(1) << 33;
// Marks the branches of the checked copy, which keeps them: the pass may see
// the function again (the inliner revisits functions) and must not version
// that copy once more.
constexpr const char *KeptMD = "wasm2bin.check.kept";

/// `br (zext(V) + C > Size), out, in` with V = {Start, +, Step} in the loop
/// (Step 0: V invariant) and Size invariant.
struct Check {
  BranchInst *Br;
  bool OutWhenTrue; ///< the branch leaves on true (else on false)
  const SCEV *Start;
  uint64_t Step;
  uint64_t C;
  Value *Size;
};

/// B as a Check, from its condition in either form and operand order.
bool matchCheck(BranchInst &B, const Loop &L, ScalarEvolution &SE, Check &K) {
  auto *Cmp =
      B.isConditional() ? dyn_cast<ICmpInst>(B.getCondition()) : nullptr;
  if (!Cmp || B.getMetadata(KeptMD))
    return false;
  Value *End, *Size;
  switch (Cmp->getPredicate()) {
  case ICmpInst::ICMP_UGT: // end > size: out when true
  case ICmpInst::ICMP_ULE: // end <= size: out when false
    End = Cmp->getOperand(0);
    Size = Cmp->getOperand(1);
    break;
  case ICmpInst::ICMP_ULT: // size < end
  case ICmpInst::ICMP_UGE: // size >= end
    End = Cmp->getOperand(1);
    Size = Cmp->getOperand(0);
    break;
  default:
    return false;
  }
  K.OutWhenTrue = Cmp->getPredicate() == ICmpInst::ICMP_UGT ||
                  Cmp->getPredicate() == ICmpInst::ICMP_ULT;
  if (!Size->getType()->isIntegerTy(64) || !L.isLoopInvariant(Size))
    return false;
  using namespace PatternMatch;
  Value *V;
  const APInt *C = nullptr;
  if (!match(End, m_Add(m_ZExt(m_Value(V)), m_APInt(C))) &&
      !match(End, m_ZExt(m_Value(V))))
    return false;
  K.C = C ? C->getZExtValue() : 0;
  if (!V->getType()->isIntegerTy(32) || K.C >= MaxEndOffset)
    return false;
  const SCEV *S = SE.getSCEV(V);
  if (SE.isLoopInvariant(S, &L)) {
    K.Start = S;
    K.Step = 0;
  } else if (const SCEVAddRecExpr *AR = risingInduction(S, L, SE)) {
    K.Start = AR->getStart();
    K.Step = inductionStep(AR, SE);
  } else {
    return false;
  }
  K.Br = &B;
  K.Size = Size;
  return true;
}

/// i1 true unless every check holds for iterations 0 ... N64 (N64 < 2^32, or
/// the caller's condition is already true and these sums may wrap, so they
/// carry no `nuw`): no V wraps, and the largest zext(V) + C is within Size.
/// Checks of one V and Size need only their largest C.
Value *expandMayFail(ArrayRef<Check> Checks, Value *N64, ScalarEvolution &SE,
                     SCEVExpander &Exp, Instruction *At) {
  using Key = std::tuple<const SCEV *, uint64_t, Value *>;
  MapVector<Key, uint64_t> MaxC;
  for (const Check &K : Checks) {
    uint64_t &C = MaxC[{K.Start, K.Step, K.Size}];
    C = std::max(C, K.C);
  }
  IRBuilder<> B(At);
  Type *I64 = B.getInt64Ty();
  auto Const = [&](uint64_t V) { return ConstantInt::get(I64, V); };
  Value *Fails = B.getFalse();
  for (auto &[Key, C] : MaxC) {
    auto [Start, Step, Size] = Key;
    Value *S = B.CreateZExt(Exp.expandCodeFor(Start, B.getInt32Ty(), At), I64);
    Value *Last = Step ? B.CreateAdd(S, B.CreateMul(N64, Const(Step))) : S;
    if (Step)
      Fails = B.CreateOr(Fails, B.CreateICmpUGT(Last, Const(UINT32_MAX)));
    Value *End = B.CreateAdd(Last, Const(C));
    Fails = B.CreateOr(Fails, B.CreateICmpUGT(End, Size));
  }
  return Fails;
}

bool versionIfUseful(Loop &L, LoopInfo &LI, DominatorTree &DT,
                     ScalarEvolution &SE) {
  if (!L.isInnermost() || !L.getLoopPreheader() || !smallEnoughToVersion(L))
    return false;
  const SCEV *N = SE.getSymbolicMaxBackedgeTakenCount(&L);
  if (isa<SCEVCouldNotCompute>(N) || N->getType()->getIntegerBitWidth() > 64)
    return false;
  SCEVExpander Exp(SE, L.getHeader()->getModule()->getDataLayout(), "inbounds");
  Instruction *At = L.getLoopPreheader()->getTerminator();
  if (!Exp.isSafeToExpandAt(N, At))
    return false;
  SmallVector<Check, 8> Checks;
  for (BasicBlock *BB : L.blocks()) {
    auto *Br = dyn_cast<BranchInst>(BB->getTerminator());
    Check K;
    if (Br && matchCheck(*Br, L, SE, K) && Exp.isSafeToExpandAt(K.Start, At))
      Checks.push_back(K);
  }
  if (Checks.empty())
    return false;

  Value *Fallback;
  Value *N64 = expandTripBound(N, Exp, At, Fallback);
  IRBuilder<> B(At);
  Fallback = B.CreateOr(Fallback, expandMayFail(Checks, N64, SE, Exp, At));
  MDNode *Kept = MDNode::get(L.getHeader()->getContext(), {});
  for (const Check &K : Checks)
    K.Br->setMetadata(KeptMD, Kept); // the clone copies it
  versionLoop(L, Fallback, LI, DT, "inbounds", ".checked");
  // L is the copy that runs when every check holds: its branches never leave.
  for (const Check &K : Checks) {
    K.Br->setMetadata(KeptMD, nullptr);
    K.Br->setCondition(
        ConstantInt::getBool(K.Br->getContext(), !K.OutWhenTrue));
  }
  SE.forgetLoop(&L);
  return true;
}

} // namespace

PreservedAnalyses CheckVersioningPass::run(Function &F,
                                           FunctionAnalysisManager &FAM) {
  return versionInnermostLoops(F, FAM, versionIfUseful);
}

} // namespace wasm2bin
