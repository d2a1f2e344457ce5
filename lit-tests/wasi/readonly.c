// A read-only grant (--dir-ro) can be read in every way and changed in none:
// not through itself, not through what is opened from it, and not by moving
// or hard-linking its files into a writable grant (which would make them
// writable there). The host checks that nothing changed.
// RUN: %clang-wasi %s -o %t.wasm
// RUN: %wasm2bin --dir-ro %t.ro::/ro --dir %t.rw::/rw %t.wasm -o %t
// RUN: rm -rf %t.ro %t.rw && mkdir -p %t.ro/sub %t.rw
// RUN: echo data > %t.ro/file && ln -s file %t.ro/link
// RUN: ls -laR --time-style=full-iso %t.ro | grep -v -e ' [.][.]$' > %t.before
// RUN: %t | FileCheck %s
// RUN: env WASM2BIN_NO_OPENAT2=1 %t | FileCheck %s
// RUN: ls -laR --time-style=full-iso %t.ro | grep -v -e ' [.][.]$' > %t.after
// RUN: diff %t.before %t.after
// RUN: cat %t.ro/file | FileCheck %s --check-prefix=DATA
// RUN: ls %t.rw | count 0
// CHECK-NOT: FAIL
// CHECK: done: 0 failures
// DATA: {{^data$}}
#include "Inputs/check.h"

#include <errno.h>
#include <stdlib.h>

#define NOTCAP __WASI_ERRNO_NOTCAPABLE
#define FOLLOW __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW

int main(void) {
  int ro = find_preopen("/ro"), rw = find_preopen("/rw");
  CHECK(ro == 3 && rw == 4);
  char buf[64];
  __wasi_fd_t fd, sub;
  __wasi_filestat_t st;
  __wasi_size_t n;

  // Reading works.
  EXPECT_OK(read_file(ro, "file", buf, sizeof(buf)));
  CHECK(strcmp(buf, "data\n") == 0);
  EXPECT_OK(read_file(ro, "link", buf, sizeof(buf)));
  EXPECT_OK(__wasi_path_filestat_get(ro, 0, "file", &st));
  EXPECT_OK(__wasi_path_readlink(ro, "link", (uint8_t *)buf, sizeof(buf), &n));
  uint8_t list[512];
  EXPECT_OK(__wasi_fd_readdir(ro, list, sizeof(list), 0, &n));
  CHECK(n > 0);

  // Opening to write, create or truncate.
  EXPECT(__wasi_path_open(ro, 0, "file", 0, __WASI_RIGHTS_FD_WRITE, 0, 0, &fd),
         NOTCAP);
  EXPECT(__wasi_path_open(ro, 0, "file", 0,
                          __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0, 0,
                          &fd),
         NOTCAP);
  EXPECT(__wasi_path_open(ro, 0, "new", __WASI_OFLAGS_CREAT,
                          __WASI_RIGHTS_FD_READ, 0, 0, &fd),
         NOTCAP);
  EXPECT(__wasi_path_open(ro, 0, "file", __WASI_OFLAGS_TRUNC,
                          __WASI_RIGHTS_FD_READ, 0, 0, &fd),
         NOTCAP);
  EXPECT(__wasi_path_open(ro, 0, "file", 0, __WASI_RIGHTS_FD_READ, 0,
                          __WASI_FDFLAGS_DSYNC, &fd),
         NOTCAP);

  // A file opened from it: the rights that would change it are not there,
  // and cannot be added back.
  EXPECT_OK(__wasi_path_open(ro, 0, "file", 0,
                             __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK |
                                 __WASI_RIGHTS_FD_FILESTAT_SET_SIZE |
                                 __WASI_RIGHTS_FD_FILESTAT_SET_TIMES |
                                 __WASI_RIGHTS_FD_ALLOCATE,
                             0, 0, &fd));
  EXPECT(write_str(fd, "x"), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_filestat_set_size(fd, 0), NOTCAP);
  EXPECT(__wasi_fd_filestat_set_times(fd, 0, 0, __WASI_FSTFLAGS_MTIM_NOW), NOTCAP);
  EXPECT(__wasi_fd_allocate(fd, 0, 100), NOTCAP);
  EXPECT(__wasi_fd_fdstat_set_rights(fd, __WASI_RIGHTS_FD_WRITE, 0), NOTCAP);
  __wasi_ciovec_t ciov = {(const uint8_t *)"x", 1};
  EXPECT(__wasi_fd_pwrite(fd, &ciov, 1, 0, &n), __WASI_ERRNO_BADF);
  EXPECT_OK(__wasi_fd_close(fd));

  // Path operations on it, directly and through an opened sub-directory.
  // (Everything but writing: asking to write is refused, the rest that
  // cannot be had is left out.)
  const __wasi_rights_t all = ~(__wasi_rights_t)__WASI_RIGHTS_FD_WRITE;
  EXPECT_OK(__wasi_path_open(ro, 0, "sub", __WASI_OFLAGS_DIRECTORY, all, all,
                             0, &sub));
  int dirs[2] = {ro, sub};
  for (int i = 0; i < 2; ++i) {
    int d = dirs[i];
    EXPECT(__wasi_path_create_directory(d, "newdir"), NOTCAP);
    EXPECT(__wasi_path_symlink("file", d, "newlink"), NOTCAP);
    EXPECT(__wasi_path_open(d, 0, "new", __WASI_OFLAGS_CREAT, 0, 0, 0, &fd),
           NOTCAP);
  }
  EXPECT(__wasi_path_unlink_file(ro, "file"), NOTCAP);
  EXPECT(__wasi_path_unlink_file(ro, "link"), NOTCAP);
  EXPECT(__wasi_path_remove_directory(ro, "sub"), NOTCAP);
  EXPECT(__wasi_path_rename(ro, "file", ro, "renamed"), NOTCAP);
  EXPECT(__wasi_path_filestat_set_times(ro, 0, "file", 0, 0,
                                        __WASI_FSTFLAGS_MTIM_NOW),
         NOTCAP);
  EXPECT(__wasi_path_filestat_set_times(ro, FOLLOW, "link", 0, 0,
                                        __WASI_FSTFLAGS_ATIM_NOW),
         NOTCAP);
  EXPECT(__wasi_path_link(ro, 0, "file", ro, "hard"), NOTCAP);

  // Across grants: out of the read-only one into the writable one (and the
  // other way) by rename or hard link.
  EXPECT(__wasi_path_rename(ro, "file", rw, "stolen"), NOTCAP);
  EXPECT(__wasi_path_link(ro, 0, "file", rw, "stolen"), NOTCAP);
  EXPECT(__wasi_path_link(ro, FOLLOW, "link", rw, "stolen"), NOTCAP);
  EXPECT_OK(__wasi_path_create_directory(rw, "tmp"));
  EXPECT(__wasi_path_rename(rw, "tmp", ro, "tmp"), NOTCAP);
  EXPECT_OK(__wasi_path_remove_directory(rw, "tmp"));

  // What wasi-libc makes of it.
  FILE *f = fopen("/ro/file", "w");
  CHECK(f == NULL && errno == ENOTCAPABLE);
  f = fopen("/ro/file", "r");
  CHECK(f != NULL);
  if (f)
    fclose(f);
  return DONE();
}
