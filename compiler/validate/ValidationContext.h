//===- ValidationContext.h - The validation context C --------*- C++ -*-===//
//
// The spec's context C in a form the function validator can index directly:
// whole index spaces (imports first) flattened into vectors once per module,
// instead of scanning the import list per instruction.
//
//===----------------------------------------------------------------------===//
#ifndef WASM2BIN_VALIDATE_VALIDATIONCONTEXT_H
#define WASM2BIN_VALIDATE_VALIDATIONCONTEXT_H

#include "wasm2bin/Module.h"

#include <vector>

namespace wasm2bin {

struct ValidationContext {
  explicit ValidationContext(const Module &M);

  const Module &M;
  std::vector<uint32_t> funcTypes; ///< type index of every function
  std::vector<TableType> tables;
  std::vector<GlobalType> globals;
  uint32_t numMemories = 0;
  /// C.refs: functions that ref.func may name inside function bodies (those
  /// referenced from element segments, exports or global initialisers).
  std::vector<bool> declaredRefs;

  uint32_t numFuncs() const { return uint32_t(funcTypes.size()); }
  const FuncType &funcType(uint32_t FuncIdx) const {
    return M.types[funcTypes[FuncIdx]];
  }
};

} // namespace wasm2bin

#endif
