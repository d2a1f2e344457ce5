//===- GuestMemory.h - Checked access to the caller's memory ----*- C++ -*-===//
//
// The only way the shim touches guest memory. A guest pointer is a u32
// offset into the caller's memory 0; every access is checked against the
// memory's current size first (a caller without memory has size 0), so a bad
// pointer or length becomes errno `fault` and never a host fault. Snapshot
// the memory at the start of a call: WASI functions do not grow it.
//
// Wasm memory is little-endian; so is every host we build for.
//
//===----------------------------------------------------------------------===//
#ifndef WASM2BIN_WASI_GUESTMEMORY_H
#define WASM2BIN_WASI_GUESTMEMORY_H

#include "Errno.h"
#include "abi.h"

#include <stdint.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "guest memory is accessed in host byte order");

namespace w2b {
namespace wasi {

class GuestMemory {
public:
  explicit GuestMemory(w2b_instance *caller) {
    if (caller && caller->memory) {
      base_ = caller->memory->base;
      size_ = caller->memory->size;
    }
  }

  // Whether [ptr, ptr + len) lies inside the memory.
  bool contains(uint32_t ptr, uint64_t len) const {
    return ptr <= size_ && len <= size_ - ptr;
  }

  // A host pointer for `ptr`; only after contains(ptr, n) said yes.
  uint8_t *at(uint32_t ptr) const { return base_ + ptr; }

  template <typename T> bool read(uint32_t ptr, T *out) const {
    if (!contains(ptr, sizeof(T)))
      return false;
    memcpy(out, base_ + ptr, sizeof(T));
    return true;
  }

  template <typename T> bool write(uint32_t ptr, T value) const {
    if (!contains(ptr, sizeof(T)))
      return false;
    memcpy(base_ + ptr, &value, sizeof(T));
    return true;
  }

  bool copyOut(uint32_t ptr, const void *src, uint64_t len) const {
    if (!contains(ptr, len))
      return false;
    if (len)
      memcpy(base_ + ptr, src, len);
    return true;
  }

private:
  uint8_t *base_ = nullptr;
  uint64_t size_ = 0;
};

// An iovec/ciovec of the guest: {u32 buf, u32 buf_len}.
struct GuestIovec {
  uint32_t buf;
  uint32_t len;
};
static_assert(sizeof(GuestIovec) == 8, "witx $iovec layout");

// Checks the iovec array and every buffer it names: kSuccess, or kFault if
// any of them is outside memory (then nothing must be transferred).
inline Errno checkIovecs(const GuestMemory &mem, uint32_t iovs,
                         uint32_t count) {
  if (!mem.contains(iovs, uint64_t(count) * sizeof(GuestIovec)))
    return kFault;
  for (uint32_t i = 0; i < count; ++i) {
    GuestIovec v;
    mem.read(iovs + i * uint32_t(sizeof(GuestIovec)), &v);
    if (!mem.contains(v.buf, v.len))
      return kFault;
  }
  return kSuccess;
}

// A position in a checked iovec array: entry `index`, `skip` bytes into it.
struct IovecCursor {
  uint32_t index = 0;
  uint32_t skip = 0;
};

// Fills up to `max` host iovecs from the guest's, from `at` on, with at most
// `budget` bytes in total. Zero-length entries are left out.
inline int gatherIovecs(const GuestMemory &mem, uint32_t iovs, uint32_t count,
                        IovecCursor at, uint64_t budget, struct iovec *out,
                        int max) {
  int n = 0;
  for (uint32_t i = at.index; i < count && n < max && budget; ++i) {
    GuestIovec v;
    mem.read(iovs + i * uint32_t(sizeof(GuestIovec)), &v);
    uint32_t from = i == at.index ? at.skip : 0;
    uint64_t len = v.len - from;
    if (!len)
      continue;
    if (len > budget)
      len = budget;
    out[n].iov_base = mem.at(v.buf + from);
    out[n].iov_len = size_t(len);
    budget -= len;
    ++n;
  }
  return n;
}

// Moves the cursor forward by `done` bytes.
inline void advanceIovecs(const GuestMemory &mem, uint32_t iovs, uint32_t count,
                          IovecCursor *at, uint64_t done) {
  while (at->index < count) {
    GuestIovec v;
    mem.read(iovs + at->index * uint32_t(sizeof(GuestIovec)), &v);
    uint64_t left = uint64_t(v.len) - at->skip;
    if (done < left) {
      at->skip += uint32_t(done);
      return;
    }
    done -= left;
    ++at->index;
    at->skip = 0;
  }
}

// Host iovecs handed to one readv/writev.
constexpr int kIovecBatch = 64;

struct FdEntry;

// Writes the guest's iovecs (already checked) to `e` from `offset` (-1: at
// the descriptor's position; sockets with MSG_NOSIGNAL, so a closed peer is
// errno `pipe`), as much as goes through; *written is the count.
Errno writeIovecs(const FdEntry &e, const GuestMemory &mem, uint32_t iovs,
                  uint32_t count, off_t offset, uint32_t *written);

} // namespace wasi
} // namespace w2b

#endif
