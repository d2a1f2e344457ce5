//===- Validator.h - Module validation per the spec -------------*- C++ -*-===//
#ifndef WASM2BIN_VALIDATOR_H
#define WASM2BIN_VALIDATOR_H

#include "wasm2bin/Diagnostic.h"
#include "wasm2bin/Module.h"

namespace wasm2bin {

struct ValidateOptions {
  /// Reject SIMD instructions with "<text>: SIMD is not supported yet" (kept
  /// for targets whose emitter lacks them).
  bool allowSimd = true;
  uint32_t maxNestingDepth = 100000; ///< control-stack depth per function
};

/// Validates the whole module per the WebAssembly 2.0 validation algorithm
/// (appendix "Validation Algorithm"): types, imports, function bodies with the
/// operand and control stacks, tables, memories, globals and constant
/// expressions, segments, start function, unique export names. Decoding errors
/// inside function bodies (found by CodeReader) are reported here too.
/// Returns the first error.
Result<bool> validateModule(const Module &M, const ValidateOptions &Opts = {});

} // namespace wasm2bin

#endif
