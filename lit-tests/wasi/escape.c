// The sandbox-escape suite: every way out of a granted directory must fail
// with the expected errno (perm for a path that leads outside, as Wasmtime),
// with openat2 and with the userspace walk, and must leave everything outside
// the directory as it was: same names, same contents, same link counts and
// modification times (checked from the host before and after).
//
// RUN: %clang-wasi %s -o %t.wasm
// RUN: %wasm2bin --dir %t.root/sandbox::/sandbox %t.wasm -o %t
//
// RUN: rm -rf %t.root && mkdir -p %t.root/sandbox/sub %t.root/outdir
// RUN: echo secret > %t.root/outside.txt
// RUN: echo secret2 > %t.root/outdir/secret2
// RUN: echo inner > %t.root/sandbox/inner.txt
// RUN: ln -s %t.root/outside.txt %t.root/sandbox/abs
// RUN: ln -s ../outside.txt %t.root/sandbox/rel
// RUN: ln -s chain2 %t.root/sandbox/chain1
// RUN: ln -s sub/../chain3 %t.root/sandbox/chain2
// RUN: ln -s sub/../../outside.txt %t.root/sandbox/chain3
// RUN: ln -s ../outdir %t.root/sandbox/dirout
// RUN: ln -s sub/../../../../../../../../../etc %t.root/sandbox/deep
// RUN: ln -s selfloop %t.root/sandbox/selfloop
// RUN: ln -s ../created-through-link %t.root/sandbox/dangling-out
// RUN: ln -s ../sub/.. %t.root/sandbox/sub/up
// RUN: ls -la --time-style=full-iso %t.root %t.root/outdir | grep -v -e ' sandbox$' -e ' [.][.]$' > %t.before
// RUN: cp -r %t.root/sandbox %t.pristine
//
// RUN: %t | FileCheck %s
// RUN: ls -la --time-style=full-iso %t.root %t.root/outdir | grep -v -e ' sandbox$' -e ' [.][.]$' > %t.after
// RUN: diff %t.before %t.after
// RUN: cat %t.root/outside.txt %t.root/outdir/secret2 | FileCheck %s --check-prefix=UNTOUCHED
//
// RUN: rm -rf %t.root/sandbox && cp -r %t.pristine %t.root/sandbox
// RUN: ls -la --time-style=full-iso %t.root %t.root/outdir | grep -v -e ' sandbox$' -e ' [.][.]$' > %t.before
// RUN: env WASM2BIN_NO_OPENAT2=1 %t | FileCheck %s
// RUN: ls -la --time-style=full-iso %t.root %t.root/outdir | grep -v -e ' sandbox$' -e ' [.][.]$' > %t.after
// RUN: diff %t.before %t.after
// RUN: cat %t.root/outside.txt %t.root/outdir/secret2 | FileCheck %s --check-prefix=UNTOUCHED
//
// CHECK-NOT: FAIL
// CHECK-NOT: secret
// CHECK: done: 0 failures
// UNTOUCHED: {{^}}secret{{$}}
// UNTOUCHED-NEXT: {{^}}secret2{{$}}
#include "Inputs/check.h"

#include <stdlib.h>

#define FOLLOW __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW
#define PERM __WASI_ERRNO_PERM

// path_open with an explicit (pointer, length), for paths with NULs.
__attribute__((import_module("wasi_snapshot_preview1"),
               import_name("path_open"))) int32_t
raw_path_open(int32_t fd, int32_t dirflags, const char *path, int32_t len,
              int32_t oflags, int64_t base, int64_t inheriting,
              int32_t fdflags, __wasi_fd_t *out);

static int dir;

static __wasi_errno_t try_open(__wasi_lookupflags_t flags, const char *path,
                               __wasi_oflags_t oflags) {
  __wasi_fd_t fd;
  __wasi_errno_t e =
      __wasi_path_open(dir, flags, path, oflags,
                       __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_READDIR,
                       0, 0, &fd);
  if (e == 0) {
    // Whatever it is, show it: the CHECK-NOT above catches a secret.
    char buf[64];
    __wasi_iovec_t iov = {(uint8_t *)buf, sizeof(buf) - 1};
    __wasi_size_t n = 0;
    if (__wasi_fd_read(fd, &iov, 1, &n) == 0) {
      buf[n] = 0;
      printf("opened %s: %s\n", path, buf);
    }
    (void)__wasi_fd_close(fd);
  }
  return e;
}

#define OPEN(flags, path, oflags, want)                                        \
  check_errno("open " path, try_open(flags, path, oflags), want, __LINE__)

int main(void) {
  dir = find_preopen("/sandbox");
  CHECK(dir == 3);
  __wasi_filestat_t st;
  __wasi_fd_t fd;
  char buf[64];

  // Inside is fine.
  OPEN(0, "inner.txt", 0, 0);
  OPEN(0, "sub/../inner.txt", 0, 0);
  OPEN(0, ".", 0, 0);
  OPEN(0, "sub/..", 0, 0);
  OPEN(0, "sub/up/inner.txt", 0, 0); // a link that climbs but stays inside
  OPEN(0, "", 0, __WASI_ERRNO_NOENT);

  // Absolute paths and `..`.
  OPEN(0, "/etc/passwd", 0, PERM);
  OPEN(0, "/", 0, PERM);
  OPEN(0, "..", 0, PERM);
  OPEN(0, "../outside.txt", 0, PERM);
  OPEN(0, "sub/../../outside.txt", 0, PERM);
  OPEN(0, "sub/../..", 0, PERM);
  OPEN(0, "./sub/./../../sandbox/inner.txt", 0, PERM);
  OPEN(0, "../../../../../../../../../../etc/passwd", 0, PERM);

  // Symbolic links: absolute, relative, in a chain, to a directory used as an
  // intermediate component, deep, looping, and as the last component of a
  // path that only creates.
  OPEN(FOLLOW, "abs", 0, PERM);
  OPEN(0, "abs", 0, __WASI_ERRNO_LOOP); // not followed: the link itself
  OPEN(FOLLOW, "rel", 0, PERM);
  OPEN(FOLLOW, "chain1", 0, PERM);
  OPEN(0, "dirout/secret2", 0, PERM);
  OPEN(0, "dirout/", 0, PERM);
  OPEN(0, "deep/passwd", 0, PERM);
  OPEN(FOLLOW, "selfloop", 0, __WASI_ERRNO_LOOP);
  OPEN(FOLLOW, "dangling-out", __WASI_OFLAGS_CREAT, PERM);
  OPEN(0, "../created", __WASI_OFLAGS_CREAT, PERM);
  OPEN(0, "dirout/created", __WASI_OFLAGS_CREAT, PERM);
  OPEN(FOLLOW, "rel", __WASI_OFLAGS_CREAT | __WASI_OFLAGS_TRUNC, PERM);

  // A directory opened inside is a capability of its own: `..` from it is
  // outside it.
  __wasi_fd_t sub;
  EXPECT_OK(__wasi_path_open(dir, 0, "sub", __WASI_OFLAGS_DIRECTORY,
                             __WASI_RIGHTS_PATH_OPEN, __WASI_RIGHTS_FD_READ, 0,
                             &sub));
  EXPECT(__wasi_path_open(sub, 0, "../inner.txt", 0, __WASI_RIGHTS_FD_READ, 0,
                          0, &fd),
         PERM);
  EXPECT(__wasi_path_open(sub, FOLLOW, "up/inner.txt", 0,
                          __WASI_RIGHTS_FD_READ, 0, 0, &fd),
         PERM);

  // Not a granted directory at all.
  EXPECT(__wasi_path_open(0, 0, "x", 0, 0, 0, 0, &fd), __WASI_ERRNO_NOTDIR);
  EXPECT(__wasi_path_open(9, 0, "x", 0, 0, 0, 0, &fd), __WASI_ERRNO_BADF);
  EXPECT(__wasi_path_open(1000, 0, "x", 0, 0, 0, 0, &fd), __WASI_ERRNO_BADF);

  // Paths that are not what they seem.
  static const char nul[] = "inner.txt\0../outside.txt";
  EXPECT(raw_path_open(dir, 0, nul, sizeof(nul) - 1, 0, __WASI_RIGHTS_FD_READ,
                       0, 0, &fd),
         __WASI_ERRNO_INVAL);
  EXPECT(raw_path_open(dir, 0, "inner.txt\0", 10, 0, __WASI_RIGHTS_FD_READ, 0,
                       0, &fd),
         __WASI_ERRNO_INVAL);
  EXPECT(raw_path_open(dir, 0, "\xff\xfe.txt", 6, 0, __WASI_RIGHTS_FD_READ, 0,
                       0, &fd),
         __WASI_ERRNO_ILSEQ);
  EXPECT(raw_path_open(dir, 0, "inner.txt", 0x7fffffff, 0,
                       __WASI_RIGHTS_FD_READ, 0, 0, &fd),
         __WASI_ERRNO_FAULT);
  char *longPath = malloc(5000);
  memset(longPath, 'a', 4999);
  longPath[4999] = 0;
  OPEN(0, "x", 0, __WASI_ERRNO_NOENT);
  EXPECT(__wasi_path_open(dir, 0, longPath, 0, 0, 0, 0, &fd),
         __WASI_ERRNO_NAMETOOLONG);

  // Every other path function, pointed outside.
  EXPECT(__wasi_path_create_directory(dir, "../newdir"), PERM);
  EXPECT(__wasi_path_create_directory(dir, "dirout/newdir"), PERM);
  EXPECT(__wasi_path_create_directory(dir, "/tmp/newdir"), PERM);
  EXPECT(__wasi_path_unlink_file(dir, "../outside.txt"), PERM);
  EXPECT(__wasi_path_unlink_file(dir, "dirout/secret2"), PERM);
  EXPECT(__wasi_path_unlink_file(dir, "deep/passwd"), PERM);
  EXPECT(__wasi_path_remove_directory(dir, "../outdir"), PERM);
  EXPECT(__wasi_path_remove_directory(dir, ".."), PERM);
  EXPECT(__wasi_path_rename(dir, "inner.txt", dir, "../moved.txt"), PERM);
  EXPECT(__wasi_path_rename(dir, "../outside.txt", dir, "stolen"), PERM);
  EXPECT(__wasi_path_rename(dir, "dirout/secret2", dir, "stolen"), PERM);
  EXPECT(__wasi_path_rename(dir, "inner.txt", dir, "dirout/moved"), PERM);
  EXPECT(__wasi_path_filestat_get(dir, 0, "../outside.txt", &st), PERM);
  EXPECT(__wasi_path_filestat_get(dir, FOLLOW, "abs", &st), PERM);
  EXPECT(__wasi_path_filestat_get(dir, FOLLOW, "chain1", &st), PERM);
  EXPECT(__wasi_path_filestat_get(dir, 0, "rel/", &st), PERM);
  EXPECT_OK(__wasi_path_filestat_get(dir, 0, "abs", &st)); // the link itself
  CHECK(st.filetype == __WASI_FILETYPE_SYMBOLIC_LINK);
  EXPECT(__wasi_path_filestat_set_times(dir, FOLLOW, "rel", 0, 0,
                                        __WASI_FSTFLAGS_MTIM_NOW),
         PERM);
  EXPECT(__wasi_path_filestat_set_times(dir, FOLLOW, "chain1", 0, 0,
                                        __WASI_FSTFLAGS_ATIM_NOW),
         PERM);
  EXPECT(__wasi_path_filestat_set_times(dir, 0, "dirout/secret2", 0, 0,
                                        __WASI_FSTFLAGS_MTIM_NOW),
         PERM);
  EXPECT_OK(__wasi_path_filestat_set_times(dir, 0, "rel", 0, 0,
                                           __WASI_FSTFLAGS_MTIM_NOW));
  __wasi_size_t n;
  EXPECT(__wasi_path_readlink(dir, "../x", (uint8_t *)buf, sizeof(buf), &n),
         PERM);
  EXPECT(__wasi_path_readlink(dir, "dirout/x", (uint8_t *)buf, sizeof(buf), &n),
         PERM);

  // Hard links: never to a file outside, not through a followed link either.
  EXPECT(__wasi_path_link(dir, 0, "../outside.txt", dir, "hl"), PERM);
  EXPECT(__wasi_path_link(dir, FOLLOW, "rel", dir, "hl"), PERM);
  EXPECT(__wasi_path_link(dir, FOLLOW, "abs", dir, "hl"), PERM);
  EXPECT(__wasi_path_link(dir, 0, "dirout/secret2", dir, "hl"), PERM);
  EXPECT(__wasi_path_link(dir, 0, "inner.txt", dir, "../hl"), PERM);
  EXPECT(__wasi_path_link(dir, 0, "inner.txt", dir, "dirout/hl"), PERM);
  // Without following, the link itself is linked: still only a link.
  EXPECT_OK(__wasi_path_link(dir, 0, "rel", dir, "hl"));
  EXPECT(try_open(FOLLOW, "hl", 0), PERM);

  // Symbolic links: an absolute target is refused; a relative one that
  // climbs out can be made but never followed out.
  EXPECT(__wasi_path_symlink("/etc/passwd", dir, "newabs"), PERM);
  EXPECT(__wasi_path_symlink("x", dir, "../newlink"), PERM);
  EXPECT(__wasi_path_symlink("x", dir, "dirout/newlink"), PERM);
  EXPECT_OK(__wasi_path_symlink("../outside.txt", dir, "newrel"));
  EXPECT(try_open(FOLLOW, "newrel", 0), PERM);
  EXPECT_OK(__wasi_path_symlink("sub/../../outdir", dir, "newdirlink"));
  EXPECT(try_open(0, "newdirlink/secret2", 0), PERM);
  EXPECT(__wasi_path_create_directory(dir, "newdirlink/x"), PERM);

  // Renaming a link does not change where it leads.
  EXPECT_OK(__wasi_path_rename(dir, "rel", dir, "sub/rel"));
  EXPECT(try_open(FOLLOW, "sub/rel", 0), __WASI_ERRNO_NOENT); // ../outside.txt from sub: sandbox/outside.txt
  return DONE();
}
