//===- Partitions.h - A large module on every core --------------*- C++ -*-===//
#ifndef WASM2BIN_BACKEND_PARTITIONS_H
#define WASM2BIN_BACKEND_PARTITIONS_H

#include "Backend.h"

#include "../codegen/ModuleEmitter.h"

namespace wasm2bin {

/// Cuts a large module into one partition per job (Opts.jobs, default one
/// per core), each a LoweringScope; none if it is not worth it
/// (Partitions.cpp).
std::vector<LoweringScope> planPartitions(const Module &M,
                                          const CompileOptions &Opts);

/// Lowers, optimises and compiles each partition on its own thread and
/// LLVMContext: one object each.
bool compilePartitions(const Module &M, const CompileOptions &Opts,
                       const std::vector<LoweringScope> &Scopes,
                       std::vector<llvm::SmallVector<char, 0>> &Objects,
                       std::vector<PartitionStats> &Stats, std::string &Error);

} // namespace wasm2bin

#endif
