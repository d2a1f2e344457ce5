//===- Builtins.h - Runtime and WASI functions generated code calls -*- C++ -*-//
#ifndef WASM2BIN_CODEGEN_BUILTINS_H
#define WASM2BIN_CODEGEN_BUILTINS_H

#include "wasm2bin/Types.h"

#include <string>

namespace llvm {
class Function;
class Module;
} // namespace llvm

namespace wasm2bin {

/// Runtime entry points, from runtime/builtins.def.
enum class Builtin {
#define W2B_BUILTIN(Name, ...) Name,
#include "builtins.def"
  NumBuiltins
};

/// Declares (once) and returns `w2b_<name>` in M.
llvm::Function *getBuiltin(llvm::Module &M, Builtin B);

/// If wasi_snapshot_preview1.`Name` exists with exactly type FT, declares
/// (once) and returns `w2b_wasi_<Name>`; null if the name is unknown. Sets
/// TypeMismatch when the name exists but the type differs.
llvm::Function *getWasiFunction(llvm::Module &M, const std::string &Name,
                                const FuncType &FT, bool &TypeMismatch);

} // namespace wasm2bin

#endif
