//===- Capabilities.cpp - Rights of the guest's descriptors ---------------===//
#include "Capabilities.h"

#include "FdTable.h"

namespace w2b {
namespace wasi {

bool fdRights(uint32_t fd, uint64_t *base, uint64_t *inheriting) {
  if (hostFd(fd) < 0)
    return false;
  uint64_t rights = fd == 0 ? kRightFdRead : kRightFdWrite;
  *base = rights;
  *inheriting = rights;
  return true;
}

Errno checkFd(uint32_t fd, uint64_t required) {
  uint64_t base, inheriting;
  if (!fdRights(fd, &base, &inheriting) || (base & required) != required)
    return kBadf;
  return kSuccess;
}

} // namespace wasi
} // namespace w2b
