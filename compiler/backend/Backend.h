//===- Backend.h - Optimisation, object emission, linking -------*- C++ -*-===//
#ifndef WASM2BIN_BACKEND_BACKEND_H
#define WASM2BIN_BACKEND_BACKEND_H

#include "wasm2bin/Compiler.h"

#include "llvm/ADT/SmallVector.h"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace llvm {
class Module;
class TargetMachine;
} // namespace llvm

namespace wasm2bin {

/// False and Error if --target-cpu or --tune-cpu names no x86-64 CPU.
bool checkTargetOptions(const CompileOptions &Opts, std::string &Error);

/// x86-64 Linux (musl) target machine for Opts (CPU, optimisation level).
/// Returns null and sets Error if the target is unavailable.
std::unique_ptr<llvm::TargetMachine> createTargetMachine(const CompileOptions &Opts,
                                                         std::string &Error);

/// Runs the new pass manager's default pipeline for Opts.optLevel.
void optimizeModule(llvm::Module &M, llvm::TargetMachine &TM,
                    const CompileOptions &Opts);

/// Emits an ELF object into Out; false and Error on failure.
bool emitObject(llvm::Module &M, llvm::TargetMachine &TM,
                llvm::SmallVectorImpl<char> &Out, std::string &Error);

/// What one partition (or the whole module) did, for -v.
struct PartitionStats {
  size_t functions = 0; ///< defined here
  size_t imported = 0;  ///< available_externally copies from other partitions
  double lowerMs = 0, optimizeMs = 0, codegenMs = 0;
};

/// Milliseconds since T (for -v).
double msSince(std::chrono::steady_clock::time_point T);

/// Optimises M and emits it as one object, on this thread.
bool optimizeAndEmit(llvm::Module &M, const CompileOptions &Opts,
                     llvm::SmallVectorImpl<char> &Object, PartitionStats &Stats,
                     std::string &Error);

/// Links object files with the runtime, musl and compiler-rt into a static
/// executable using lld in-process.
bool linkExecutable(const std::vector<std::string> &Objects,
                    const CompileOptions &Opts, std::string &Error);

/// Merges relocatable objects into one (lld -r), in process.
bool linkRelocatable(const std::vector<std::string> &Objects,
                     const std::string &Output, std::string &Error);

/// Directory holding libw2brt.a and musl (Opts.libDir or next to wasm2bin).
std::string runtimeLibDir(const CompileOptions &Opts);

} // namespace wasm2bin

#endif
