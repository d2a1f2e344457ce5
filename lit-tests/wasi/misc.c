// args_*, environ_*, clock_*, random_get, sched_yield, proc_raise and
// proc_exit: a success path and an error path each (sched_yield cannot fail;
// proc_exit does not return). Arguments and environment match node's WASI.
// RUN: %clang-wasi %s -o %t.wasm
// RUN: %wasm2bin --env GREETING=hi --env EMPTY= %t.wasm -o %t
// RUN: %expect-exit 7 %t "two words" "" last | FileCheck %s
// RUN: %expect-exit 7 %t print "two words" "" last > %t.native
// RUN: %if node %{ %expect-exit 7 %nodefs --env GREETING=hi --env EMPTY= %t.wasm print "two words" "" last > %t.node %}
// RUN: %if node %{ diff %t.native %t.node %}
// CHECK-NOT: FAIL
// CHECK: done: 0 failures
#include "Inputs/check.h"

#include <stdlib.h>

#define BAD_PTR ((void *)0xfffffff0u)

__attribute__((import_module("wasi_snapshot_preview1"),
               import_name("proc_raise"))) int32_t
raw_proc_raise(int32_t sig);
// $signal values (this wasi-libc's header has no proc_raise).
enum { SIG_TERM = 15, SIG_KILL = 9, SIG_CHLD = 16, SIG_WINCH = 27 };

int main(int argc, char **argv) {
  __wasi_size_t count, size;
  static char *ptrs[16];
  static char strings[256];
  if (argc > 1 && strcmp(argv[1], "print") == 0) {
    for (int i = 2; i < argc; ++i)
      printf("arg [%s]\n", argv[i]);
    printf("GREETING=%s EMPTY=[%s] HOME=%s\n", getenv("GREETING"),
           getenv("EMPTY"), getenv("HOME") ? getenv("HOME") : "(unset)");
    __wasi_proc_exit(7);
  }

  // args_sizes_get / args_get.
  EXPECT_OK(__wasi_args_sizes_get(&count, &size));
  CHECK(count == 4);
  CHECK(size == strlen(argv[0]) + 1 + 10 + 1 + 5);
  EXPECT_OK(__wasi_args_get((uint8_t **)ptrs, (uint8_t *)strings));
  CHECK(strcmp(ptrs[1], "two words") == 0 && ptrs[2][0] == 0 &&
        strcmp(ptrs[3], "last") == 0);
  CHECK(ptrs[1] == strings + strlen(argv[0]) + 1);
  EXPECT(__wasi_args_sizes_get(BAD_PTR, &size), __WASI_ERRNO_FAULT);
  EXPECT(__wasi_args_sizes_get(&count, BAD_PTR), __WASI_ERRNO_FAULT);
  EXPECT(__wasi_args_get(BAD_PTR, (uint8_t *)strings), __WASI_ERRNO_FAULT);
  EXPECT(__wasi_args_get((uint8_t **)ptrs, BAD_PTR), __WASI_ERRNO_FAULT);

  // environ_sizes_get / environ_get: only what was granted.
  EXPECT_OK(__wasi_environ_sizes_get(&count, &size));
  CHECK(count == 2 && size == sizeof("GREETING=hi") + sizeof("EMPTY="));
  EXPECT_OK(__wasi_environ_get((uint8_t **)ptrs, (uint8_t *)strings));
  CHECK(strcmp(ptrs[0], "GREETING=hi") == 0 && strcmp(ptrs[1], "EMPTY=") == 0);
  EXPECT(__wasi_environ_sizes_get(BAD_PTR, &size), __WASI_ERRNO_FAULT);
  EXPECT(__wasi_environ_get(BAD_PTR, (uint8_t *)strings), __WASI_ERRNO_FAULT);
  EXPECT(__wasi_environ_get((uint8_t **)ptrs, BAD_PTR), __WASI_ERRNO_FAULT);

  // clock_res_get / clock_time_get.
  __wasi_timestamp_t t, t2;
  for (int id = 0; id < 4; ++id) {
    EXPECT_OK(__wasi_clock_res_get(id, &t));
    CHECK(t > 0);
    EXPECT_OK(__wasi_clock_time_get(id, 1, &t));
  }
  EXPECT_OK(__wasi_clock_time_get(__WASI_CLOCKID_REALTIME, 0, &t));
  CHECK(t > 1600000000ull * 1000000000ull);
  EXPECT_OK(__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 0, &t));
  EXPECT_OK(__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 0, &t2));
  CHECK(t2 >= t);
  EXPECT(__wasi_clock_res_get(4, &t), __WASI_ERRNO_INVAL);
  EXPECT(__wasi_clock_time_get(99, 0, &t), __WASI_ERRNO_INVAL);
  EXPECT(__wasi_clock_res_get(0, BAD_PTR), __WASI_ERRNO_FAULT);
  EXPECT(__wasi_clock_time_get(0, 0, BAD_PTR), __WASI_ERRNO_FAULT);

  // random_get.
  uint8_t r[64] = {0};
  EXPECT_OK(__wasi_random_get(r, sizeof(r)));
  int nonzero = 0;
  for (int i = 0; i < 64; ++i)
    nonzero += r[i] != 0;
  CHECK(nonzero > 32);
  EXPECT_OK(__wasi_random_get(r, 0));
  EXPECT(__wasi_random_get(BAD_PTR, 64), __WASI_ERRNO_FAULT);

  // sched_yield.
  EXPECT_OK(__wasi_sched_yield());

  // proc_raise: signals whose action is "ignored" or "continue" are no-ops;
  // the others are not offered; non-signals are inval.
  EXPECT_OK(raw_proc_raise(SIG_CHLD));
  EXPECT_OK(raw_proc_raise(SIG_WINCH));
  EXPECT(raw_proc_raise(SIG_TERM), __WASI_ERRNO_NOSYS);
  EXPECT(raw_proc_raise(SIG_KILL), __WASI_ERRNO_NOSYS);
  EXPECT(raw_proc_raise(0), __WASI_ERRNO_INVAL);
  EXPECT(raw_proc_raise(31), __WASI_ERRNO_INVAL);

  // proc_exit: the status is the process's.
  fflush(stdout);
  DONE();
  fflush(stdout);
  __wasi_proc_exit(7);
}
