// fd_prestat_get / fd_prestat_dir_name: granted directories are pre-opened
// from 3 on in command-line order (--dir and --dir-ro interleaved), named
// GUEST (or HOST when no GUEST is given); read-only ones carry no right to
// change anything.
// RUN: %clang-wasi %s -o %t.wasm
// RUN: rm -rf %t.a %t.b %t.c && mkdir %t.a %t.b %t.c
// RUN: %wasm2bin --dir %t.a::/a --dir-ro %t.b::/b --dir %t.c %t.wasm -o %t
// RUN: %t %t.c | FileCheck %s
// CHECK-NOT: FAIL
// CHECK: done: 0 failures
#include "Inputs/check.h"

#define BAD_PTR ((void *)0xfffffff0u)

int main(int argc, char **argv) {
  __wasi_prestat_t p;
  char name[300];
  const char *expect[] = {"/a", "/b", argv[1]};
  for (int i = 0; i < 3; ++i) {
    EXPECT_OK(__wasi_fd_prestat_get(3 + i, &p));
    CHECK(p.tag == __WASI_PREOPENTYPE_DIR);
    CHECK(p.u.dir.pr_name_len == strlen(expect[i]));
    memset(name, 0, sizeof(name));
    // A longer buffer is fine; no NUL is written.
    memset(name, 'x', sizeof(name) - 1);
    EXPECT_OK(__wasi_fd_prestat_dir_name(3 + i, (uint8_t *)name,
                                         p.u.dir.pr_name_len + 5));
    CHECK(memcmp(name, expect[i], p.u.dir.pr_name_len) == 0);
    CHECK(name[p.u.dir.pr_name_len] == 'x');
  }
  EXPECT(__wasi_fd_prestat_get(6, &p), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_prestat_get(1, &p), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_prestat_get(3, BAD_PTR), __WASI_ERRNO_FAULT);
  EXPECT(__wasi_fd_prestat_dir_name(3, (uint8_t *)name, 1),
         __WASI_ERRNO_NAMETOOLONG);
  EXPECT(__wasi_fd_prestat_dir_name(3, BAD_PTR, 100), __WASI_ERRNO_FAULT);
  EXPECT(__wasi_fd_prestat_dir_name(6, (uint8_t *)name, 100), __WASI_ERRNO_BADF);
  // A directory opened later is not pre-opened.
  __wasi_fd_t d;
  EXPECT_OK(__wasi_path_open(3, 0, ".", __WASI_OFLAGS_DIRECTORY, 0, 0, 0, &d));
  CHECK(d == 6);
  EXPECT(__wasi_fd_prestat_get(d, &p), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_prestat_dir_name(d, (uint8_t *)name, 100),
         __WASI_ERRNO_NOTDIR);

  // Rights: read-write and read-only grants.
  __wasi_fdstat_t rw, ro;
  EXPECT_OK(__wasi_fd_fdstat_get(3, &rw));
  EXPECT_OK(__wasi_fd_fdstat_get(4, &ro));
  CHECK(rw.fs_rights_base & __WASI_RIGHTS_PATH_CREATE_FILE);
  CHECK(rw.fs_rights_inheriting & __WASI_RIGHTS_FD_WRITE);
  CHECK(ro.fs_rights_base & __WASI_RIGHTS_PATH_OPEN);
  CHECK(ro.fs_rights_base & __WASI_RIGHTS_FD_READDIR);
  CHECK(ro.fs_rights_inheriting & __WASI_RIGHTS_FD_READ);
  const __wasi_rights_t mutating =
      __WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_PATH_CREATE_FILE |
      __WASI_RIGHTS_PATH_CREATE_DIRECTORY | __WASI_RIGHTS_PATH_UNLINK_FILE |
      __WASI_RIGHTS_PATH_REMOVE_DIRECTORY | __WASI_RIGHTS_PATH_RENAME_SOURCE |
      __WASI_RIGHTS_PATH_RENAME_TARGET | __WASI_RIGHTS_PATH_LINK_SOURCE |
      __WASI_RIGHTS_PATH_LINK_TARGET | __WASI_RIGHTS_PATH_SYMLINK |
      __WASI_RIGHTS_PATH_FILESTAT_SET_SIZE |
      __WASI_RIGHTS_PATH_FILESTAT_SET_TIMES |
      __WASI_RIGHTS_FD_FILESTAT_SET_SIZE | __WASI_RIGHTS_FD_FILESTAT_SET_TIMES;
  CHECK(!(ro.fs_rights_base & mutating));
  CHECK(!(ro.fs_rights_inheriting & mutating));
  return DONE();
}
