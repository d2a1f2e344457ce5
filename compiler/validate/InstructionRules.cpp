//===- InstructionRules.cpp - Typing of context-typed instructions --------===//
//
// The families whose operand types depend on immediates or on the enclosing
// blocks (their four type columns in Opcodes.def are ___): control, calls,
// parametric, variable, table and reference instructions. Immediates have
// already been range-checked by checkImmediates().
//
//===----------------------------------------------------------------------===//

#include "FunctionValidator.h"

namespace wasm2bin {

namespace {

constexpr ValType Unknown = ValType::None;

/// A one-element list for a block's single result type. Static storage, so
/// frames can point at it.
const ValType *singleton(ValType T) {
  static constexpr ValType Types[] = {
      ValType::I32,  ValType::I64,     ValType::F32,      ValType::F64,
      ValType::V128, ValType::FuncRef, ValType::ExternRef};
  for (const ValType &Candidate : Types)
    if (Candidate == T)
      return &Candidate;
  return nullptr;
}

bool isNumOrUnknown(ValType T) { return T == Unknown || isNumType(T); }
bool isVecOrUnknown(ValType T) { return T == Unknown || T == ValType::V128; }

} // namespace

bool FunctionValidator::stepContextTyped(const Instr &I,
                                         const OpcodeInfo &Info) {
  switch (Info.family) {
  case OpFamily::Unreachable:
    markUnreachable();
    return true;
  case OpFamily::Nop:
  case OpFamily::DataDrop: // only immediates to check
  case OpFamily::ElemDrop:
    return true;
  case OpFamily::Block:
  case OpFamily::Loop:
  case OpFamily::If:
    return stepBlock(I);
  case OpFamily::Else:
    return stepElse();
  case OpFamily::End:
    return stepEnd();
  case OpFamily::Br:
    return stepBr(I);
  case OpFamily::BrIf:
    return stepBrIf(I);
  case OpFamily::BrTable:
    return stepBrTable();
  case OpFamily::Return:
    if (!popTypes({Fn->results.data(), uint32_t(Fn->results.size())}))
      return false;
    markUnreachable();
    return true;
  case OpFamily::Call:
    return stepCall(C.funcType(I.a));
  case OpFamily::CallIndirect:
    return popExpect(ValType::I32) && stepCall(C.M.types[I.a]);
  case OpFamily::Drop: {
    ValType Ignored = Unknown;
    return pop(Ignored);
  }
  case OpFamily::Select:
    return stepSelect(I);
  case OpFamily::LocalGet:
    push(localType(I.a));
    return true;
  case OpFamily::LocalSet:
    return popExpect(localType(I.a));
  case OpFamily::LocalTee:
    if (!popExpect(localType(I.a)))
      return false;
    push(localType(I.a));
    return true;
  case OpFamily::GlobalGet:
    push(C.globals[I.a].type);
    return true;
  case OpFamily::GlobalSet:
    if (!C.globals[I.a].isMutable)
      return fail("global is immutable: global.set of global " +
                  std::to_string(I.a));
    return popExpect(C.globals[I.a].type);
  case OpFamily::TableGet:
  case OpFamily::TableSet:
  case OpFamily::TableGrow:
  case OpFamily::TableFill:
    return stepTable(I, Info.family);
  case OpFamily::RefNull:
  case OpFamily::RefIsNull:
  case OpFamily::RefFunc:
    return stepRef(I, Info.family);
  default:
    return fail(std::string("internal error: no typing rule for ") + Info.text);
  }
}

//===-- Control -----------------------------------------------------------===//

bool FunctionValidator::blockTypes(const BlockType &BT, TypeList &In,
                                   TypeList &Out) {
  In = Out = TypeList{};
  switch (BT.kind) {
  case BlockType::Empty:
    return true;
  case BlockType::Value:
    Out = {singleton(BT.value), 1};
    return true;
  case BlockType::TypeIndex: {
    const FuncType &T = C.M.types[BT.typeIndex];
    In = {T.params.data(), uint32_t(T.params.size())};
    Out = {T.results.data(), uint32_t(T.results.size())};
    return true;
  }
  }
  return fail("malformed block type");
}

bool FunctionValidator::stepBlock(const Instr &I) {
  TypeList In, Out;
  if (!blockTypes(I.blockType, In, Out))
    return false;
  if (I.op == Opcode::If && !popExpect(ValType::I32))
    return false;
  return popTypes(In) && pushCtrl(I.op, In, Out);
}

bool FunctionValidator::stepElse() {
  if (Ctrls.back().Op != Opcode::If)
    return fail("else without a matching if");
  Frame F{};
  return popCtrl(F) && pushCtrl(Opcode::Else, F.Start, F.End);
}

bool FunctionValidator::stepEnd() {
  Frame F{};
  if (!popCtrl(F))
    return false;
  // An if without else has an implicit empty else branch, which must turn
  // the start types into the end types.
  if (F.Op == Opcode::If && !(F.Start == F.End))
    return fail("type mismatch in if: without an else branch the block's "
                "parameters must equal its results");
  if (!Ctrls.empty())
    pushTypes(F.End);
  return true;
}

bool FunctionValidator::stepBr(const Instr &I) {
  if (!popTypes(labelTypes(frameAt(I.a))))
    return false;
  markUnreachable();
  return true;
}

bool FunctionValidator::stepBrIf(const Instr &I) {
  if (!popExpect(ValType::I32))
    return false;
  TypeList Label = labelTypes(frameAt(I.a));
  if (!popTypes(Label))
    return false;
  pushTypes(Label);
  return true;
}

bool FunctionValidator::stepBrTable() {
  const std::vector<uint32_t> &Targets = Code->targets();
  if (!popExpect(ValType::I32))
    return false;
  for (uint32_t Depth : Targets)
    if (!requireLabel(Depth))
      return false;
  TypeList Default = labelTypes(frameAt(Targets.back()));
  for (size_t K = 0; K + 1 < Targets.size(); ++K) {
    TypeList Label = labelTypes(frameAt(Targets[K]));
    if (Label.Size != Default.Size)
      return fail("type mismatch in br_table: label " +
                  std::to_string(Targets[K]) + " expects " +
                  std::to_string(Label.Size) + " value(s) but the default " +
                  "label expects " + std::to_string(Default.Size));
    // Each label checks the same operands: pop them, then put back the
    // types actually found (which may be Unknown in unreachable code).
    Scratch.clear();
    for (uint32_t V = Label.Size; V-- > 0;) {
      ValType Got = Unknown;
      if (!popExpect(Label[V], &Got))
        return false;
      Scratch.push_back(Got);
    }
    for (size_t V = Scratch.size(); V-- > 0;)
      push(Scratch[V]);
  }
  if (!popTypes(Default))
    return false;
  markUnreachable();
  return true;
}

bool FunctionValidator::stepCall(const FuncType &T) {
  if (!popTypes({T.params.data(), uint32_t(T.params.size())}))
    return false;
  pushTypes({T.results.data(), uint32_t(T.results.size())});
  return true;
}

//===-- Parametric --------------------------------------------------------===//

bool FunctionValidator::stepSelect(const Instr &I) {
  if (!popExpect(ValType::I32))
    return false;
  if (I.op == Opcode::SelectT) {
    if (!popExpect(I.selectType) || !popExpect(I.selectType))
      return false;
    push(I.selectType);
    return true;
  }
  // Untyped select only chooses between two numbers or two vectors of the
  // same type (Unknown matches either).
  ValType T1 = Unknown, T2 = Unknown;
  if (!pop(T1) || !pop(T2))
    return false;
  if (isRefType(T1) || isRefType(T2))
    return fail("type mismatch in select: reference operands need a typed "
                "select");
  bool BothNum = isNumOrUnknown(T1) && isNumOrUnknown(T2);
  bool BothVec = isVecOrUnknown(T1) && isVecOrUnknown(T2);
  if ((!BothNum && !BothVec) || (T1 != T2 && T1 != Unknown && T2 != Unknown))
    return fail(std::string("type mismatch in select: operands of types ") +
                (T2 == Unknown ? "unknown" : valTypeName(T2)) + " and " +
                (T1 == Unknown ? "unknown" : valTypeName(T1)));
  push(T1 == Unknown ? T2 : T1);
  return true;
}

//===-- Tables and references ---------------------------------------------===//

bool FunctionValidator::stepTable(const Instr &I, OpFamily Family) {
  ValType Elem = C.tables[I.a].elem;
  switch (Family) {
  case OpFamily::TableGet: // [i32] -> [t]
    if (!popExpect(ValType::I32))
      return false;
    push(Elem);
    return true;
  case OpFamily::TableSet: // [i32 t] -> []
    return popExpect(Elem) && popExpect(ValType::I32);
  case OpFamily::TableGrow: // [t i32] -> [i32]
    if (!popExpect(ValType::I32) || !popExpect(Elem))
      return false;
    push(ValType::I32);
    return true;
  case OpFamily::TableFill: // [i32 t i32] -> []
    return popExpect(ValType::I32) && popExpect(Elem) &&
           popExpect(ValType::I32);
  default:
    return fail("internal error: not a table instruction");
  }
}

bool FunctionValidator::stepRef(const Instr &I, OpFamily Family) {
  switch (Family) {
  case OpFamily::RefNull:
    push(I.refType);
    return true;
  case OpFamily::RefIsNull: {
    ValType T = Unknown;
    if (!pop(T))
      return false;
    if (T != Unknown && !isRefType(T))
      return fail(std::string("type mismatch in ref.is_null: expected a "
                              "reference but got ") +
                  valTypeName(T));
    push(ValType::I32);
    return true;
  }
  case OpFamily::RefFunc:
    if (!C.declaredRefs[I.a])
      return fail("undeclared function reference: function " +
                  std::to_string(I.a) +
                  " is not named by an element segment, export or global");
    push(ValType::FuncRef);
    return true;
  default:
    return fail("internal error: not a reference instruction");
  }
}

} // namespace wasm2bin
