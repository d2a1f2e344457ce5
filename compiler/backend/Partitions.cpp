//===- Partitions.cpp - Lowering, optimisation and machine code on every core
//
// LLVM optimises and generates code for one module on one thread, and both
// halves of the work are per function apart from inlining. So a large module
// is cut into at least one partition per job, and each partition is lowered,
// optimised and compiled in its own thread and LLVMContext (contexts are not
// thread-safe); lld links the objects.
//
// A partition holds at most Opts.partitionMaxBytes of function bodies (2 MiB
// by default), so a large module gets more partitions than jobs and the
// threads take them in turn: each partition's LLVM module, some 200 bytes per
// byte of Wasm code at -O0, is freed before the thread takes the next, and
// peak memory stays bounded however large the module is.
//
// Partitions are contiguous runs of functions of about equal code size: a
// Wasm module lists the functions of one source file together, so most calls
// stay inside a partition. For the calls that cross, small callees are
// imported as ThinLTO does: the caller's partition also lowers them, as
// available_externally copies that the inliner may use and that are dropped
// before code generation. Partition 0 also emits the module descriptor.
//
//===----------------------------------------------------------------------===//
#include "Partitions.h"

#include "wasm2bin/CodeReader.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"

#include <atomic>
#include <chrono>
#include <thread>

using namespace llvm;

namespace wasm2bin {
namespace {

/// A callee in another partition is imported if its body has at most this
/// many bytes (some 190 LLVM instructions, near what LLVM's inliner accepts
/// at -O2), its own callees if they have at most this times ImportDecay, and
/// so on. Measured: speed of sqlite, zstd, lua and interp and sqlite's
/// compile time did not move beyond this machine's noise between limits of
/// 0 and 400 bytes; 130 bytes (ThinLTO's 100 instructions) left interp's
/// `atol` (176 bytes) out of `main`.
constexpr double ImportLimit = 250;
constexpr double ImportDecay = 0.7;

size_t bodySize(const Function &F) { return F.bodyEnd - F.bodyStart; }

size_t jobCount(const CompileOptions &Opts) {
  return Opts.jobs ? Opts.jobs
                   : std::max(1u, std::thread::hardware_concurrency());
}

/// Defined functions (by defined index) that F calls directly.
std::vector<uint32_t> directCallees(const Module &M, const Function &F) {
  std::vector<uint32_t> Callees;
  CodeReader R(M.bytes, F.bodyStart, F.bodyEnd);
  Instr I;
  while (!R.atEnd() && R.next(I))
    if (I.op == Opcode::Call && I.a >= M.numImportedFuncs)
      Callees.push_back(I.a - M.numImportedFuncs);
  return Callees;
}

} // namespace

std::vector<LoweringScope> planPartitions(const Module &M,
                                          const CompileOptions &Opts) {
  size_t N = M.functions.size();
  size_t Total = 0;
  for (const Function &F : M.functions)
    Total += bodySize(F);
  // One partition per job, or more if they would exceed partitionMaxBytes;
  // no more than functions, or some would be empty.
  size_t MaxBytes = std::max<size_t>(Opts.partitionMaxBytes, 1);
  size_t Count = std::min<size_t>(
      N, std::max(jobCount(Opts), (Total + MaxBytes - 1) / MaxBytes));
  // Below Opts.partitionMinBytes (default 6000 bytes of bodies, some 4,500
  // LLVM instructions) the threads and the extra objects cost more than
  // they save.
  if (Count <= 1 || Total < Opts.partitionMinBytes)
    return {};

  // Each function goes to the partition its middle falls into.
  std::vector<unsigned> Home(N);
  size_t Seen = 0;
  for (size_t I = 0; I < N; ++I) {
    size_t Size = bodySize(M.functions[I]);
    Home[I] = unsigned(std::min<size_t>(
        Count - 1, (Seen + Size / 2) * Count / std::max<size_t>(Total, 1)));
    Seen += Size;
  }
  std::vector<LoweringScope> Scopes(Count);
  for (size_t P = 0; P < Count; ++P) {
    Scopes[P].funcs.assign(N, FunctionPart::Declare);
    Scopes[P].descriptor = P == 0;
  }
  for (size_t I = 0; I < N; ++I)
    Scopes[Home[I]].funcs[I] = FunctionPart::Define;
  if (Opts.optLevel == 0) // nothing is inlined
    return Scopes;

  std::vector<std::vector<uint32_t>> Callees(N);
  for (size_t I = 0; I < N; ++I)
    Callees[I] = directCallees(M, M.functions[I]);
  for (unsigned P = 0; P < Count; ++P) {
    std::vector<FunctionPart> &Parts = Scopes[P].funcs;
    // Worklist of (caller, limit for its callees).
    std::vector<std::pair<uint32_t, double>> Work;
    for (size_t I = 0; I < N; ++I)
      if (Home[I] == P)
        Work.push_back({uint32_t(I), ImportLimit});
    while (!Work.empty()) {
      auto [Caller, Limit] = Work.back();
      Work.pop_back();
      for (uint32_t C : Callees[Caller]) {
        if (Parts[C] != FunctionPart::Declare ||
            bodySize(M.functions[C]) > Limit)
          continue;
        Parts[C] = FunctionPart::Import;
        Work.push_back({C, Limit * ImportDecay});
      }
    }
  }
  return Scopes;
}

bool compilePartitions(const Module &M, const CompileOptions &Opts,
                       const std::vector<LoweringScope> &Scopes,
                       std::vector<SmallVector<char, 0>> &Objects,
                       std::vector<PartitionStats> &Stats, std::string &Error) {
  Objects.resize(Scopes.size());
  Stats.resize(Scopes.size());
  std::vector<std::string> Errors(Scopes.size());
  // Each thread takes the next partition until none is left.
  std::atomic<size_t> Next = 0;
  auto CompileNext = [&] {
    for (size_t I; (I = Next++) < Scopes.size();) {
      for (FunctionPart P : Scopes[I].funcs) {
        Stats[I].functions += P == FunctionPart::Define;
        Stats[I].imported += P == FunctionPart::Import;
      }
      auto Start = std::chrono::steady_clock::now();
      LLVMContext Ctx;
      Ctx.setDiscardValueNames(true);
      auto Lowered = lowerModule(M, Opts, Ctx, &Scopes[I]);
      if (!Lowered) {
        Errors[I] = Lowered.error().format(Opts.inputPath);
        continue;
      }
      Stats[I].lowerMs = msSince(Start);
      std::unique_ptr<llvm::Module> Part = Lowered.take();
      optimizeAndEmit(*Part, Opts, Objects[I], Stats[I], Errors[I]);
    }
  };
  std::vector<std::thread> Threads;
  for (size_t T = 0; T < std::min(jobCount(Opts), Scopes.size()); ++T)
    Threads.emplace_back(CompileNext);
  for (std::thread &T : Threads)
    T.join();
  for (const std::string &E : Errors)
    if (!E.empty()) {
      Error = E;
      return false;
    }
  return true;
}

} // namespace wasm2bin
