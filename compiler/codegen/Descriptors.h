//===- Descriptors.h - The w2b_module descriptor and the policy -*- C++ -*-===//
#ifndef WASM2BIN_CODEGEN_DESCRIPTORS_H
#define WASM2BIN_CODEGEN_DESCRIPTORS_H

#include <string>

namespace wasm2bin {
class ModuleContext;

/// Emits the constant w2b_module (abi.h) describing imports, functions,
/// tables, memory, globals, exports, segments and the start function.
void emitDescriptor(ModuleContext &MC, const std::string &Symbol);

/// Emits w2b_main_policy (wasi-libc-shim/policy.h) from the compile-time
/// grants.
void emitPolicy(ModuleContext &MC);

} // namespace wasm2bin

#endif
