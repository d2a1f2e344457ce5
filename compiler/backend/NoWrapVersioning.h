//===- NoWrapVersioning.h - Loops whose i32 addresses cannot wrap -*- C++ -*-===//
#ifndef WASM2BIN_BACKEND_NOWRAPVERSIONING_H
#define WASM2BIN_BACKEND_NOWRAPVERSIONING_H

#include "llvm/IR/PassManager.h"

namespace wasm2bin {

/// Wasm addresses are i32 values, so a guest loop indexes memory with
/// `base + zext(p + 8)`: the i32 add may wrap, hence `zext(p + 8)` is not
/// `zext(p) + 8`, and LLVM can neither fold the constant into the
/// addressing mode, widen the pointer to 64 bits, nor see that `p` and
/// `p + 8` are neighbours (which is what vectorising an unrolled loop needs).
///
/// This pass versions an innermost loop whose trip count is computable and
/// whose i32 adds `x + C` (C > 0, x advancing by a positive constant step each
/// iteration) or `x + a` (a loop-invariant: an array's base) feed its memory
/// addresses: the preheader checks that no such add can exceed 2^32 - 1 in
/// any iteration (start + step * trip count + C or a, computed exactly in 64
/// bits); if so the loop runs with `nuw` on those adds, otherwise an
/// unchanged copy runs. Then IndVarSimplify widens what `nuw` allows (the
/// pass itself widens `zext(x + a)`). The same check also compares the byte
/// ranges of the loop's arrays (AccessRanges.h). Semantics are exact either
/// way: the flags and the metadata are only true facts.
struct NoWrapVersioningPass : llvm::PassInfoMixin<NoWrapVersioningPass> {
  llvm::PreservedAnalyses run(llvm::Function &F,
                              llvm::FunctionAnalysisManager &FAM);
};

} // namespace wasm2bin

#endif
