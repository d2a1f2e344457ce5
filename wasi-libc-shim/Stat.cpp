//===- Stat.cpp - $filestat, $filetype, $fstflags -------------------------===//
#include "Stat.h"

#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

namespace w2b {
namespace wasi {

uint8_t filetypeOf(const struct stat &st, int fd) {
  switch (st.st_mode & S_IFMT) {
  case S_IFREG:
    return kFiletypeRegularFile;
  case S_IFDIR:
    return kFiletypeDirectory;
  case S_IFBLK:
    return kFiletypeBlockDevice;
  case S_IFCHR:
    return fd < 0 || isatty(fd) ? kFiletypeCharacterDevice : kFiletypeUnknown;
  case S_IFSOCK: {
    int type = SOCK_STREAM;
    socklen_t len = sizeof(type);
    if (fd >= 0 && getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) == 0 &&
        type == SOCK_DGRAM)
      return kFiletypeSocketDgram;
    return kFiletypeSocketStream;
  }
  case S_IFLNK:
    return kFiletypeSymbolicLink;
  default:
    return kFiletypeUnknown; // fifos among others (WASI has no fifo type)
  }
}

namespace {
uint64_t nanoseconds(const struct timespec &ts) {
  if (ts.tv_sec < 0)
    return 0;
  return uint64_t(ts.tv_sec) * 1000000000u + uint64_t(ts.tv_nsec);
}
} // namespace

void storeFilestat(uint8_t *out, const struct stat &st, uint8_t filetype) {
  uint64_t v[8] = {
      uint64_t(st.st_dev),     uint64_t(st.st_ino),    filetype,
      uint64_t(st.st_nlink),   uint64_t(st.st_size),   nanoseconds(st.st_atim),
      nanoseconds(st.st_mtim), nanoseconds(st.st_ctim)};
  memcpy(out, v, sizeof(v)); // filetype is a u8 at 16, padded to 24
}

Errno timesFromFlags(uint64_t atim, uint64_t mtim, uint32_t flags,
                     struct timespec ts[2]) {
  // $fstflags: atim 1, atim_now 2, mtim 4, mtim_now 8.
  if (flags & ~0xfu)
    return kInval;
  if ((flags & 3) == 3 || (flags & 12) == 12)
    return kInval;
  const uint64_t values[2] = {atim, mtim};
  for (int i = 0; i < 2; ++i) {
    uint32_t f = flags >> (2 * i);
    if (f & 1) {
      ts[i].tv_sec = time_t(values[i] / 1000000000u);
      ts[i].tv_nsec = long(values[i] % 1000000000u);
    } else {
      ts[i].tv_sec = 0;
      ts[i].tv_nsec = (f & 2) ? UTIME_NOW : UTIME_OMIT;
    }
  }
  return kSuccess;
}

} // namespace wasi
} // namespace w2b
