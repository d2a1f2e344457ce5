//===- EmitConvert.cpp - Conversions between numeric types ----------------===//
#include "FunctionEmitter.h"

#include "abi.h"

#include "llvm/ADT/APFloat.h"

#include <cmath>

using namespace llvm;

namespace wasm2bin {

void FunctionEmitter::emitCast(const Instr &I, Instruction::CastOps Op) {
  llvm::Type *To = MC.valType(opcodeInfo(I.op).result);
  Value *V = pop();
  // demote(promote x) must quiet a signalling NaN; LLVM folds it to x
  // unless the operand is fenced (see EmitNumeric.cpp). The fence emits
  // no instruction.
  if (Op == Instruction::FPTrunc)
    V = B.CreateUnaryIntrinsic(Intrinsic::arithmetic_fence, V);
  push(B.CreateCast(Op, V, To));
}

/// trunc_f*_s/u: NaN is "invalid conversion to integer"; a value whose
/// truncation does not fit is "integer overflow". The bounds are exact in the
/// source type: for signed N bits the valid range is (-2^(N-1) - 1, 2^(N-1)),
/// which becomes [-2^(N-1), 2^(N-1)) when -2^(N-1) - 1 is not representable;
/// for unsigned it is (-1, 2^N).
void FunctionEmitter::emitTruncTrap(const Instr &I, Signedness S) {
  Value *V = pop();
  llvm::Type *To = MC.valType(opcodeInfo(I.op).result);
  unsigned N = To->getIntegerBitWidth();
  const fltSemantics &Sem = V->getType()->getFltSemantics();
  trapIf(B.CreateFCmpUNO(V, V), W2B_TRAP_INVALID_CONVERSION);

  auto Const = [&](double D) { return ConstantFP::get(V->getType(), D); };
  double Upper = S == Signedness::Signed ? std::ldexp(1.0, N - 1)
                                         : std::ldexp(1.0, N);
  Value *InRange;
  if (S == Signedness::Signed) {
    APInt LowerMinus1 = APInt::getSignedMinValue(N).sext(N + 1) - 1;
    APFloat F(Sem);
    bool Exact = F.convertFromAPInt(LowerMinus1, /*IsSigned=*/true,
                                    APFloat::rmTowardZero) == APFloat::opOK;
    Value *AboveLower = Exact ? B.CreateFCmpOGT(V, ConstantFP::get(MC.Ctx, F))
                              : B.CreateFCmpOGE(V, Const(-std::ldexp(1.0, N - 1)));
    Value *BelowUpper = B.CreateFCmpOLT(V, Const(Upper));
    InRange = B.CreateAnd(AboveLower, BelowUpper);
  } else {
    Value *AboveLower = B.CreateFCmpOGT(V, Const(-1.0));
    Value *BelowUpper = B.CreateFCmpOLT(V, Const(Upper));
    InRange = B.CreateAnd(AboveLower, BelowUpper);
  }
  trapIf(B.CreateNot(InRange), W2B_TRAP_INT_OVERFLOW);
  push(S == Signedness::Signed ? B.CreateFPToSI(V, To) : B.CreateFPToUI(V, To));
}

void FunctionEmitter::emitTruncSat(const Instr &I, Intrinsic::ID ID) {
  Value *V = pop();
  llvm::Type *To = MC.valType(opcodeInfo(I.op).result);
  push(B.CreateIntrinsic(ID, {To, V->getType()}, {V}));
}

void FunctionEmitter::emitSignExtend(const Instr &, Width W) {
  Value *V = pop();
  llvm::Type *Narrow = IntegerType::get(MC.Ctx, static_cast<unsigned>(W));
  push(B.CreateSExt(B.CreateTrunc(V, Narrow), V->getType()));
}

} // namespace wasm2bin
