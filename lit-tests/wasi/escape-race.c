// A symbolic link swapped in between check and use: while the host keeps
// replacing sandbox/swap by a link to a directory outside (relative and
// absolute) and back, the guest opens, stats, creates and lists through
// "swap". It must only ever see the inside, with openat2 and with the
// userspace walk, and nothing outside may change (race.py checks).
// RUN: %clang-wasi %s -o %t.wasm
// RUN: %wasm2bin --dir %t.root/sandbox::/sandbox %t.wasm -o %t
// RUN: rm -rf %t.root && mkdir -p %t.root/sandbox
// RUN: python3 %S/Inputs/race.py %t %t.root 4000 | FileCheck %s
// RUN: rm -rf %t.root && mkdir -p %t.root/sandbox
// RUN: env WASM2BIN_NO_OPENAT2=1 python3 %S/Inputs/race.py %t %t.root 4000 | FileCheck %s
// CHECK-NOT: SECRET
// CHECK: escaped: 0
// CHECK: swaps: many
// CHECK: outside untouched
#include "Inputs/check.h"

#include <stdlib.h>

int main(int argc, char **argv) {
  int dir = find_preopen("/sandbox");
  int rounds = argc > 1 ? atoi(argv[1]) : 1000;
  int inside = 0, denied = 0, escaped = 0;
  char buf[64];
  for (int i = 0; i < rounds; ++i) {
    // Read through the link, following it.
    __wasi_errno_t e = read_file(dir, "swap/f", buf, sizeof(buf));
    if (e == 0) {
      if (strcmp(buf, "inside") == 0)
        ++inside;
      else {
        ++escaped;
        printf("read: %s\n", buf);
      }
    } else {
      ++denied;
    }
    // Stat through it: only the inside file has size 6.
    __wasi_filestat_t st;
    if (__wasi_path_filestat_get(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW,
                                 "swap/f", &st) == 0 &&
        st.size != 6) {
      ++escaped;
      printf("stat: size %llu\n", (unsigned long long)st.size);
    }
    // Create through it (removed again if it landed inside).
    __wasi_fd_t fd;
    if (__wasi_path_open(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "swap/new",
                         __WASI_OFLAGS_CREAT, __WASI_RIGHTS_FD_WRITE, 0, 0,
                         &fd) == 0) {
      (void)__wasi_fd_close(fd);
      (void)__wasi_path_unlink_file(dir, "swap/new");
    }
    (void)__wasi_path_create_directory(dir, "swap/newdir");
    (void)__wasi_path_remove_directory(dir, "swap/newdir");
    // Open the directory itself, then the file in it.
    __wasi_fd_t sub;
    if (__wasi_path_open(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "swap",
                         __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_PATH_OPEN,
                         __WASI_RIGHTS_FD_READ, 0, &sub) == 0) {
      if (read_file(sub, "f", buf, sizeof(buf)) == 0 &&
          strcmp(buf, "inside") != 0) {
        ++escaped;
        printf("via dir: %s\n", buf);
      }
      (void)__wasi_fd_close(sub);
    }
  }
  printf("inside: %s, escaped: %d\n", inside && denied ? "some" : "none",
         escaped);
  return escaped != 0;
}
