//===- EmitNumeric.cpp - Constants, comparisons and arithmetic ------------===//
//
// Wasm arithmetic maps onto LLVM with a few exact-semantics fixes: shift
// counts are taken modulo the width, division traps on zero and on signed
// overflow, rem_s of INT_MIN by -1 is 0, and min/max use llvm.minimum/maximum
// (NaN-propagating, -0 < +0) as Wasm requires.
//
// NaNs: Wasm lets an arithmetic NaN result have any payload but requires it
// to be quiet (an arithmetic NaN) when an input is a signalling NaN. x86
// arithmetic always quiets; LLVM, however, treats signalling-ness as
// unobservable and folds x - 0, x * 1, x / 1 (and x * -1, -0 - x, x / -1 to
// fneg x), and fptrunc(fpext x), returning a signalling NaN unchanged; and
// its x86 lowering of llvm.minimum/maximum returns a NaN operand as it is.
// hideFloatIdentity and quietNaN close exactly these gaps, at no cost to
// ordinary arithmetic (an identity constant written in the module is rare,
// and a fence emits no instruction).
//
//===----------------------------------------------------------------------===//
#include "FunctionEmitter.h"

#include "abi.h"

using namespace llvm;

namespace wasm2bin {

void FunctionEmitter::emitConst(const Instr &I, NoArg) {
  const OpcodeInfo &Info = opcodeInfo(I.op);
  switch (Info.result) {
  case ValType::I32:
    push(ConstantInt::get(MC.I32, static_cast<uint32_t>(I.bits[0])));
    break;
  case ValType::I64:
    push(ConstantInt::get(MC.I64, I.bits[0]));
    break;
  // Floats are built from their bits so NaN payloads survive.
  case ValType::F32:
    push(ConstantFP::get(
        MC.Ctx, APFloat(APFloat::IEEEsingle(),
                        APInt(32, static_cast<uint32_t>(I.bits[0])))));
    break;
  case ValType::F64:
    push(ConstantFP::get(MC.Ctx,
                         APFloat(APFloat::IEEEdouble(), APInt(64, I.bits[0]))));
    break;
  case ValType::V128:
    push(ConstantVector::get({ConstantInt::get(MC.I64, I.bits[0]),
                              ConstantInt::get(MC.I64, I.bits[1])}));
    break;
  default:
    llvm_unreachable("const of non-numeric type");
  }
}

void FunctionEmitter::emitEqz(const Instr &, NoArg) {
  Value *V = pop();
  push(bool32(B.CreateICmpEQ(V, Constant::getNullValue(V->getType()))));
}

void FunctionEmitter::emitCompare(const Instr &, CmpInst::Predicate P) {
  Value *R = pop(), *L = pop();
  push(bool32(CmpInst::isFPPredicate(P) ? B.CreateFCmp(P, L, R)
                                        : B.CreateICmp(P, L, R)));
}

void FunctionEmitter::emitUnaryIntrinsic(const Instr &, Intrinsic::ID ID) {
  Value *V = pop();
  if (ID == Intrinsic::ctlz || ID == Intrinsic::cttz) {
    // Wasm defines clz/ctz of 0 as the bit width.
    push(B.CreateBinaryIntrinsic(ID, V, B.getFalse()));
    return;
  }
  push(B.CreateUnaryIntrinsic(ID, V));
}

void FunctionEmitter::emitFloatNeg(const Instr &, NoArg) {
  push(B.CreateFNeg(pop()));
}

/// Whether a constant used as an fadd/fsub/fmul/fdiv operand may let LLVM
/// fold the operation into (the negation of) the other operand: ±0 or ±1 in
/// some lane. Constants it cannot see into count as such.
static bool mayBeFloatIdentity(const Constant *C) {
  if (const auto *FP = dyn_cast<ConstantFP>(C))
    return FP->isZero() || FP->isExactlyValue(1.0) || FP->isExactlyValue(-1.0);
  const auto *VT = dyn_cast<FixedVectorType>(C->getType());
  if (!VT)
    return true;
  for (unsigned I = 0; I < VT->getNumElements(); ++I) {
    const Constant *E = C->getAggregateElement(I);
    if (!E || mayBeFloatIdentity(E))
      return true;
  }
  return false;
}

Value *FunctionEmitter::hideFloatIdentity(Value *Operand) {
  auto *C = dyn_cast<Constant>(Operand);
  if (!C || !Operand->getType()->isFPOrFPVectorTy() || !mayBeFloatIdentity(C))
    return Operand;
  return B.CreateUnaryIntrinsic(Intrinsic::arithmetic_fence, Operand);
}

Value *FunctionEmitter::quietNaN(Value *V) {
  // Sequenced, so that the IR is the same whichever compiler built wasm2bin.
  Value *IsNaN = B.CreateFCmpUNO(V, V);
  Value *Quiet = B.CreateFAdd(V, V);
  return B.CreateSelect(IsNaN, Quiet, V);
}

void FunctionEmitter::emitBinary(const Instr &, Instruction::BinaryOps Op) {
  Value *R = pop(), *L = pop();
  if (L->getType()->isFPOrFPVectorTy()) {
    L = hideFloatIdentity(L);
    R = hideFloatIdentity(R);
  }
  push(B.CreateBinOp(Op, L, R));
}

void FunctionEmitter::emitBinaryIntrinsic(const Instr &, Intrinsic::ID ID) {
  Value *R = pop(), *L = pop();
  Value *V = B.CreateBinaryIntrinsic(ID, L, R);
  if (ID == Intrinsic::minimum || ID == Intrinsic::maximum)
    V = quietNaN(V);
  push(V);
}

void FunctionEmitter::emitIntDiv(const Instr &, Instruction::BinaryOps Op) {
  Value *R = pop(), *L = pop();
  auto *Ty = cast<IntegerType>(L->getType());
  Constant *Zero = ConstantInt::get(Ty, 0);
  Constant *MinusOne = ConstantInt::getSigned(Ty, -1);
  trapIf(B.CreateICmpEQ(R, Zero), W2B_TRAP_INT_DIV_BY_ZERO);
  if (Op == Instruction::SDiv) {
    Constant *Min = ConstantInt::get(Ty, APInt::getSignedMinValue(Ty->getBitWidth()));
    Value *IsMin = B.CreateICmpEQ(L, Min);
    Value *IsMinusOne = B.CreateICmpEQ(R, MinusOne);
    trapIf(B.CreateAnd(IsMin, IsMinusOne), W2B_TRAP_INT_OVERFLOW);
  }
  if (Op == Instruction::SRem) {
    // INT_MIN % -1 overflows in LLVM (and x86) but is 0 in Wasm; x % -1 is 0
    // for every x, so divide by 1 instead.
    R = B.CreateSelect(B.CreateICmpEQ(R, MinusOne), ConstantInt::get(Ty, 1), R);
  }
  push(B.CreateBinOp(Op, L, R));
}

void FunctionEmitter::emitShift(const Instr &, Instruction::BinaryOps Op) {
  Value *R = pop(), *L = pop();
  unsigned Bits = L->getType()->getIntegerBitWidth();
  R = B.CreateAnd(R, ConstantInt::get(R->getType(), Bits - 1));
  push(B.CreateBinOp(Op, L, R));
}

void FunctionEmitter::emitRotate(const Instr &, Intrinsic::ID ID) {
  Value *R = pop(), *L = pop();
  // fshl(x, x, n) is a rotate; the intrinsic takes n modulo the width.
  push(B.CreateIntrinsic(ID, {L->getType()}, {L, L, R}));
}

} // namespace wasm2bin
