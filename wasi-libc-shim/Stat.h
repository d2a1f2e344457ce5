//===- Stat.h - $filestat, $filetype, $fstflags ------------------*- C++
//-*-===//
#ifndef WASM2BIN_WASI_STAT_H
#define WASM2BIN_WASI_STAT_H

#include "Errno.h"

#include <stdint.h>
#include <sys/stat.h>
#include <time.h>

namespace w2b {
namespace wasi {

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

// The $filetype of `st`. With the host descriptor (`fd` >= 0), a character
// device is reported as one only if it is a terminal, as Wasmtime does for
// stdio (wasi-libc line-buffers character devices without seek rights, which
// /dev/null should not be), and a socket's type is asked for.
uint8_t filetypeOf(const struct stat &st, int fd);

// $filestat: 64 bytes at `out` (dev, ino, filetype, nlink, size, atim, mtim,
// ctim; timestamps in nanoseconds).
constexpr uint32_t kFilestatSize = 64;
void storeFilestat(uint8_t *out, const struct stat &st, uint8_t filetype);

// The two timespecs of utimensat/futimens for $fstflags `flags`: inval if a
// time is both given and "now", or for unknown flags.
Errno timesFromFlags(uint64_t atim, uint64_t mtim, uint32_t flags,
                     struct timespec ts[2]);

} // namespace wasi
} // namespace w2b

#endif
