//===- FdTable.h - The guest's file descriptor table ------------*- C++ -*-===//
//
// Guest descriptor numbers index a table of entries, each with the host
// descriptor behind it, its kind and its rights. 0, 1 and 2 are the process's
// stdio: closing or overwriting them (fd_close, fd_renumber) only ends the
// guest's use, the host descriptors stay open (traps are still reported on
// stderr). Pre-opened directories follow from 3 on, in grant order, then the
// pre-opened listening sockets. New descriptors take the lowest free number.
//
// The table starts in static storage (no allocation at start-up) and grows
// in pages (pageRealloc: the runtime links no allocator).
//
//===----------------------------------------------------------------------===//
#ifndef WASM2BIN_WASI_FDTABLE_H
#define WASM2BIN_WASI_FDTABLE_H

#include "Errno.h"

#include <stdint.h>

namespace w2b {
namespace wasi {

enum class FdKind : uint8_t {
  kUnprobed, // stdio not examined yet (on first use: one fstat)
  kFile,     // regular file
  kDirectory,
  kStream,   // pipe, terminal, character device, connected socket, ...
  kListener, // pre-opened listening socket
};

struct FdEntry {
  int host = -1; // -1: the slot is free
  FdKind kind = FdKind::kStream;
  bool stdio = false;   // host 0/1/2 of the process: never closed by the guest
  bool socket = false;  // sock_* apply (kStream or kListener)
  bool rsync = false;   // opened with fdflags::rsync (Linux has no own flag)
  uint8_t filetype = 0; // $filetype, fixed when the entry is made
  uint64_t base = 0, inheriting = 0;
  const char *preopen = nullptr; // guest name of a pre-opened directory
  uint32_t preopenLen = 0;
};

// The entry of guest `fd` if it is open (stdio is examined on first use).
FdEntry *fdLookup(uint32_t fd);

// Installs `e` at the lowest free number >= `from`: *fd is it. nfile if the
// table cannot grow (the host descriptor is then the caller's to close).
Errno fdInsert(const FdEntry &e, uint32_t from, uint32_t *fd);

// Closes guest `fd` (and its host descriptor unless stdio); badf if not open.
Errno fdClose(uint32_t fd);

// Moves `from` onto `to`, closing what `to` was; both must be open.
Errno fdRenumber(uint32_t from, uint32_t to);

// Closes every descriptor and reinstalls stdio (w2b_wasi_init).
void fdReset();

// Host stdio that is not open at start-up is closed for the guest; the host
// slot is filled with /dev/null so that a later open cannot land on 0, 1 or
// 2 and be mistaken for stdio.
void fdGuardStdio();

} // namespace wasi
} // namespace w2b

#endif
