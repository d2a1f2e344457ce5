//===- Poll.cpp - poll_oneoff ---------------------------------------------===//
//
// Clock subscriptions (realtime or monotonic, relative or absolute) become
// one deadline on the monotonic clock; fd_read / fd_write subscriptions on
// pipes, terminals and sockets become a ppoll() with that timeout. Regular
// files are always ready ("This event always triggers for regular files").
// A subscription that cannot be served (a closed descriptor, missing
// rights, an unsupported clock) is reported at once as an event carrying
// the error, as the witx's event.error describes; Wasmtime fails the whole
// call instead.
//
//===----------------------------------------------------------------------===//
#include "Capabilities.h"
#include "Errno.h"
#include "FdTable.h"
#include "GuestMemory.h"
#include "Internal.h"
#include "wasi.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

namespace w2b {
namespace wasi {
namespace {

// $subscription: userdata u64 @0, tag u8 @8, then @16 either
// subscription_clock {id u32 @16, timeout u64 @24, precision u64 @32,
// flags u16 @40} or subscription_fd_readwrite {fd u32 @16}; 48 bytes.
constexpr uint32_t kSubscriptionSize = 48;
// $event: userdata u64 @0, error u16 @8, type u8 @10, fd_readwrite
// {nbytes u64 @16, flags u16 @24}; 32 bytes.
constexpr uint32_t kEventSize = 32;

enum : uint8_t { kEventClock = 0, kEventFdRead = 1, kEventFdWrite = 2 };
constexpr uint16_t kSubclockAbstime = 1;
constexpr uint16_t kEventFdReadwriteHangup = 1;

constexpr uint64_t kForever = UINT64_MAX;

uint64_t now(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return uint64_t(ts.tv_sec) * 1000000000u + uint64_t(ts.tv_nsec);
}

uint64_t saturatingAdd(uint64_t a, uint64_t b) {
  return a > kForever - b ? kForever : a + b;
}

struct Sub {
  uint64_t userdata;
  uint8_t type;
  uint64_t deadline = kForever; // clock: on CLOCK_MONOTONIC
  int pollIndex = -1;           // fd: its pollfd, if polled
  bool ready = false;           // reported without polling
  uint16_t error = 0;
  uint64_t nbytes = 0;
  uint16_t flags = 0;
};

// Bytes left to read in a regular file.
uint64_t readableBytes(const FdEntry &e) {
  if (e.kind == FdKind::kFile) {
    struct stat st;
    off_t pos = lseek(e.host, 0, SEEK_CUR);
    if (fstat(e.host, &st) == 0 && pos >= 0 && st.st_size > pos)
      return uint64_t(st.st_size - pos);
    return 0;
  }
  return 0;
}

// Sets up subscription `sub` from the guest's bytes `in`.
Errno prepare(const uint8_t *in, Sub *sub, struct pollfd *fds, int *nfds) {
  memcpy(&sub->userdata, in, 8);
  sub->type = in[8];
  if (sub->type == kEventClock) {
    uint32_t id;
    uint64_t timeout;
    uint16_t flags;
    memcpy(&id, in + 16, 4);
    memcpy(&timeout, in + 24, 8);
    memcpy(&flags, in + 40, 2);
    if (flags & ~kSubclockAbstime)
      return kInval;
    uint64_t mono = now(CLOCK_MONOTONIC);
    if (id == 0 || id == 1) { // realtime, monotonic
      if (!(flags & kSubclockAbstime)) {
        sub->deadline = saturatingAdd(mono, timeout);
      } else if (id == 1) {
        sub->deadline = timeout;
      } else {
        uint64_t real = now(CLOCK_REALTIME);
        sub->deadline =
            timeout <= real ? mono : saturatingAdd(mono, timeout - real);
      }
    } else {
      // The CPU-time clocks cannot be waited for; others do not exist.
      sub->ready = true;
      sub->error = id <= 3 ? kNotsup : kInval;
    }
    return kSuccess;
  }
  if (sub->type != kEventFdRead && sub->type != kEventFdWrite)
    return kInval;
  uint32_t fd;
  memcpy(&fd, in + 16, 4);
  FdEntry *e = fdLookup(fd);
  bool read = sub->type == kEventFdRead;
  uint64_t required = kRightPollFdReadwrite;
  if (!e) {
    sub->error = kBadf;
  } else if (read && e->kind == FdKind::kListener) {
    // Readable means a connection is waiting for sock_accept.
    if (uint64_t missing = (required | kRightSockAccept) & ~e->base)
      sub->error = missingRight(*e, missing);
  } else {
    required |= read ? kRightFdRead : kRightFdWrite;
    if (uint64_t missing = required & ~e->base)
      sub->error = missingRight(*e, missing);
  }
  if (sub->error) {
    sub->ready = true;
    return kSuccess;
  }
  if (e->kind == FdKind::kFile || e->kind == FdKind::kDirectory) {
    sub->ready = true;
    if (read)
      sub->nbytes = readableBytes(*e);
    return kSuccess;
  }
  sub->pollIndex = *nfds;
  fds[*nfds].fd = e->host;
  fds[*nfds].events = read ? POLLIN : POLLOUT;
  fds[*nfds].revents = 0;
  ++*nfds;
  return kSuccess;
}

} // namespace
} // namespace wasi
} // namespace w2b

using namespace w2b::wasi;

extern "C" {

int32_t w2b_wasi_poll_oneoff(w2b_instance *caller, int32_t inArg,
                             int32_t outArg, int32_t countArg,
                             int32_t neventsPtr) {
  auto in = uint32_t(inArg), out = uint32_t(outArg), n = uint32_t(countArg);
  if (n == 0)
    return kInval;
  GuestMemory mem(caller);
  if (!mem.contains(in, uint64_t(n) * kSubscriptionSize) ||
      !mem.contains(out, uint64_t(n) * kEventSize) ||
      !mem.contains(uint32_t(neventsPtr), 4))
    return kFault;

  // Small counts on the stack, more in pages of their own.
  constexpr uint32_t kLocal = 16;
  Sub localSubs[kLocal];
  struct pollfd localFds[kLocal];
  Sub *subs = localSubs;
  struct pollfd *fds = localFds;
  size_t heapBytes =
      n > kLocal ? size_t(n) * (sizeof(Sub) + sizeof(pollfd)) : 0;
  struct Release {
    void *p;
    size_t bytes;
    ~Release() { w2b::pageFree(p, bytes); }
  } release{nullptr, heapBytes};
  if (heapBytes) {
    release.p = w2b::pageAlloc(heapBytes);
    if (!release.p)
      return kNomem;
    subs = static_cast<Sub *>(release.p);
    for (uint32_t i = 0; i < n; ++i)
      subs[i] = Sub(); // zero-filled pages: trivially assignable
    fds = reinterpret_cast<struct pollfd *>(subs + n);
  }

  int nfds = 0;
  bool anyReady = false;
  for (uint32_t i = 0; i < n; ++i) {
    if (Errno e =
            prepare(mem.at(in + i * kSubscriptionSize), &subs[i], fds, &nfds))
      return e;
    anyReady |= subs[i].ready;
  }

  uint32_t events = 0;
  for (;;) {
    uint64_t deadline = kForever;
    for (uint32_t i = 0; i < n; ++i)
      if (subs[i].type == kEventClock && !subs[i].ready &&
          subs[i].deadline < deadline)
        deadline = subs[i].deadline;
    uint64_t start = now(CLOCK_MONOTONIC);
    struct timespec timeout = {0, 0}, *wait = &timeout;
    if (!anyReady) {
      if (deadline == kForever) {
        wait = nullptr;
      } else if (deadline > start) {
        uint64_t left = deadline - start;
        timeout.tv_sec = time_t(left / 1000000000u);
        timeout.tv_nsec = long(left % 1000000000u);
      }
    }
    int r = ppoll(fds, nfds_t(nfds), wait, nullptr);
    if (r < 0 && errno != EINTR)
      return errnoFromHost(errno);
    uint64_t end = now(CLOCK_MONOTONIC);
    for (uint32_t i = 0; i < n; ++i) {
      Sub &s = subs[i];
      if (s.ready)
        continue;
      if (s.type == kEventClock) {
        s.ready = s.deadline <= end;
        continue;
      }
      if (s.pollIndex < 0 || r <= 0)
        continue;
      short revents = fds[s.pollIndex].revents;
      if (!revents)
        continue;
      s.ready = true;
      if (revents & POLLNVAL)
        s.error = kBadf;
      if (revents & POLLHUP)
        s.flags = kEventFdReadwriteHangup;
      int avail = 0;
      if (s.type == kEventFdRead &&
          ioctl(fds[s.pollIndex].fd, FIONREAD, &avail) == 0 && avail > 0)
        s.nbytes = uint64_t(avail);
    }
    for (uint32_t i = 0; i < n; ++i)
      events += subs[i].ready;
    if (events)
      break;
  }

  uint32_t k = 0;
  for (uint32_t i = 0; i < n; ++i) {
    const Sub &s = subs[i];
    if (!s.ready)
      continue;
    uint8_t ev[kEventSize] = {};
    memcpy(ev, &s.userdata, 8);
    memcpy(ev + 8, &s.error, 2);
    ev[10] = s.type;
    if (s.type != kEventClock) {
      memcpy(ev + 16, &s.nbytes, 8);
      memcpy(ev + 24, &s.flags, 2);
    }
    mem.copyOut(out + k++ * kEventSize, ev, kEventSize);
  }
  mem.write(uint32_t(neventsPtr), k);
  return kSuccess;
}

} // extern "C"
