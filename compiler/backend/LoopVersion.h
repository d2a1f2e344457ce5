//===- LoopVersion.h - Two copies of a loop behind one check ----*- C++ -*-===//
#ifndef WASM2BIN_BACKEND_LOOPVERSION_H
#define WASM2BIN_BACKEND_LOOPVERSION_H

namespace llvm {
class DominatorTree;
class Loop;
class LoopInfo;
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

} // namespace wasm2bin

#endif
