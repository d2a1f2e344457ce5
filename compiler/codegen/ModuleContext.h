//===- ModuleContext.h - State shared while lowering one module -*- C++ -*-===//
//
// Everything about a module that function bodies need while being lowered:
// LLVM types of Wasm values, the declared functions, the instance layout,
// signature symbols, TBAA tags and options. Built once by ModuleEmitter.
//
//===----------------------------------------------------------------------===//
#ifndef WASM2BIN_CODEGEN_MODULECONTEXT_H
#define WASM2BIN_CODEGEN_MODULECONTEXT_H

#include "InstanceLayout.h"

#include "wasm2bin/Compiler.h"
#include "wasm2bin/Module.h"

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/MDBuilder.h"
#include "llvm/IR/Module.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace wasm2bin {

/// How a function index is reached from generated code.
struct FuncTarget {
  llvm::Function *direct = nullptr; ///< defined, or an import bound at
                                    ///< compile time (WASI): call directly
  bool viaInstance = false;         ///< unbound import: through funcs[i]
};

/// TBAA access tags; distinct tags tell LLVM that guest memory, instance
/// fields, globals and tables never alias each other.
struct TbaaTags {
  llvm::MDNode *Guest;          ///< linear memory
  llvm::MDNode *InstanceField;  ///< header fields and pointer slots
  llvm::MDNode *MemorySize;     ///< w2b_memory::size / pages
  llvm::MDNode *ImportedGlobal; ///< cells of imported globals (may alias
                                ///< each other: a global can be imported twice)
  std::vector<llvm::MDNode *> OwnGlobal; ///< one per defined global
  llvm::MDNode *Table;          ///< w2b_table fields and elements
  llvm::MDNode *FuncRef;        ///< w2b_funcref fields
};

class ModuleContext {
public:
  ModuleContext(const Module &M, const CompileOptions &Opts,
                llvm::LLVMContext &Ctx);

  const Module &Wasm;
  const CompileOptions &Opts;
  llvm::LLVMContext &Ctx;
  std::unique_ptr<llvm::Module> LLModule;
  InstanceLayout Layout;
  AbiTypes Abi;
  TbaaTags Tbaa;

  // Common LLVM types.
  llvm::Type *VoidTy, *I1, *I8, *I16, *I32, *I64, *F32, *F64;
  llvm::PointerType *PtrTy;
  llvm::FixedVectorType *V128; ///< canonical v128 type: <2 x i64>

  std::vector<FuncTarget> Funcs; ///< by Wasm function index
  std::string StackPointerRegister; ///< for the stack-limit check

  llvm::Type *valType(ValType T) const;
  /// LLVM type of a Wasm function: (ptr instance, params...) -> results
  /// (void, one value, or a literal struct for several).
  llvm::FunctionType *funcType(const FuncType &FT);
  /// The linkonce symbol "w2b.sig.<sig>" holding the signature string.
  llvm::Constant *signature(const FuncType &FT);
  /// Generic callers, shared per signature (linkonce): see abi.h w2b_thunk.
  llvm::Function *thunk(const FuncType &FT);
  /// Typed adapter calling a w2b_host_func (see w2b.h).
  llvm::Function *hostAdapter(const FuncType &FT);

  /// "params:results" with the type letters of abi.h.
  static std::string signatureString(const FuncType &FT);

  /// Private constant C string.
  llvm::Constant *cString(llvm::StringRef S);
  /// Private all-zero w2b_funcref: what table.set copies for ref.null.
  llvm::Constant *nullFuncRef();
  /// Whether memory 0 lives at the runtime's fixed address: the module
  /// defines it and the options ask for it.
  bool memoryAtFixedBase() const;
  /// The absolute symbol at that address (W2B_FIXED_MEMORY_SYMBOL).
  llvm::Constant *fixedMemoryBase();

private:
  llvm::Constant *NullFuncRef = nullptr;
  std::map<std::string, llvm::Constant *> Sigs;
  std::map<std::string, llvm::Function *> Thunks, Adapters;
  std::map<std::string, llvm::Constant *> Strings;
};

} // namespace wasm2bin

#endif
