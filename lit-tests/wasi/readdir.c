// fd_readdir: the exact $dirent layout (24-byte header, then the name), "."
// and "..", resumption from every cookie, entries cut off where the buffer
// ends, and errors. The listing through wasi-libc's readdir() matches node's
// WASI (without "." and "..", which node leaves out).
// RUN: %clang-wasi %s -o %t.wasm
// RUN: %wasm2bin --dir %t.dir::/sandbox %t.wasm -o %t
// RUN: rm -rf %t.dir && mkdir -p %t.dir/d/s && touch %t.dir/d/a %t.dir/d/bb
// RUN: echo 1234567 > %t.dir/d/ccc && ln -s a %t.dir/d/l
// RUN: %t > %t.native
// RUN: FileCheck %s < %t.native
// RUN: env WASM2BIN_NO_OPENAT2=1 %t | FileCheck %s
// RUN: %if node %{ %nodefs --dir %t.dir::/sandbox %t.wasm listing-only > %t.node %}
// RUN: %if node %{ %t listing-only | diff - %t.node %}
// CHECK-NOT: FAIL
// CHECK: list a 4
// CHECK-NEXT: list bb 4
// CHECK-NEXT: list ccc 4
// CHECK-NEXT: list l 7
// CHECK-NEXT: list s 3
// CHECK: done: 0 failures
#include "Inputs/check.h"

#include <dirent.h>
#include <stdlib.h>

#define BAD_PTR ((void *)0xfffffff0u)

struct entry {
  char name[64];
  __wasi_dirent_t d;
};

// Parses the complete entries of `buf` (of `used` bytes) into `out`; returns
// their number.
static int parse(const uint8_t *buf, size_t used, struct entry *out, int max) {
  int n = 0;
  size_t at = 0;
  while (n < max && at + sizeof(__wasi_dirent_t) <= used) {
    __wasi_dirent_t d;
    memcpy(&d, buf + at, sizeof(d));
    if (at + sizeof(d) + d.d_namlen > used)
      break;
    memcpy(out[n].name, buf + at + sizeof(d), d.d_namlen);
    out[n].name[d.d_namlen] = 0;
    out[n].d = d;
    ++n;
    at += sizeof(d) + d.d_namlen;
  }
  return n;
}

static int compare(const void *a, const void *b) {
  return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

static void listing(void) {
  DIR *d = opendir("/sandbox/d");
  struct entry e[16];
  int n = 0;
  struct dirent *de;
  while (d && (de = readdir(d)) && n < 16) {
    if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
      continue;
    strcpy(e[n].name, de->d_name);
    e[n++].d.d_type = de->d_type;
  }
  if (d)
    closedir(d);
  qsort(e, n, sizeof(e[0]), compare);
  for (int i = 0; i < n; ++i)
    printf("list %s %d\n", e[i].name, e[i].d.d_type);
}

int main(int argc, char **argv) {
  if (argc > 1) {
    listing();
    return 0;
  }
  CHECK(sizeof(__wasi_dirent_t) == 24);
  int dir = find_preopen("/sandbox");
  __wasi_fd_t d;
  EXPECT_OK(__wasi_path_open(dir, 0, "d", __WASI_OFLAGS_DIRECTORY,
                             __WASI_RIGHTS_FD_READDIR |
                                 __WASI_RIGHTS_PATH_FILESTAT_GET,
                             0, 0, &d));
  static uint8_t buf[4096];
  __wasi_size_t used;
  EXPECT_OK(__wasi_fd_readdir(d, buf, sizeof(buf), 0, &used));
  CHECK(used < sizeof(buf)); // all of it: less than the buffer
  struct entry all[16];
  int n = parse(buf, used, all, 16);
  CHECK(n == 7);
  size_t total = 0;
  for (int i = 0; i < n; ++i) {
    total += 24 + all[i].d.d_namlen;
    CHECK(all[i].d.d_namlen == strlen(all[i].name));
    // d_ino and d_type are what path_filestat_get reports (".." is above
    // the descriptor: perm).
    __wasi_filestat_t st;
    if (strcmp(all[i].name, "..") == 0) {
      EXPECT(__wasi_path_filestat_get(d, 0, "..", &st), __WASI_ERRNO_PERM);
      CHECK(all[i].d.d_type == __WASI_FILETYPE_DIRECTORY);
    } else {
      EXPECT_OK(__wasi_path_filestat_get(d, 0, all[i].name, &st));
      CHECK(all[i].d.d_ino == st.ino);
      CHECK(all[i].d.d_type == st.filetype);
    }
    // Resuming from this entry's cookie gives the rest, in order.
    __wasi_size_t rest;
    static uint8_t buf2[4096];
    EXPECT_OK(__wasi_fd_readdir(d, buf2, sizeof(buf2), all[i].d.d_next, &rest));
    struct entry tail[16];
    int m = parse(buf2, rest, tail, 16);
    CHECK(m == n - 1 - i);
    for (int k = 0; k < m; ++k)
      CHECK(strcmp(tail[k].name, all[i + 1 + k].name) == 0);
  }
  CHECK(total == used);

  // Cut off: the buffer is filled to the last byte, the last entry is
  // incomplete, and the call says so by returning the whole length.
  size_t cut = 24 + all[0].d.d_namlen + 10; // first entry, 10 bytes of the next
  memset(buf, 0xee, sizeof(buf));
  EXPECT_OK(__wasi_fd_readdir(d, buf, cut, 0, &used));
  CHECK(used == cut && buf[cut] == 0xee);
  CHECK(memcmp(buf + 24 + all[0].d.d_namlen, &all[1].d, 10) == 0);
  EXPECT_OK(__wasi_fd_readdir(d, buf, 3, 0, &used));
  CHECK(used == 3);
  EXPECT_OK(__wasi_fd_readdir(d, buf, 0, 0, &used));
  CHECK(used == 0);

  // Walking with a small buffer and the cookies gives the same entries.
  int seen = 0;
  __wasi_dircookie_t cookie = 0;
  for (;;) {
    uint8_t small[40];
    EXPECT_OK(__wasi_fd_readdir(d, small, sizeof(small), cookie, &used));
    struct entry one[2];
    int got = parse(small, used, one, 2);
    if (got == 0)
      break;
    CHECK(strcmp(one[0].name, all[seen].name) == 0);
    ++seen;
    cookie = one[0].d.d_next;
  }
  CHECK(seen == n);

  // The preopen's ".." is itself, not the host's parent.
  EXPECT_OK(__wasi_fd_readdir(dir, buf, sizeof(buf), 0, &used));
  struct entry top[16];
  int t = parse(buf, used, top, 16);
  __wasi_inode_t dot = 0, dotdot = 1;
  for (int i = 0; i < t; ++i) {
    if (strcmp(top[i].name, ".") == 0)
      dot = top[i].d.d_ino;
    if (strcmp(top[i].name, "..") == 0)
      dotdot = top[i].d.d_ino;
  }
  CHECK(dot == dotdot);

  // Errors.
  __wasi_fd_t f, nolist;
  EXPECT_OK(__wasi_path_open(dir, 0, "d/a", 0, __WASI_RIGHTS_FD_READ, 0, 0, &f));
  EXPECT(__wasi_fd_readdir(f, buf, sizeof(buf), 0, &used), __WASI_ERRNO_NOTDIR);
  EXPECT(__wasi_fd_readdir(99, buf, sizeof(buf), 0, &used), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_readdir(d, BAD_PTR, 100, 0, &used), __WASI_ERRNO_FAULT);
  EXPECT(__wasi_fd_readdir(d, buf, sizeof(buf), 0, BAD_PTR), __WASI_ERRNO_FAULT);
  EXPECT_OK(__wasi_path_open(dir, 0, "d", __WASI_OFLAGS_DIRECTORY,
                             __WASI_RIGHTS_PATH_OPEN, 0, 0, &nolist));
  EXPECT(__wasi_fd_readdir(nolist, buf, sizeof(buf), 0, &used),
         __WASI_ERRNO_NOTCAPABLE);

  listing();
  return DONE();
}
