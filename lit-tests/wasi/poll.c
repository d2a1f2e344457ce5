// poll_oneoff: relative and absolute clock subscriptions on both clocks, the
// earliest of several, fd_read / fd_write readiness of pipes and files
// (with hang-up at end of input), and errors, both for the whole call and
// per subscription (as event.error).
// RUN: %clang-wasi %s -o %t.wasm
// RUN: %wasm2bin --dir %t.dir::/sandbox %t.wasm -o %t
// RUN: rm -rf %t.dir && mkdir %t.dir && echo 0123456789 > %t.dir/file
// RUN: echo data | %t | FileCheck %s
// CHECK-NOT: FAIL
// CHECK: done: 0 failures
#include "Inputs/check.h"

#include <time.h>
#include <unistd.h>

#define BAD_PTR ((void *)0xfffffff0u)
#define MS 1000000ull

static __wasi_timestamp_t now(__wasi_clockid_t id) {
  __wasi_timestamp_t t = 0;
  (void)__wasi_clock_time_get(id, 0, &t);
  return t;
}

static __wasi_subscription_t clock_sub(uint64_t userdata, __wasi_clockid_t id,
                                       __wasi_timestamp_t timeout,
                                       __wasi_subclockflags_t flags) {
  __wasi_subscription_t s;
  memset(&s, 0, sizeof(s));
  s.userdata = userdata;
  s.u.tag = __WASI_EVENTTYPE_CLOCK;
  s.u.u.clock.id = id;
  s.u.u.clock.timeout = timeout;
  s.u.u.clock.flags = flags;
  return s;
}

static __wasi_subscription_t fd_sub(uint64_t userdata, __wasi_eventtype_t type,
                                    __wasi_fd_t fd) {
  __wasi_subscription_t s;
  memset(&s, 0, sizeof(s));
  s.userdata = userdata;
  s.u.tag = type;
  s.u.u.fd_read.file_descriptor = fd;
  return s;
}

// Polls `n` subscriptions; returns the number of events and how long it took.
static __wasi_size_t poll(const __wasi_subscription_t *in, __wasi_event_t *out,
                          int n, __wasi_timestamp_t *took) {
  __wasi_size_t got = 999;
  __wasi_timestamp_t start = now(__WASI_CLOCKID_MONOTONIC);
  EXPECT_OK(__wasi_poll_oneoff(in, out, n, &got));
  *took = now(__WASI_CLOCKID_MONOTONIC) - start;
  return got;
}

int main(void) {
  CHECK(sizeof(__wasi_subscription_t) == 48 && sizeof(__wasi_event_t) == 32);
  __wasi_subscription_t in[4];
  __wasi_event_t out[4];
  __wasi_timestamp_t took;
  __wasi_size_t n;

  // Relative, on the monotonic clock.
  in[0] = clock_sub(42, __WASI_CLOCKID_MONOTONIC, 20 * MS, 0);
  CHECK(poll(in, out, 1, &took) == 1);
  CHECK(out[0].userdata == 42 && out[0].error == 0 &&
        out[0].type == __WASI_EVENTTYPE_CLOCK);
  CHECK(took >= 20 * MS && took < 2000 * MS);

  // Absolute, monotonic and realtime; one in the past fires at once.
  in[0] = clock_sub(1, __WASI_CLOCKID_MONOTONIC,
                    now(__WASI_CLOCKID_MONOTONIC) + 30 * MS,
                    __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME);
  CHECK(poll(in, out, 1, &took) == 1 && out[0].userdata == 1);
  CHECK(took >= 25 * MS && took < 2000 * MS);
  in[0] = clock_sub(2, __WASI_CLOCKID_REALTIME,
                    now(__WASI_CLOCKID_REALTIME) + 30 * MS,
                    __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME);
  CHECK(poll(in, out, 1, &took) == 1 && out[0].userdata == 2);
  CHECK(took >= 25 * MS && took < 2000 * MS);
  in[0] = clock_sub(3, __WASI_CLOCKID_REALTIME, 1000,
                    __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME);
  CHECK(poll(in, out, 1, &took) == 1 && out[0].userdata == 3);
  CHECK(took < 100 * MS);

  // The earliest of several clocks, and only it.
  in[0] = clock_sub(10, __WASI_CLOCKID_MONOTONIC, 5000 * MS, 0);
  in[1] = clock_sub(11, __WASI_CLOCKID_REALTIME, 10 * MS, 0);
  in[2] = clock_sub(12, __WASI_CLOCKID_MONOTONIC, 3000 * MS, 0);
  CHECK(poll(in, out, 3, &took) == 1 && out[0].userdata == 11);
  CHECK(took >= 10 * MS && took < 2000 * MS);

  // wasi-libc's nanosleep is a clock subscription.
  __wasi_timestamp_t start = now(__WASI_CLOCKID_MONOTONIC);
  struct timespec ts = {0, 15 * MS};
  CHECK(nanosleep(&ts, NULL) == 0);
  CHECK(now(__WASI_CLOCKID_MONOTONIC) - start >= 15 * MS);

  // stdin is a pipe holding "data\n": readable before the clock.
  in[0] = clock_sub(20, __WASI_CLOCKID_MONOTONIC, 5000 * MS, 0);
  in[1] = fd_sub(21, __WASI_EVENTTYPE_FD_READ, 0);
  n = poll(in, out, 2, &took);
  CHECK(n == 1 && out[0].userdata == 21 && out[0].type == __WASI_EVENTTYPE_FD_READ);
  CHECK(out[0].error == 0 && out[0].fd_readwrite.nbytes == 5);
  char buf[16];
  __wasi_iovec_t iov = {(uint8_t *)buf, sizeof(buf)};
  EXPECT_OK(__wasi_fd_read(0, &iov, 1, &n));
  CHECK(n == 5);
  // At its end the pipe is readable (0 bytes) and hung up.
  in[1] = fd_sub(22, __WASI_EVENTTYPE_FD_READ, 0);
  n = poll(in, out, 2, &took);
  CHECK(n == 1 && out[0].userdata == 22);
  CHECK(out[0].fd_readwrite.flags == __WASI_EVENTRWFLAGS_FD_READWRITE_HANGUP);
  CHECK(took < 2000 * MS);

  // stdout (a pipe) is writable; a regular file is always ready.
  __wasi_fd_t f;
  EXPECT_OK(open_file(3, "file", 0, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK |
                                         __WASI_RIGHTS_POLL_FD_READWRITE,
                      0, &f));
  __wasi_filesize_t pos;
  EXPECT_OK(__wasi_fd_seek(f, 4, __WASI_WHENCE_SET, &pos));
  in[0] = fd_sub(30, __WASI_EVENTTYPE_FD_WRITE, 1);
  in[1] = fd_sub(31, __WASI_EVENTTYPE_FD_READ, f);
  n = poll(in, out, 2, &took);
  CHECK(n == 2);
  CHECK(out[0].userdata == 30 && out[0].type == __WASI_EVENTTYPE_FD_WRITE &&
        out[0].error == 0);
  CHECK(out[1].userdata == 31 && out[1].fd_readwrite.nbytes == 7);

  // Per-subscription errors come back as events at once.
  in[0] = clock_sub(40, __WASI_CLOCKID_MONOTONIC, 5000 * MS, 0);
  in[1] = fd_sub(41, __WASI_EVENTTYPE_FD_READ, 99);    // not open
  in[2] = fd_sub(42, __WASI_EVENTTYPE_FD_READ, 1);     // write-only
  in[3] = clock_sub(43, __WASI_CLOCKID_PROCESS_CPUTIME_ID, 1, 0);
  n = poll(in, out, 4, &took);
  CHECK(n == 3 && took < 2000 * MS);
  CHECK(out[0].userdata == 41 && out[0].error == __WASI_ERRNO_BADF &&
        out[0].type == __WASI_EVENTTYPE_FD_READ);
  CHECK(out[1].userdata == 42 && out[1].error == __WASI_ERRNO_BADF);
  CHECK(out[2].userdata == 43 && out[2].error == __WASI_ERRNO_NOTSUP);
  __wasi_fd_t nopoll;
  EXPECT_OK(open_file(3, "file", 0, __WASI_RIGHTS_FD_READ, 0, &nopoll));
  in[0] = fd_sub(50, __WASI_EVENTTYPE_FD_READ, nopoll); // no poll right
  in[1] = clock_sub(51, 9, 0, 0);                        // no such clock
  n = poll(in, out, 2, &took);
  CHECK(n == 2 && out[0].error == __WASI_ERRNO_NOTCAPABLE &&
        out[1].error == __WASI_ERRNO_INVAL);

  // Errors of the whole call.
  EXPECT(__wasi_poll_oneoff(in, out, 0, &n), __WASI_ERRNO_INVAL);
  in[0] = clock_sub(60, __WASI_CLOCKID_MONOTONIC, 0, 0);
  in[0].u.tag = 3;
  EXPECT(__wasi_poll_oneoff(in, out, 1, &n), __WASI_ERRNO_INVAL);
  in[0] = clock_sub(61, __WASI_CLOCKID_MONOTONIC, 0, 2);
  EXPECT(__wasi_poll_oneoff(in, out, 1, &n), __WASI_ERRNO_INVAL);
  in[0] = clock_sub(62, __WASI_CLOCKID_MONOTONIC, 0, 0);
  EXPECT(__wasi_poll_oneoff(BAD_PTR, out, 1, &n), __WASI_ERRNO_FAULT);
  EXPECT(__wasi_poll_oneoff(in, BAD_PTR, 1, &n), __WASI_ERRNO_FAULT);
  EXPECT(__wasi_poll_oneoff(in, out, 1, BAD_PTR), __WASI_ERRNO_FAULT);
  EXPECT(__wasi_poll_oneoff(in, out, 0x7fffffff, &n), __WASI_ERRNO_FAULT);
  return DONE();
}
