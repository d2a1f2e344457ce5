/* A minimal WASI preview1 host for wasm2c output, only what the benchmark
 * workloads import. wasm2c (wabt 1.0.32) has no WASI of its own; every module
 * is translated with `-n app` so imports are Z_wasi_snapshot_preview1Z_<name>
 * taking the host instance defined here. Guest pointers are bounds-checked
 * against the current memory size: a bad one is EFAULT (21), never a host
 * crash. Not a sandbox: no preopens, no files, stdio only. */
#include "wasm2c_wasi.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define WASI_ESUCCESS 0
#define WASI_EBADF 8
#define WASI_EFAULT 21
#define WASI_EINVAL 28
#define WASI_EIO 29
#define WASI_ESPIPE 70
#define WASI_ENOTCAPABLE 76

typedef struct Z_wasi_snapshot_preview1_instance_t W;

static int in_bounds(const W *w, u32 ptr, u64 len) {
  return (u64)ptr + len <= w->memory->size;
}
static u8 *at(const W *w, u32 ptr) { return w->memory->data + ptr; }
static void put32(W *w, u32 ptr, u32 v) { memcpy(at(w, ptr), &v, 4); }
static void put64(W *w, u32 ptr, u64 v) { memcpy(at(w, ptr), &v, 8); }
static u32 get32(const W *w, u32 ptr) {
  u32 v;
  memcpy(&v, at(w, ptr), 4);
  return v;
}

/* args: the command line after the runner's own argv[0]. */
u32 Z_wasi_snapshot_preview1Z_args_sizes_get(W *w, u32 argc_ptr, u32 size_ptr) {
  if (!in_bounds(w, argc_ptr, 4) || !in_bounds(w, size_ptr, 4))
    return WASI_EFAULT;
  u32 size = 0;
  for (int i = 0; i < w->argc; ++i)
    size += (u32)strlen(w->argv[i]) + 1;
  put32(w, argc_ptr, (u32)w->argc);
  put32(w, size_ptr, size);
  return WASI_ESUCCESS;
}

u32 Z_wasi_snapshot_preview1Z_args_get(W *w, u32 argv_ptr, u32 buf_ptr) {
  if (!in_bounds(w, argv_ptr, 4ull * w->argc))
    return WASI_EFAULT;
  for (int i = 0; i < w->argc; ++i) {
    u32 len = (u32)strlen(w->argv[i]) + 1;
    if (!in_bounds(w, buf_ptr, len))
      return WASI_EFAULT;
    memcpy(at(w, buf_ptr), w->argv[i], len);
    put32(w, argv_ptr + 4 * i, buf_ptr);
    buf_ptr += len;
  }
  return WASI_ESUCCESS;
}

/* The environment is empty, as with wasm2bin's deny-by-default policy. */
u32 Z_wasi_snapshot_preview1Z_environ_sizes_get(W *w, u32 count_ptr, u32 size_ptr) {
  if (!in_bounds(w, count_ptr, 4) || !in_bounds(w, size_ptr, 4))
    return WASI_EFAULT;
  put32(w, count_ptr, 0);
  put32(w, size_ptr, 0);
  return WASI_ESUCCESS;
}

u32 Z_wasi_snapshot_preview1Z_environ_get(W *w, u32 env_ptr, u32 buf_ptr) {
  return WASI_ESUCCESS;
}

/* Scatter/gather over the guest's iovec array {u32 buf, u32 len}. */
static u32 iov_io(W *w, u32 fd, u32 iovs, u32 count, u32 nret_ptr, int writing) {
  if (fd > 2)
    return WASI_EBADF;
  if (!in_bounds(w, iovs, 8ull * count) || !in_bounds(w, nret_ptr, 4))
    return WASI_EFAULT;
  u32 total = 0;
  for (u32 i = 0; i < count; ++i) {
    u32 buf = get32(w, iovs + 8 * i), len = get32(w, iovs + 8 * i + 4);
    if (!in_bounds(w, buf, len))
      return WASI_EFAULT;
    ssize_t n = writing ? write((int)fd, at(w, buf), len) : read((int)fd, at(w, buf), len);
    if (n < 0)
      return WASI_EIO;
    total += (u32)n;
    if ((u32)n < len)
      break;
  }
  put32(w, nret_ptr, total);
  return WASI_ESUCCESS;
}

u32 Z_wasi_snapshot_preview1Z_fd_write(W *w, u32 fd, u32 iovs, u32 count, u32 nret) {
  return iov_io(w, fd, iovs, count, nret, 1);
}

u32 Z_wasi_snapshot_preview1Z_fd_read(W *w, u32 fd, u32 iovs, u32 count, u32 nret) {
  return iov_io(w, fd, iovs, count, nret, 0);
}

u32 Z_wasi_snapshot_preview1Z_fd_close(W *w, u32 fd) {
  return fd <= 2 ? WASI_ESUCCESS : WASI_EBADF;
}

u32 Z_wasi_snapshot_preview1Z_fd_seek(W *w, u32 fd, u64 offset, u32 whence, u32 ret) {
  return fd <= 2 ? WASI_ESPIPE : WASI_EBADF;
}

/* fdstat {u8 filetype, u16 flags, u64 rights_base, u64 rights_inheriting}:
 * wasi-libc's isatty() wants CHARACTER_DEVICE (2) without seek/tell rights. */
u32 Z_wasi_snapshot_preview1Z_fd_fdstat_get(W *w, u32 fd, u32 stat_ptr) {
  if (fd > 2)
    return WASI_EBADF;
  if (!in_bounds(w, stat_ptr, 24))
    return WASI_EFAULT;
  struct stat st;
  u8 type = 0;
  u64 rights = 0x1FFFFFFFull;
  if (fstat((int)fd, &st) == 0) {
    if (S_ISCHR(st.st_mode)) {
      type = 2;
      rights &= ~((1ull << 2) | (1ull << 5));
    } else if (S_ISREG(st.st_mode)) {
      type = 4;
    }
  }
  memset(at(w, stat_ptr), 0, 24);
  *at(w, stat_ptr) = type;
  put64(w, stat_ptr + 8, rights);
  put64(w, stat_ptr + 16, rights);
  return WASI_ESUCCESS;
}

/* No preopened directories: wasi-libc stops scanning at the first EBADF. */
u32 Z_wasi_snapshot_preview1Z_fd_prestat_get(W *w, u32 fd, u32 buf) { return WASI_EBADF; }
u32 Z_wasi_snapshot_preview1Z_fd_prestat_dir_name(W *w, u32 fd, u32 p, u32 n) {
  return WASI_EBADF;
}

u32 Z_wasi_snapshot_preview1Z_fd_fdstat_set_flags(W *w, u32 fd, u32 flags) {
  return fd <= 2 ? WASI_ENOTCAPABLE : WASI_EBADF;
}

u32 Z_wasi_snapshot_preview1Z_fd_renumber(W *w, u32 from, u32 to) { return WASI_EBADF; }

/* Paths: with no preopened directory there is no directory fd to resolve a
 * path beneath, so every path call is EBADF (what wasi-libc gets from other
 * hosts for an fd it does not have). Lua and sqlite import these; the
 * benchmark runs never reach them. */
u32 Z_wasi_snapshot_preview1Z_path_open(W *w, u32 dirfd, u32 lookup, u32 path, u32 len,
                                       u32 oflags, u64 base, u64 inheriting, u32 fdflags,
                                       u32 fd_ptr) {
  return WASI_EBADF;
}
u32 Z_wasi_snapshot_preview1Z_path_unlink_file(W *w, u32 dirfd, u32 path, u32 len) {
  return WASI_EBADF;
}
u32 Z_wasi_snapshot_preview1Z_path_remove_directory(W *w, u32 dirfd, u32 path, u32 len) {
  return WASI_EBADF;
}
u32 Z_wasi_snapshot_preview1Z_path_rename(W *w, u32 fd, u32 old_path, u32 old_len, u32 new_fd,
                                         u32 new_path, u32 new_len) {
  return WASI_EBADF;
}

static const clockid_t clocks[] = {CLOCK_REALTIME, CLOCK_MONOTONIC,
                                   CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID};

u32 Z_wasi_snapshot_preview1Z_clock_time_get(W *w, u32 id, u64 precision, u32 ret) {
  struct timespec ts;
  if (id > 3)
    return WASI_EINVAL;
  if (!in_bounds(w, ret, 8))
    return WASI_EFAULT;
  clock_gettime(clocks[id], &ts);
  put64(w, ret, (u64)ts.tv_sec * 1000000000ull + (u64)ts.tv_nsec);
  return WASI_ESUCCESS;
}

u32 Z_wasi_snapshot_preview1Z_clock_res_get(W *w, u32 id, u32 ret) {
  struct timespec ts;
  if (id > 3)
    return WASI_EINVAL;
  if (!in_bounds(w, ret, 8))
    return WASI_EFAULT;
  clock_getres(clocks[id], &ts);
  put64(w, ret, (u64)ts.tv_sec * 1000000000ull + (u64)ts.tv_nsec);
  return WASI_ESUCCESS;
}

/* Deterministic "randomness" is enough for benchmarks (sqlite asks for it). */
u32 Z_wasi_snapshot_preview1Z_random_get(W *w, u32 buf, u32 len) {
  if (!in_bounds(w, buf, len))
    return WASI_EFAULT;
  u64 x = 0x9E3779B97F4A7C15ull;
  for (u32 i = 0; i < len; ++i) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    *at(w, buf + i) = (u8)x;
  }
  return WASI_ESUCCESS;
}

u32 Z_wasi_snapshot_preview1Z_sched_yield(W *w) { return WASI_ESUCCESS; }

void Z_wasi_snapshot_preview1Z_proc_exit(W *w, u32 code) { exit((int)code); }
