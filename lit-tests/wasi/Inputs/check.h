/* Helpers for the WASI tests: each EXPECT compares a raw WASI call's errno
 * (wasi/api.h, from wasi-libc) with the expected one and prints a FAIL line
 * on mismatch; DONE() prints a summary FileCheck looks for and returns the
 * exit status. Raw calls keep the tests independent of wasi-libc's own
 * checks and errno translation. */
#ifndef W2B_TEST_CHECK_H
#define W2B_TEST_CHECK_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

static int check_failures;

static void check_errno(const char *what, int got, int want, int line) {
  if (got != want) {
    printf("FAIL line %d: %s = %d, want %d\n", line, what, got, want);
    ++check_failures;
  }
}

static void check_true(const char *what, int ok, int line) {
  if (!ok) {
    printf("FAIL line %d: %s\n", line, what);
    ++check_failures;
  }
}

#define EXPECT(call, want) check_errno(#call, (int)(call), (int)(want), __LINE__)
#define EXPECT_OK(call) EXPECT(call, 0)
#define CHECK(cond) check_true(#cond, (cond), __LINE__)
#define DONE()                                                                 \
  (printf("done: %d failures\n", check_failures), check_failures ? 1 : 0)

/* The first pre-opened directory named `name`, or -1. */
static int find_preopen(const char *name) {
  for (int fd = 3; fd < 64; ++fd) {
    __wasi_prestat_t p;
    if (__wasi_fd_prestat_get(fd, &p) != 0)
      return -1;
    char buf[256];
    if (p.u.dir.pr_name_len >= sizeof(buf))
      continue;
    if (__wasi_fd_prestat_dir_name(fd, (uint8_t *)buf, p.u.dir.pr_name_len))
      continue;
    buf[p.u.dir.pr_name_len] = 0;
    if (strcmp(buf, name) == 0)
      return fd;
  }
  return -1;
}

/* path_open with everything a file in a writable directory can have. */
#define RIGHTS_FILE                                                            \
  (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_SEEK |    \
   __WASI_RIGHTS_FD_TELL | __WASI_RIGHTS_FD_FILESTAT_GET |                     \
   __WASI_RIGHTS_FD_FILESTAT_SET_SIZE | __WASI_RIGHTS_FD_FILESTAT_SET_TIMES |  \
   __WASI_RIGHTS_FD_ADVISE | __WASI_RIGHTS_FD_ALLOCATE |                       \
   __WASI_RIGHTS_FD_DATASYNC | __WASI_RIGHTS_FD_SYNC |                         \
   __WASI_RIGHTS_FD_FDSTAT_SET_FLAGS | __WASI_RIGHTS_POLL_FD_READWRITE)

static __wasi_errno_t open_file(int dir, const char *path,
                                __wasi_oflags_t oflags, __wasi_rights_t rights,
                                __wasi_fdflags_t fdflags, __wasi_fd_t *fd) {
  return __wasi_path_open(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, path, oflags,
                          rights, rights, fdflags, fd);
}

static __wasi_errno_t write_str(__wasi_fd_t fd, const char *s) {
  __wasi_ciovec_t iov = {(const uint8_t *)s, strlen(s)};
  __wasi_size_t n;
  return __wasi_fd_write(fd, &iov, 1, &n);
}

/* Reads the whole file `path` beneath `dir` into buf (NUL-terminated). */
static __wasi_errno_t read_file(int dir, const char *path, char *buf,
                                size_t size) {
  __wasi_fd_t fd;
  __wasi_errno_t e = open_file(dir, path, 0, __WASI_RIGHTS_FD_READ, 0, &fd);
  if (e)
    return e;
  __wasi_iovec_t iov = {(uint8_t *)buf, size - 1};
  __wasi_size_t n = 0;
  e = __wasi_fd_read(fd, &iov, 1, &n);
  buf[e ? 0 : n] = 0;
  (void)__wasi_fd_close(fd);
  return e;
}

#endif
