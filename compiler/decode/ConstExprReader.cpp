//===- ConstExprReader.cpp - Constant expressions -------------------------===//
//
// Wasm 2.0 constant expressions are a single constant instruction followed by
// `end`. They are decoded with CodeReader like any other code, so malformed
// instructions get the same diagnostics as in function bodies. Anything that
// is well-formed but not one constant instruction is reported here, because
// Module keeps only the single instruction; whether its type and indices fit
// the context is left to the validator.
//
//===----------------------------------------------------------------------===//

#include "ModuleDecoder.h"

#include "wasm2bin/CodeReader.h"

namespace wasm2bin {

namespace {

/// Fills E from I if I is an instruction allowed in a Wasm 2.0 constant
/// expression.
bool toConstExpr(const Instr &I, ConstExpr &E) {
  switch (I.op) {
  case Opcode::I32Const:
    E.kind = ConstExpr::I32;
    break;
  case Opcode::I64Const:
    E.kind = ConstExpr::I64;
    break;
  case Opcode::F32Const:
    E.kind = ConstExpr::F32;
    break;
  case Opcode::F64Const:
    E.kind = ConstExpr::F64;
    break;
  case Opcode::V128Const:
    E.kind = ConstExpr::V128;
    break;
  case Opcode::RefNull:
    E.kind = ConstExpr::RefNull;
    E.refType = I.refType;
    break;
  case Opcode::RefFunc:
    E.kind = ConstExpr::RefFunc;
    E.index = I.a;
    break;
  case Opcode::GlobalGet:
    E.kind = ConstExpr::GlobalGet;
    E.index = I.a;
    break;
  default:
    return false;
  }
  E.bits[0] = I.bits[0];
  E.bits[1] = I.bits[1];
  // ConstExpr holds raw bits: an i32 is 32 of them (Instr sign-extends).
  if (E.kind == ConstExpr::I32)
    E.bits[0] = uint32_t(E.bits[0]);
  E.offset = I.offset;
  return true;
}

/// The arithmetic that the extended-const proposal (Wasm 3.0) adds.
bool isExtendedConstOp(Opcode Op) {
  switch (Op) {
  case Opcode::I32Add:
  case Opcode::I32Sub:
  case Opcode::I32Mul:
  case Opcode::I64Add:
  case Opcode::I64Sub:
  case Opcode::I64Mul:
    return true;
  default:
    return false;
  }
}

std::string notConstantMessage(const Instr &I) {
  std::string Message = "constant expression required";
  if (isExtendedConstOp(I.op))
    Message += " (extended constant expressions are not supported)";
  return Message;
}

} // namespace

bool ModuleDecoder::readConstExpr(ConstExpr &E) {
  CodeReader Code(M.bytes, R.pos(), R.end());
  auto Fail = [&](size_t Offset, std::string Message) {
    R.seek(Code.offset());
    return R.fail(Offset, std::move(Message));
  };
  auto Next = [&](Instr &I) {
    if (Code.next(I))
      return true;
    R.seek(Code.offset());
    return R.fail(Code.error().offset, Code.error().message);
  };

  Instr I;
  if (!Next(I))
    return false;
  if (I.op == Opcode::End)
    return Fail(I.offset, "type mismatch: constant expression is empty");
  if (!toConstExpr(I, E))
    return Fail(I.offset, notConstantMessage(I));

  // Exactly one instruction. Past it, report a non-constant instruction if
  // there is one, else the extra values.
  size_t ExtraAt = 0;
  for (;;) {
    if (!Next(I))
      return false;
    if (I.op == Opcode::End)
      break;
    ConstExpr Ignored;
    if (!toConstExpr(I, Ignored))
      return Fail(I.offset, notConstantMessage(I));
    if (!ExtraAt)
      ExtraAt = I.offset;
  }
  if (ExtraAt)
    return Fail(ExtraAt, "type mismatch: constant expression must produce "
                         "exactly one value");
  R.seek(Code.offset());
  return true;
}

} // namespace wasm2bin
