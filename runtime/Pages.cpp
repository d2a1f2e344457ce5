//===- Pages.cpp - Page-granular allocation for the runtime's objects -----===//
//
// The runtime allocates few, long-lived objects (instances, tables' element
// arrays, memories), so it takes them straight from mmap instead of malloc:
// one system call each, zero-filled, and a command executable links no
// allocator at all (musl's costs ~6 KB of code and four system calls to
// initialise).
//
//===----------------------------------------------------------------------===//
#include "Internal.h"

#include <sys/mman.h>

namespace w2b {
namespace {

constexpr size_t kPage = 4096;

size_t roundToPages(size_t bytes) { return (bytes + kPage - 1) & ~(kPage - 1); }

} // namespace

void *pageAlloc(size_t bytes) {
  if (bytes == 0)
    return nullptr;
  void *p = mmap(nullptr, roundToPages(bytes), PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? nullptr : p;
}

void *pageRealloc(void *p, size_t oldBytes, size_t newBytes) {
  if (!p)
    return pageAlloc(newBytes);
  size_t oldSize = roundToPages(oldBytes), newSize = roundToPages(newBytes);
  if (newSize == oldSize)
    return p;
  void *q = mremap(p, oldSize, newSize, MREMAP_MAYMOVE);
  return q == MAP_FAILED ? nullptr : q;
}

void pageFree(void *p, size_t bytes) {
  if (p)
    munmap(p, roundToPages(bytes));
}

} // namespace w2b
