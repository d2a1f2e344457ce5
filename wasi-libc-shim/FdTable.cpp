//===- FdTable.cpp - The guest's file descriptor table --------------------===//
#include "FdTable.h"

#include "Capabilities.h"
#include "Internal.h"
#include "Stat.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

namespace w2b {
namespace wasi {
namespace {

constexpr uint32_t kInitialSlots = 16;
FdEntry initialSlots[kInitialSlots];

FdEntry *slots = initialSlots;
uint32_t capacity = kInitialSlots;
uint32_t used = 0; // slots [0, used) may be open

// Rights a stdio descriptor loses for its direction: stdin is only read,
// stdout and stderr only written (as in Wasmtime).
constexpr uint64_t kWriteSide = kRightFdWrite | kRightFdDatasync |
                                kRightFdAllocate | kRightFdFilestatSetSize |
                                kRightFdFilestatSetTimes;

void probeStdio(uint32_t fd, FdEntry &e) {
  struct stat st;
  if (fstat(e.host, &st) != 0) {
    e.host = -1; // not open in the host either
    return;
  }
  e.filetype = filetypeOf(st, e.host);
  uint64_t rights;
  if (S_ISREG(st.st_mode)) {
    e.kind = FdKind::kFile;
    rights = kFileRights;
  } else {
    e.kind = FdKind::kStream;
    e.socket = S_ISSOCK(st.st_mode);
    rights = e.socket ? kSocketRights : kStreamRights;
  }
  rights &= fd == 0 ? ~kWriteSide : ~kRightFdRead;
  e.base = e.inheriting = rights;
}

void installStdio() {
  for (uint32_t fd = 0; fd < 3; ++fd) {
    FdEntry e;
    e.host = int(fd);
    e.kind = FdKind::kUnprobed;
    e.stdio = true;
    slots[fd] = e;
  }
  used = 3;
}

void closeHost(const FdEntry &e) {
  if (e.host >= 0 && !e.stdio)
    close(e.host);
}

} // namespace

FdEntry *fdLookup(uint32_t fd) {
  if (fd >= used || slots[fd].host < 0)
    return nullptr;
  FdEntry &e = slots[fd];
  if (e.kind == FdKind::kUnprobed) {
    probeStdio(fd, e);
    if (e.host < 0)
      return nullptr;
  }
  return &e;
}

Errno fdInsert(const FdEntry &e, uint32_t from, uint32_t *fd) {
  uint32_t i = from;
  while (i < used && slots[i].host >= 0)
    ++i;
  if (i >= capacity) {
    if (capacity >= (1u << 30))
      return kNfile;
    uint32_t grown = capacity * 2;
    FdEntry *bigger;
    if (slots == initialSlots) {
      bigger = static_cast<FdEntry *>(pageAlloc(grown * sizeof(FdEntry)));
      if (bigger)
        memcpy(static_cast<void *>(bigger), slots, capacity * sizeof(FdEntry));
    } else {
      bigger = static_cast<FdEntry *>(pageRealloc(
          slots, capacity * sizeof(FdEntry), grown * sizeof(FdEntry)));
    }
    if (!bigger)
      return kNfile;
    for (uint32_t j = capacity; j < grown; ++j)
      bigger[j] = FdEntry();
    slots = bigger;
    capacity = grown;
  }
  while (used < i)
    slots[used++] = FdEntry();
  slots[i] = e;
  if (i >= used)
    used = i + 1;
  *fd = i;
  return kSuccess;
}

Errno fdClose(uint32_t fd) {
  if (fd >= used || slots[fd].host < 0)
    return kBadf;
  closeHost(slots[fd]);
  slots[fd] = FdEntry();
  while (used > 0 && slots[used - 1].host < 0)
    --used;
  return kSuccess;
}

Errno fdRenumber(uint32_t from, uint32_t to) {
  if (!fdLookup(from) || !fdLookup(to))
    return kBadf;
  if (from == to)
    return kSuccess;
  closeHost(slots[to]);
  slots[to] = slots[from];
  slots[from] = FdEntry();
  while (used > 0 && slots[used - 1].host < 0)
    --used;
  return kSuccess;
}

void fdReset() {
  for (uint32_t i = 0; i < used; ++i) {
    closeHost(slots[i]);
    slots[i] = FdEntry();
  }
  installStdio();
}

void fdGuardStdio() {
  for (int fd = 0; fd < 3; ++fd) {
    if (fcntl(fd, F_GETFD) >= 0)
      continue;
    slots[fd].host = -1;
    int null = open("/dev/null", O_RDWR);
    if (null >= 0 && null != fd)
      close(null); // a lower slot was free: cannot happen in order 0, 1, 2
  }
}

} // namespace wasi
} // namespace w2b
