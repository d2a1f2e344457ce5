//===- AccessRanges.h - The memory ranges a guest loop touches --*- C++ -*-===//
#ifndef WASM2BIN_BACKEND_ACCESSRANGES_H
#define WASM2BIN_BACKEND_ACCESSRANGES_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/ScalarEvolution.h"
#include "llvm/Transforms/Utils/ScalarEvolutionExpander.h"

namespace wasm2bin {

/// S as {Start, +, Step} in L with a positive constant Step (an i32 one,
/// so below 2^31), or null.
const llvm::SCEVAddRecExpr *risingInduction(const llvm::SCEV *S,
                                            const llvm::Loop &L,
                                            llvm::ScalarEvolution &SE);
/// The Step of a risingInduction.
uint64_t inductionStep(const llvm::SCEVAddRecExpr *AR,
                       llvm::ScalarEvolution &SE);

/// The loads and stores of a loop whose addresses are `base + zext(v) + K`
/// with v = {S + E, +, Step} for one S and Step, constant E >= 0 and K >= 0:
/// one array walked by one induction (c[j] and c[j + 1] of an unrolled loop
/// are one group; b[j] is another).
struct AccessGroup {
  llvm::Value *Base = nullptr;  ///< the linear memory's base
  const llvm::SCEV *Start = nullptr; ///< i32 S: the smallest member's start
  uint64_t Step = 0;
  uint64_t MaxE = 0;    ///< the largest E
  uint64_t LoOff = 0;   ///< min(E + K): first byte at iteration 0 is S + LoOff
  uint64_t HiOff = 0;   ///< max(E + K + size): one past the last byte
  bool Writes = false;
  llvm::SmallVector<llvm::Instruction *, 8> Accesses;
};

/// The groups of L's guest accesses (at most MaxGroups, each at most 2^31
/// steps of 2^31 bytes), or none when any access of the loop is of another
/// form or there are no two groups that one writes: then nothing the groups
/// could tell would let the loop's accesses be reordered.
llvm::SmallVector<AccessGroup, 4> groupAccesses(const llvm::Loop &L,
                                                llvm::ScalarEvolution &SE);

/// i1 true unless, over the iterations 0 ... BTC, every group's v stays below
/// 2^32 (so its bytes are [S + LoOff, S + Step * BTC + HiOff) exactly) and
/// every two groups of one memory of which one writes touch disjoint bytes.
llvm::Value *expandOverlapCheck(llvm::ArrayRef<AccessGroup> Groups,
                                llvm::Value *BTC64,
                                llvm::SCEVExpander &Exp,
                                llvm::Instruction *At);

/// Scoped `noalias` metadata on the accesses (of the loop copy that runs
/// when expandOverlapCheck was false): each group its scope, no alias with
/// the others it was checked against.
void tagDisjointGroups(llvm::ArrayRef<AccessGroup> Groups);

} // namespace wasm2bin

#endif
