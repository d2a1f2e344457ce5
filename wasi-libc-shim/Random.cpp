//===- Random.cpp - random_get
//---------------------------------------------===//
#include "Errno.h"
#include "GuestMemory.h"
#include "wasi.h"

#include <errno.h>
#include <sys/random.h>

using namespace w2b::wasi;

extern "C" {

int32_t w2b_wasi_random_get(w2b_instance *caller, int32_t bufArg,
                            int32_t lenArg) {
  GuestMemory mem(caller);
  auto buf = uint32_t(bufArg), len = uint32_t(lenArg);
  if (!mem.contains(buf, len))
    return kFault;
  uint8_t *p = mem.at(buf);
  while (len) {
    // getrandom returns at most 32 MiB - 1 per call from the urandom source.
    size_t chunk = len < (1u << 24) ? len : (1u << 24);
    ssize_t r = getrandom(p, chunk, 0);
    if (r < 0) {
      if (errno == EINTR)
        continue;
      return errnoFromHost(errno);
    }
    p += r;
    len -= uint32_t(r);
  }
  return kSuccess;
}

} // extern "C"
