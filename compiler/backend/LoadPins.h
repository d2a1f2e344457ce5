//===- LoadPins.h - Final form of guard-mode load pins ----------*- C++ -*-===//
#ifndef WASM2BIN_BACKEND_LOADPINS_H
#define WASM2BIN_BACKEND_LOADPINS_H

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/PassManager.h"

namespace wasm2bin {

/// A load pin: an empty `asm sideeffect` taking V in a register ("r" for
/// integers and pointers, "x" for floats and 128-bit vectors), marked
/// memory(none) and nounwind but not willreturn, so LLVM keeps it and keeps
/// V computed before it without treating it as a memory barrier. The code
/// generator pins the per-function sums with it and FinishLoadPinsPass the
/// loads it leaves pinned; isLoadPin recognises both.
llvm::CallInst *createLoadPin(llvm::IRBuilderBase &B, llvm::Value *V);
bool isLoadPin(const llvm::Instruction &I);

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
