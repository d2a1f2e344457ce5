// The path_* functions inside a granted directory: a success path and error
// paths each (escapes have their own tests), trailing slashes as in
// Wasmtime's test programs. The host sees the results.
// RUN: %clang-wasi %s -o %t.wasm
// RUN: %wasm2bin --dir %t.dir::/sandbox %t.wasm -o %t
// RUN: rm -rf %t.dir && mkdir %t.dir
// RUN: %t | FileCheck %s
// RUN: ls %t.dir | FileCheck %s --check-prefix=HOST
// RUN: test -L %t.dir/link && test -f %t.dir/dir/moved
// RUN: rm -rf %t.dir && mkdir %t.dir
// RUN: env WASM2BIN_NO_OPENAT2=1 %t | FileCheck %s
// RUN: ls %t.dir | FileCheck %s --check-prefix=HOST
// CHECK-NOT: FAIL
// CHECK: done: 0 failures
// HOST: dir
// HOST-NEXT: hard
// HOST-NEXT: link
// HOST-NOT: {{.}}
#include "Inputs/check.h"

#define BAD_PTR ((void *)0xfffffff0u)
#define FOLLOW __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW

static void create(int dir, const char *path, const char *text) {
  __wasi_fd_t fd;
  EXPECT_OK(open_file(dir, path, __WASI_OFLAGS_CREAT | __WASI_OFLAGS_TRUNC,
                      RIGHTS_FILE, 0, &fd));
  EXPECT_OK(write_str(fd, text));
  EXPECT_OK(__wasi_fd_close(fd));
}

static __wasi_filetype_t type_of(int dir, __wasi_lookupflags_t flags,
                                 const char *path) {
  __wasi_filestat_t st;
  if (__wasi_path_filestat_get(dir, flags, path, &st))
    return 255;
  return st.filetype;
}

int main(void) {
  int dir = find_preopen("/sandbox");
  __wasi_fd_t fd;
  char buf[128];

  // path_create_directory.
  EXPECT_OK(__wasi_path_create_directory(dir, "dir"));
  EXPECT_OK(__wasi_path_create_directory(dir, "dir/sub/"));
  EXPECT(__wasi_path_create_directory(dir, "dir"), __WASI_ERRNO_EXIST);
  EXPECT(__wasi_path_create_directory(dir, "nope/sub"), __WASI_ERRNO_NOENT);
  EXPECT(__wasi_path_create_directory(dir, ""), __WASI_ERRNO_NOENT);
  EXPECT(__wasi_path_create_directory(1, "x"), __WASI_ERRNO_NOTDIR);
  EXPECT(__wasi_path_create_directory(42, "x"), __WASI_ERRNO_BADF);

  // path_open: create, exclusive, truncate, directory, lookup flags.
  create(dir, "dir/file", "contents");
  EXPECT(open_file(dir, "dir/file", __WASI_OFLAGS_CREAT | __WASI_OFLAGS_EXCL,
                   RIGHTS_FILE, 0, &fd),
         __WASI_ERRNO_EXIST);
  EXPECT(open_file(dir, "missing", 0, RIGHTS_FILE, 0, &fd), __WASI_ERRNO_NOENT);
  EXPECT(open_file(dir, "dir/file", __WASI_OFLAGS_DIRECTORY, 0, 0, &fd),
         __WASI_ERRNO_NOTDIR);
  EXPECT(open_file(dir, "dir/file/", 0, RIGHTS_FILE, 0, &fd), __WASI_ERRNO_NOTDIR);
  EXPECT(open_file(dir, "dir", __WASI_OFLAGS_DIRECTORY | __WASI_OFLAGS_CREAT, 0,
                   0, &fd),
         __WASI_ERRNO_INVAL);
  EXPECT(open_file(dir, "dir", 0, __WASI_RIGHTS_FD_WRITE, 0, &fd),
         __WASI_ERRNO_ISDIR);
  EXPECT(open_file(dir, "dir/file", 0x10, 0, 0, &fd), __WASI_ERRNO_INVAL);
  EXPECT(open_file(dir, "dir/file", 0, 0, 0x20, &fd), __WASI_ERRNO_INVAL);
  EXPECT(__wasi_path_open(dir, 2, "dir/file", 0, 0, 0, 0, &fd),
         __WASI_ERRNO_INVAL);
  EXPECT(open_file(dir, "dir/file", 0, RIGHTS_FILE, 0, BAD_PTR),
         __WASI_ERRNO_FAULT);
  EXPECT(open_file(1, "x", 0, 0, 0, &fd), __WASI_ERRNO_NOTDIR);
  EXPECT_OK(open_file(dir, "dir/./sub/../file", 0, RIGHTS_FILE, 0, &fd));
  __wasi_filestat_t st;
  EXPECT_OK(__wasi_fd_filestat_get(fd, &st));
  CHECK(st.size == 8);
  EXPECT_OK(__wasi_fd_close(fd));
  EXPECT_OK(open_file(dir, "dir/file", __WASI_OFLAGS_TRUNC, RIGHTS_FILE, 0, &fd));
  EXPECT_OK(__wasi_fd_filestat_get(fd, &st));
  CHECK(st.size == 0);
  EXPECT_OK(write_str(fd, "new contents"));
  EXPECT_OK(__wasi_fd_close(fd));
  // A directory opened through the preopen is itself a capability.
  __wasi_fd_t sub;
  EXPECT_OK(__wasi_path_open(dir, 0, "dir/sub", __WASI_OFLAGS_DIRECTORY,
                             __WASI_RIGHTS_PATH_OPEN |
                                 __WASI_RIGHTS_PATH_CREATE_FILE |
                                 __WASI_RIGHTS_PATH_FILESTAT_SET_SIZE |
                                 __WASI_RIGHTS_FD_READDIR | __WASI_RIGHTS_FD_READ,
                             RIGHTS_FILE, 0, &sub));
  __wasi_fdstat_t fs;
  EXPECT_OK(__wasi_fd_fdstat_get(sub, &fs));
  CHECK(fs.fs_filetype == __WASI_FILETYPE_DIRECTORY);
  // fd_read does not apply to a directory: dropped.
  CHECK(fs.fs_rights_base == (__WASI_RIGHTS_PATH_OPEN |
                              __WASI_RIGHTS_PATH_CREATE_FILE |
                              __WASI_RIGHTS_PATH_FILESTAT_SET_SIZE |
                              __WASI_RIGHTS_FD_READDIR));
  CHECK(fs.fs_rights_inheriting == RIGHTS_FILE);
  create(sub, "inner", "in");
  EXPECT(__wasi_path_create_directory(sub, "x"), __WASI_ERRNO_NOTCAPABLE);
  EXPECT(read_file(dir, "dir/sub/inner", buf, sizeof(buf)), 0);
  CHECK(strcmp(buf, "in") == 0);

  // path_filestat_get, with and without following links.
  CHECK(type_of(dir, 0, "dir") == __WASI_FILETYPE_DIRECTORY);
  CHECK(type_of(dir, 0, "dir/file") == __WASI_FILETYPE_REGULAR_FILE);
  EXPECT_OK(__wasi_path_filestat_get(dir, 0, "dir/file", &st));
  CHECK(st.size == 12 && st.nlink == 1);
  EXPECT(__wasi_path_filestat_get(dir, 0, "nothing", &st), __WASI_ERRNO_NOENT);
  EXPECT(__wasi_path_filestat_get(dir, 0, "dir/file/", &st), __WASI_ERRNO_NOTDIR);
  EXPECT(__wasi_path_filestat_get(dir, 0, "dir/file", BAD_PTR), __WASI_ERRNO_FAULT);
  EXPECT(__wasi_path_filestat_get(dir, 4, "dir/file", &st), __WASI_ERRNO_INVAL);

  // path_symlink and path_readlink.
  EXPECT_OK(__wasi_path_symlink("dir/file", dir, "link"));
  EXPECT_OK(__wasi_path_symlink("sub", dir, "dir/dirlink"));
  EXPECT_OK(__wasi_path_symlink("nowhere", dir, "dir/dangling"));
  EXPECT(__wasi_path_symlink("x", dir, "link"), __WASI_ERRNO_EXIST);
  EXPECT(__wasi_path_symlink("x", dir, "nope/link"), __WASI_ERRNO_NOENT);
  EXPECT(__wasi_path_symlink("x", dir, "dir/"), __WASI_ERRNO_EXIST);
  CHECK(type_of(dir, 0, "link") == __WASI_FILETYPE_SYMBOLIC_LINK);
  CHECK(type_of(dir, FOLLOW, "link") == __WASI_FILETYPE_REGULAR_FILE);
  CHECK(type_of(dir, 0, "dir/dirlink/") == __WASI_FILETYPE_DIRECTORY);
  EXPECT(__wasi_path_filestat_get(dir, FOLLOW, "dir/dangling", &st),
         __WASI_ERRNO_NOENT);
  __wasi_size_t n;
  EXPECT_OK(__wasi_path_readlink(dir, "link", (uint8_t *)buf, sizeof(buf), &n));
  CHECK(n == 8 && memcmp(buf, "dir/file", 8) == 0);
  EXPECT_OK(__wasi_path_readlink(dir, "link", (uint8_t *)buf, 3, &n));
  CHECK(n == 3 && memcmp(buf, "dir", 3) == 0); // cut to the buffer
  EXPECT(__wasi_path_readlink(dir, "dir/file", (uint8_t *)buf, sizeof(buf), &n),
         __WASI_ERRNO_INVAL);
  EXPECT(__wasi_path_readlink(dir, "missing", (uint8_t *)buf, sizeof(buf), &n),
         __WASI_ERRNO_NOENT);
  EXPECT(__wasi_path_readlink(dir, "link", BAD_PTR, 16, &n), __WASI_ERRNO_FAULT);
  // Opening a link without symlink_follow is loop (as Wasmtime); with it the
  // target opens.
  EXPECT(__wasi_path_open(dir, 0, "link", 0, __WASI_RIGHTS_FD_READ, 0, 0, &fd),
         __WASI_ERRNO_LOOP);
  EXPECT_OK(read_file(dir, "link", buf, sizeof(buf)));
  CHECK(strcmp(buf, "new contents") == 0);
  EXPECT_OK(read_file(dir, "dir/dirlink/inner", buf, sizeof(buf)));
  CHECK(strcmp(buf, "in") == 0);

  // path_filestat_set_times on the link itself and on its target.
  EXPECT_OK(__wasi_path_filestat_set_times(dir, 0, "dir/file", 5000000000ull,
                                           6000000000ull,
                                           __WASI_FSTFLAGS_ATIM |
                                               __WASI_FSTFLAGS_MTIM));
  EXPECT_OK(__wasi_path_filestat_get(dir, 0, "dir/file", &st));
  CHECK(st.atim == 5000000000ull && st.mtim == 6000000000ull);
  EXPECT_OK(__wasi_path_filestat_set_times(dir, FOLLOW, "link", 0, 7000000000ull,
                                           __WASI_FSTFLAGS_MTIM));
  EXPECT_OK(__wasi_path_filestat_get(dir, 0, "dir/file", &st));
  CHECK(st.atim == 5000000000ull && st.mtim == 7000000000ull);
  EXPECT_OK(__wasi_path_filestat_set_times(dir, 0, "link", 0, 0,
                                           __WASI_FSTFLAGS_MTIM_NOW));
  EXPECT_OK(__wasi_path_filestat_get(dir, 0, "dir/file", &st));
  CHECK(st.mtim == 7000000000ull); // the link changed, not the file
  EXPECT(__wasi_path_filestat_set_times(dir, 0, "dir/file", 0, 0,
                                        __WASI_FSTFLAGS_MTIM |
                                            __WASI_FSTFLAGS_MTIM_NOW),
         __WASI_ERRNO_INVAL);
  EXPECT(__wasi_path_filestat_set_times(dir, 0, "missing", 0, 0,
                                        __WASI_FSTFLAGS_MTIM_NOW),
         __WASI_ERRNO_NOENT);

  // path_link: hard links, with and without following a link.
  EXPECT_OK(__wasi_path_link(dir, 0, "dir/file", dir, "hard"));
  EXPECT_OK(__wasi_path_filestat_get(dir, 0, "dir/file", &st));
  CHECK(st.nlink == 2);
  EXPECT_OK(__wasi_path_link(dir, FOLLOW, "link", dir, "dir/hard2"));
  EXPECT_OK(__wasi_path_filestat_get(dir, 0, "dir/file", &st));
  CHECK(st.nlink == 3);
  EXPECT_OK(__wasi_path_link(dir, 0, "link", dir, "dir/linkcopy"));
  CHECK(type_of(dir, 0, "dir/linkcopy") == __WASI_FILETYPE_SYMBOLIC_LINK);
  EXPECT(__wasi_path_link(dir, 0, "dir/file", dir, "hard"), __WASI_ERRNO_EXIST);
  EXPECT(__wasi_path_link(dir, 0, "missing", dir, "x"), __WASI_ERRNO_NOENT);
  EXPECT(__wasi_path_link(dir, 0, "dir/sub", dir, "x"), __WASI_ERRNO_PERM);
  EXPECT(__wasi_path_link(dir, 2, "dir/file", dir, "x"), __WASI_ERRNO_INVAL);

  // path_rename: files and directories, trailing slashes on directories.
  EXPECT_OK(__wasi_path_rename(dir, "dir/hard2", dir, "dir/moved"));
  EXPECT(__wasi_path_rename(dir, "dir/hard2", dir, "x"), __WASI_ERRNO_NOENT);
  EXPECT_OK(__wasi_path_create_directory(dir, "source"));
  EXPECT_OK(__wasi_path_rename(dir, "source/", dir, "target"));
  EXPECT_OK(__wasi_path_rename(dir, "target", dir, "source/"));
  EXPECT_OK(__wasi_path_rename(dir, "source/", dir, "target/"));
  EXPECT(__wasi_path_rename(dir, "dir/moved/", dir, "x"), __WASI_ERRNO_NOTDIR);
  EXPECT(__wasi_path_rename(dir, "target", dir, "dir"), __WASI_ERRNO_NOTEMPTY);
  EXPECT(__wasi_path_rename(dir, "dir/moved", dir, "target"), __WASI_ERRNO_ISDIR);

  // path_remove_directory.
  EXPECT_OK(__wasi_path_remove_directory(dir, "target"));
  EXPECT(__wasi_path_remove_directory(dir, "target"), __WASI_ERRNO_NOENT);
  EXPECT(__wasi_path_remove_directory(dir, "dir"), __WASI_ERRNO_NOTEMPTY);
  EXPECT(__wasi_path_remove_directory(dir, "dir/moved"), __WASI_ERRNO_NOTDIR);
  EXPECT(__wasi_path_remove_directory(dir, "dir/moved/"), __WASI_ERRNO_NOTDIR);
  EXPECT(__wasi_path_remove_directory(dir, "."), __WASI_ERRNO_INVAL);

  // path_unlink_file.
  EXPECT_OK(__wasi_path_unlink_file(dir, "dir/linkcopy"));
  EXPECT_OK(__wasi_path_unlink_file(dir, "dir/dangling"));
  EXPECT(__wasi_path_unlink_file(dir, "dir/dangling"), __WASI_ERRNO_NOENT);
  EXPECT(__wasi_path_unlink_file(dir, "dir/sub"), __WASI_ERRNO_ISDIR);
  EXPECT(__wasi_path_unlink_file(dir, "dir/sub/"), __WASI_ERRNO_ISDIR);
  EXPECT(__wasi_path_unlink_file(dir, "dir/moved/"), __WASI_ERRNO_NOTDIR);
  EXPECT_OK(__wasi_path_unlink_file(dir, "dir/dirlink"));
  EXPECT_OK(__wasi_path_unlink_file(dir, "dir/sub/inner"));
  EXPECT_OK(__wasi_path_remove_directory(dir, "dir/sub"));
  EXPECT_OK(__wasi_path_unlink_file(dir, "dir/file"));
  EXPECT_OK(__wasi_path_filestat_get(dir, 0, "hard", &st));
  CHECK(st.nlink == 2 && st.size == 12);
  // Left for the host to see: dir/moved, hard, link (dangling now).
  return DONE();
}
