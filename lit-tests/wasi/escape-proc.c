// Magic links: with /proc granted (read-only), /proc/self/root, cwd, exe and
// fd/N lead anywhere in the host. They are refused: openat2 with
// RESOLVE_NO_MAGICLINKS says loop; the userspace walk reads them as what they
// claim to be (absolute paths: perm; "pipe:[...]": no such entry); another
// process's are acces to begin with.
// RUN: %clang-wasi %s -o %t.wasm
// RUN: %wasm2bin --dir-ro /proc::/proc %t.wasm -o %t
// RUN: %t | FileCheck %s
// RUN: env WASM2BIN_NO_OPENAT2=1 %t | FileCheck %s
// CHECK-NOT: FAIL
// CHECK-NOT: opened
// CHECK: done: 0 failures
#include "Inputs/check.h"

static const char *paths[] = {
    "self/root/etc/passwd", "self/root",      "self/cwd",
    "self/exe",             "self/fd/0",      "self/fd/3",
    "thread-self/root/etc", "1/root/etc/passwd", "self/root/../../etc",
};

int main(void) {
  int dir = find_preopen("/proc");
  CHECK(dir == 3);
  for (unsigned i = 0; i < sizeof(paths) / sizeof(paths[0]); ++i) {
    for (int follow = 0; follow < 2; ++follow) {
      __wasi_fd_t fd;
      __wasi_errno_t e = __wasi_path_open(
          dir, follow ? __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW : 0, paths[i], 0,
          __WASI_RIGHTS_FD_READ, 0, 0, &fd);
      if (e == 0) {
        printf("opened %s\n", paths[i]);
        (void)__wasi_fd_close(fd);
      }
      if (e != __WASI_ERRNO_LOOP && e != __WASI_ERRNO_PERM &&
          e != __WASI_ERRNO_NOENT && e != __WASI_ERRNO_ACCES)
        printf("FAIL open %s: %d\n", paths[i], e);
      __wasi_filestat_t st;
      e = __wasi_path_filestat_get(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW,
                                   paths[i], &st);
      if (e != __WASI_ERRNO_LOOP && e != __WASI_ERRNO_PERM &&
          e != __WASI_ERRNO_NOENT && e != __WASI_ERRNO_ACCES)
        printf("FAIL stat %s: %d\n", paths[i], e);
    }
  }
  // /proc itself is readable: that is what was granted.
  char buf[64];
  EXPECT_OK(read_file(dir, "self/stat", buf, sizeof(buf)));
  return DONE();
}
