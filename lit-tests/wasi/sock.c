// Granted listening sockets (--listen at compile time and in
// WASM2BIN_GRANTS at run time) pre-opened after the directories, and
// sock_accept / sock_recv / sock_send / sock_shutdown on them, with their
// error paths; writing to a connection whose peer is gone is `pipe`, not a
// SIGPIPE death. sock.py is the client.
// RUN: %clang-wasi %s -o %t.wasm
// RUN: python3 %S/Inputs/sock.py %wasm2bin %t.wasm %t | FileCheck %s
// CHECK-NOT: FAIL
// CHECK: done: 0 failures
// CHECK: client1 got: pong:ping!
// CHECK: client2 got: hello
#include "Inputs/check.h"

#define BAD_PTR ((void *)0xfffffff0u)

static __wasi_errno_t send_str(__wasi_fd_t fd, const char *a, const char *b) {
  __wasi_ciovec_t iov[2] = {{(const uint8_t *)a, strlen(a)},
                            {(const uint8_t *)b, strlen(b)}};
  __wasi_size_t n;
  return __wasi_sock_send(fd, iov, 2, 0, &n);
}

static int wait_readable(__wasi_fd_t fd) {
  __wasi_subscription_t in[2];
  memset(in, 0, sizeof(in));
  in[0].userdata = 1;
  in[0].u.tag = __WASI_EVENTTYPE_FD_READ;
  in[0].u.u.fd_read.file_descriptor = fd;
  in[1].userdata = 2;
  in[1].u.tag = __WASI_EVENTTYPE_CLOCK;
  in[1].u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
  in[1].u.u.clock.timeout = 15000000000ull;
  __wasi_event_t out[2];
  __wasi_size_t n = 0;
  EXPECT_OK(__wasi_poll_oneoff(in, out, 2, &n));
  return n == 1 && out[0].userdata == 1 && out[0].error == 0;
}

int main(void) {
  __wasi_prestat_t p;
  __wasi_fdstat_t st;
  __wasi_fd_t c, other;
  __wasi_size_t n;
  __wasi_roflags_t ro;
  char buf[32];
  __wasi_iovec_t iov = {(uint8_t *)buf, sizeof(buf)};

  // fd 3: the compile-time socket, fd 4: the run-time one; neither is a
  // pre-opened directory (wasi-libc stops looking for those at 3).
  EXPECT(__wasi_fd_prestat_get(3, &p), __WASI_ERRNO_BADF);
  EXPECT_OK(__wasi_fd_fdstat_get(3, &st));
  CHECK(st.fs_filetype == __WASI_FILETYPE_SOCKET_STREAM);
  CHECK(st.fs_rights_base & __WASI_RIGHTS_SOCK_ACCEPT);
  EXPECT_OK(__wasi_fd_fdstat_get(4, &st));
  CHECK(st.fs_filetype == __WASI_FILETYPE_SOCKET_STREAM);
  EXPECT(__wasi_fd_fdstat_get(5, &st), __WASI_ERRNO_BADF);

  // Errors before any connection.
  EXPECT(__wasi_sock_accept(0, 0, &c), __WASI_ERRNO_NOTSOCK);
  EXPECT(__wasi_sock_accept(99, 0, &c), __WASI_ERRNO_BADF);
  EXPECT(__wasi_sock_accept(3, __WASI_FDFLAGS_APPEND, &c), __WASI_ERRNO_INVAL);
  EXPECT(__wasi_sock_accept(3, 0, BAD_PTR), __WASI_ERRNO_FAULT);
  EXPECT(__wasi_sock_recv(3, &iov, 1, 0, &n, &ro), __WASI_ERRNO_BADF);
  EXPECT(__wasi_sock_shutdown(1, __WASI_SDFLAGS_WR), __WASI_ERRNO_NOTSOCK);

  // The first client: ping -> pong:ping!
  CHECK(wait_readable(3));
  EXPECT_OK(__wasi_sock_accept(3, 0, &c));
  CHECK(c == 5);
  EXPECT_OK(__wasi_fd_fdstat_get(c, &st));
  CHECK(st.fs_filetype == __WASI_FILETYPE_SOCKET_STREAM);
  CHECK(wait_readable(c));
  EXPECT_OK(__wasi_sock_recv(c, &iov, 1, __WASI_RIFLAGS_RECV_PEEK, &n, &ro));
  CHECK(n == 4 && ro == 0 && memcmp(buf, "ping", 4) == 0);
  EXPECT(__wasi_sock_recv(c, &iov, 1, 4, &n, &ro), __WASI_ERRNO_INVAL);
  iov.buf = BAD_PTR;
  EXPECT(__wasi_sock_recv(c, &iov, 1, 0, &n, &ro), __WASI_ERRNO_FAULT);
  iov.buf = (uint8_t *)buf;
  __wasi_iovec_t four = {(uint8_t *)buf, 4};
  EXPECT_OK(__wasi_sock_recv(c, &four, 1, __WASI_RIFLAGS_RECV_WAITALL, &n, &ro));
  CHECK(n == 4);
  buf[n] = 0;
  CHECK(strcmp(buf, "ping") == 0);
  EXPECT_OK(send_str(c, "pong:", buf));
  EXPECT_OK(write_str(c, "!")); // fd_write works on a connection too
  EXPECT(__wasi_sock_send(c, NULL, 0, 1, &n), __WASI_ERRNO_INVAL);
  EXPECT(__wasi_sock_shutdown(c, 0), __WASI_ERRNO_INVAL);
  EXPECT_OK(__wasi_sock_shutdown(c, __WASI_SDFLAGS_WR));
  // Sending after that is `pipe`, and the process lives on.
  EXPECT(send_str(c, "late", ""), __WASI_ERRNO_PIPE);
  EXPECT(write_str(c, "late"), __WASI_ERRNO_PIPE);
  // The client closes once it has read everything: end of stream.
  EXPECT_OK(__wasi_sock_recv(c, &iov, 1, 0, &n, &ro));
  CHECK(n == 0);
  EXPECT_OK(__wasi_fd_close(c));
  // A non-blocking listener with nobody waiting.
  EXPECT_OK(__wasi_fd_fdstat_set_flags(3, __WASI_FDFLAGS_NONBLOCK));
  EXPECT(__wasi_sock_accept(3, 0, &c), __WASI_ERRNO_AGAIN);

  // The second client, on the run-time socket, accepted non-blocking and
  // served with fd_read / fd_write.
  CHECK(wait_readable(4));
  EXPECT_OK(__wasi_sock_accept(4, __WASI_FDFLAGS_NONBLOCK, &other));
  EXPECT_OK(__wasi_fd_fdstat_get(other, &st));
  CHECK(st.fs_flags & __WASI_FDFLAGS_NONBLOCK);
  CHECK(wait_readable(other));
  EXPECT_OK(__wasi_fd_read(other, &iov, 1, &n));
  CHECK(n == 5 && memcmp(buf, "hello", 5) == 0);
  __wasi_ciovec_t ciov = {(const uint8_t *)buf, n};
  EXPECT_OK(__wasi_fd_write(other, &ciov, 1, &n));
  EXPECT_OK(__wasi_sock_shutdown(other, __WASI_SDFLAGS_RD | __WASI_SDFLAGS_WR));
  EXPECT_OK(__wasi_fd_close(other));
  return DONE();
}
