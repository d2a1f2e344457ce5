//===- Target.h - The one target wasm2bin generates code for ----*- C++ -*-===//
#ifndef WASM2BIN_CODEGEN_TARGET_H
#define WASM2BIN_CODEGEN_TARGET_H

namespace wasm2bin {

/// Static executables for x86-64 Linux, linked against musl.
constexpr const char *TargetTriple = "x86_64-unknown-linux-musl";
/// That target's data layout (what its TargetMachine reports); set on the
/// module from the start so IRBuilder picks natural alignments.
constexpr const char *TargetDataLayout =
    "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:"
    "64-S128";

} // namespace wasm2bin

#endif
