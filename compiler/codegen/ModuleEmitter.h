//===- ModuleEmitter.h - A validated module to LLVM IR ----------*- C++ -*-===//
#ifndef WASM2BIN_CODEGEN_MODULEEMITTER_H
#define WASM2BIN_CODEGEN_MODULEEMITTER_H

#include "wasm2bin/Compiler.h"
#include "wasm2bin/Diagnostic.h"
#include "wasm2bin/Module.h"

#include <memory>
#include <vector>

namespace llvm {
class LLVMContext;
class Module;
} // namespace llvm

namespace wasm2bin {

/// What one partition (backend/Partitions.cpp) does with a defined function.
enum class FunctionPart : uint8_t {
  Declare, ///< another partition defines it
  Define,  ///< this partition's own
  Import,  ///< another partition's, copied here as available_externally
};

/// The part of a module one lowering emits. Every function is then a hidden
/// global symbol, so that the partitions' objects can call each other.
struct LoweringScope {
  std::vector<FunctionPart> funcs; ///< by defined-function index (no imports)
  bool descriptor = false; ///< the descriptor and (executables) the policy
};

/// Lowers every function, the signature thunks and the module descriptor
/// (plus, for executables, the capability policy), or with Scope only the
/// part it names. Fails only on imports that cannot be provided (executables
/// accept wasi_snapshot_preview1 only).
Result<std::unique_ptr<llvm::Module>>
lowerModule(const Module &M, const CompileOptions &Opts, llvm::LLVMContext &Ctx,
            const LoweringScope *Scope = nullptr);

/// Suffix of every symbol that comes from the module ("wasm", or the
/// library-mode module name): a function named "printf" in the name section
/// becomes "printf.wasm", so Wasm names never collide with the runtime's or
/// libc's symbols, section names, or another module's functions.
std::string symbolSuffix(const CompileOptions &Opts);

/// Symbol of the module descriptor: w2b_main_module for executables,
/// w2b_module_<name> in library mode.
std::string descriptorSymbol(const Module &M, const CompileOptions &Opts);

} // namespace wasm2bin

#endif
