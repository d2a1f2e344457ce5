// Guest memory safety: every pointer and length a WASI function takes is
// checked against the current memory size. Out of range (past the end,
// straddling it, or wrapping around 4 GiB) is errno `fault`, with nothing
// read, written, created or consumed; never a crash, never host memory.
// RUN: %clang-wasi %s -o %t.wasm
// RUN: %wasm2bin --dir %t.dir::/sandbox --env A=1 %t.wasm -o %t
// RUN: rm -rf %t.dir && mkdir %t.dir && echo contents > %t.dir/file
// RUN: echo stdin-data | %t x | FileCheck %s
// RUN: ls %t.dir | FileCheck %s --check-prefix=HOST
// CHECK-NOT: FAIL
// CHECK: done: 0 failures
// HOST: {{^file$}}
// HOST-NOT: {{.}}
#include "Inputs/check.h"

#define IMPORT(name)                                                           \
  __attribute__((import_module("wasi_snapshot_preview1"), import_name(#name)))
// The path functions with explicit (pointer, length) pairs.
IMPORT(path_open) int32_t p_open(int32_t, int32_t, uint32_t, uint32_t, int32_t,
                                 int64_t, int64_t, int32_t, uint32_t);
IMPORT(path_create_directory) int32_t p_mkdir(int32_t, uint32_t, uint32_t);
IMPORT(path_filestat_get) int32_t p_stat(int32_t, int32_t, uint32_t, uint32_t,
                                         uint32_t);
IMPORT(path_filestat_set_times) int32_t p_utimes(int32_t, int32_t, uint32_t,
                                                 uint32_t, int64_t, int64_t,
                                                 int32_t);
IMPORT(path_link) int32_t p_link(int32_t, int32_t, uint32_t, uint32_t, int32_t,
                                 uint32_t, uint32_t);
IMPORT(path_readlink) int32_t p_readlink(int32_t, uint32_t, uint32_t, uint32_t,
                                         uint32_t, uint32_t);
IMPORT(path_remove_directory) int32_t p_rmdir(int32_t, uint32_t, uint32_t);
IMPORT(path_rename) int32_t p_rename(int32_t, uint32_t, uint32_t, int32_t,
                                     uint32_t, uint32_t);
IMPORT(path_symlink) int32_t p_symlink(uint32_t, uint32_t, int32_t, uint32_t,
                                       uint32_t);
IMPORT(path_unlink_file) int32_t p_unlink(int32_t, uint32_t, uint32_t);
IMPORT(fd_write) int32_t f_write(int32_t, uint32_t, uint32_t, uint32_t);
IMPORT(fd_read) int32_t f_read(int32_t, uint32_t, uint32_t, uint32_t);
IMPORT(poll_oneoff) int32_t f_poll(uint32_t, uint32_t, uint32_t, uint32_t);

#define FAULT __WASI_ERRNO_FAULT

static uint32_t addr(const void *p) { return (uint32_t)(uintptr_t)p; }

int main(int argc, char **argv) {
  const uint32_t end = __builtin_wasm_memory_size(0) * 65536u;
  // Each bad range: past the end, straddling it, wrapping around.
  const uint32_t ptrs[3] = {end, end - 2, 0xffffffffu};
  const uint32_t lens[3] = {1, 4, 2};
  static char name[] = "file";
  static uint8_t out[256];
  static uint32_t word;
  for (int k = 0; k < 3; ++k) {
    uint32_t p = ptrs[k], n = lens[k];
    // Paths.
    EXPECT(p_open(3, 0, p, n, 0, __WASI_RIGHTS_FD_READ, 0, 0, addr(&word)), FAULT);
    EXPECT(p_open(3, 0, addr(name), 4, __WASI_OFLAGS_CREAT, 0, 0, 0, p), FAULT);
    EXPECT(p_mkdir(3, p, n), FAULT);
    EXPECT(p_stat(3, 0, p, n, addr(out)), FAULT);
    EXPECT(p_stat(3, 0, addr(name), 4, p), FAULT);
    EXPECT(p_utimes(3, 0, p, n, 0, 0, __WASI_FSTFLAGS_MTIM_NOW), FAULT);
    EXPECT(p_link(3, 0, p, n, 3, addr("new"), 3), FAULT);
    EXPECT(p_link(3, 0, addr(name), 4, 3, p, n), FAULT);
    EXPECT(p_readlink(3, p, n, addr(out), 10, addr(&word)), FAULT);
    EXPECT(p_rmdir(3, p, n), FAULT);
    EXPECT(p_rename(3, p, n, 3, addr("new"), 3), FAULT);
    EXPECT(p_rename(3, addr(name), 4, 3, p, n), FAULT);
    EXPECT(p_symlink(p, n, 3, addr("new"), 3), FAULT);
    EXPECT(p_symlink(addr(name), 4, 3, p, n), FAULT);
    EXPECT(p_unlink(3, p, n), FAULT);
    // Out-pointers and buffers.
    EXPECT(__wasi_args_sizes_get((void *)p, (void *)out), FAULT);
    EXPECT(__wasi_environ_sizes_get((void *)out, (void *)p), FAULT);
    EXPECT(__wasi_args_get((void *)p, out), FAULT);
    EXPECT(__wasi_environ_get((void *)out, (void *)p), FAULT);
    EXPECT(__wasi_clock_time_get(0, 0, (void *)p), FAULT);
    EXPECT(__wasi_clock_res_get(0, (void *)p), FAULT);
    EXPECT(__wasi_random_get((void *)p, n), FAULT);
    EXPECT(__wasi_fd_fdstat_get(1, (void *)p), FAULT);
    EXPECT(__wasi_fd_filestat_get(3, (void *)p), FAULT);
    EXPECT(__wasi_fd_prestat_get(3, (void *)p), FAULT);
    EXPECT(__wasi_fd_prestat_dir_name(3, (void *)p, 100), FAULT);
    EXPECT(__wasi_fd_readdir(3, (void *)p, n, 0, (void *)&word), FAULT);
    EXPECT(__wasi_fd_tell(1, (void *)p), __WASI_ERRNO_SPIPE); // rights first
    EXPECT(f_write(1, p, 1, addr(&word)), FAULT);  // the iovec array
    EXPECT(f_read(0, p, 1, addr(&word)), FAULT);
    __wasi_ciovec_t bad = {(const uint8_t *)p, n};
    EXPECT(__wasi_fd_write(1, &bad, 1, &word), FAULT); // a buffer
    EXPECT(__wasi_fd_read(0, (__wasi_iovec_t *)&bad, 1, &word), FAULT);
    EXPECT(f_poll(p, addr(out), 1, addr(&word)), FAULT);
    EXPECT(__wasi_sock_accept(3, 0, (void *)p), __WASI_ERRNO_NOTSOCK);
  }
  // Counts that make an array run past the end.
  __wasi_ciovec_t ok = {(const uint8_t *)"x", 1};
  EXPECT(__wasi_fd_write(1, &ok, 0x10000000, &word), FAULT);
  EXPECT(f_poll(addr(out), addr(out), 0x7fffffff, addr(&word)), FAULT);

  // Nothing was consumed by the failed reads: stdin still holds everything.
  char buf[32] = {0};
  __wasi_iovec_t iovs[2] = {{(uint8_t *)buf, 5}, {(uint8_t *)(uintptr_t)(end - 2), 4}};
  EXPECT(__wasi_fd_read(0, iovs, 2, &word), FAULT);
  CHECK(buf[0] == 0);
  iovs[1].buf = (uint8_t *)buf + 5;
  iovs[1].buf_len = 20;
  EXPECT_OK(__wasi_fd_read(0, iovs, 2, &word));
  CHECK(word == 11 && memcmp(buf, "stdin-data\n", 11) == 0);
  // Zero-length ranges at the very end are in range.
  EXPECT_OK(__wasi_random_get((void *)(uintptr_t)end, 0));
  return DONE();
}
