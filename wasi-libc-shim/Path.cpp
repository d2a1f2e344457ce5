//===- Path.cpp - The path_* functions ------------------------------------===//
//
// Each function checks the directory descriptor's rights (Capabilities),
// copies the guest's path out of memory, resolves it beneath the directory
// (resolvePath / openBeneath) and performs one *at call on the resulting
// (directory, name) pair without following a symbolic link in the name.
//
//===----------------------------------------------------------------------===//
#include "Capabilities.h"
#include "Errno.h"
#include "FdTable.h"
#include "GuestMemory.h"
#include "Stat.h"
#include "wasi.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

namespace w2b {
namespace wasi {
namespace {

constexpr uint32_t kLookupSymlinkFollow = 1;

// $oflags
enum : uint32_t {
  kOflagCreat = 1,
  kOflagDirectory = 2,
  kOflagExcl = 4,
  kOflagTrunc = 8,
};

// $fdflags
enum : uint32_t {
  kFdflagAppend = 1,
  kFdflagDsync = 2,
  kFdflagNonblock = 4,
  kFdflagRsync = 8,
  kFdflagSync = 16,
};

// Reads the guest path and resolves it beneath `dir`.
Errno resolveGuestPath(w2b_instance *caller, const FdEntry &dir, int32_t ptr,
                       int32_t len, unsigned flags, ResolvedPath *out) {
  char path[kMaxPath];
  GuestMemory mem(caller);
  if (Errno e = readGuestPath(mem, uint32_t(ptr), uint32_t(len), path))
    return e;
  return resolvePath(dir, path, flags, out);
}

unsigned followFlag(int32_t lookupflags) {
  return (uint32_t(lookupflags) & kLookupSymlinkFollow) ? unsigned(kFollow)
                                                        : 0u;
}

// notdir if a path that ended in '/' does not name a directory.
Errno checkMustBeDir(const ResolvedPath &rp) {
  if (!rp.mustBeDir)
    return kSuccess;
  struct stat st;
  if (fstatat(rp.parent, rp.name, &st, AT_SYMLINK_NOFOLLOW) != 0)
    return errnoFromHost(errno);
  return S_ISDIR(st.st_mode) ? kSuccess : kNotdir;
}

} // namespace
} // namespace wasi
} // namespace w2b

using namespace w2b::wasi;

extern "C" {

int32_t w2b_wasi_path_open(w2b_instance *caller, int32_t fd, int32_t dirflags,
                           int32_t pathPtr, int32_t pathLen, int32_t oflagsArg,
                           int64_t baseArg, int64_t inheritingArg,
                           int32_t fdflagsArg, int32_t fdPtr) {
  auto oflags = uint32_t(oflagsArg), fdflags = uint32_t(fdflagsArg);
  uint64_t required = kRightPathOpen;
  if (oflags & kOflagCreat)
    required |= kRightPathCreateFile;
  if (oflags & kOflagTrunc)
    required |= kRightPathFilestatSetSize;
  FdEntry *dir;
  if (Errno e = checkFd(uint32_t(fd), required, &dir))
    return e;
  if ((uint32_t(dirflags) & ~kLookupSymlinkFollow) || (oflags & ~0xfu) ||
      (fdflags & ~0x1fu))
    return kInval;
  if ((oflags & kOflagDirectory) &&
      (oflags & (kOflagCreat | kOflagExcl | kOflagTrunc)))
    return kInval; // as Wasmtime
  GuestMemory mem(caller);
  char path[kMaxPath];
  if (Errno e = readGuestPath(mem, uint32_t(pathPtr), uint32_t(pathLen), path))
    return e;
  if (!mem.contains(uint32_t(fdPtr), 4))
    return kFault;

  // The new descriptor gets what it asks for within the directory's
  // inheriting rights. Rights that do not apply to what is opened (path
  // rights on a file, say) are dropped silently, as the witx allows; asking
  // to read or write, or for synchronous I/O, beyond them is notcapable.
  auto base = uint64_t(baseArg), inheriting = uint64_t(inheritingArg);
  uint64_t needed = base & (kRightFdRead | kRightFdWrite);
  if (fdflags & kFdflagDsync)
    needed |= kRightFdDatasync;
  if (fdflags & (kFdflagRsync | kFdflagSync))
    needed |= kRightFdSync;
  if (needed & ~dir->inheriting)
    return kNotcapable;
  base &= dir->inheriting;
  inheriting &= dir->inheriting;

  bool read = base & (kRightFdRead | kRightFdReaddir);
  bool write = base & kRightFdWrite;
  int flags = write ? (read ? O_RDWR : O_WRONLY) : O_RDONLY;
  if (oflags & kOflagCreat)
    flags |= O_CREAT;
  if (oflags & kOflagExcl)
    flags |= O_EXCL;
  if (oflags & kOflagTrunc)
    flags |= O_TRUNC;
  if (oflags & kOflagDirectory)
    flags |= O_DIRECTORY;
  if (fdflags & kFdflagAppend)
    flags |= O_APPEND;
  if (fdflags & kFdflagDsync)
    flags |= O_DSYNC;
  if (fdflags & (kFdflagRsync | kFdflagSync))
    flags |= O_SYNC;
  if (fdflags & kFdflagNonblock)
    flags |= O_NONBLOCK;

  int host;
  if (Errno e = openBeneath(*dir, path, flags, 0666,
                            uint32_t(dirflags) & kLookupSymlinkFollow, &host))
    return e;
  struct stat st;
  if (fstat(host, &st) != 0) {
    Errno e = errnoFromHost(errno);
    close(host);
    return e;
  }
  FdEntry entry;
  entry.host = host;
  if (S_ISDIR(st.st_mode)) {
    entry.kind = FdKind::kDirectory;
  } else if (S_ISREG(st.st_mode)) {
    entry.kind = FdKind::kFile;
  } else {
    entry.kind = FdKind::kStream;
    entry.socket = S_ISSOCK(st.st_mode);
  }
  entry.rsync = fdflags & kFdflagRsync;
  entry.filetype = filetypeOf(st, host);
  entry.base = base & typeRights(entry);
  entry.inheriting = inheriting;
  uint32_t newFd;
  if (Errno e = fdInsert(entry, 0, &newFd)) {
    close(host);
    return e;
  }
  mem.write(uint32_t(fdPtr), newFd);
  return kSuccess;
}

int32_t w2b_wasi_path_create_directory(w2b_instance *caller, int32_t fd,
                                       int32_t pathPtr, int32_t pathLen) {
  FdEntry *dir;
  if (Errno e = checkFd(uint32_t(fd), kRightPathCreateDirectory, &dir))
    return e;
  ResolvedPath rp;
  if (Errno e = resolveGuestPath(caller, *dir, pathPtr, pathLen, 0, &rp))
    return e;
  return hostResult(mkdirat(rp.parent, rp.name, 0777));
}

int32_t w2b_wasi_path_filestat_get(w2b_instance *caller, int32_t fd,
                                   int32_t lookupflags, int32_t pathPtr,
                                   int32_t pathLen, int32_t statPtr) {
  FdEntry *dir;
  if (Errno e = checkFd(uint32_t(fd), kRightPathFilestatGet, &dir))
    return e;
  if (uint32_t(lookupflags) & ~kLookupSymlinkFollow)
    return kInval;
  GuestMemory mem(caller);
  if (!mem.contains(uint32_t(statPtr), kFilestatSize))
    return kFault;
  ResolvedPath rp;
  if (Errno e = resolveGuestPath(caller, *dir, pathPtr, pathLen,
                                 kObject | followFlag(lookupflags), &rp))
    return e;
  struct stat st;
  if (fstatat(rp.parent, rp.name, &st, AT_SYMLINK_NOFOLLOW) != 0)
    return errnoFromHost(errno);
  if (rp.mustBeDir && !S_ISDIR(st.st_mode))
    return kNotdir;
  storeFilestat(mem.at(uint32_t(statPtr)), st, filetypeOf(st, -1));
  return kSuccess;
}

int32_t w2b_wasi_path_filestat_set_times(w2b_instance *caller, int32_t fd,
                                         int32_t lookupflags, int32_t pathPtr,
                                         int32_t pathLen, int64_t atim,
                                         int64_t mtim, int32_t fstflags) {
  FdEntry *dir;
  if (Errno e = checkFd(uint32_t(fd), kRightPathFilestatSetTimes, &dir))
    return e;
  if (uint32_t(lookupflags) & ~kLookupSymlinkFollow)
    return kInval;
  struct timespec ts[2];
  if (Errno e = timesFromFlags(uint64_t(atim), uint64_t(mtim),
                               uint32_t(fstflags), ts))
    return e;
  ResolvedPath rp;
  if (Errno e = resolveGuestPath(caller, *dir, pathPtr, pathLen,
                                 kObject | followFlag(lookupflags), &rp))
    return e;
  if (Errno e = checkMustBeDir(rp))
    return e;
  return hostResult(utimensat(rp.parent, rp.name, ts, AT_SYMLINK_NOFOLLOW));
}

int32_t w2b_wasi_path_link(w2b_instance *caller, int32_t oldFd,
                           int32_t oldFlags, int32_t oldPtr, int32_t oldLen,
                           int32_t newFd, int32_t newPtr, int32_t newLen) {
  FdEntry *oldDir, *newDir;
  if (Errno e = checkFd(uint32_t(oldFd), kRightPathLinkSource, &oldDir))
    return e;
  if (Errno e = checkFd(uint32_t(newFd), kRightPathLinkTarget, &newDir))
    return e;
  if (uint32_t(oldFlags) & ~kLookupSymlinkFollow)
    return kInval;
  ResolvedPath from, to;
  if (Errno e = resolveGuestPath(caller, *oldDir, oldPtr, oldLen,
                                 kObject | followFlag(oldFlags), &from))
    return e;
  if (Errno e = checkMustBeDir(from))
    return e;
  if (Errno e = resolveGuestPath(caller, *newDir, newPtr, newLen, 0, &to))
    return e;
  // Never AT_SYMLINK_FOLLOW: a link to be followed was resolved above.
  return hostResult(linkat(from.parent, from.name, to.parent, to.name, 0));
}

int32_t w2b_wasi_path_readlink(w2b_instance *caller, int32_t fd,
                               int32_t pathPtr, int32_t pathLen, int32_t bufArg,
                               int32_t bufLen, int32_t nusedPtr) {
  FdEntry *dir;
  if (Errno e = checkFd(uint32_t(fd), kRightPathReadlink, &dir))
    return e;
  GuestMemory mem(caller);
  auto buf = uint32_t(bufArg), len = uint32_t(bufLen);
  if (!mem.contains(buf, len) || !mem.contains(uint32_t(nusedPtr), 4))
    return kFault;
  ResolvedPath rp;
  if (Errno e = resolveGuestPath(caller, *dir, pathPtr, pathLen, kObject, &rp))
    return e;
  char target[kMaxPath];
  ssize_t n = readlinkat(rp.parent, rp.name, target, sizeof(target));
  if (n < 0)
    return errnoFromHost(errno);
  // Cut to the buffer, as the witx says.
  uint32_t take = uint32_t(n) < len ? uint32_t(n) : len;
  mem.copyOut(buf, target, take);
  mem.write(uint32_t(nusedPtr), take);
  return kSuccess;
}

int32_t w2b_wasi_path_remove_directory(w2b_instance *caller, int32_t fd,
                                       int32_t pathPtr, int32_t pathLen) {
  FdEntry *dir;
  if (Errno e = checkFd(uint32_t(fd), kRightPathRemoveDirectory, &dir))
    return e;
  ResolvedPath rp;
  if (Errno e = resolveGuestPath(caller, *dir, pathPtr, pathLen, 0, &rp))
    return e;
  return hostResult(unlinkat(rp.parent, rp.name, AT_REMOVEDIR));
}

int32_t w2b_wasi_path_rename(w2b_instance *caller, int32_t fd, int32_t oldPtr,
                             int32_t oldLen, int32_t newFd, int32_t newPtr,
                             int32_t newLen) {
  FdEntry *oldDir, *newDir;
  if (Errno e = checkFd(uint32_t(fd), kRightPathRenameSource, &oldDir))
    return e;
  if (Errno e = checkFd(uint32_t(newFd), kRightPathRenameTarget, &newDir))
    return e;
  ResolvedPath from, to;
  if (Errno e = resolveGuestPath(caller, *oldDir, oldPtr, oldLen, 0, &from))
    return e;
  if (Errno e = resolveGuestPath(caller, *newDir, newPtr, newLen, 0, &to))
    return e;
  return hostResult(renameat(from.parent, from.name, to.parent, to.name));
}

int32_t w2b_wasi_path_symlink(w2b_instance *caller, int32_t oldPtr,
                              int32_t oldLen, int32_t fd, int32_t newPtr,
                              int32_t newLen) {
  FdEntry *dir;
  if (Errno e = checkFd(uint32_t(fd), kRightPathSymlink, &dir))
    return e;
  GuestMemory mem(caller);
  char target[kMaxPath];
  if (Errno e = readGuestPath(mem, uint32_t(oldPtr), uint32_t(oldLen), target))
    return e;
  // An absolute target could only ever lead outside: refused, as Wasmtime
  // (cap-std) does. Relative ones are stored as given and, like every link,
  // followed only as far as the sandbox goes.
  if (target[0] == '/')
    return kPerm;
  ResolvedPath rp;
  if (Errno e = resolveGuestPath(caller, *dir, newPtr, newLen, 0, &rp))
    return e;
  return hostResult(symlinkat(target, rp.parent, rp.name));
}

int32_t w2b_wasi_path_unlink_file(w2b_instance *caller, int32_t fd,
                                  int32_t pathPtr, int32_t pathLen) {
  FdEntry *dir;
  if (Errno e = checkFd(uint32_t(fd), kRightPathUnlinkFile, &dir))
    return e;
  ResolvedPath rp;
  if (Errno e = resolveGuestPath(caller, *dir, pathPtr, pathLen, 0, &rp))
    return e;
  return hostResult(unlinkat(rp.parent, rp.name, 0));
}

} // extern "C"
