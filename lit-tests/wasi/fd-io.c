// The fd_* functions on files, directories and stdio: a success path and an
// error path each (fd_readdir and fd_prestat_* have their own tests).
// RUN: %clang-wasi %s -o %t.wasm
// RUN: %wasm2bin --dir %t.dir::/sandbox %t.wasm -o %t
// RUN: rm -rf %t.dir && mkdir %t.dir
// RUN: %t | FileCheck %s
// RUN: rm -rf %t.dir && mkdir %t.dir
// RUN: env WASM2BIN_NO_OPENAT2=1 %t | FileCheck %s
// CHECK-NOT: FAIL
// CHECK: done: 0 failures
#include "Inputs/check.h"

#define BAD_PTR ((void *)0xfffffff0u)

static __wasi_filestat_t stat_of(__wasi_fd_t fd) {
  __wasi_filestat_t st;
  memset(&st, 0, sizeof(st));
  EXPECT_OK(__wasi_fd_filestat_get(fd, &st));
  return st;
}

int main(void) {
  int dir = find_preopen("/sandbox");
  CHECK(dir == 3);
  __wasi_fd_t fd, fd2;
  __wasi_filesize_t pos;
  __wasi_size_t n;
  char buf[64];

  EXPECT_OK(open_file(dir, "f.txt", __WASI_OFLAGS_CREAT, RIGHTS_FILE, 0, &fd));

  // fd_write, fd_tell.
  EXPECT_OK(write_str(fd, "hello, world\n"));
  EXPECT_OK(__wasi_fd_tell(fd, &pos));
  CHECK(pos == 13);
  EXPECT(__wasi_fd_write(100, NULL, 0, &n), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_tell(100, &pos), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_tell(fd, BAD_PTR), __WASI_ERRNO_FAULT);

  // fd_seek: set, cur, end; bad whence and negative results are inval.
  EXPECT_OK(__wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos));
  CHECK(pos == 0);
  EXPECT_OK(__wasi_fd_seek(fd, 3, __WASI_WHENCE_CUR, &pos));
  CHECK(pos == 3);
  EXPECT_OK(__wasi_fd_seek(fd, -6, __WASI_WHENCE_END, &pos));
  CHECK(pos == 7);
  EXPECT(__wasi_fd_seek(fd, -100, __WASI_WHENCE_CUR, &pos), __WASI_ERRNO_INVAL);
  EXPECT(__wasi_fd_seek(fd, 0, 3, &pos), __WASI_ERRNO_INVAL);
  EXPECT_OK(__wasi_fd_tell(fd, &pos));
  CHECK(pos == 7);

  // fd_read: scattered over two buffers, then end of file.
  __wasi_iovec_t iovs[2] = {{(uint8_t *)buf, 2}, {(uint8_t *)buf + 10, 10}};
  EXPECT_OK(__wasi_fd_read(fd, iovs, 2, &n));
  CHECK(n == 6 && memcmp(buf, "wo", 2) == 0 && memcmp(buf + 10, "rld\n", 4) == 0);
  EXPECT_OK(__wasi_fd_read(fd, iovs, 2, &n));
  CHECK(n == 0);
  iovs[1].buf = BAD_PTR;
  EXPECT(__wasi_fd_read(fd, iovs, 2, &n), __WASI_ERRNO_FAULT);

  // fd_pwrite / fd_pread leave the offset alone.
  __wasi_ciovec_t ciov = {(const uint8_t *)"HELLO", 5};
  EXPECT_OK(__wasi_fd_pwrite(fd, &ciov, 1, 0, &n));
  CHECK(n == 5);
  __wasi_iovec_t iov = {(uint8_t *)buf, sizeof(buf)};
  EXPECT_OK(__wasi_fd_pread(fd, &iov, 1, 0, &n));
  CHECK(n == 13 && memcmp(buf, "HELLO, world\n", 13) == 0);
  EXPECT_OK(__wasi_fd_tell(fd, &pos));
  CHECK(pos == 13);
  EXPECT(__wasi_fd_pread(fd, &iov, 1, (__wasi_filesize_t)-1, &n),
         __WASI_ERRNO_INVAL);
  EXPECT(__wasi_fd_pwrite(fd, &ciov, 1, (__wasi_filesize_t)-1, &n),
         __WASI_ERRNO_INVAL);
  EXPECT(__wasi_fd_pread(1, &iov, 1, 0, &n), __WASI_ERRNO_BADF); // write-only
  EXPECT(__wasi_fd_pwrite(1, &ciov, 1, 0, &n), __WASI_ERRNO_SPIPE); // a pipe

  // fd_filestat_get.
  __wasi_filestat_t st = stat_of(fd);
  CHECK(st.filetype == __WASI_FILETYPE_REGULAR_FILE);
  CHECK(st.size == 13 && st.nlink == 1 && st.ino != 0 && st.mtim != 0);
  EXPECT(__wasi_fd_filestat_get(fd, BAD_PTR), __WASI_ERRNO_FAULT);
  EXPECT(__wasi_fd_filestat_get(77, (__wasi_filestat_t *)buf), __WASI_ERRNO_BADF);

  // fd_filestat_set_size grows with zeros and shrinks.
  EXPECT_OK(__wasi_fd_filestat_set_size(fd, 20));
  CHECK(stat_of(fd).size == 20);
  EXPECT_OK(__wasi_fd_pread(fd, &iov, 1, 13, &n));
  CHECK(n == 7 && buf[0] == 0 && buf[6] == 0);
  EXPECT_OK(__wasi_fd_filestat_set_size(fd, 5));
  CHECK(stat_of(fd).size == 5);
  EXPECT(__wasi_fd_filestat_set_size(fd, (__wasi_filesize_t)-1),
         __WASI_ERRNO_INVAL);

  // fd_filestat_set_times: given times, "now", and invalid combinations.
  EXPECT_OK(__wasi_fd_filestat_set_times(
      fd, 1000000000123ull, 2000000000456ull,
      __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_MTIM));
  st = stat_of(fd);
  CHECK(st.atim == 1000000000123ull && st.mtim == 2000000000456ull);
  EXPECT_OK(__wasi_fd_filestat_set_times(fd, 0, 0, __WASI_FSTFLAGS_MTIM_NOW));
  st = stat_of(fd);
  CHECK(st.atim == 1000000000123ull && st.mtim > 1600000000000000000ull);
  EXPECT(__wasi_fd_filestat_set_times(fd, 0, 0,
                                      __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_ATIM_NOW),
         __WASI_ERRNO_INVAL);
  EXPECT(__wasi_fd_filestat_set_times(fd, 0, 0,
                                      __WASI_FSTFLAGS_MTIM | __WASI_FSTFLAGS_MTIM_NOW),
         __WASI_ERRNO_INVAL);
  EXPECT(__wasi_fd_filestat_set_times(fd, 0, 0, 16), __WASI_ERRNO_INVAL);
  EXPECT(__wasi_fd_filestat_set_times(1, 0, 0, __WASI_FSTFLAGS_ATIM_NOW),
         __WASI_ERRNO_BADF); // stdout has no set_times right: a pipe

  // fd_advise, fd_allocate, fd_datasync, fd_sync.
  EXPECT_OK(__wasi_fd_advise(fd, 0, 5, __WASI_ADVICE_SEQUENTIAL));
  EXPECT_OK(__wasi_fd_advise(fd, 0, 0, __WASI_ADVICE_DONTNEED));
  EXPECT(__wasi_fd_advise(fd, 0, 5, 6), __WASI_ERRNO_INVAL);
  // (Some file systems cannot preallocate: notsup.)
  __wasi_errno_t allocated = __wasi_fd_allocate(fd, 0, 4096);
  CHECK(allocated == 0 || allocated == __WASI_ERRNO_NOTSUP);
  if (allocated == 0)
    CHECK(stat_of(fd).size == 4096);
  EXPECT(__wasi_fd_allocate(fd, 0, 0), __WASI_ERRNO_INVAL);
  EXPECT_OK(__wasi_fd_datasync(fd));
  EXPECT_OK(__wasi_fd_sync(fd));
  EXPECT(__wasi_fd_sync(dir), __WASI_ERRNO_BADF);     // a directory, as Wasmtime
  EXPECT(__wasi_fd_datasync(dir), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_advise(dir, 0, 0, 0), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_allocate(dir, 0, 1), __WASI_ERRNO_BADF);
  EXPECT_OK(__wasi_fd_filestat_set_size(fd, 5));

  // fd_fdstat_get.
  __wasi_fdstat_t fs;
  EXPECT_OK(__wasi_fd_fdstat_get(fd, &fs));
  CHECK(fs.fs_filetype == __WASI_FILETYPE_REGULAR_FILE && fs.fs_flags == 0);
  CHECK(fs.fs_rights_base == RIGHTS_FILE);
  EXPECT_OK(__wasi_fd_fdstat_get(dir, &fs));
  CHECK(fs.fs_filetype == __WASI_FILETYPE_DIRECTORY);
  CHECK(fs.fs_rights_base & __WASI_RIGHTS_PATH_OPEN);
  CHECK(!(fs.fs_rights_base & __WASI_RIGHTS_FD_READ));
  CHECK(fs.fs_rights_inheriting & __WASI_RIGHTS_FD_WRITE);
  EXPECT_OK(__wasi_fd_fdstat_get(1, &fs));
  CHECK(fs.fs_rights_base & __WASI_RIGHTS_FD_WRITE);
  CHECK(!(fs.fs_rights_base & (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK)));
  EXPECT(__wasi_fd_fdstat_get(fd, BAD_PTR), __WASI_ERRNO_FAULT);
  EXPECT(__wasi_fd_fdstat_get(-1, &fs), __WASI_ERRNO_BADF);

  // fd_fdstat_set_flags: append and nonblock change; sync cannot.
  EXPECT_OK(__wasi_fd_fdstat_set_flags(fd, __WASI_FDFLAGS_APPEND));
  EXPECT_OK(__wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos));
  EXPECT_OK(write_str(fd, "++"));
  EXPECT_OK(__wasi_fd_pread(fd, &iov, 1, 0, &n));
  CHECK(n == 7 && memcmp(buf, "HELLO++", 7) == 0);
  EXPECT_OK(__wasi_fd_fdstat_get(fd, &fs));
  CHECK(fs.fs_flags == __WASI_FDFLAGS_APPEND);
  EXPECT_OK(__wasi_fd_fdstat_set_flags(fd, __WASI_FDFLAGS_NONBLOCK));
  EXPECT_OK(__wasi_fd_fdstat_get(fd, &fs));
  CHECK(fs.fs_flags == __WASI_FDFLAGS_NONBLOCK);
  EXPECT(__wasi_fd_fdstat_set_flags(fd, __WASI_FDFLAGS_SYNC), __WASI_ERRNO_INVAL);
  EXPECT(__wasi_fd_fdstat_set_flags(fd, 0x20), __WASI_ERRNO_INVAL);
  EXPECT(__wasi_fd_fdstat_set_flags(dir, 0), __WASI_ERRNO_BADF);
  EXPECT_OK(__wasi_fd_fdstat_set_flags(fd, 0));

  // fd_fdstat_set_rights only narrows.
  EXPECT_OK(open_file(dir, "f.txt", 0, RIGHTS_FILE, 0, &fd2));
  EXPECT_OK(__wasi_fd_fdstat_set_rights(
      fd2, RIGHTS_FILE & ~(__WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_SEEK), 0));
  EXPECT(write_str(fd2, "x"), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_seek(fd2, 1, __WASI_WHENCE_SET, &pos), __WASI_ERRNO_NOTCAPABLE);
  EXPECT_OK(__wasi_fd_tell(fd2, &pos)); // fd_tell is still there
  EXPECT(__wasi_fd_fdstat_set_rights(fd2, RIGHTS_FILE, 0), __WASI_ERRNO_NOTCAPABLE);
  EXPECT(__wasi_fd_fdstat_set_rights(fd2, 0, 1), __WASI_ERRNO_NOTCAPABLE);
  EXPECT_OK(__wasi_fd_fdstat_get(fd2, &fs));
  CHECK(fs.fs_rights_base ==
        (RIGHTS_FILE & ~(__WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_SEEK)));
  EXPECT(__wasi_fd_fdstat_set_rights(99, 0, 0), __WASI_ERRNO_BADF);

  // fd_renumber moves a descriptor onto another (closing it).
  __wasi_fd_t fd3;
  EXPECT_OK(open_file(dir, "g.txt", __WASI_OFLAGS_CREAT, RIGHTS_FILE, 0, &fd3));
  EXPECT_OK(__wasi_fd_renumber(fd2, fd3));
  EXPECT(__wasi_fd_close(fd2), __WASI_ERRNO_BADF);
  EXPECT_OK(__wasi_fd_read(fd3, &iov, 1, &n));
  CHECK(n == 7 && memcmp(buf, "HELLO++", 7) == 0);
  EXPECT(__wasi_fd_renumber(fd3, 200), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_renumber(200, fd3), __WASI_ERRNO_BADF);
  EXPECT_OK(__wasi_fd_renumber(fd3, fd3));

  // fd_close.
  EXPECT_OK(__wasi_fd_close(fd3));
  EXPECT(__wasi_fd_close(fd3), __WASI_ERRNO_BADF);

  // Directories are not files (Wasmtime's errnos).
  EXPECT(__wasi_fd_read(dir, &iov, 1, &n), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_write(dir, &ciov, 1, &n), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_seek(dir, 0, __WASI_WHENCE_CUR, &pos), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_tell(dir, &pos), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_filestat_set_size(dir, 0), __WASI_ERRNO_BADF);
  st = stat_of(dir);
  CHECK(st.filetype == __WASI_FILETYPE_DIRECTORY);

  // stdio: stdout is a pipe here.
  EXPECT(__wasi_fd_read(1, &iov, 1, &n), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_seek(1, 0, __WASI_WHENCE_CUR, &pos), __WASI_ERRNO_SPIPE);
  EXPECT(__wasi_fd_tell(1, &pos), __WASI_ERRNO_SPIPE);
  EXPECT(write_str(0, "x"), __WASI_ERRNO_BADF);
  EXPECT_OK(__wasi_fd_close(fd));
  return DONE();
}
