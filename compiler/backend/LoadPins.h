//===- LoadPins.h - Final form of guard-mode load pins ----------*- C++ -*-===//
#ifndef WASM2BIN_BACKEND_LOADPINS_H
#define WASM2BIN_BACKEND_LOADPINS_H

#include "llvm/IR/PassManager.h"

namespace wasm2bin {

/// Runs last in the optimisation pipeline on guard-mode code
/// (codegen/EmitMemory.cpp pins every guest load through per-function sums):
/// a scalar float load gets its own register pin instead of a term in an
/// integer sum, and pins that optimisation left with a constant are deleted.
struct FinishLoadPinsPass : llvm::PassInfoMixin<FinishLoadPinsPass> {
  llvm::PreservedAnalyses run(llvm::Function &F,
                              llvm::FunctionAnalysisManager &);
};

} // namespace wasm2bin

#endif
