//===- AccessRanges.cpp - The memory ranges a guest loop touches ----------===//
//
// Every array of a Wasm program lives in one linear memory, so LLVM's loop
// access analysis sees `base + zext(c) ...` and `base + zext(b) ...` with the
// same base and cannot tell them apart: it asks for run-time checks, and
// then checks each pointer against every other, also c[j] against c[j + 1]
// of an unrolled loop, which always overlap -- the vector loop it builds
// never runs (matmul). A C compiler has the same problem with two pointer
// arguments and solves it the same way: versioning on disjoint ranges.
// Here the ranges are exact (NoWrapVersioning.h: the loop's i32 addresses
// are first shown not to wrap), and the fast copy carries the fact as scoped
// noalias metadata, which alias analysis, and so the vectoriser, trusts.
//
//===----------------------------------------------------------------------===//
#include "AccessRanges.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/Analysis/ScalarEvolutionExpressions.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/MDBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"
#include "llvm/IR/PatternMatch.h"

using namespace llvm;

namespace wasm2bin {
namespace {

// Each group costs two compares with every other: a loop with more arrays
// than this is not the kind whose vectorisation a check decides.
constexpr unsigned MaxGroups = 8;
// Bounds that keep every sum of the check far from 2^64 (a step, a positive
// i32, is below 2^31 anyway).
constexpr int64_t MaxDelta = int64_t(1) << 24;
constexpr uint64_t MaxOffset = uint64_t(1) << 33;

/// One access: `Base + zext(V) + K`, V = {Start, +, Step} in L (or invariant).
struct Access {
  Instruction *I;
  Value *Base;
  const SCEV *Start;
  uint64_t Step;
  uint64_t K;
  uint64_t Size;
};

/// Splits a guest address as the code generator builds it (`gep base,
/// zext(v) + K`, or what instcombine and LICM make of it: constant geps on
/// either side, the constant in an add).
bool splitAddress(Value *Ptr, const Loop &L, ScalarEvolution &SE,
                  const DataLayout &DL, Access &A) {
  APInt K(64, 0);
  Value *Var = nullptr;
  for (unsigned Depth = 0; auto *GEP = dyn_cast<GEPOperator>(Ptr); ++Depth) {
    MapVector<Value *, APInt> VarOffsets;
    if (Depth > 4 || !GEP->collectOffset(DL, 64, VarOffsets, K))
      return false;
    for (auto &[V, Scale] : VarOffsets) {
      if (Var || !Scale.isOne())
        return false;
      Var = V;
    }
    Ptr = GEP->getPointerOperand();
  }
  using namespace PatternMatch;
  const APInt *C;
  if (Var && match(Var, m_Add(m_Value(Var), m_APInt(C))))
    K += *C;
  Value *V32;
  if (!Var || !match(Var, m_ZExt(m_Value(V32))) ||
      !V32->getType()->isIntegerTy(32) || K.isNegative() ||
      K.getZExtValue() >= MaxOffset || !L.isLoopInvariant(Ptr))
    return false;
  const SCEV *S = SE.getSCEV(V32);
  if (SE.isLoopInvariant(S, &L)) {
    A.Start = S;
    A.Step = 0;
  } else {
    const SCEVAddRecExpr *AR = risingInduction(S, L, SE);
    if (!AR)
      return false;
    A.Start = AR->getStart();
    A.Step = inductionStep(AR, SE);
  }
  A.Base = Ptr;
  A.K = K.getZExtValue();
  return true;
}

/// The load or store I as an Access, if it is a plain one of the guest form.
bool asAccess(Instruction &I, const Loop &L, ScalarEvolution &SE, Access &A) {
  const DataLayout &DL = I.getModule()->getDataLayout();
  Value *Ptr;
  Type *Ty;
  if (auto *Ld = dyn_cast<LoadInst>(&I)) {
    if (!Ld->isSimple())
      return false;
    Ptr = Ld->getPointerOperand();
    Ty = Ld->getType();
  } else if (auto *St = dyn_cast<StoreInst>(&I)) {
    if (!St->isSimple())
      return false;
    Ptr = St->getPointerOperand();
    Ty = St->getValueOperand()->getType();
  } else {
    return false;
  }
  A.I = &I;
  A.Size = DL.getTypeStoreSize(Ty).getFixedValue();
  return splitAddress(Ptr, L, SE, DL, A);
}

/// Groups whose ranges the check compares and the metadata separates: one
/// memory, and one of them writes (two that only read may overlap freely).
bool mustBeDisjoint(const AccessGroup &G, const AccessGroup &H) {
  return G.Base == H.Base && (G.Writes || H.Writes);
}

} // namespace

const SCEVAddRecExpr *risingInduction(const SCEV *S, const Loop &L,
                                      ScalarEvolution &SE) {
  auto *AR = dyn_cast<SCEVAddRecExpr>(S);
  if (!AR || AR->getLoop() != &L || !AR->isAffine())
    return nullptr;
  auto *Step = dyn_cast<SCEVConstant>(AR->getStepRecurrence(SE));
  if (!Step || Step->getAPInt().isNegative() || Step->getAPInt().isZero())
    return nullptr;
  return AR;
}

uint64_t inductionStep(const SCEVAddRecExpr *AR, ScalarEvolution &SE) {
  return cast<SCEVConstant>(AR->getStepRecurrence(SE))->getAPInt().getZExtValue();
}

SmallVector<AccessGroup, 4> groupAccesses(const Loop &L, ScalarEvolution &SE) {
  // Members with their start relative to their group's first member's.
  SmallVector<AccessGroup, 4> Groups;
  SmallVector<SmallVector<std::pair<Access, int64_t>, 8>, 4> Members;
  for (BasicBlock *BB : L.blocks())
    for (Instruction &I : *BB) {
      if (!I.mayReadOrWriteMemory())
        continue;
      Access A;
      if (!asAccess(I, L, SE, A))
        return {};
      bool Placed = false;
      for (unsigned G = 0; G < Groups.size() && !Placed; ++G) {
        const Access &First = Members[G].front().first;
        if (First.Base != A.Base || First.Step != A.Step)
          continue;
        auto *D = dyn_cast<SCEVConstant>(SE.getMinusSCEV(A.Start, First.Start));
        if (!D || std::abs(D->getAPInt().getSExtValue()) >= MaxDelta)
          continue;
        Members[G].push_back({A, D->getAPInt().getSExtValue()});
        Placed = true;
      }
      if (Placed)
        continue;
      if (Groups.size() == MaxGroups)
        return {};
      Groups.emplace_back();
      Members.push_back({{A, 0}});
    }

  bool Useful = false;
  for (unsigned G = 0; G < Groups.size(); ++G) {
    AccessGroup &Group = Groups[G];
    const auto *Lowest = &Members[G].front();
    for (const auto &M : Members[G])
      if (M.second < Lowest->second)
        Lowest = &M;
    Group.Base = Lowest->first.Base;
    Group.Start = Lowest->first.Start;
    Group.Step = Lowest->first.Step;
    Group.LoOff = UINT64_MAX;
    for (const auto &[A, D] : Members[G]) {
      uint64_t E = uint64_t(D - Lowest->second);
      Group.MaxE = std::max(Group.MaxE, E);
      Group.LoOff = std::min(Group.LoOff, E + A.K);
      Group.HiOff = std::max(Group.HiOff, E + A.K + A.Size);
      Group.Writes |= isa<StoreInst>(A.I);
      Group.Accesses.push_back(A.I);
    }
    for (unsigned H = 0; H < G; ++H)
      Useful |= mustBeDisjoint(Groups[H], Group);
  }
  if (!Useful)
    return {};
  return Groups;
}

Value *expandOverlapCheck(ArrayRef<AccessGroup> Groups, Value *BTC64,
                          SCEVExpander &Exp, Instruction *At) {
  IRBuilder<> B(At);
  Type *I64 = B.getInt64Ty();
  auto Const = [&](uint64_t V) { return ConstantInt::get(I64, V); };
  SmallVector<Value *, MaxGroups> Lo, Hi;
  Value *Bad = B.getFalse();
  for (const AccessGroup &G : Groups) {
    Value *S = B.CreateZExt(Exp.expandCodeFor(G.Start, B.getInt32Ty(), At), I64);
    // With BTC64 < 2^32 nothing here overflows (Step < 2^31). With a larger
    // one the caller's condition is already true, and the sums may wrap: so
    // no `nuw`, which would make them poison, and the condition with them.
    Value *Last = B.CreateAdd(S, B.CreateMul(BTC64, Const(G.Step)));
    Bad = B.CreateOr(Bad, B.CreateICmpUGT(B.CreateAdd(Last, Const(G.MaxE)),
                                          Const(UINT32_MAX)));
    Lo.push_back(B.CreateAdd(S, Const(G.LoOff)));
    Hi.push_back(B.CreateAdd(Last, Const(G.HiOff)));
  }
  for (unsigned G = 0; G < Groups.size(); ++G)
    for (unsigned H = 0; H < G; ++H) {
      if (!mustBeDisjoint(Groups[G], Groups[H]))
        continue;
      // One statement each: the order of evaluating call arguments is
      // unspecified, and the IR must not depend on how wasm2bin was built.
      Value *GBeforeH = B.CreateICmpULT(Lo[G], Hi[H]);
      Value *HBeforeG = B.CreateICmpULT(Lo[H], Hi[G]);
      Value *Overlap = B.CreateAnd(GBeforeH, HBeforeG);
      Bad = B.CreateOr(Bad, Overlap);
    }
  return Bad;
}

void tagDisjointGroups(ArrayRef<AccessGroup> Groups) {
  if (Groups.empty())
    return;
  LLVMContext &Ctx = Groups.front().Accesses.front()->getContext();
  MDBuilder MDB(Ctx);
  MDNode *Domain = MDB.createAnonymousAliasScopeDomain("wasm2bin.disjoint");
  SmallVector<MDNode *, MaxGroups> Scopes;
  for (unsigned G = 0; G < Groups.size(); ++G)
    Scopes.push_back(MDB.createAnonymousAliasScope(Domain));
  for (unsigned G = 0; G < Groups.size(); ++G) {
    SmallVector<Metadata *, MaxGroups> Others;
    for (unsigned H = 0; H < Groups.size(); ++H)
      if (H != G && mustBeDisjoint(Groups[G], Groups[H]))
        Others.push_back(Scopes[H]);
    MDNode *Scope = MDNode::get(Ctx, {Scopes[G]});
    MDNode *NoAlias = Others.empty() ? nullptr : MDNode::get(Ctx, Others);
    for (Instruction *I : Groups[G].Accesses) {
      I->setMetadata(LLVMContext::MD_alias_scope,
                     MDNode::concatenate(
                         I->getMetadata(LLVMContext::MD_alias_scope), Scope));
      if (NoAlias)
        I->setMetadata(LLVMContext::MD_noalias,
                       MDNode::concatenate(
                           I->getMetadata(LLVMContext::MD_noalias), NoAlias));
    }
  }
}

} // namespace wasm2bin
