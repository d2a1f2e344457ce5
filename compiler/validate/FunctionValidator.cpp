//===- FunctionValidator.cpp - Driver, stacks and immediates --------------===//
//
// Every instruction goes through step(): first the checks its immediates
// need (indices in range, alignment, lanes; chosen by ImmKind), then either
// the fixed signature from Opcodes.def or, for the context-typed families,
// the rules in InstructionRules.cpp.
//
//===----------------------------------------------------------------------===//

#include "FunctionValidator.h"

namespace wasm2bin {

namespace {

/// The bottom type of the validation algorithm: an operand popped from an
/// empty stack in unreachable code. It matches every type.
constexpr ValType Unknown = ValType::None;

const char *typeName(ValType T) {
  return T == Unknown ? "unknown" : valTypeName(T);
}

unsigned log2Bytes(unsigned Bytes) {
  unsigned Log = 0;
  while ((1u << Log) < Bytes)
    ++Log;
  return Log;
}

} // namespace

bool FunctionValidator::TypeList::operator==(const TypeList &O) const {
  if (Size != O.Size)
    return false;
  for (uint32_t I = 0; I < Size; ++I)
    if (Data[I] != O.Data[I])
      return false;
  return true;
}

//===-- Driver ------------------------------------------------------------===//

bool FunctionValidator::validate(uint32_t DefinedIndex) {
  const Module &M = C.M;
  Body = &M.functions[DefinedIndex];
  Fn = &M.types[Body->typeIndex];
  Vals.clear();
  Ctrls.clear();

  CodeReader Reader(M.bytes, Body->bodyStart, Body->bodyEnd);
  Code = &Reader;
  Instr I;
  Cur = &I;
  I.offset = Body->bodyStart;
  // The function body is a block whose label is the function's results.
  TypeList Results{Fn->results.data(), uint32_t(Fn->results.size())};
  if (!pushCtrl(Opcode::Block, TypeList{}, Results))
    return false;
  while (!Ctrls.empty()) {
    if (Reader.atEnd())
      return failAt(Reader.offset(), "END opcode expected");
    if (!Reader.next(I))
      return failAt(Reader.error().offset, Reader.error().message);
    if (!step(I))
      return false;
  }
  if (!Reader.atEnd())
    return failAt(Reader.offset(),
                  "section size mismatch (operators after the function's "
                  "final end)");
  return true;
}

bool FunctionValidator::step(const Instr &I) {
  Cur = &I;
  const OpcodeInfo &Info = opcodeInfo(I.op);
  if (Info.prefix == 0xfd && !Opts.allowSimd)
    return fail(std::string(Info.text) + ": SIMD is not supported yet");
  if (!checkImmediates(I, Info))
    return false;
  bool FixedSignature =
      Info.result != ValType::None || Info.params[0] != ValType::None ||
      Info.params[1] != ValType::None || Info.params[2] != ValType::None;
  if (FixedSignature)
    return applySignature(Info);
  return stepContextTyped(I, Info);
}

bool FunctionValidator::applySignature(const OpcodeInfo &Info) {
  // P1 is the deepest operand, so pop from the last present one.
  for (int K = 2; K >= 0; --K)
    if (Info.params[K] != ValType::None && !popExpect(Info.params[K]))
      return false;
  if (Info.result != ValType::None)
    push(Info.result);
  return true;
}

//===-- Immediates --------------------------------------------------------===//

bool FunctionValidator::checkImmediates(const Instr &I,
                                        const OpcodeInfo &Info) {
  const Module &M = C.M;
  switch (Info.imm) {
  case ImmKind::None:
  case ImmKind::I32:
  case ImmKind::I64:
  case ImmKind::F32:
  case ImmKind::F64:
  case ImmKind::V128:
  case ImmKind::RefType:
  case ImmKind::BrTable: // checked with its typing
    return true;
  case ImmKind::BlockType:
    if (I.blockType.kind == BlockType::TypeIndex &&
        I.blockType.typeIndex >= M.types.size())
      return fail("unknown type " + std::to_string(I.blockType.typeIndex));
    return true;
  case ImmKind::Label:
    return requireLabel(I.a);
  case ImmKind::Func:
    if (I.a >= C.numFuncs())
      return fail("unknown function " + std::to_string(I.a));
    return true;
  case ImmKind::CallIndirect:
    if (!requireTable(I.b))
      return false;
    if (C.tables[I.b].elem != ValType::FuncRef)
      return fail("type mismatch in call_indirect: table " +
                  std::to_string(I.b) + " has element type " +
                  valTypeName(C.tables[I.b].elem) + ", expected funcref");
    if (I.a >= M.types.size())
      return fail("unknown type " + std::to_string(I.a));
    return true;
  case ImmKind::Local:
    if (I.a >= Fn->params.size() + Body->locals.size())
      return fail("unknown local " + std::to_string(I.a));
    return true;
  case ImmKind::Global:
    if (I.a >= C.globals.size())
      return fail("unknown global " + std::to_string(I.a));
    return true;
  case ImmKind::Table:
    return requireTable(I.a);
  case ImmKind::Memory:
  case ImmKind::MemoryCopy:
    return requireMemory();
  case ImmKind::MemArg:
  case ImmKind::MemArgLane:
    return checkMemArg(I, Info);
  case ImmKind::MemoryInit:
    return requireMemory() && requireDataSegment(I.a);
  case ImmKind::Data:
    return requireDataSegment(I.a);
  case ImmKind::Elem:
    return requireElemSegment(I.a);
  case ImmKind::TableInit: {
    if (!requireTable(I.b) || !requireElemSegment(I.a))
      return false;
    ValType Seg = M.elems[I.a].type, Table = C.tables[I.b].elem;
    if (Seg != Table)
      return fail(std::string("type mismatch in table.init: element segment "
                              "of type ") +
                  valTypeName(Seg) + " for a table of " + valTypeName(Table));
    return true;
  }
  case ImmKind::TableCopy: {
    if (!requireTable(I.a) || !requireTable(I.b))
      return false;
    ValType Dst = C.tables[I.a].elem, Src = C.tables[I.b].elem;
    if (Dst != Src)
      return fail(std::string("type mismatch in table.copy: copying ") +
                  valTypeName(Src) + " into a table of " + valTypeName(Dst));
    return true;
  }
  case ImmKind::SelectT:
    if (I.a != 1)
      return fail("invalid result arity: select takes exactly one type, got " +
                  std::to_string(I.a));
    return true;
  case ImmKind::Lane:
    if (I.lane >= laneCount(Info.shape))
      return fail("invalid lane index " + std::to_string(I.lane));
    return true;
  case ImmKind::Shuffle:
    for (int K = 0; K < 16; ++K) {
      unsigned Lane = (I.bits[K / 8] >> (8 * (K % 8))) & 0xff;
      if (Lane >= 32)
        return fail("invalid lane index " + std::to_string(Lane));
    }
    return true;
  }
  return fail("unsupported immediate kind");
}

bool FunctionValidator::checkMemArg(const Instr &I, const OpcodeInfo &Info) {
  if (!requireMemory())
    return false;
  if (I.a > log2Bytes(Info.bytes))
    return fail("alignment must not be larger than natural (" +
                std::string(Info.text) + " has natural alignment " +
                std::to_string(Info.bytes) + ")");
  if (Info.imm == ImmKind::MemArgLane && I.lane >= laneCount(Info.shape))
    return fail("invalid lane index " + std::to_string(I.lane));
  return true;
}

bool FunctionValidator::requireMemory() {
  if (C.numMemories == 0)
    return fail("unknown memory 0");
  return true;
}

bool FunctionValidator::requireDataSegment(uint32_t Index) {
  // Function bodies precede the data section, so single-pass decoders need
  // the data count section to know the segments exist.
  if (!C.M.dataCount)
    return fail("data count section required");
  if (Index >= *C.M.dataCount)
    return fail("unknown data segment " + std::to_string(Index));
  return true;
}

bool FunctionValidator::requireTable(uint32_t Index) {
  if (Index >= C.tables.size())
    return fail("unknown table " + std::to_string(Index));
  return true;
}

bool FunctionValidator::requireElemSegment(uint32_t Index) {
  if (Index >= C.M.elems.size())
    return fail("unknown elem segment " + std::to_string(Index));
  return true;
}

bool FunctionValidator::requireLabel(uint32_t Depth) {
  if (Depth >= Ctrls.size())
    return fail("unknown label " + std::to_string(Depth));
  return true;
}

//===-- Operand and control stacks ----------------------------------------===//

void FunctionValidator::pushTypes(TypeList Ts) {
  for (uint32_t I = 0; I < Ts.Size; ++I)
    Vals.push_back(Ts[I]);
}

bool FunctionValidator::pop(ValType &Got) {
  const Frame &Top = Ctrls.back();
  if (Vals.size() == Top.Height) {
    if (Top.Unreachable) {
      Got = Unknown;
      return true;
    }
    return fail(std::string("type mismatch in ") + opcodeName(Cur->op) +
                ": expected a value but the stack is empty");
  }
  Got = Vals.back();
  Vals.pop_back();
  return true;
}

bool FunctionValidator::popExpect(ValType Expected, ValType *GotOut) {
  ValType Got = Unknown;
  const Frame &Top = Ctrls.back();
  if (Vals.size() == Top.Height) {
    if (!Top.Unreachable)
      return fail(std::string("type mismatch in ") + opcodeName(Cur->op) +
                  ": expected " + typeName(Expected) + " but got nothing");
    Got = Unknown;
  } else {
    Got = Vals.back();
    Vals.pop_back();
  }
  if (Got != Expected && Got != Unknown && Expected != Unknown)
    return typeMismatch(Expected, Got);
  if (GotOut)
    *GotOut = Got;
  return true;
}

bool FunctionValidator::popTypes(TypeList Ts) {
  for (uint32_t I = Ts.Size; I-- > 0;)
    if (!popExpect(Ts[I]))
      return false;
  return true;
}

bool FunctionValidator::pushCtrl(Opcode Op, TypeList In, TypeList Out) {
  if (Ctrls.size() >= Opts.maxNestingDepth)
    return fail("control nesting too deep (limit " +
                std::to_string(Opts.maxNestingDepth) + ")");
  Ctrls.push_back(Frame{Op, In, Out, uint32_t(Vals.size()), false});
  pushTypes(In);
  return true;
}

bool FunctionValidator::popCtrl(Frame &Out) {
  if (!popTypes(Ctrls.back().End))
    return false;
  const Frame &Top = Ctrls.back();
  if (Vals.size() != Top.Height)
    return fail(std::string("type mismatch in ") + opcodeName(Cur->op) + ": " +
                std::to_string(Vals.size() - Top.Height) +
                " extra value(s) at the end of the block");
  Out = Top;
  Ctrls.pop_back();
  return true;
}

void FunctionValidator::markUnreachable() {
  Frame &Top = Ctrls.back();
  Vals.resize(Top.Height);
  Top.Unreachable = true;
}

ValType FunctionValidator::localType(uint32_t Index) const {
  size_t NumParams = Fn->params.size();
  return Index < NumParams ? Fn->params[Index]
                           : Body->locals[Index - NumParams];
}

//===-- Diagnostics -------------------------------------------------------===//

bool FunctionValidator::fail(std::string Message) {
  return failAt(Cur->offset, std::move(Message));
}

bool FunctionValidator::failAt(size_t Offset, std::string Message) {
  Err.offset = Offset;
  Err.message = std::move(Message);
  return false;
}

bool FunctionValidator::typeMismatch(ValType Expected, ValType Got) {
  return fail(std::string("type mismatch in ") + opcodeName(Cur->op) +
              ": expected " + typeName(Expected) + " but got " + typeName(Got));
}

} // namespace wasm2bin
