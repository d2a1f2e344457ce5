//===- Context.h - The process's WASI context -------------------*- C++ -*-===//
//
// One per process, set up by w2b_wasi_init* (Init.cpp): the arguments, the
// host environment and the effective policy, i.e. the grants baked in at
// compile time merged with the run-time ones (Policy.cpp). Descriptors live
// in FdTable.
//
//===----------------------------------------------------------------------===//
#ifndef WASM2BIN_WASI_CONTEXT_H
#define WASM2BIN_WASI_CONTEXT_H

#include "Errno.h"
#include "policy.h"

#include <stddef.h>
#include <stdint.h>

namespace w2b {
namespace wasi {

// Grants after merging. Without run-time grants the arrays are the baked
// policy's own (nothing is allocated); otherwise one page-allocated block
// holds the merged arrays and the run-time specification's words.
struct Policy {
  uint32_t numEnv = 0;
  const char *const *env = nullptr; // "KEY=VALUE", or "KEY": the host's value
  bool inheritEnv = false;
  uint32_t numDirs = 0;
  const w2b_dir_grant *dirs = nullptr;
  uint32_t numListen = 0;
  const char *const *listen = nullptr;
  void *block = nullptr;
  size_t blockSize = 0;
};

struct Context {
  uint32_t argc = 0;
  const char *const *argv = nullptr;
  const char *const *hostEnv = nullptr;
  Policy policy;
};

Context &context();

// Prefix of the host variables that configure the runtime: never passed to
// the guest from the host environment.
constexpr char kReservedEnvPrefix[] = "WASM2BIN_";

// Builds `out` from `baked` (may be null) and the run-time specification
// `grants` (may be null): see docs/sandbox.md. False with a message in `err`
// on a syntax error.
bool buildPolicy(const w2b_policy *baked, const char *grants, Policy *out,
                 char *err, size_t errSize);
void freePolicy(Policy *p);

// Sock.cpp: opens a listening TCP socket on "ADDR:PORT" (IPv4, [IPv6] or
// "localhost"); inval if the address does not parse, else the host errno.
Errno openListener(const char *address, int *fd);

// A bounded, always terminated concatenation (for error messages).
void appendString(char *dst, size_t size, const char *s);

} // namespace wasi
} // namespace w2b

#endif
