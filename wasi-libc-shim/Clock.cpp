//===- Clock.cpp - clock_res_get, clock_time_get --------------------------===//
#include "Errno.h"
#include "GuestMemory.h"
#include "wasi.h"

#include <errno.h>
#include <time.h>

namespace {

using namespace w2b::wasi;

// $clockid: realtime 0, monotonic 1, process_cputime_id 2, thread_cputime_id 3.
bool hostClock(int32_t id, clockid_t *out) {
  switch (id) {
  case 0:
    *out = CLOCK_REALTIME;
    return true;
  case 1:
    *out = CLOCK_MONOTONIC;
    return true;
  case 2:
    *out = CLOCK_PROCESS_CPUTIME_ID;
    return true;
  case 3:
    *out = CLOCK_THREAD_CPUTIME_ID;
    return true;
  default:
    return false;
  }
}

uint64_t nanoseconds(const struct timespec &ts) {
  return uint64_t(ts.tv_sec) * 1000000000u + uint64_t(ts.tv_nsec);
}

} // namespace

extern "C" {

int32_t w2b_wasi_clock_res_get(w2b_instance *caller, int32_t id,
                               int32_t resolutionPtr) {
  clockid_t clock;
  if (!hostClock(id, &clock))
    return kInval;
  struct timespec ts;
  if (clock_getres(clock, &ts) != 0)
    return errnoFromHost(errno);
  GuestMemory mem(caller);
  return mem.write(uint32_t(resolutionPtr), nanoseconds(ts)) ? kSuccess
                                                             : kFault;
}

int32_t w2b_wasi_clock_time_get(w2b_instance *caller, int32_t id,
                                int64_t precision, int32_t timePtr) {
  (void)precision; // the host clocks are as precise as they get
  clockid_t clock;
  if (!hostClock(id, &clock))
    return kInval;
  struct timespec ts;
  if (clock_gettime(clock, &ts) != 0)
    return errnoFromHost(errno);
  GuestMemory mem(caller);
  return mem.write(uint32_t(timePtr), nanoseconds(ts)) ? kSuccess : kFault;
}

} // extern "C"
