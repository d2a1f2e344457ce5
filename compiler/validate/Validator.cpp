//===- Validator.cpp - Module-level validation ----------------------------===//
//
// Checks everything outside function bodies (types of imports and
// definitions, limits, constant expressions, segments, start, exports) and
// then runs FunctionValidator over every body. Constant expressions are
// checked in the spec's context C': only imported globals are visible.
//
//===----------------------------------------------------------------------===//

#include "FunctionValidator.h"
#include "ValidationContext.h"

#include "wasm2bin/Validator.h"

#include <memory>
#include <string_view>
#include <unordered_set>

namespace wasm2bin {

namespace {

constexpr uint64_t MaxMemoryPages = 65536; // 4 GiB of 64 KiB pages

class ModuleValidator {
public:
  ModuleValidator(const Module &M, const ValidateOptions &Opts)
      : M(M), Opts(Opts) {}

  bool run();
  const Diagnostic &error() const { return Err; }

private:
  bool checkTypeIndices();
  bool checkLimits(const Limits &L, uint64_t Bound, const char *BoundMessage,
                   size_t Offset);
  bool checkTablesAndMemories();
  bool checkConstExpr(const ConstExpr &E, ValType Expected);
  bool checkGlobals();
  bool checkElems();
  bool checkDatas();
  bool checkStart();
  bool checkExports();
  bool checkFunctions();
  bool fail(size_t Offset, std::string Message) {
    Err.offset = Offset;
    Err.message = std::move(Message);
    return false;
  }

  const Module &M;
  const ValidateOptions &Opts;
  std::unique_ptr<ValidationContext> C; ///< built once type indices are valid
  Diagnostic Err;
};

bool ModuleValidator::run() {
  if (!checkTypeIndices() || !checkTablesAndMemories())
    return false;
  C = std::make_unique<ValidationContext>(M);
  return checkGlobals() && checkElems() && checkDatas() && checkStart() &&
         checkExports() && checkFunctions();
}

bool ModuleValidator::checkTypeIndices() {
  for (const Import &Imp : M.imports)
    if (Imp.kind == ExternKind::Func && Imp.funcType >= M.types.size())
      return fail(Imp.offset, "unknown type " + std::to_string(Imp.funcType));
  for (const Function &F : M.functions)
    if (F.typeIndex >= M.types.size())
      return fail(F.offset, "unknown type " + std::to_string(F.typeIndex));
  return true;
}

bool ModuleValidator::checkLimits(const Limits &L, uint64_t Bound,
                                  const char *BoundMessage, size_t Offset) {
  if (L.min > Bound || (L.max && *L.max > Bound))
    return fail(Offset, BoundMessage);
  if (L.max && L.min > *L.max)
    return fail(Offset, "size minimum must not be greater than maximum");
  return true;
}

bool ModuleValidator::checkTablesAndMemories() {
  const char *TableBound = "table size must be at most 2^32-1";
  const char *MemoryBound = "memory size must be at most 65536 pages (4GiB)";
  for (const Import &Imp : M.imports) {
    if (Imp.kind == ExternKind::Table &&
        !checkLimits(Imp.table.limits, UINT32_MAX, TableBound, Imp.offset))
      return false;
    if (Imp.kind == ExternKind::Memory &&
        !checkLimits(Imp.memory.limits, MaxMemoryPages, MemoryBound,
                     Imp.offset))
      return false;
  }
  // Offsets are optional in a hand-built Module; fall back to the header.
  auto OffsetOf = [](const std::vector<size_t> &Offsets, size_t K) {
    return K < Offsets.size() ? Offsets[K] : size_t(8);
  };
  for (size_t K = 0; K < M.tables.size(); ++K)
    if (!checkLimits(M.tables[K].limits, UINT32_MAX, TableBound,
                     OffsetOf(M.tableOffsets, K)))
      return false;
  for (size_t K = 0; K < M.memories.size(); ++K)
    if (!checkLimits(M.memories[K].limits, MaxMemoryPages, MemoryBound,
                     OffsetOf(M.memoryOffsets, K)))
      return false;
  if (M.numMemories() > 1) {
    // Point at the second memory, imported or defined.
    size_t Second = M.numImportedMemories >= 2
                        ? M.importOf(ExternKind::Memory, 1)->offset
                        : OffsetOf(M.memoryOffsets, 1 - M.numImportedMemories);
    return fail(Second, "multiple memories");
  }
  return true;
}

bool ModuleValidator::checkConstExpr(const ConstExpr &E, ValType Expected) {
  ValType Got = ValType::None;
  switch (E.kind) {
  case ConstExpr::I32:
    Got = ValType::I32;
    break;
  case ConstExpr::I64:
    Got = ValType::I64;
    break;
  case ConstExpr::F32:
    Got = ValType::F32;
    break;
  case ConstExpr::F64:
    Got = ValType::F64;
    break;
  case ConstExpr::V128:
    if (!Opts.allowSimd)
      return fail(E.offset, "v128.const: SIMD is not supported yet");
    Got = ValType::V128;
    break;
  case ConstExpr::RefNull:
    Got = E.refType;
    break;
  case ConstExpr::RefFunc:
    if (E.index >= C->numFuncs())
      return fail(E.offset, "unknown function " + std::to_string(E.index));
    Got = ValType::FuncRef;
    break;
  case ConstExpr::GlobalGet:
    // Wasm 2.0: constant expressions see only imported globals.
    if (E.index >= M.numImportedGlobals)
      return fail(E.offset,
                  "unknown global " + std::to_string(E.index) +
                      (E.index < M.numGlobals()
                           ? " (constant expressions may only read imported "
                             "globals)"
                           : ""));
    if (C->globals[E.index].isMutable)
      return fail(E.offset, "constant expression required: global " +
                                std::to_string(E.index) + " is mutable");
    Got = C->globals[E.index].type;
    break;
  }
  if (Got != Expected)
    return fail(E.offset, std::string("type mismatch in constant expression: "
                                      "expected ") +
                              valTypeName(Expected) + " but got " +
                              valTypeName(Got));
  return true;
}

bool ModuleValidator::checkGlobals() {
  for (const Global &G : M.globals)
    if (!checkConstExpr(G.init, G.type.type))
      return false;
  return true;
}

bool ModuleValidator::checkElems() {
  for (const ElemSegment &S : M.elems) {
    if (S.mode == SegmentMode::Active) {
      if (S.table >= C->tables.size())
        return fail(S.offset, "unknown table " + std::to_string(S.table));
      if (!checkConstExpr(S.offsetExpr, ValType::I32))
        return false;
      ValType TableElem = C->tables[S.table].elem;
      if (TableElem != S.type)
        return fail(S.offset,
                    std::string("type mismatch: element segment of type ") +
                        valTypeName(S.type) + " for a table of " +
                        valTypeName(TableElem));
    }
    for (const ConstExpr &Item : S.items)
      if (!checkConstExpr(Item, S.type))
        return false;
  }
  return true;
}

bool ModuleValidator::checkDatas() {
  for (const DataSegment &S : M.datas) {
    if (S.mode != SegmentMode::Active)
      continue;
    if (S.memory >= C->numMemories)
      return fail(S.offset, "unknown memory " + std::to_string(S.memory));
    if (!checkConstExpr(S.offsetExpr, ValType::I32))
      return false;
  }
  return true;
}

bool ModuleValidator::checkStart() {
  if (!M.start)
    return true;
  uint32_t Index = *M.start;
  if (Index >= C->numFuncs())
    return fail(M.startOffset, "unknown function " + std::to_string(Index));
  const FuncType &T = C->funcType(Index);
  if (!T.params.empty() || !T.results.empty())
    return fail(M.startOffset,
                "start function must have type [] -> [], function " +
                    std::to_string(Index) + " has type " + T.str());
  return true;
}

bool ModuleValidator::checkExports() {
  std::unordered_set<std::string_view> Names;
  Names.reserve(M.exports.size());
  for (const Export &E : M.exports) {
    uint32_t Count = 0;
    switch (E.kind) {
    case ExternKind::Func:
      Count = C->numFuncs();
      break;
    case ExternKind::Table:
      Count = uint32_t(C->tables.size());
      break;
    case ExternKind::Memory:
      Count = C->numMemories;
      break;
    case ExternKind::Global:
      Count = uint32_t(C->globals.size());
      break;
    }
    if (E.index >= Count)
      return fail(E.offset,
                  std::string("unknown ") +
                      (E.kind == ExternKind::Func ? "function"
                                                  : externKindName(E.kind)) +
                      " " + std::to_string(E.index));
    if (!Names.insert(E.name).second)
      return fail(E.offset, "duplicate export name \"" + E.name + "\"");
  }
  return true;
}

bool ModuleValidator::checkFunctions() {
  FunctionValidator FV(*C, Opts);
  for (uint32_t K = 0; K < M.functions.size(); ++K)
    if (!FV.validate(K)) {
      Err = FV.error();
      return false;
    }
  return true;
}

} // namespace

Result<bool> validateModule(const Module &M, const ValidateOptions &Opts) {
  ModuleValidator V(M, Opts);
  if (!V.run())
    return V.error();
  return true;
}

} // namespace wasm2bin
