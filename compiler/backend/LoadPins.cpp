//===- LoadPins.cpp - Final form of guard-mode load pins -------------------===//
//
// With guard pages every guest load's value is added to a per-function sum
// that an empty `asm sideeffect` (memory(none)) takes before each call, in
// each trap block and at the return (codegen/EmitMemory.cpp). While the IR
// optimiser runs, that use keeps every load alive and ahead of every trap and
// call that follows it in the program. Once it is done, most sums have served
// their purpose and would only cost an add per load (and, for a scalar float,
// a move to a general register: nbody +35 %):
//
//  - A term whose value the code uses anyway (nearly every load) is taken out
//    of its sum. Nothing after this pass deletes a used load or moves it
//    across blocks (instruction selection keeps a load that has users, and
//    chains it before calls in its block; MachineSink never sinks a load
//    that is not invariant), so it stays where the optimiser left it.
//  - A scalar float that only a sum uses (a dead load) is pinned on its own,
//    right where it is defined, in an XMM register.
//  - A sum left with nothing folds to a constant, and a pin of a constant is
//    deleted.
//
// What is left is a pin per really dead load: the code is what it would be
// without pins, plus the loads the program asked for.
//
//===----------------------------------------------------------------------===//
#include "LoadPins.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Analysis/InstructionSimplify.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InlineAsm.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/Local.h"

using namespace llvm;

namespace wasm2bin {

CallInst *createLoadPin(IRBuilderBase &B, Value *V) {
  llvm::Type *Ty = V->getType();
  const char *Constraint = Ty->isIntegerTy() || Ty->isPointerTy() ? "r" : "x";
  auto *AsmTy = FunctionType::get(B.getVoidTy(), {Ty}, false);
  CallInst *C = B.CreateCall(InlineAsm::get(AsmTy, "", Constraint, true), {V});
  C->setDoesNotAccessMemory();
  C->setDoesNotThrow();
  return C;
}

bool isLoadPin(const Instruction &I) {
  const auto *C = dyn_cast<CallInst>(&I);
  if (!C || C->arg_size() != 1 || !C->doesNotAccessMemory())
    return false;
  const auto *Asm = dyn_cast<InlineAsm>(C->getCalledOperand());
  return Asm && Asm->getAsmString().empty() && Asm->hasSideEffects();
}


/// The operands through which an instruction of a sum's web receives terms:
/// what the vectoriser and instcombine make of `sum + load` chains.
static SmallVector<unsigned, 2> termOperands(const Instruction &I) {
  if (isa<PHINode>(I)) {
    SmallVector<unsigned, 2> All;
    for (unsigned Op = 0; Op < I.getNumOperands(); ++Op)
      All.push_back(Op);
    return All;
  }
  switch (I.getOpcode()) {
  case Instruction::Add:
  case Instruction::ShuffleVector:
  case Instruction::InsertElement: // a vectorised sum's start value
    return {0, 1};
  case Instruction::Select:
    return {1, 2};
  case Instruction::ExtractElement:
    return {0};
  default:
    break;
  }
  if (const auto *II = dyn_cast<IntrinsicInst>(&I))
    if (II->getIntrinsicID() == Intrinsic::vector_reduce_add)
      return {0};
  return {};
}

/// The instructions of the sums: those that take terms and whose values
/// reach only pins. (A program's own add can only be among them if
/// optimisation folded it into a sum and nothing else uses it.)
static SmallPtrSet<Instruction *, 32> sumsOf(llvm::Function &F) {
  SmallPtrSet<Instruction *, 32> Sums;
  for (BasicBlock &BB : F)
    for (Instruction &I : BB)
      if (I.getType()->isIntOrIntVectorTy() && !I.use_empty() &&
          !termOperands(I).empty())
        Sums.insert(&I);
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (Instruction *I : SmallVector<Instruction *, 32>(Sums.begin(),
                                                         Sums.end()))
      if (!all_of(I->users(), [&](User *U) {
            auto *UI = cast<Instruction>(U);
            return Sums.count(UI) || isLoadPin(*UI);
          })) {
        Sums.erase(I);
        Changed = true;
      }
  }
  return Sums;
}

/// Whether I, when all of its result's bits are needed, needs every bit of
/// its operand OpNo that a narrower load could drop: the high bytes. An op
/// that needs only the low bits (trunc, and with a mask, shl, a lane extract
/// or shuffle) lets instruction selection narrow the load to them, and the
/// narrower load can miss the last bytes: the ones out of bounds.
static bool needsAllBits(const Instruction *I, unsigned OpNo) {
  switch (I->getOpcode()) {
  case Instruction::LShr:
  case Instruction::AShr:
    // Needs the high bits only: a narrower load keeps the last bytes, so
    // still traps where the whole one would.
    return OpNo == 0 && isa<Constant>(I->getOperand(1));
  case Instruction::Or:
  case Instruction::Xor:
    // `store (or (load p), C), p` may become a narrower read-modify-write
    // of only the bytes C changes.
    return !isa<Constant>(I->getOperand(0)) && !isa<Constant>(I->getOperand(1));
  case Instruction::Add:
  case Instruction::Sub:
  case Instruction::Mul:
  case Instruction::UDiv:
  case Instruction::SDiv:
  case Instruction::URem:
  case Instruction::SRem:
  case Instruction::ZExt:
  case Instruction::SExt:
  case Instruction::BitCast:
  case Instruction::FNeg:
  case Instruction::FAdd:
  case Instruction::FSub:
  case Instruction::FMul:
  case Instruction::FDiv:
  case Instruction::FRem:
  case Instruction::FCmp:
  case Instruction::ICmp:
  case Instruction::FPToSI:
  case Instruction::FPToUI:
  case Instruction::SIToFP:
  case Instruction::UIToFP:
  case Instruction::FPExt:
  case Instruction::FPTrunc:
  case Instruction::GetElementPtr:
    return true;
  default:
    break;
  }
  if (const auto *II = dyn_cast<IntrinsicInst>(I))
    switch (II->getIntrinsicID()) {
    case Intrinsic::bswap:
    case Intrinsic::ctpop:
    case Intrinsic::ctlz:
    case Intrinsic::cttz:
    case Intrinsic::abs:
    case Intrinsic::smin:
    case Intrinsic::smax:
    case Intrinsic::umin:
    case Intrinsic::umax:
    case Intrinsic::sqrt:
    case Intrinsic::fabs:
    case Intrinsic::fma:
    case Intrinsic::fmuladd:
    case Intrinsic::minnum:
    case Intrinsic::maxnum:
    case Intrinsic::minimum:
    case Intrinsic::maximum:
    case Intrinsic::floor:
    case Intrinsic::ceil:
    case Intrinsic::trunc:
    case Intrinsic::rint:
    case Intrinsic::nearbyint:
    case Intrinsic::roundeven:
    case Intrinsic::fptosi_sat:
    case Intrinsic::fptoui_sat:
      return true;
    case Intrinsic::fshl: // a rotate
    case Intrinsic::fshr:
      return OpNo < 2 && II->getArgOperand(0) == II->getArgOperand(1);
    default:
      break;
    }
  return false;
}

/// Where control ends up from BB through blocks that only branch on (or
/// hold pins and sums, which are about to go).
static const BasicBlock *destination(const BasicBlock *BB,
                                     const SmallPtrSetImpl<Instruction *> &Sums) {
  for (unsigned Steps = 0; Steps < 8; ++Steps) {
    const auto *Br = dyn_cast<BranchInst>(BB->getTerminator());
    if (!Br || Br->isConditional() || isa<PHINode>(BB->front()))
      break;
    bool OnlyBranches = true;
    for (const Instruction &I : *BB)
      if (&I != Br && !isLoadPin(I) &&
          !Sums.count(const_cast<Instruction *>(&I)))
        OnlyBranches = false;
    if (!OnlyBranches)
      break;
    BB = Br->getSuccessor(0);
  }
  return BB;
}

/// Whether a terminator's operand decides anything: a conditional branch
/// whose ways meet again before doing anything is folded away, and with it
/// the load that fed its condition.
static bool branchMatters(const Instruction *T,
                          const SmallPtrSetImpl<Instruction *> &Sums) {
  if (isa<ReturnInst>(T))
    return true;
  SmallPtrSet<const BasicBlock *, 4> Dests;
  for (const BasicBlock *Succ : successors(T))
    Dests.insert(destination(Succ, Sums));
  return Dests.size() > 1;
}

/// Whether the code after this pass must load all of V, where it is: V
/// (through ops that need all its bits, in its own block) reaches something
/// that stays in that block in order -- a store, a call, the block's branch
/// or return, or a phi that takes it from this block (a loop's running sum).
/// Machine sinking moves a load together with users that are free to move;
/// a select may become a branch around the load (CodeGenPrepare, X86 cmov
/// conversion); an op that needs only some bits lets the load shrink. None
/// of those count. (Nor do the sums and their pins, which are about to go.)
static bool isAnchored(const Instruction *V,
                       const SmallPtrSetImpl<Instruction *> &Sums,
                       unsigned Depth = 0) {
  if (Depth > 6)
    return false;
  for (const Use &U : V->uses()) {
    auto *UI = const_cast<Instruction *>(cast<Instruction>(U.getUser()));
    if (Sums.count(UI) || isLoadPin(*UI))
      continue;
    // A phi's incoming value is used at the end of the incoming block.
    if (auto *Phi = dyn_cast<PHINode>(UI)) {
      if (Phi->getIncomingBlock(U) == V->getParent())
        return true;
      continue;
    }
    if (UI->getParent() != V->getParent())
      continue;
    if (isa<StoreInst>(UI) || (UI->isTerminator() && branchMatters(UI, Sums)) ||
        (isa<CallBase>(UI) && !isa<IntrinsicInst>(UI)))
      return true;
    if (needsAllBits(UI, U.getOperandNo()) && !UI->mayHaveSideEffects() &&
        !UI->mayReadFromMemory() && isAnchored(UI, Sums, Depth + 1))
      return true;
  }
  return false;
}

/// Empty asms taking X in registers, right after X: instruction selection
/// must then load it there, before anything that follows. X may be any
/// first-class type the optimiser made of a load (a <2 x i32> or <4 x i64>
/// from the vectoriser, an i24 from instcombine): scalars and vectors up to
/// 64 bits go as one general register, 128-bit pieces as XMM registers.
static void pinInPlace(Instruction *X) {
  IRBuilder<> B(X->getParent(), isa<PHINode>(X)
                                    ? X->getParent()->getFirstInsertionPt()
                                    : std::next(X->getIterator()));
  llvm::Type *Ty = X->getType();
  const DataLayout &DL = X->getModule()->getDataLayout();
  uint64_t Bits = DL.getTypeSizeInBits(Ty).getFixedValue();
  if (Ty->isFloatTy() || Ty->isDoubleTy() || Ty->isPointerTy()) {
    createLoadPin(B, X);
    return;
  }
  Value *V = X;
  if (Bits <= 64) {
    V = B.CreateBitCast(V, B.getIntNTy(Bits));
    if (Bits != 8 && Bits != 16 && Bits != 32 && Bits != 64)
      V = B.CreateZExt(V, B.getInt64Ty());
    createLoadPin(B, V);
    return;
  }
  // Wider: 128-bit pieces (the last one zero-extended).
  uint64_t Pieces = (Bits + 127) / 128;
  if (Bits % 128) {
    V = B.CreateBitCast(V, B.getIntNTy(Bits));
    V = B.CreateZExt(V, B.getIntNTy(Pieces * 128));
  }
  V = B.CreateBitCast(V, FixedVectorType::get(B.getInt64Ty(), Pieces * 2));
  if (Pieces == 1) {
    createLoadPin(B, V);
    return;
  }
  for (uint64_t P = 0; P < Pieces; ++P)
    createLoadPin(B, B.CreateShuffleVector(V, {int(2 * P), int(2 * P + 1)}));
}

/// What a term keeps loaded: the term itself, or where it is only lanes of
/// other vectors (the vectoriser sums the strided parts of an interleaved
/// load as shuffles of it), those vectors. The whole vector is what the
/// program loads: pinning only the selected lanes would let instruction
/// selection load just those, and a shuffle pinned next to a load that the
/// loop uses anyway costs an instruction per iteration for nothing.
static void loadedValues(Instruction *X, SmallVectorImpl<Instruction *> &Out,
                         unsigned Depth = 0) {
  SmallVector<Value *, 2> Sources;
  if (auto *SV = dyn_cast<ShuffleVectorInst>(X))
    Sources = {SV->getOperand(0), SV->getOperand(1)};
  else if (auto *EE = dyn_cast<ExtractElementInst>(X))
    Sources = {EE->getVectorOperand()};
  if (Sources.empty() || Depth > 4) {
    Out.push_back(X);
    return;
  }
  for (Value *S : Sources)
    if (auto *SI = dyn_cast<Instruction>(S))
      loadedValues(SI, Out, Depth + 1);
}

/// Takes every term out of the sums: an anchored one needs nothing more,
/// any other is pinned in place.
static bool dropTerms(llvm::Function &F) {
  SmallPtrSet<Instruction *, 32> Sums = sumsOf(F);
  SmallVector<Instruction *, 32> Consumers(Sums.begin(), Sums.end());
  for (BasicBlock &BB : F)
    for (Instruction &I : BB)
      if (isLoadPin(I))
        Consumers.push_back(&I);
  SmallPtrSet<Instruction *, 16> Pinned;
  bool Changed = false;
  for (Instruction *I : Consumers) {
    SmallVector<unsigned, 2> Ops = isLoadPin(*I) ? SmallVector<unsigned, 2>{0}
                                             : termOperands(*I);
    for (unsigned Op : Ops) {
      auto *T = dyn_cast<Instruction>(I->getOperand(Op));
      if (!T || Sums.count(T))
        continue;
      auto *BC = dyn_cast<BitCastInst>(T);
      auto *X = BC ? dyn_cast<Instruction>(BC->getOperand(0)) : T;
      SmallVector<Instruction *, 2> Loaded;
      if (X)
        loadedValues(X, Loaded);
      for (Instruction *L : Loaded)
        if (!Pinned.count(L) && !isAnchored(L, Sums)) {
          pinInPlace(L);
          Pinned.insert(L);
        }
      I->setOperand(Op, Constant::getNullValue(T->getType()));
      if (BC && BC->use_empty())
        BC->eraseFromParent();
      Changed = true;
    }
  }
  return Changed;
}

/// Zero, undef or poison in every lane (the vectoriser starts a sum
/// as `<sum, 0>` or `<sum, poison>`).
static bool addsNothing(const Constant *C) {
  if (C->isNullValue() || isa<UndefValue>(C))
    return true;
  auto *VT = dyn_cast<FixedVectorType>(C->getType());
  if (!VT)
    return false;
  for (unsigned I = 0; I < VT->getNumElements(); ++I) {
    const Constant *E = C->getAggregateElement(I);
    if (!E || !(E->isNullValue() || isa<UndefValue>(E)))
      return false;
  }
  return true;
}

/// Replaces with zero every sum that no remaining term reaches. Needed on top
/// of instruction-wise folding for webs of phis (a sum carried through nested
/// loops, two versions of a loop and a vectorised copy), where each phi has
/// another phi of the web as an input.
static void zeroUnreachedSums(llvm::Function &F) {
  SmallPtrSet<Instruction *, 32> Sums = sumsOf(F);
  SmallPtrSet<Instruction *, 32> Reached;
  SmallVector<Instruction *, 32> Work;
  for (Instruction *I : Sums)
    for (unsigned Op : termOperands(*I)) {
      Value *V = I->getOperand(Op);
      auto *OpI = dyn_cast<Instruction>(V);
      bool Zero = isa<Constant>(V) && addsNothing(cast<Constant>(V));
      if ((OpI && !Sums.count(OpI)) || (!OpI && !Zero)) {
        if (Reached.insert(I).second)
          Work.push_back(I);
        break;
      }
    }
  while (!Work.empty())
    for (User *U : Work.pop_back_val()->users())
      if (auto *UI = dyn_cast<Instruction>(U))
        if (Sums.count(UI) && Reached.insert(UI).second)
          Work.push_back(UI);
  for (Instruction *I : Sums)
    if (!Reached.count(I))
      I->replaceAllUsesWith(Constant::getNullValue(I->getType()));
}

/// Folds sums whose terms are gone to constants, and deletes what that
/// leaves unused.
static void foldEmptySums(llvm::Function &F) {
  zeroUnreachedSums(F);
  const SimplifyQuery Q(F.getDataLayout());
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (BasicBlock &BB : F)
      for (Instruction &I : make_early_inc_range(BB))
        if (I.getType()->isIntOrIntVectorTy() && !termOperands(I).empty())
          if (Value *V = simplifyInstruction(&I, Q)) {
            I.replaceAllUsesWith(V);
            I.eraseFromParent();
            Changed = true;
          }
  }
}

PreservedAnalyses FinishLoadPinsPass::run(llvm::Function &F,
                                          FunctionAnalysisManager &) {
  bool Changed = dropTerms(F);
  if (Changed)
    foldEmptySums(F);
  for (BasicBlock &BB : F)
    for (Instruction &I : make_early_inc_range(BB))
      if (isLoadPin(I) && isa<Constant>(cast<CallInst>(I).getArgOperand(0))) {
        I.eraseFromParent();
        Changed = true;
      }
  // Backwards, so that a dead chain goes in one sweep (users come first).
  for (bool Dead = Changed; Dead;) {
    Dead = false;
    for (BasicBlock &BB : reverse(F))
      for (Instruction &I : make_early_inc_range(reverse(BB)))
        if (isInstructionTriviallyDead(&I)) {
          I.eraseFromParent();
          Dead = true;
        }
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace wasm2bin
