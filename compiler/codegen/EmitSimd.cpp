//===- EmitSimd.cpp - 128-bit SIMD ----------------------------------------===//
//
// A v128 value is kept as <2 x i64> and bitcast to the lane shape each
// instruction works on (Shape column of Opcodes.def); LLVM folds the casts.
// Instructions whose Wasm semantics differ from the plain LLVM vector op
// (saturation, rounding average, Q15 multiply, pseudo-min/max, swizzle's
// out-of-range lanes) are spelled out lane-wise; the x86 back end turns the
// common patterns into single instructions.
//
//===----------------------------------------------------------------------===//
#include "FunctionEmitter.h"

using namespace llvm;

namespace wasm2bin {

FixedVectorType *FunctionEmitter::laneType(Shape S) {
  switch (S) {
  case Shape::I8x16: return FixedVectorType::get(MC.I8, 16);
  case Shape::I16x8: return FixedVectorType::get(MC.I16, 8);
  case Shape::I32x4: return FixedVectorType::get(MC.I32, 4);
  case Shape::I64x2: return FixedVectorType::get(MC.I64, 2);
  case Shape::F32x4: return FixedVectorType::get(MC.F32, 4);
  case Shape::F64x2: return FixedVectorType::get(MC.F64, 2);
  case Shape::V128:
  case Shape::Scalar: break;
  }
  return MC.V128;
}

Value *FunctionEmitter::asLanes(Value *V, Shape S) {
  return B.CreateBitCast(V, laneType(S));
}

Value *FunctionEmitter::asV128(Value *V) { return B.CreateBitCast(V, MC.V128); }

/// Integer vector with the same lane count and `Bits`-wide lanes.
static FixedVectorType *withLaneBits(FixedVectorType *T, unsigned Bits) {
  return FixedVectorType::get(IntegerType::get(T->getContext(), Bits),
                              T->getNumElements());
}

static Shape shapeOf(const Instr &I) { return opcodeInfo(I.op).shape; }

// --- memory ---------------------------------------------------------------

void FunctionEmitter::emitSimdLoadExtend(const Instr &I, Signedness S) {
  FixedVectorType *To = laneType(shapeOf(I));
  auto *From = FixedVectorType::get(
      IntegerType::get(MC.Ctx, To->getScalarSizeInBits() / 2),
      To->getNumElements());
  Value *V = loadMemory(From, pop(), I.b);
  push(asV128(S == Signedness::Signed ? B.CreateSExt(V, To)
                                      : B.CreateZExt(V, To)));
}

void FunctionEmitter::emitSimdLoadSplat(const Instr &I, NoArg) {
  FixedVectorType *T = laneType(shapeOf(I));
  Value *X = loadMemory(T->getElementType(), pop(), I.b);
  push(asV128(B.CreateVectorSplat(T->getNumElements(), X)));
}

void FunctionEmitter::emitSimdLoadZero(const Instr &I, NoArg) {
  FixedVectorType *T = laneType(shapeOf(I));
  Value *X = loadMemory(T->getElementType(), pop(), I.b);
  push(asV128(B.CreateInsertElement(Constant::getNullValue(T), X, uint64_t(0))));
}

void FunctionEmitter::emitSimdLoadLane(const Instr &I, NoArg) {
  FixedVectorType *T = laneType(shapeOf(I));
  Value *V = asLanes(pop(), shapeOf(I));
  Value *X = loadMemory(T->getElementType(), pop(), I.b);
  push(asV128(B.CreateInsertElement(V, X, uint64_t(I.lane))));
}

void FunctionEmitter::emitSimdStoreLane(const Instr &I, NoArg) {
  Value *V = asLanes(pop(), shapeOf(I));
  Value *Addr = pop();
  storeMemory(B.CreateExtractElement(V, uint64_t(I.lane)), Addr, I.b);
}

// --- lanes ------------------------------------------------------------------

void FunctionEmitter::emitSimdShuffle(const Instr &I, NoArg) {
  Value *R = asLanes(pop(), Shape::I8x16), *L = asLanes(pop(), Shape::I8x16);
  int Mask[16];
  for (int K = 0; K < 16; ++K)
    Mask[K] = (I.bits[K / 8] >> (8 * (K % 8))) & 0xff;
  push(asV128(B.CreateShuffleVector(L, R, Mask)));
}

void FunctionEmitter::emitSimdSwizzle(const Instr &, NoArg) {
  Value *S = asLanes(pop(), Shape::I8x16), *A = asLanes(pop(), Shape::I8x16);
  // Lanes selected by an index >= 16 are zero.
  Value *R = Constant::getNullValue(A->getType());
  for (unsigned K = 0; K < 16; ++K) {
    Value *Idx = B.CreateExtractElement(S, uint64_t(K));
    Value *Elt = B.CreateExtractElement(A, B.CreateAnd(Idx, B.getInt8(15)));
    Elt = B.CreateSelect(B.CreateICmpULT(Idx, B.getInt8(16)), Elt, B.getInt8(0));
    R = B.CreateInsertElement(R, Elt, uint64_t(K));
  }
  push(asV128(R));
}

void FunctionEmitter::emitSimdSplat(const Instr &I, NoArg) {
  FixedVectorType *T = laneType(shapeOf(I));
  Value *X = pop();
  if (X->getType()->isIntegerTy() && X->getType() != T->getElementType())
    X = B.CreateTrunc(X, T->getElementType());
  push(asV128(B.CreateVectorSplat(T->getNumElements(), X)));
}

void FunctionEmitter::emitSimdExtractLane(const Instr &I, Signedness S) {
  Value *X = B.CreateExtractElement(asLanes(pop(), shapeOf(I)), uint64_t(I.lane));
  push(S == Signedness::Signed ? B.CreateSExt(X, MC.I32)
                               : B.CreateZExt(X, MC.I32));
}

void FunctionEmitter::emitSimdExtractLane(const Instr &I, NoArg) {
  push(B.CreateExtractElement(asLanes(pop(), shapeOf(I)), uint64_t(I.lane)));
}

void FunctionEmitter::emitSimdReplaceLane(const Instr &I, NoArg) {
  FixedVectorType *T = laneType(shapeOf(I));
  Value *X = pop();
  Value *V = asLanes(pop(), shapeOf(I));
  if (X->getType()->isIntegerTy() && X->getType() != T->getElementType())
    X = B.CreateTrunc(X, T->getElementType());
  push(asV128(B.CreateInsertElement(V, X, uint64_t(I.lane))));
}

// --- bitwise and tests ------------------------------------------------------

void FunctionEmitter::emitSimdCompare(const Instr &I, CmpInst::Predicate P) {
  Shape S = shapeOf(I);
  Value *R = asLanes(pop(), S), *L = asLanes(pop(), S);
  Value *C = CmpInst::isFPPredicate(P) ? B.CreateFCmp(P, L, R)
                                       : B.CreateICmp(P, L, R);
  auto *T = laneType(S);
  push(asV128(B.CreateSExt(C, withLaneBits(T, T->getScalarSizeInBits()))));
}

void FunctionEmitter::emitSimdNot(const Instr &, NoArg) {
  push(B.CreateNot(pop()));
}

void FunctionEmitter::emitSimdAndNot(const Instr &, NoArg) {
  Value *R = pop(), *L = pop();
  push(B.CreateAnd(L, B.CreateNot(R)));
}

void FunctionEmitter::emitSimdBitselect(const Instr &, NoArg) {
  Value *C = pop(), *V2 = pop(), *V1 = pop();
  Value *FromV1 = B.CreateAnd(V1, C);
  Value *FromV2 = B.CreateAnd(V2, B.CreateNot(C));
  push(B.CreateOr(FromV1, FromV2));
}

void FunctionEmitter::emitSimdAnyTrue(const Instr &, NoArg) {
  Value *Bits = B.CreateBitCast(pop(), B.getInt128Ty());
  push(bool32(B.CreateICmpNE(Bits, ConstantInt::get(B.getInt128Ty(), 0))));
}

void FunctionEmitter::emitSimdAllTrue(const Instr &I, NoArg) {
  Value *V = asLanes(pop(), shapeOf(I));
  Value *NonZero = B.CreateICmpNE(V, Constant::getNullValue(V->getType()));
  push(bool32(B.CreateAndReduce(NonZero)));
}

void FunctionEmitter::emitSimdBitmask(const Instr &I, NoArg) {
  Value *V = asLanes(pop(), shapeOf(I));
  Value *Neg = B.CreateICmpSLT(V, Constant::getNullValue(V->getType()));
  unsigned N = cast<FixedVectorType>(V->getType())->getNumElements();
  Value *Mask = B.CreateBitCast(Neg, IntegerType::get(MC.Ctx, N));
  push(B.CreateZExt(Mask, MC.I32));
}

// --- arithmetic -------------------------------------------------------------

void FunctionEmitter::emitSimdUnaryIntrinsic(const Instr &I, Intrinsic::ID ID) {
  Value *V = asLanes(pop(), shapeOf(I));
  if (ID == Intrinsic::abs) // abs(INT_MIN) is INT_MIN in Wasm: not poison
    push(asV128(B.CreateBinaryIntrinsic(ID, V, B.getFalse())));
  else
    push(asV128(B.CreateUnaryIntrinsic(ID, V)));
}

void FunctionEmitter::emitSimdIntNeg(const Instr &I, NoArg) {
  push(asV128(B.CreateNeg(asLanes(pop(), shapeOf(I)))));
}

void FunctionEmitter::emitSimdFloatNeg(const Instr &I, NoArg) {
  push(asV128(B.CreateFNeg(asLanes(pop(), shapeOf(I)))));
}

void FunctionEmitter::emitSimdBinary(const Instr &I, Instruction::BinaryOps Op) {
  Shape S = shapeOf(I);
  Value *R = asLanes(pop(), S), *L = asLanes(pop(), S);
  // NaN lanes: see hideFloatIdentity (EmitNumeric.cpp).
  push(asV128(B.CreateBinOp(Op, hideFloatIdentity(L), hideFloatIdentity(R))));
}

void FunctionEmitter::emitSimdBinaryIntrinsic(const Instr &I, Intrinsic::ID ID) {
  Shape S = shapeOf(I);
  Value *R = asLanes(pop(), S), *L = asLanes(pop(), S);
  Value *V = B.CreateBinaryIntrinsic(ID, L, R);
  if (ID == Intrinsic::minimum || ID == Intrinsic::maximum)
    V = quietNaN(V);
  push(asV128(V));
}

void FunctionEmitter::emitSimdShift(const Instr &I, Instruction::BinaryOps Op) {
  Shape S = shapeOf(I);
  Value *Count = pop();
  Value *V = asLanes(pop(), S);
  auto *T = laneType(S);
  unsigned Bits = T->getScalarSizeInBits();
  Count = B.CreateAnd(Count, B.getInt32(Bits - 1));
  Count = B.CreateZExtOrTrunc(Count, T->getElementType());
  push(asV128(B.CreateBinOp(Op, V, B.CreateVectorSplat(T->getNumElements(), Count))));
}

void FunctionEmitter::emitSimdNarrow(const Instr &I, Signedness S) {
  auto *To = laneType(shapeOf(I)); // e.g. <16 x i8> from two <8 x i16>
  unsigned Half = To->getNumElements() / 2, Bits = To->getScalarSizeInBits();
  auto *FromTy = FixedVectorType::get(IntegerType::get(MC.Ctx, Bits * 2), Half);
  Value *R = B.CreateBitCast(pop(), FromTy), *L = B.CreateBitCast(pop(), FromTy);
  SmallVector<int, 16> Concat;
  for (unsigned K = 0; K < 2 * Half; ++K)
    Concat.push_back(K);
  Value *V = B.CreateShuffleVector(L, R, Concat);
  auto *WideTy = cast<FixedVectorType>(V->getType());
  APInt Lo = S == Signedness::Signed ? APInt::getSignedMinValue(Bits).sext(Bits * 2)
                                     : APInt(Bits * 2, 0);
  APInt Hi = S == Signedness::Signed ? APInt::getSignedMaxValue(Bits).sext(Bits * 2)
                                     : APInt::getMaxValue(Bits).zext(Bits * 2);
  // Inputs are signed in both cases; clamp, then truncate.
  V = B.CreateBinaryIntrinsic(Intrinsic::smax, V, ConstantInt::get(WideTy, Lo));
  V = B.CreateBinaryIntrinsic(Intrinsic::smin, V, ConstantInt::get(WideTy, Hi));
  push(asV128(B.CreateTrunc(V, To)));
}

/// Low or high half of a vector's lanes, extended to twice the width.
static Value *extendHalf(IRBuilder<> &B, Value *V, bool High, bool Signed) {
  auto *T = cast<FixedVectorType>(V->getType());
  unsigned Half = T->getNumElements() / 2;
  SmallVector<int, 16> Mask;
  for (unsigned K = 0; K < Half; ++K)
    Mask.push_back(K + (High ? Half : 0));
  Value *H = B.CreateShuffleVector(V, Mask);
  auto *To = FixedVectorType::get(
      IntegerType::get(B.getContext(), T->getScalarSizeInBits() * 2), Half);
  return Signed ? B.CreateSExt(H, To) : B.CreateZExt(H, To);
}

static bool isHigh(HalfExt H) {
  return H == HalfExt::HighSigned || H == HalfExt::HighUnsigned;
}
static bool isSigned(HalfExt H) {
  return H == HalfExt::LowSigned || H == HalfExt::HighSigned;
}

/// The narrower-lane shape an extending op reads (i16x8 -> i8x16, ...).
static Shape narrowerShape(Shape S) {
  switch (S) {
  case Shape::I16x8: return Shape::I8x16;
  case Shape::I32x4: return Shape::I16x8;
  case Shape::I64x2: return Shape::I32x4;
  default: return Shape::V128;
  }
}

void FunctionEmitter::emitSimdExtend(const Instr &I, HalfExt H) {
  Value *V = asLanes(pop(), narrowerShape(shapeOf(I)));
  push(asV128(extendHalf(B, V, isHigh(H), isSigned(H))));
}

void FunctionEmitter::emitSimdExtMul(const Instr &I, HalfExt H) {
  Shape From = narrowerShape(shapeOf(I));
  Value *R = asLanes(pop(), From), *L = asLanes(pop(), From);
  Value *WideL = extendHalf(B, L, isHigh(H), isSigned(H));
  Value *WideR = extendHalf(B, R, isHigh(H), isSigned(H));
  push(asV128(B.CreateMul(WideL, WideR)));
}

/// Even and odd lanes of V (pairs (0,1), (2,3), ...).
static std::pair<Value *, Value *> evenOdd(IRBuilder<> &B, Value *V) {
  unsigned N = cast<FixedVectorType>(V->getType())->getNumElements();
  SmallVector<int, 16> Even, Odd;
  for (unsigned K = 0; K < N; K += 2) {
    Even.push_back(K);
    Odd.push_back(K + 1);
  }
  return {B.CreateShuffleVector(V, Even), B.CreateShuffleVector(V, Odd)};
}

void FunctionEmitter::emitSimdExtAddPairwise(const Instr &I, Signedness S) {
  auto *To = laneType(shapeOf(I));
  Value *V = asLanes(pop(), narrowerShape(shapeOf(I)));
  auto *Wide = withLaneBits(cast<FixedVectorType>(V->getType()),
                            To->getScalarSizeInBits());
  V = S == Signedness::Signed ? B.CreateSExt(V, Wide) : B.CreateZExt(V, Wide);
  auto [Even, Odd] = evenOdd(B, V);
  push(asV128(B.CreateAdd(Even, Odd)));
}

void FunctionEmitter::emitSimdAvgr(const Instr &I, NoArg) {
  Shape S = shapeOf(I);
  auto *T = laneType(S);
  auto *Wide = withLaneBits(T, T->getScalarSizeInBits() * 2);
  Value *R = B.CreateZExt(asLanes(pop(), S), Wide);
  Value *L = B.CreateZExt(asLanes(pop(), S), Wide);
  Value *Sum = B.CreateAdd(B.CreateAdd(L, R), ConstantInt::get(Wide, 1));
  push(asV128(B.CreateTrunc(B.CreateLShr(Sum, ConstantInt::get(Wide, 1)), T)));
}

void FunctionEmitter::emitSimdQ15MulrSat(const Instr &I, NoArg) {
  auto *T = laneType(Shape::I16x8);
  auto *Wide = withLaneBits(T, 32);
  Value *R = B.CreateSExt(asLanes(pop(), Shape::I16x8), Wide);
  Value *L = B.CreateSExt(asLanes(pop(), Shape::I16x8), Wide);
  Value *P = B.CreateAdd(B.CreateMul(L, R), ConstantInt::get(Wide, 0x4000));
  P = B.CreateAShr(P, ConstantInt::get(Wide, 15));
  P = B.CreateBinaryIntrinsic(Intrinsic::smin, P, ConstantInt::get(Wide, 0x7fff));
  P = B.CreateBinaryIntrinsic(Intrinsic::smax, P,
                              ConstantInt::getSigned(Wide, -0x8000));
  push(asV128(B.CreateTrunc(P, T)));
}

void FunctionEmitter::emitSimdDot(const Instr &, NoArg) {
  auto *Wide = withLaneBits(laneType(Shape::I16x8), 32);
  Value *R = B.CreateSExt(asLanes(pop(), Shape::I16x8), Wide);
  Value *L = B.CreateSExt(asLanes(pop(), Shape::I16x8), Wide);
  auto [Even, Odd] = evenOdd(B, B.CreateMul(L, R));
  push(asV128(B.CreateAdd(Even, Odd)));
}

void FunctionEmitter::emitSimdPseudoMinMax(const Instr &I, MinMax MM) {
  Shape S = shapeOf(I);
  Value *R = asLanes(pop(), S), *L = asLanes(pop(), S);
  // pmin(a, b) = b < a ? b : a;  pmax(a, b) = a < b ? b : a.
  Value *C = MM == MinMax::Min ? B.CreateFCmpOLT(R, L) : B.CreateFCmpOLT(L, R);
  push(asV128(B.CreateSelect(C, R, L)));
}

// --- conversions -------------------------------------------------------------

void FunctionEmitter::emitSimdTruncSat(const Instr &I, Intrinsic::ID ID) {
  Value *V = asLanes(pop(), Shape::F32x4);
  auto *To = laneType(shapeOf(I));
  push(asV128(B.CreateIntrinsic(ID, {To, V->getType()}, {V})));
}

void FunctionEmitter::emitSimdTruncSatZero(const Instr &, Intrinsic::ID ID) {
  Value *V = asLanes(pop(), Shape::F64x2);
  auto *Half = FixedVectorType::get(MC.I32, 2);
  Value *T = B.CreateIntrinsic(ID, {Half, V->getType()}, {V});
  push(asV128(B.CreateShuffleVector(T, Constant::getNullValue(Half),
                                    ArrayRef<int>{0, 1, 2, 3})));
}

void FunctionEmitter::emitSimdConvert(const Instr &I, Instruction::CastOps Op) {
  Value *V = asLanes(pop(), Shape::I32x4);
  push(asV128(B.CreateCast(Op, V, laneType(shapeOf(I)))));
}

void FunctionEmitter::emitSimdConvertLow(const Instr &, Instruction::CastOps Op) {
  Value *V = asLanes(pop(), Shape::I32x4);
  Value *Low = B.CreateShuffleVector(V, ArrayRef<int>{0, 1});
  push(asV128(B.CreateCast(Op, Low, laneType(Shape::F64x2))));
}

void FunctionEmitter::emitSimdDemoteZero(const Instr &, NoArg) {
  Value *V = asLanes(pop(), Shape::F64x2);
  auto *Half = FixedVectorType::get(MC.F32, 2);
  // Fenced like scalar demote (emitCast): keeps a signalling NaN quieted.
  V = B.CreateUnaryIntrinsic(Intrinsic::arithmetic_fence, V);
  Value *T = B.CreateFPTrunc(V, Half);
  push(asV128(B.CreateShuffleVector(T, Constant::getNullValue(Half),
                                    ArrayRef<int>{0, 1, 2, 3})));
}

void FunctionEmitter::emitSimdPromoteLow(const Instr &, NoArg) {
  Value *V = asLanes(pop(), Shape::F32x4);
  Value *Low = B.CreateShuffleVector(V, ArrayRef<int>{0, 1});
  push(asV128(B.CreateFPExt(Low, laneType(Shape::F64x2))));
}

} // namespace wasm2bin
