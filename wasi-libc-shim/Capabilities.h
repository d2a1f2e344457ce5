//===- Capabilities.h - The one place where WASI rights are checked -*- C++
//-*-===//
//
// Deny by default. Every function that acts on a descriptor asks here
// whether the guest holds the right it needs. For now the only descriptors
// are stdio, with the rights wasmtime gives them (stdin: fd_read; stdout and
// stderr: fd_write); path rights and preopens will live here too.
//
//===----------------------------------------------------------------------===//
#ifndef WASM2BIN_WASI_CAPABILITIES_H
#define WASM2BIN_WASI_CAPABILITIES_H

#include "Errno.h"

#include <stdint.h>

namespace w2b {
namespace wasi {

// $rights bits (typenames.witx).
enum Right : uint64_t {
  kRightFdDatasync = 1ull << 0,
  kRightFdRead = 1ull << 1,
  kRightFdSeek = 1ull << 2,
  kRightFdFdstatSetFlags = 1ull << 3,
  kRightFdSync = 1ull << 4,
  kRightFdTell = 1ull << 5,
  kRightFdWrite = 1ull << 6,
  kRightFdAdvise = 1ull << 7,
  kRightFdAllocate = 1ull << 8,
  kRightPathCreateDirectory = 1ull << 9,
  kRightPathCreateFile = 1ull << 10,
  kRightPathLinkSource = 1ull << 11,
  kRightPathLinkTarget = 1ull << 12,
  kRightPathOpen = 1ull << 13,
  kRightFdReaddir = 1ull << 14,
  kRightPathReadlink = 1ull << 15,
  kRightPathRenameSource = 1ull << 16,
  kRightPathRenameTarget = 1ull << 17,
  kRightPathFilestatGet = 1ull << 18,
  kRightPathFilestatSetSize = 1ull << 19,
  kRightPathFilestatSetTimes = 1ull << 20,
  kRightFdFilestatGet = 1ull << 21,
  kRightFdFilestatSetSize = 1ull << 22,
  kRightFdFilestatSetTimes = 1ull << 23,
  kRightPathSymlink = 1ull << 24,
  kRightPathRemoveDirectory = 1ull << 25,
  kRightPathUnlinkFile = 1ull << 26,
  kRightPollFdReadwrite = 1ull << 27,
  kRightSockShutdown = 1ull << 28,
  kRightSockAccept = 1ull << 29,
};

// The rights the guest holds on `fd` (base and inheriting); false if the
// descriptor is not open.
bool fdRights(uint32_t fd, uint64_t *base, uint64_t *inheriting);

// kSuccess if `fd` is open and carries every right in `required`; kBadf
// otherwise (a descriptor used in a direction it was not opened for is a bad
// descriptor, as for POSIX and wasmtime).
Errno checkFd(uint32_t fd, uint64_t required);

} // namespace wasi
} // namespace w2b

#endif
