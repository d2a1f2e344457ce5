//===- LoopVersion.h - Two copies of a loop behind one check ----*- C++ -*-===//
#ifndef WASM2BIN_BACKEND_LOOPVERSION_H
#define WASM2BIN_BACKEND_LOOPVERSION_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/IR/PassManager.h"

namespace llvm {
class DominatorTree;
class Loop;
class LoopInfo;
class Instruction;
class SCEV;
class SCEVExpander;
class ScalarEvolution;
class Value;
} // namespace llvm

namespace wasm2bin {

/// LLVM's LoopVersioning::versionLoop without LoopAccessInfo, for a loop in
/// simplified and LCSSA form with dedicated exits (any number of them): the
/// preheader is split, the loop is cloned, and the preheader branches on
/// Fallback (an i1 computed at its end) to the clone when true and to L when
/// false. The exits' LCSSA phis take the clone's values too. Loops, dominator
/// tree and both loops' dedicated exits stay valid. Names: the check block
/// is `<header>.<CheckName>.check`, the clone's blocks end in CloneSuffix.
void versionLoop(llvm::Loop &L, llvm::Value *Fallback, llvm::LoopInfo &LI,
                 llvm::DominatorTree &DT, const char *CheckName,
                 const char *CloneSuffix);

/// The backedge-taken count BTC expanded at At, as i64 (the checks compute
/// in 64 bits), and in TooMany an i1 that is true when it is 2^32 or more:
/// then those computations may overflow, and the loop must take the copy
/// that needs no check.
llvm::Value *expandTripBound(const llvm::SCEV *BTC, llvm::SCEVExpander &Exp,
                             llvm::Instruction *At, llvm::Value *&TooMany);

/// Whether L is small enough to version: versioning doubles a loop's code,
/// which pays only where the loop's body is what runs.
bool smallEnoughToVersion(const llvm::Loop &L);

/// A versioning pass's run(): puts each innermost loop of F into simplified
/// and LCSSA form and hands it to Version, which returns whether it changed
/// the function. Keeps loops and the dominator tree.
llvm::PreservedAnalyses versionInnermostLoops(
    llvm::Function &F, llvm::FunctionAnalysisManager &FAM,
    llvm::function_ref<bool(llvm::Loop &, llvm::LoopInfo &,
                            llvm::DominatorTree &, llvm::ScalarEvolution &)>
        Version);

} // namespace wasm2bin

#endif
