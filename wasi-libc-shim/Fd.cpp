//===- Fd.cpp - Descriptor functions: read, write, fdstat, seek, close ----===//
//
// The iovec arrays and every buffer they name are checked against the
// caller's memory before the first byte moves, so a bad pointer is `fault`
// with nothing read or written.
//
//===----------------------------------------------------------------------===//
#include "Capabilities.h"
#include "Errno.h"
#include "FdTable.h"
#include "GuestMemory.h"
#include "wasi.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

namespace w2b {
namespace wasi {
namespace {

bool stdioOpen[3] = {true, true, true};

// $filetype
enum Filetype : uint8_t {
  kFiletypeUnknown = 0,
  kFiletypeBlockDevice = 1,
  kFiletypeCharacterDevice = 2,
  kFiletypeDirectory = 3,
  kFiletypeRegularFile = 4,
  kFiletypeSocketDgram = 5,
  kFiletypeSocketStream = 6,
  kFiletypeSymbolicLink = 7,
};

// $fdflags
enum : uint16_t {
  kFdflagAppend = 1 << 0,
  kFdflagDsync = 1 << 1,
  kFdflagNonblock = 1 << 2,
  kFdflagRsync = 1 << 3,
  kFdflagSync = 1 << 4,
};

// A character device is reported as one only if it is a terminal, as
// wasmtime does for stdio: wasi-libc treats a character device without seek
// rights as a tty and line-buffers it, which /dev/null should not be.
uint8_t filetypeOf(int fd, const struct stat &st) {
  switch (st.st_mode & S_IFMT) {
  case S_IFREG:
    return kFiletypeRegularFile;
  case S_IFDIR:
    return kFiletypeDirectory;
  case S_IFBLK:
    return kFiletypeBlockDevice;
  case S_IFCHR:
    return isatty(fd) ? kFiletypeCharacterDevice : kFiletypeUnknown;
  case S_IFSOCK:
    return kFiletypeSocketStream;
  case S_IFLNK:
    return kFiletypeSymbolicLink;
  default:
    return kFiletypeUnknown; // fifos among others
  }
}

// Reads the iovec array and checks every buffer. Returns kSuccess, or kFault
// if the array or any buffer is outside memory.
Errno checkIovecs(const GuestMemory &mem, uint32_t iovs, uint32_t count) {
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

// Fills up to `max` host iovecs from guest iovecs [*index, count), starting
// `*skip` bytes into the first, with at most `budget` bytes in total.
// Zero-length entries are left out.
int gatherIovecs(const GuestMemory &mem, uint32_t iovs, uint32_t count,
                 uint32_t index, uint32_t skip, uint64_t budget,
                 struct iovec *out, int max) {
  int n = 0;
  for (uint32_t i = index; i < count && n < max && budget; ++i) {
    GuestIovec v;
    mem.read(iovs + i * uint32_t(sizeof(GuestIovec)), &v);
    uint32_t from = i == index ? skip : 0;
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

// Moves the cursor (*index, *skip) forward by `done` bytes.
void advanceIovecs(const GuestMemory &mem, uint32_t iovs, uint32_t count,
                   uint32_t *index, uint32_t *skip, uint64_t done) {
  while (*index < count) {
    GuestIovec v;
    mem.read(iovs + *index * uint32_t(sizeof(GuestIovec)), &v);
    uint64_t left = uint64_t(v.len) - *skip;
    if (done < left) {
      *skip += uint32_t(done);
      return;
    }
    done -= left;
    ++*index;
    *skip = 0;
  }
}

constexpr int kBatch = 64;

} // namespace

int hostFd(uint32_t fd) { return fd < 3 && stdioOpen[fd] ? int(fd) : -1; }

bool closeFd(uint32_t fd) {
  if (hostFd(fd) < 0)
    return false;
  stdioOpen[fd] = false;
  return true;
}

void resetDescriptors() {
  for (bool &open : stdioOpen)
    open = true;
}

} // namespace wasi
} // namespace w2b

using namespace w2b::wasi;

extern "C" {

int32_t w2b_wasi_fd_write(w2b_instance *caller, int32_t fd, int32_t iovsArg,
                          int32_t countArg, int32_t nwrittenPtr) {
  if (Errno e = checkFd(uint32_t(fd), kRightFdWrite))
    return e;
  GuestMemory mem(caller);
  auto iovs = uint32_t(iovsArg), count = uint32_t(countArg);
  if (Errno e = checkIovecs(mem, iovs, count))
    return e;
  if (!mem.contains(uint32_t(nwrittenPtr), 4))
    return kFault;
  int host = hostFd(uint32_t(fd));
  // nwritten is a u32: never write more than it can count.
  uint64_t budget = UINT32_MAX, written = 0;
  uint32_t index = 0, skip = 0;
  for (;;) {
    struct iovec batch[kBatch];
    int n = gatherIovecs(mem, iovs, count, index, skip, budget - written, batch,
                         kBatch);
    if (n == 0)
      break;
    ssize_t r = writev(host, batch, n);
    if (r < 0) {
      if (errno == EINTR)
        continue;
      if (written) // report what went through; the next call sees the error
        break;
      return errnoFromHost(errno);
    }
    written += uint64_t(r);
    advanceIovecs(mem, iovs, count, &index, &skip, uint64_t(r));
  }
  mem.write(uint32_t(nwrittenPtr), uint32_t(written));
  return kSuccess;
}

int32_t w2b_wasi_fd_read(w2b_instance *caller, int32_t fd, int32_t iovsArg,
                         int32_t countArg, int32_t nreadPtr) {
  if (Errno e = checkFd(uint32_t(fd), kRightFdRead))
    return e;
  GuestMemory mem(caller);
  auto iovs = uint32_t(iovsArg), count = uint32_t(countArg);
  if (Errno e = checkIovecs(mem, iovs, count))
    return e;
  if (!mem.contains(uint32_t(nreadPtr), 4))
    return kFault;
  struct iovec batch[kBatch];
  int n = gatherIovecs(mem, iovs, count, 0, 0, UINT32_MAX, batch, kBatch);
  ssize_t r = 0;
  if (n) {
    do
      r = readv(hostFd(uint32_t(fd)), batch, n);
    while (r < 0 && errno == EINTR);
    if (r < 0)
      return errnoFromHost(errno);
  }
  mem.write(uint32_t(nreadPtr), uint32_t(r));
  return kSuccess;
}

int32_t w2b_wasi_fd_fdstat_get(w2b_instance *caller, int32_t fd,
                               int32_t statPtr) {
  uint64_t base, inheriting;
  if (!fdRights(uint32_t(fd), &base, &inheriting))
    return kBadf;
  GuestMemory mem(caller);
  // $fdstat: u8 filetype @0, u16 flags @2, u64 rights_base @8,
  // u64 rights_inheriting @16; 24 bytes.
  if (!mem.contains(uint32_t(statPtr), 24))
    return kFault;
  int host = hostFd(uint32_t(fd));
  struct stat st;
  if (fstat(host, &st) != 0)
    return errnoFromHost(errno);
  int fl = fcntl(host, F_GETFL);
  uint16_t flags = 0;
  if (fl >= 0) {
    if (fl & O_APPEND)
      flags |= kFdflagAppend;
    if (fl & O_NONBLOCK)
      flags |= kFdflagNonblock;
#if defined(O_DSYNC) && O_DSYNC != O_SYNC
    if (fl & O_DSYNC)
      flags |= kFdflagDsync;
#endif
    if ((fl & O_SYNC) == O_SYNC)
      flags |= kFdflagSync;
  }
  uint8_t out[24] = {};
  out[0] = filetypeOf(host, st);
  memcpy(out + 2, &flags, 2);
  memcpy(out + 8, &base, 8);
  memcpy(out + 16, &inheriting, 8);
  mem.copyOut(uint32_t(statPtr), out, sizeof(out));
  return kSuccess;
}

int32_t w2b_wasi_fd_prestat_get(w2b_instance *, int32_t, int32_t) {
  return kBadf; // no preopened directories yet
}

int32_t w2b_wasi_fd_prestat_dir_name(w2b_instance *, int32_t, int32_t,
                                     int32_t) {
  return kBadf;
}

int32_t w2b_wasi_fd_close(w2b_instance *, int32_t fd) {
  return closeFd(uint32_t(fd)) ? kSuccess : kBadf;
}

int32_t w2b_wasi_fd_seek(w2b_instance *caller, int32_t fd, int64_t offset,
                         int32_t whence, int32_t newOffsetPtr) {
  int host = hostFd(uint32_t(fd));
  if (host < 0)
    return kBadf;
  // $whence: set 0, cur 1, end 2.
  static const int hostWhence[] = {SEEK_SET, SEEK_CUR, SEEK_END};
  if (uint32_t(whence) > 2)
    return kInval;
  GuestMemory mem(caller);
  if (!mem.contains(uint32_t(newOffsetPtr), 8))
    return kFault;
  off_t r = lseek(host, off_t(offset), hostWhence[whence]);
  if (r < 0)
    return errnoFromHost(errno);
  mem.write(uint32_t(newOffsetPtr), uint64_t(r));
  return kSuccess;
}

int32_t w2b_wasi_fd_tell(w2b_instance *caller, int32_t fd, int32_t offsetPtr) {
  int host = hostFd(uint32_t(fd));
  if (host < 0)
    return kBadf;
  GuestMemory mem(caller);
  if (!mem.contains(uint32_t(offsetPtr), 8))
    return kFault;
  off_t r = lseek(host, 0, SEEK_CUR);
  if (r < 0)
    return errnoFromHost(errno);
  mem.write(uint32_t(offsetPtr), uint64_t(r));
  return kSuccess;
}

} // extern "C"
