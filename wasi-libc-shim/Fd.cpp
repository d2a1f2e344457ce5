//===- Fd.cpp - The fd_* functions ----------------------------------------===//
//
// Every function first asks Capabilities whether the descriptor is open and
// carries the rights it needs, then checks every guest pointer and buffer
// (iovec arrays included) before the first byte moves, so a bad pointer is
// `fault` with nothing read or written.
//
//===----------------------------------------------------------------------===//
#include "Capabilities.h"
#include "Errno.h"
#include "FdTable.h"
#include "GuestMemory.h"
#include "Stat.h"
#include "wasi.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

namespace w2b {
namespace wasi {

Errno writeIovecs(const FdEntry &e, const GuestMemory &mem, uint32_t iovs,
                  uint32_t count, off_t offset, uint32_t *written) {
  // The result is a u32: never write more than it can count.
  uint64_t budget = UINT32_MAX, done = 0;
  IovecCursor at;
  for (;;) {
    struct iovec batch[kIovecBatch];
    int n =
        gatherIovecs(mem, iovs, count, at, budget - done, batch, kIovecBatch);
    if (n == 0)
      break;
    ssize_t r;
    if (offset >= 0) {
      r = pwritev(e.host, batch, n, offset + off_t(done));
    } else if (e.socket) {
      // No SIGPIPE when the peer has gone: the guest gets `pipe`.
      struct msghdr msg = {};
      msg.msg_iov = batch;
      msg.msg_iovlen = n;
      r = sendmsg(e.host, &msg, MSG_NOSIGNAL);
    } else {
      r = writev(e.host, batch, n);
    }
    if (r < 0) {
      if (errno == EINTR)
        continue;
      if (done) // report what went through; the next call sees the error
        break;
      return errnoFromHost(errno);
    }
    if (r == 0)
      break;
    done += uint64_t(r);
    advanceIovecs(mem, iovs, count, &at, uint64_t(r));
  }
  *written = uint32_t(done);
  return kSuccess;
}

namespace {

// $fdflags
enum : uint16_t {
  kFdflagAppend = 1 << 0,
  kFdflagDsync = 1 << 1,
  kFdflagNonblock = 1 << 2,
  kFdflagRsync = 1 << 3,
  kFdflagSync = 1 << 4,
};
constexpr uint16_t kSyncFlags = kFdflagDsync | kFdflagRsync | kFdflagSync;

uint16_t fdflagsOf(const FdEntry &e, int fl) {
  uint16_t flags = 0;
  if (fl & O_APPEND)
    flags |= kFdflagAppend;
  if (fl & O_NONBLOCK)
    flags |= kFdflagNonblock;
  if ((fl & O_SYNC) == O_SYNC)
    flags |= kFdflagSync;
  else if (fl & O_DSYNC)
    flags |= kFdflagDsync;
  if (e.rsync)
    flags |= kFdflagRsync;
  return flags;
}

// A u64 offset or length of the guest as off_t: inval if it does not fit.
bool toOffset(int64_t value, off_t *out) {
  if (value < 0)
    return false;
  *out = off_t(value);
  return true;
}

// One readv/preadv into the checked iovecs of the guest.
Errno readOnce(const FdEntry &e, const GuestMemory &mem, uint32_t iovs,
               uint32_t count, off_t offset, uint32_t *nread) {
  struct iovec batch[kIovecBatch];
  int n = gatherIovecs(mem, iovs, count, IovecCursor(), UINT32_MAX, batch,
                       kIovecBatch);
  ssize_t r = 0;
  if (n) {
    do
      r = offset >= 0 ? preadv(e.host, batch, n, offset)
                      : readv(e.host, batch, n);
    while (r < 0 && errno == EINTR);
    if (r < 0)
      return errnoFromHost(errno);
  }
  *nread = uint32_t(r);
  return kSuccess;
}

// fd_read, fd_write, fd_pread, fd_pwrite: the descriptor's rights, the
// offset (offsetArg null: none), the iovecs and the result pointer are all
// checked, in that order, before `io` moves a byte; *resultPtr gets the count.
using VectoredIo = Errno (*)(const FdEntry &, const GuestMemory &, uint32_t,
                             uint32_t, off_t, uint32_t *);
Errno vectored(w2b_instance *caller, int32_t fd, uint64_t rights,
               int32_t iovsArg, int32_t countArg, const int64_t *offsetArg,
               int32_t resultPtr, VectoredIo io) {
  FdEntry *e;
  if (Errno err = checkFd(uint32_t(fd), rights, &e))
    return err;
  off_t offset = -1;
  if (offsetArg && !toOffset(*offsetArg, &offset))
    return kInval;
  GuestMemory mem(caller);
  auto iovs = uint32_t(iovsArg), count = uint32_t(countArg);
  if (Errno err = checkIovecs(mem, iovs, count))
    return err;
  if (!mem.contains(uint32_t(resultPtr), 4))
    return kFault;
  uint32_t done;
  if (Errno err = io(*e, mem, iovs, count, offset, &done))
    return err;
  mem.write(uint32_t(resultPtr), done);
  return kSuccess;
}

// getdents64's record.
struct LinuxDirent64 {
  uint64_t d_ino;
  int64_t d_off;
  unsigned short d_reclen;
  unsigned char d_type;
  char d_name[1];
};

uint8_t filetypeOfDirent(int dirfd, const char *name, unsigned char type) {
  switch (type) {
  case DT_BLK:
    return kFiletypeBlockDevice;
  case DT_CHR:
    return kFiletypeCharacterDevice;
  case DT_DIR:
    return kFiletypeDirectory;
  case DT_REG:
    return kFiletypeRegularFile;
  case DT_SOCK:
    return kFiletypeSocketStream;
  case DT_LNK:
    return kFiletypeSymbolicLink;
  case DT_UNKNOWN: {
    // Some file systems do not say: ask.
    struct stat st;
    if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0)
      return filetypeOf(st, -1);
    return kFiletypeUnknown;
  }
  default:
    return kFiletypeUnknown;
  }
}

} // namespace
} // namespace wasi
} // namespace w2b

using namespace w2b::wasi;

extern "C" {

int32_t w2b_wasi_fd_write(w2b_instance *caller, int32_t fd, int32_t iovs,
                          int32_t count, int32_t nwrittenPtr) {
  return vectored(caller, fd, kRightFdWrite, iovs, count, nullptr, nwrittenPtr,
                  writeIovecs);
}

int32_t w2b_wasi_fd_pwrite(w2b_instance *caller, int32_t fd, int32_t iovs,
                           int32_t count, int64_t offset,
                           int32_t nwrittenPtr) {
  return vectored(caller, fd, kRightFdWrite | kRightFdSeek, iovs, count,
                  &offset, nwrittenPtr, writeIovecs);
}

int32_t w2b_wasi_fd_read(w2b_instance *caller, int32_t fd, int32_t iovs,
                         int32_t count, int32_t nreadPtr) {
  return vectored(caller, fd, kRightFdRead, iovs, count, nullptr, nreadPtr,
                  readOnce);
}

int32_t w2b_wasi_fd_pread(w2b_instance *caller, int32_t fd, int32_t iovs,
                          int32_t count, int64_t offset, int32_t nreadPtr) {
  return vectored(caller, fd, kRightFdRead | kRightFdSeek, iovs, count,
                  &offset, nreadPtr, readOnce);
}

int32_t w2b_wasi_fd_fdstat_get(w2b_instance *caller, int32_t fd,
                               int32_t statPtr) {
  FdEntry *e;
  if (Errno err = checkFd(uint32_t(fd), 0, &e))
    return err;
  GuestMemory mem(caller);
  // $fdstat: u8 filetype @0, u16 flags @2, u64 rights_base @8,
  // u64 rights_inheriting @16; 24 bytes.
  if (!mem.contains(uint32_t(statPtr), 24))
    return kFault;
  int fl = fcntl(e->host, F_GETFL);
  uint16_t flags = fl >= 0 ? fdflagsOf(*e, fl) : 0;
  uint8_t out[24] = {};
  out[0] = e->filetype;
  memcpy(out + 2, &flags, 2);
  memcpy(out + 8, &e->base, 8);
  memcpy(out + 16, &e->inheriting, 8);
  mem.copyOut(uint32_t(statPtr), out, sizeof(out));
  return kSuccess;
}

int32_t w2b_wasi_fd_fdstat_set_flags(w2b_instance *, int32_t fd,
                                     int32_t flagsArg) {
  FdEntry *e;
  if (Errno err = checkFd(uint32_t(fd), kRightFdFdstatSetFlags, &e))
    return err;
  auto flags = uint32_t(flagsArg);
  if (flags & ~0x1fu)
    return kInval;
  int fl = fcntl(e->host, F_GETFL);
  if (fl < 0)
    return errnoFromHost(errno);
  // Linux cannot change the sync flags of an open file: asking for the ones
  // it has is fine, asking for others is inval (Wasmtime: always inval).
  if ((flags & kSyncFlags) != (fdflagsOf(*e, fl) & kSyncFlags))
    return kInval;
  fl &= ~(O_APPEND | O_NONBLOCK);
  if (flags & kFdflagAppend)
    fl |= O_APPEND;
  if (flags & kFdflagNonblock)
    fl |= O_NONBLOCK;
  return hostResult(fcntl(e->host, F_SETFL, fl));
}

int32_t w2b_wasi_fd_fdstat_set_rights(w2b_instance *, int32_t fd,
                                      int64_t baseArg, int64_t inheritingArg) {
  FdEntry *e;
  if (Errno err = checkFd(uint32_t(fd), 0, &e))
    return err;
  auto base = uint64_t(baseArg), inheriting = uint64_t(inheritingArg);
  // Rights can only be dropped.
  if ((base & ~e->base) || (inheriting & ~e->inheriting))
    return kNotcapable;
  e->base = base;
  e->inheriting = inheriting;
  return kSuccess;
}

int32_t w2b_wasi_fd_filestat_get(w2b_instance *caller, int32_t fd,
                                 int32_t statPtr) {
  FdEntry *e;
  if (Errno err = checkFd(uint32_t(fd), kRightFdFilestatGet, &e))
    return err;
  GuestMemory mem(caller);
  if (!mem.contains(uint32_t(statPtr), kFilestatSize))
    return kFault;
  struct stat st;
  if (fstat(e->host, &st) != 0)
    return errnoFromHost(errno);
  storeFilestat(mem.at(uint32_t(statPtr)), st, filetypeOf(st, e->host));
  return kSuccess;
}

int32_t w2b_wasi_fd_filestat_set_size(w2b_instance *, int32_t fd,
                                      int64_t sizeArg) {
  FdEntry *e;
  if (Errno err = checkFd(uint32_t(fd), kRightFdFilestatSetSize, &e))
    return err;
  off_t size;
  if (!toOffset(sizeArg, &size))
    return kInval;
  return hostResult(ftruncate(e->host, size));
}

int32_t w2b_wasi_fd_filestat_set_times(w2b_instance *, int32_t fd, int64_t atim,
                                       int64_t mtim, int32_t flags) {
  FdEntry *e;
  if (Errno err = checkFd(uint32_t(fd), kRightFdFilestatSetTimes, &e))
    return err;
  struct timespec ts[2];
  if (Errno err =
          timesFromFlags(uint64_t(atim), uint64_t(mtim), uint32_t(flags), ts))
    return err;
  return hostResult(futimens(e->host, ts));
}

int32_t w2b_wasi_fd_advise(w2b_instance *, int32_t fd, int64_t offsetArg,
                           int64_t lenArg, int32_t advice) {
  FdEntry *e;
  if (Errno err = checkFd(uint32_t(fd), kRightFdAdvise, &e))
    return err;
  // $advice: normal, sequential, random, willneed, dontneed, noreuse.
  static const int hostAdvice[] = {POSIX_FADV_NORMAL,   POSIX_FADV_SEQUENTIAL,
                                   POSIX_FADV_RANDOM,   POSIX_FADV_WILLNEED,
                                   POSIX_FADV_DONTNEED, POSIX_FADV_NOREUSE};
  off_t offset, len;
  if (uint32_t(advice) > 5 || !toOffset(offsetArg, &offset) ||
      !toOffset(lenArg, &len))
    return kInval;
  if (int r = posix_fadvise(e->host, offset, len, hostAdvice[advice]))
    return errnoFromHost(r);
  return kSuccess;
}

int32_t w2b_wasi_fd_allocate(w2b_instance *, int32_t fd, int64_t offsetArg,
                             int64_t lenArg) {
  FdEntry *e;
  if (Errno err = checkFd(uint32_t(fd), kRightFdAllocate, &e))
    return err;
  off_t offset, len;
  if (!toOffset(offsetArg, &offset) || !toOffset(lenArg, &len))
    return kInval;
  if (int r = posix_fallocate(e->host, offset, len))
    return errnoFromHost(r);
  return kSuccess;
}

int32_t w2b_wasi_fd_datasync(w2b_instance *, int32_t fd) {
  FdEntry *e;
  if (Errno err = checkFd(uint32_t(fd), kRightFdDatasync, &e))
    return err;
  return fdatasync(e->host) == 0 ? kSuccess : errnoFromHost(errno);
}

int32_t w2b_wasi_fd_sync(w2b_instance *, int32_t fd) {
  FdEntry *e;
  if (Errno err = checkFd(uint32_t(fd), kRightFdSync, &e))
    return err;
  return fsync(e->host) == 0 ? kSuccess : errnoFromHost(errno);
}

int32_t w2b_wasi_fd_prestat_get(w2b_instance *caller, int32_t fd,
                                int32_t prestatPtr) {
  FdEntry *e = fdLookup(uint32_t(fd));
  // badf for anything but a pre-opened directory: wasi-libc scans from 3
  // until badf, which is why the granted sockets come after the directories.
  if (!e || !e->preopen)
    return kBadf;
  GuestMemory mem(caller);
  // $prestat: u8 tag (0: dir) @0, u32 pr_name_len @4.
  uint8_t out[8] = {};
  memcpy(out + 4, &e->preopenLen, 4);
  return mem.copyOut(uint32_t(prestatPtr), out, sizeof(out)) ? kSuccess
                                                             : kFault;
}

int32_t w2b_wasi_fd_prestat_dir_name(w2b_instance *caller, int32_t fd,
                                     int32_t pathPtr, int32_t pathLen) {
  FdEntry *e = fdLookup(uint32_t(fd));
  if (!e)
    return kBadf;
  if (!e->preopen)
    return kNotdir; // as Wasmtime
  if (uint32_t(pathLen) < e->preopenLen)
    return kNametoolong;
  GuestMemory mem(caller);
  return mem.copyOut(uint32_t(pathPtr), e->preopen, e->preopenLen) ? kSuccess
                                                                   : kFault;
}

int32_t w2b_wasi_fd_close(w2b_instance *, int32_t fd) {
  return fdClose(uint32_t(fd));
}

int32_t w2b_wasi_fd_renumber(w2b_instance *, int32_t from, int32_t to) {
  return fdRenumber(uint32_t(from), uint32_t(to));
}

int32_t w2b_wasi_fd_seek(w2b_instance *caller, int32_t fd, int64_t offset,
                         int32_t whence, int32_t newOffsetPtr) {
  FdEntry *e = fdLookup(uint32_t(fd));
  if (!e)
    return kBadf;
  // $whence: set 0, cur 1, end 2.
  static const int hostWhence[] = {SEEK_SET, SEEK_CUR, SEEK_END};
  if (uint32_t(whence) > 2)
    return kInval;
  // fd_tell suffices to ask where the offset is (whence::cur, offset 0).
  bool tell = offset == 0 && whence == 1;
  if (!(e->base & kRightFdSeek) && !(tell && (e->base & kRightFdTell)))
    return missingRight(*e, kRightFdSeek);
  GuestMemory mem(caller);
  if (!mem.contains(uint32_t(newOffsetPtr), 8))
    return kFault;
  off_t r = lseek(e->host, off_t(offset), hostWhence[whence]);
  if (r < 0)
    return errnoFromHost(errno);
  mem.write(uint32_t(newOffsetPtr), uint64_t(r));
  return kSuccess;
}

int32_t w2b_wasi_fd_tell(w2b_instance *caller, int32_t fd, int32_t offsetPtr) {
  FdEntry *e = fdLookup(uint32_t(fd));
  if (!e)
    return kBadf;
  if (!(e->base & (kRightFdTell | kRightFdSeek)))
    return missingRight(*e, kRightFdTell);
  GuestMemory mem(caller);
  if (!mem.contains(uint32_t(offsetPtr), 8))
    return kFault;
  off_t r = lseek(e->host, 0, SEEK_CUR);
  if (r < 0)
    return errnoFromHost(errno);
  mem.write(uint32_t(offsetPtr), uint64_t(r));
  return kSuccess;
}

// Entries from `cookie` on, each a 24-byte $dirent (d_next u64 @0, d_ino u64
// @8, d_namlen u32 @16, d_type u8 @20) followed by its name; the last one
// may be cut off where the buffer ends. Cookies are the host's directory
// offsets (0: the start), so reading needs no state between calls.
int32_t w2b_wasi_fd_readdir(w2b_instance *caller, int32_t fd, int32_t bufArg,
                            int32_t lenArg, int64_t cookie, int32_t nusedPtr) {
  FdEntry *e;
  if (Errno err = checkFd(uint32_t(fd), kRightFdReaddir, &e))
    return err;
  GuestMemory mem(caller);
  auto buf = uint32_t(bufArg), len = uint32_t(lenArg);
  if (!mem.contains(buf, len) || !mem.contains(uint32_t(nusedPtr), 4))
    return kFault;
  if (cookie < 0)
    return kInval;
  if (lseek(e->host, off_t(cookie), SEEK_SET) < 0)
    return errnoFromHost(errno);
  uint8_t *out = mem.at(buf);
  uint32_t used = 0;
  alignas(8) char hostBuf[4096];
  while (used < len) {
    long n = syscall(SYS_getdents64, e->host, hostBuf, sizeof(hostBuf));
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return errnoFromHost(errno);
    }
    if (n == 0)
      break;
    for (long at = 0; at < n && used < len;) {
      auto *d = reinterpret_cast<LinuxDirent64 *>(hostBuf + at);
      at += d->d_reclen;
      uint32_t nameLen = uint32_t(strlen(d->d_name));
      uint64_t ino = d->d_ino;
      // At a pre-opened directory, ".." is the host's: show the directory
      // itself instead, as Wasmtime does.
      if (e->preopen && strcmp(d->d_name, "..") == 0) {
        struct stat st;
        if (fstat(e->host, &st) == 0)
          ino = st.st_ino;
      }
      uint8_t header[24] = {};
      uint64_t next = uint64_t(d->d_off);
      memcpy(header, &next, 8);
      memcpy(header + 8, &ino, 8);
      memcpy(header + 16, &nameLen, 4);
      header[20] = filetypeOfDirent(e->host, d->d_name, d->d_type);
      uint32_t take = len - used < 24 ? len - used : 24;
      memcpy(out + used, header, take);
      used += take;
      take = len - used < nameLen ? len - used : nameLen;
      memcpy(out + used, d->d_name, take);
      used += take;
    }
  }
  mem.write(uint32_t(nusedPtr), used);
  return kSuccess;
}

} // extern "C"
