//===- Module.cpp - Index-space queries on a decoded module ---------------===//
//
// Imported entities precede defined ones in every index space. Queries about
// imports scan the import list: modules import few entities, and callers that
// need many lookups (the validator) build their own flat tables.
//
//===----------------------------------------------------------------------===//

#include "wasm2bin/Module.h"

namespace wasm2bin {

const Import *Module::importOf(ExternKind Kind, uint32_t Index) const {
  uint32_t Seen = 0;
  for (const Import &Imp : imports) {
    if (Imp.kind != Kind)
      continue;
    if (Seen == Index)
      return &Imp;
    ++Seen;
  }
  return nullptr;
}

uint32_t Module::funcTypeIndex(uint32_t FuncIdx) const {
  if (FuncIdx < numImportedFuncs)
    return importOf(ExternKind::Func, FuncIdx)->funcType;
  return functions[FuncIdx - numImportedFuncs].typeIndex;
}

TableType Module::tableType(uint32_t TableIdx) const {
  if (TableIdx < numImportedTables)
    return importOf(ExternKind::Table, TableIdx)->table;
  return tables[TableIdx - numImportedTables];
}

MemoryType Module::memoryType(uint32_t MemIdx) const {
  if (MemIdx < numImportedMemories)
    return importOf(ExternKind::Memory, MemIdx)->memory;
  return memories[MemIdx - numImportedMemories];
}

GlobalType Module::globalType(uint32_t GlobalIdx) const {
  if (GlobalIdx < numImportedGlobals)
    return importOf(ExternKind::Global, GlobalIdx)->global;
  return globals[GlobalIdx - numImportedGlobals].type;
}

std::string Module::functionName(uint32_t FuncIdx) const {
  auto Named = names.functions.find(FuncIdx);
  if (Named != names.functions.end() && !Named->second.empty())
    return Named->second;
  for (const Export &E : exports)
    if (E.kind == ExternKind::Func && E.index == FuncIdx)
      return E.name;
  if (const Import *Imp = importOf(ExternKind::Func, FuncIdx))
    return Imp->module + "." + Imp->name;
  return "func" + std::to_string(FuncIdx);
}

} // namespace wasm2bin

namespace wasm2bin {

std::vector<std::string> Module::functionNames() const {
  std::vector<std::string> Names(numFuncs());
  // Lowest priority first; later sources overwrite.
  for (uint32_t I = 0; I < Names.size(); ++I)
    Names[I] = "func" + std::to_string(I);
  uint32_t Idx = 0;
  for (const Import &Imp : imports)
    if (Imp.kind == ExternKind::Func)
      Names[Idx++] = Imp.module + "." + Imp.name;
  for (auto It = exports.rbegin(); It != exports.rend(); ++It)
    if (It->kind == ExternKind::Func && It->index < Names.size())
      Names[It->index] = It->name; // the first export wins, as in functionName
  for (const auto &[I, Name] : names.functions)
    if (I < Names.size() && !Name.empty())
      Names[I] = Name;
  return Names;
}

} // namespace wasm2bin
