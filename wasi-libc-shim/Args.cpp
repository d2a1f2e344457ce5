//===- Args.cpp - args_*, environ_* ---------------------------------------===//
//
// Nothing is copied: the context keeps argv, the policy and the host
// environment, and the environment the guest sees is computed when it asks
// (twice per program in practice), which keeps start-up free of work.
//
// The guest's environment: with inherit_env, the host's variables that no
// grant names; then the grants (a key granted twice: the last one), with
// "KEY" alone taking the host's value if set. Variables named WASM2BIN_* are
// never taken from the host (they configure the runtime, e.g.
// WASM2BIN_GRANTS).
//
//===----------------------------------------------------------------------===//
#include "Context.h"
#include "Errno.h"
#include "GuestMemory.h"
#include "wasi.h"

#include <string.h>

namespace w2b {
namespace wasi {
namespace {

size_t keyLength(const char *entry) {
  const char *eq = strchr(entry, '=');
  return eq ? size_t(eq - entry) : strlen(entry);
}

bool sameKey(const char *a, const char *b) {
  size_t n = keyLength(a);
  return n == keyLength(b) && memcmp(a, b, n) == 0;
}

bool reserved(const char *entry) {
  return strncmp(entry, kReservedEnvPrefix, sizeof(kReservedEnvPrefix) - 1) ==
         0;
}

// Whether a grant of the policy, from index `from` on, names `entry`'s key.
bool grantedFrom(const char *entry, uint32_t from) {
  const Policy &p = context().policy;
  for (uint32_t i = from; i < p.numEnv; ++i)
    if (sameKey(entry, p.env[i]))
      return true;
  return false;
}

const char *hostLookup(const char *key) {
  if (reserved(key))
    return nullptr;
  for (const char *const *e = context().hostEnv; e && *e; ++e)
    if (sameKey(*e, key))
      return *e;
  return nullptr;
}

// Calls visit(entry) for each "KEY=VALUE" of the guest's environment.
template <typename Visit> void forEachEnv(Visit visit) {
  const Policy &p = context().policy;
  if (p.inheritEnv)
    for (const char *const *e = context().hostEnv; e && *e; ++e)
      if (!reserved(*e) && !grantedFrom(*e, 0))
        visit(*e);
  for (uint32_t i = 0; i < p.numEnv; ++i) {
    const char *g = p.env[i];
    if (grantedFrom(g, i + 1))
      continue;
    if (!strchr(g, '=') && !(g = hostLookup(g)))
      continue;
    visit(g);
  }
}

template <typename Visit> void forEachArg(Visit visit) {
  const Context &c = context();
  for (uint32_t i = 0; i < c.argc; ++i)
    visit(c.argv[i]);
}

// *_sizes_get: the number of strings and the bytes they take with their NULs.
template <typename ForEach>
Errno stringSizes(w2b_instance *caller, ForEach forEach, int32_t countPtr,
                  int32_t bytesPtr) {
  uint64_t count = 0, bytes = 0;
  forEach([&](const char *s) {
    ++count;
    bytes += strlen(s) + 1;
  });
  if (count > UINT32_MAX || bytes > UINT32_MAX)
    return kOverflow;
  GuestMemory mem(caller);
  if (!mem.contains(uint32_t(countPtr), 4) ||
      !mem.contains(uint32_t(bytesPtr), 4))
    return kFault;
  mem.write(uint32_t(countPtr), uint32_t(count));
  mem.write(uint32_t(bytesPtr), uint32_t(bytes));
  return kSuccess;
}

// *_get: pointers to the strings at `ptrs`, the strings themselves packed at
// `buf`. Both ranges are checked before anything is written.
template <typename ForEach>
Errno stringsGet(w2b_instance *caller, ForEach forEach, int32_t ptrsArg,
                 int32_t bufArg) {
  uint64_t count = 0, bytes = 0;
  forEach([&](const char *s) {
    ++count;
    bytes += strlen(s) + 1;
  });
  GuestMemory mem(caller);
  auto ptrs = uint32_t(ptrsArg), buf = uint32_t(bufArg);
  if (!mem.contains(ptrs, count * 4) || !mem.contains(buf, bytes))
    return kFault;
  uint32_t index = 0, offset = buf;
  forEach([&](const char *s) {
    size_t n = strlen(s) + 1;
    mem.write(ptrs + 4 * index++, offset);
    memcpy(mem.at(offset), s, n);
    offset += uint32_t(n);
  });
  return kSuccess;
}

auto argStrings = [](auto visit) { forEachArg(visit); };
auto envStrings = [](auto visit) { forEachEnv(visit); };

} // namespace
} // namespace wasi
} // namespace w2b

using namespace w2b::wasi;

extern "C" {

int32_t w2b_wasi_args_sizes_get(w2b_instance *caller, int32_t argcPtr,
                                int32_t bufSizePtr) {
  return stringSizes(caller, argStrings, argcPtr, bufSizePtr);
}

int32_t w2b_wasi_args_get(w2b_instance *caller, int32_t argvPtr,
                          int32_t bufPtr) {
  return stringsGet(caller, argStrings, argvPtr, bufPtr);
}

int32_t w2b_wasi_environ_sizes_get(w2b_instance *caller, int32_t countPtr,
                                   int32_t bufSizePtr) {
  return stringSizes(caller, envStrings, countPtr, bufSizePtr);
}

int32_t w2b_wasi_environ_get(w2b_instance *caller, int32_t environPtr,
                             int32_t bufPtr) {
  return stringsGet(caller, envStrings, environPtr, bufPtr);
}

} // extern "C"
