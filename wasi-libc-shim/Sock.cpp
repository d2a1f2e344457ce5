//===- Sock.cpp - Granted listening sockets and sock_* --------------------===//
//
// The guest cannot create sockets: it gets the listening sockets the policy
// grants (--listen ADDR:PORT), pre-opened after the directories, and the
// connections it accepts on them. Sends never raise SIGPIPE (MSG_NOSIGNAL):
// a peer that went away is errno `pipe`.
//
//===----------------------------------------------------------------------===//
#include "Capabilities.h"
#include "Context.h"
#include "Errno.h"
#include "FdTable.h"
#include "GuestMemory.h"
#include "Stat.h"
#include "wasi.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

namespace w2b {
namespace wasi {
namespace {

// "ADDR:PORT" with ADDR an IPv4 address, "[IPv6]" or "localhost".
bool parseAddress(const char *text, struct sockaddr_storage *addr,
                  socklen_t *len) {
  const char *colon = strrchr(text, ':');
  if (!colon || !colon[1])
    return false;
  unsigned long port = 0;
  for (const char *p = colon + 1; *p; ++p) {
    if (*p < '0' || *p > '9' || port > 65535)
      return false;
    port = port * 10 + unsigned(*p - '0');
  }
  if (port > 65535)
    return false;
  char host[64];
  size_t hostLen = size_t(colon - text);
  if (hostLen >= sizeof(host))
    return false;
  memcpy(host, text, hostLen);
  host[hostLen] = 0;
  memset(addr, 0, sizeof(*addr));
  if (host[0] == '[' && hostLen > 2 && host[hostLen - 1] == ']') {
    host[hostLen - 1] = 0;
    auto *in6 = reinterpret_cast<struct sockaddr_in6 *>(addr);
    in6->sin6_family = AF_INET6;
    in6->sin6_port = htons(uint16_t(port));
    *len = sizeof(*in6);
    return inet_pton(AF_INET6, host + 1, &in6->sin6_addr) == 1;
  }
  auto *in4 = reinterpret_cast<struct sockaddr_in *>(addr);
  in4->sin_family = AF_INET;
  in4->sin_port = htons(uint16_t(port));
  *len = sizeof(*in4);
  if (strcmp(host, "localhost") == 0)
    strcpy(host, "127.0.0.1");
  return inet_pton(AF_INET, host, &in4->sin_addr) == 1;
}

// A socket to act on: badf if not open, notsock if not a socket.
Errno socketEntry(uint32_t fd, uint64_t required, FdEntry **out) {
  FdEntry *e = fdLookup(fd);
  if (!e)
    return kBadf;
  if (!e->socket)
    return kNotsock;
  return checkFd(fd, required, out);
}

} // namespace

Errno openListener(const char *address, int *out) {
  struct sockaddr_storage addr;
  socklen_t len;
  if (!parseAddress(address, &addr, &len)) {
    errno = EINVAL;
    return kInval;
  }
  int fd = socket(addr.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return errnoFromHost(errno);
  int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  if (bind(fd, reinterpret_cast<struct sockaddr *>(&addr), len) != 0 ||
      listen(fd, 128) != 0) {
    int saved = errno;
    close(fd);
    errno = saved;
    return errnoFromHost(saved);
  }
  *out = fd;
  return kSuccess;
}

} // namespace wasi
} // namespace w2b

using namespace w2b::wasi;

extern "C" {

int32_t w2b_wasi_sock_accept(w2b_instance *caller, int32_t fd, int32_t flagsArg,
                             int32_t fdPtr) {
  FdEntry *e;
  if (Errno err = socketEntry(uint32_t(fd), kRightSockAccept, &e))
    return err;
  constexpr uint32_t kFdflagNonblock = 4;
  auto flags = uint32_t(flagsArg);
  if (flags & ~kFdflagNonblock)
    return kInval;
  GuestMemory mem(caller);
  if (!mem.contains(uint32_t(fdPtr), 4))
    return kFault;
  int host;
  do
    host =
        accept4(e->host, nullptr, nullptr,
                SOCK_CLOEXEC | ((flags & kFdflagNonblock) ? SOCK_NONBLOCK : 0));
  while (host < 0 && errno == EINTR);
  if (host < 0)
    return errnoFromHost(errno);
  FdEntry conn;
  conn.host = host;
  conn.kind = FdKind::kStream;
  conn.socket = true;
  conn.filetype = kFiletypeSocketStream;
  conn.base = conn.inheriting = kSocketRights;
  uint32_t newFd;
  if (Errno err = fdInsert(conn, 0, &newFd)) {
    close(host);
    return err;
  }
  mem.write(uint32_t(fdPtr), newFd);
  return kSuccess;
}

int32_t w2b_wasi_sock_recv(w2b_instance *caller, int32_t fd, int32_t iovsArg,
                           int32_t countArg, int32_t riflags, int32_t nreadPtr,
                           int32_t roflagsPtr) {
  FdEntry *e;
  if (Errno err = socketEntry(uint32_t(fd), kRightFdRead, &e))
    return err;
  // $riflags: recv_peek 1, recv_waitall 2.
  if (uint32_t(riflags) & ~3u)
    return kInval;
  GuestMemory mem(caller);
  auto iovs = uint32_t(iovsArg), count = uint32_t(countArg);
  if (Errno err = checkIovecs(mem, iovs, count))
    return err;
  if (!mem.contains(uint32_t(nreadPtr), 4) ||
      !mem.contains(uint32_t(roflagsPtr), 2))
    return kFault;
  struct iovec batch[kIovecBatch];
  struct msghdr msg = {};
  msg.msg_iov = batch;
  msg.msg_iovlen = gatherIovecs(mem, iovs, count, IovecCursor(), UINT32_MAX,
                                batch, kIovecBatch);
  int flags =
      ((riflags & 1) ? MSG_PEEK : 0) | ((riflags & 2) ? MSG_WAITALL : 0);
  ssize_t r;
  do
    r = recvmsg(e->host, &msg, flags);
  while (r < 0 && errno == EINTR);
  if (r < 0)
    return errnoFromHost(errno);
  // $roflags: recv_data_truncated 1.
  uint16_t roflags = (msg.msg_flags & MSG_TRUNC) ? 1 : 0;
  mem.write(uint32_t(nreadPtr), uint32_t(r));
  mem.write(uint32_t(roflagsPtr), roflags);
  return kSuccess;
}

int32_t w2b_wasi_sock_send(w2b_instance *caller, int32_t fd, int32_t iovsArg,
                           int32_t countArg, int32_t siflags,
                           int32_t nwrittenPtr) {
  FdEntry *e;
  if (Errno err = socketEntry(uint32_t(fd), kRightFdWrite, &e))
    return err;
  if (siflags != 0) // $siflags: no flags are defined
    return kInval;
  GuestMemory mem(caller);
  auto iovs = uint32_t(iovsArg), count = uint32_t(countArg);
  if (Errno err = checkIovecs(mem, iovs, count))
    return err;
  if (!mem.contains(uint32_t(nwrittenPtr), 4))
    return kFault;
  uint32_t written;
  if (Errno err = writeIovecs(*e, mem, iovs, count, -1, &written))
    return err;
  mem.write(uint32_t(nwrittenPtr), written);
  return kSuccess;
}

int32_t w2b_wasi_sock_shutdown(w2b_instance *, int32_t fd, int32_t how) {
  FdEntry *e;
  if (Errno err = socketEntry(uint32_t(fd), kRightSockShutdown, &e))
    return err;
  // $sdflags: rd 1, wr 2.
  static const int hostHow[] = {0, SHUT_RD, SHUT_WR, SHUT_RDWR};
  if (how < 1 || how > 3)
    return kInval;
  return shutdown(e->host, hostHow[how]) == 0 ? kSuccess : errnoFromHost(errno);
}

} // extern "C"
