//===- CheckVersioning.h - Bounds checks hoisted out of loops ---*- C++ -*-===//
#ifndef WASM2BIN_BACKEND_CHECKVERSIONING_H
#define WASM2BIN_BACKEND_CHECKVERSIONING_H

#include "llvm/IR/PassManager.h"

namespace wasm2bin {

/// With --bounds-checks=explicit every guest access is preceded by
/// `br (end > size), trap, ok`, with end = zext(v) + C for the i32 address v.
/// In a loop each check is another exit: the loop cannot be vectorised, its
/// addresses cannot be widened (NoWrapVersioning.h wants one exit), and the
/// checks themselves cost a compare and branch per access (stencil ran 6.9x
/// native with them, 0.9x without).
///
/// This pass versions an innermost loop whose checks test an i32 address
/// v = {Start, +, Step} (Step > 0, or v loop-invariant) against a
/// loop-invariant size: the preheader computes, for the most iterations the
/// loop can make (SCEV's symbolic maximum backedge-taken count N), that no v
/// wraps (zext(Start) + Step * N < 2^32, exact in 64 bits) and that the last
/// end is within the size. If so the loop runs with those branches never
/// taken; otherwise an unchanged copy runs, checking every access, so a trap
/// happens exactly where it did. A trapping access is never run unchecked: a
/// loop that could reach one takes the checked copy from its first
/// iteration.
struct CheckVersioningPass : llvm::PassInfoMixin<CheckVersioningPass> {
  llvm::PreservedAnalyses run(llvm::Function &F,
                              llvm::FunctionAnalysisManager &FAM);
};

} // namespace wasm2bin

#endif
