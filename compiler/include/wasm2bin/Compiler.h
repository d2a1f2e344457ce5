//===- Compiler.h - The whole pipeline as a library -------------*- C++ -*-===//
//
//   bytes --decode--> Module --validate--> --lower--> llvm::Module
//         --optimise--> object --lld--> static executable
//
// The driver (driver/wasm2bin.cpp) only parses flags and prints diagnostics;
// everything else is reachable from here, so tests and tools use the same
// path as users.
//
//===----------------------------------------------------------------------===//
#ifndef WASM2BIN_COMPILER_H
#define WASM2BIN_COMPILER_H

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace wasm2bin {

enum class EmitKind { LLVM, Obj, Exe };
enum class BoundsChecks { Guard, Explicit };

struct DirGrant {
  std::string hostPath, guestPath;
  bool readOnly = false;
};

struct CompileOptions {
  std::string inputPath;  ///< for diagnostics
  std::string outputPath;
  EmitKind emit = EmitKind::Exe;
  unsigned optLevel = 2;  ///< 0..3
  BoundsChecks boundsChecks = BoundsChecks::Guard;
  std::string targetCPU = "x86-64-v2"; ///< or "native"
  /// The CPU whose costs instruction selection and scheduling follow (the
  /// "tune-cpu" function attribute, clang's -mtune). Empty: "generic", or the
  /// host's CPU with --target-cpu=native. Without it LLVM tunes x86-64-v2
  /// for Sandy Bridge, whose SHLD rotates cost several micro-ops on AMD.
  std::string tuneCPU;
  /// Library mode (--emit=obj): the descriptor is `w2b_module_<name>`.
  /// Executables always use `w2b_main_module`.
  std::string moduleName;
  /// Library mode: also write a C header declaring the descriptor, the
  /// imports to provide and typed wrappers for the exports.
  std::string headerPath;
  /// Memory 0, when the module defines it, at the runtime's fixed address
  /// (abi.h W2B_FIXED_MEMORY_BASE) instead of wherever the instance's
  /// reservation lands: generated code then needs no base register. One
  /// instance per process; the driver's default for executables.
  bool fixedMemoryBase = false;
  bool strip = false;     ///< drop the symbol table from executables
  bool verbose = false;   ///< per-phase timings on stderr
  /// Threads for optimisation and code generation (0: one per core). Large
  /// modules are split into at least this many partitions.
  unsigned jobs = 0;
  /// Modules with at least this many bytes of function bodies are compiled
  /// in partitions when there is more than one job (backend/Partitions.cpp);
  /// 0 splits every module (the fuzzers use it to reach that path).
  size_t partitionMinBytes = 6000;
  /// No partition gets more than this many bytes of function bodies: a
  /// larger module gets more partitions than jobs, compiled in turn, which
  /// bounds the compiler's memory.
  size_t partitionMaxBytes = size_t(2) << 20;

  // Grants baked into a command executable (see docs/sandbox.md).
  std::vector<std::string> env; ///< "KEY=VALUE"
  bool inheritEnv = false;
  std::vector<DirGrant> dirs;      ///< pre-opened in this order
  std::vector<std::string> listen; ///< "ADDR:PORT" listening sockets

  /// Directory holding libw2brt.a, musl's crt and libc.a, and compiler-rt;
  /// empty: <directory of the wasm2bin executable>/../lib/wasm2bin.
  std::string libDir;
};

struct CompileResult {
  bool ok = false;
  /// Formatted diagnostics ("FILE:0xOFF: message" or plain messages), one
  /// per line, without the "wasm2bin: error: " prefix.
  std::vector<std::string> errors;
  /// Wall time of each phase in milliseconds, in order: decode, validate,
  /// lower, optimize, codegen, link; for a module compiled in partitions
  /// decode, validate, partitions (lowering, optimisation and code
  /// generation on every core), link.
  std::vector<std::pair<std::string, double>> phaseMs;
  /// What each partition did in the partitions phase, one line each
  /// ("partition 0: 812 functions, 40 imported, lower 400 ms, ...").
  std::vector<std::string> partitions;
};

/// Runs the pipeline on a module's bytes according to Opts.
CompileResult compile(std::vector<uint8_t> Bytes, const CompileOptions &Opts);

/// Links object files (modules compiled with --emit=obj, and embedder code
/// built for x86_64-linux-musl) with the runtime, musl and compiler-rt into
/// Opts.outputPath. The runtime supplies main() unless an object does.
CompileResult linkObjects(const std::vector<std::string> &Objects,
                          const CompileOptions &Opts);

/// "wasm2bin 0.1.0 (LLVM 19.1.7)"
std::string versionString();

} // namespace wasm2bin

#endif
