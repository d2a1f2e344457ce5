//===- Capabilities.h - The one place where WASI rights are checked -*- C++
//-*-//
//
// Deny by default. Every WASI function that acts on a descriptor asks here
// whether the guest holds the rights it needs (checkFd), and every function
// that takes a path resolves it here, beneath the directory descriptor it is
// relative to (resolvePath, openBeneath). Nothing else in the shim looks at
// rights or walks paths.
//
// Rights. Each guest descriptor carries base and inheriting $rights. A
// pre-opened directory gets kDirRights / kDirInheriting, minus kMutatingRights
// for a read-only grant; a descriptor opened through it gets what it asked
// for, narrowed to the directory's inheriting rights and to the rights that
// make sense for its type (typeRights). Rights only ever shrink.
//
// A missing right gives the POSIX errno where the operation makes no sense
// for the descriptor's type (reading a write-only descriptor: badf; seeking a
// pipe: spipe; a path operation on a file: notdir; sock_accept on a file:
// notsock) and `notcapable` where the type allows it but this descriptor was
// not given the right (a read-only grant, fd_fdstat_set_rights).
//
// Paths. A guest path is resolved beneath its directory descriptor: absolute
// paths, `..` above the directory and symbolic links that lead out of it
// (absolute targets, or relative ones with too many `..`, at any depth of a
// chain) are `perm`, as in Wasmtime. With openat2(RESOLVE_BENEATH |
// RESOLVE_NO_MAGICLINKS) the kernel enforces this atomically; without it (old
// kernels, seccomp filters, or forced for tests) a userspace walk opens one
// component at a time with O_NOFOLLOW, expands symbolic links itself (at most
// kMaxSymlinks) and resolves `..` lexically against the components already
// walked, never by opening "..". Either way the final operation is a *at
// call on a single name relative to an open directory descriptor, with
// symbolic links not followed, so a link swapped in after the check is never
// followed out of the sandbox.
//
//===----------------------------------------------------------------------===//
#ifndef WASM2BIN_WASI_CAPABILITIES_H
#define WASM2BIN_WASI_CAPABILITIES_H

#include "Errno.h"
#include "FdTable.h"

#include <stddef.h>
#include <stdint.h>

namespace w2b {
namespace wasi {

class GuestMemory;

// $rights bits (typenames.witx).
enum Right : uint64_t {
  kRightFdDatasync = 1ull << 0,
  kRightFdRead = 1ull << 1,
  kRightFdSeek = 1ull << 2,
  kRightFdFdstatSetFlags = 1ull << 3,
  kRightFdSync = 1ull << 4,
  kRightFdTell = 1ull << 5,
  kRightFdWrite = 1ull << 6,
  kRightFdAdvise = 1ull << 7,
  kRightFdAllocate = 1ull << 8,
  kRightPathCreateDirectory = 1ull << 9,
  kRightPathCreateFile = 1ull << 10,
  kRightPathLinkSource = 1ull << 11,
  kRightPathLinkTarget = 1ull << 12,
  kRightPathOpen = 1ull << 13,
  kRightFdReaddir = 1ull << 14,
  kRightPathReadlink = 1ull << 15,
  kRightPathRenameSource = 1ull << 16,
  kRightPathRenameTarget = 1ull << 17,
  kRightPathFilestatGet = 1ull << 18,
  kRightPathFilestatSetSize = 1ull << 19,
  kRightPathFilestatSetTimes = 1ull << 20,
  kRightFdFilestatGet = 1ull << 21,
  kRightFdFilestatSetSize = 1ull << 22,
  kRightFdFilestatSetTimes = 1ull << 23,
  kRightPathSymlink = 1ull << 24,
  kRightPathRemoveDirectory = 1ull << 25,
  kRightPathUnlinkFile = 1ull << 26,
  kRightPollFdReadwrite = 1ull << 27,
  kRightSockShutdown = 1ull << 28,
  kRightSockAccept = 1ull << 29,
};

constexpr uint64_t kAllRights = (1ull << 30) - 1;

// What a regular file can do.
constexpr uint64_t kFileRights =
    kRightFdDatasync | kRightFdRead | kRightFdSeek | kRightFdFdstatSetFlags |
    kRightFdSync | kRightFdTell | kRightFdWrite | kRightFdAdvise |
    kRightFdAllocate | kRightFdFilestatGet | kRightFdFilestatSetSize |
    kRightFdFilestatSetTimes | kRightPollFdReadwrite;

// What a directory can do (its base rights), and what it can pass on.
constexpr uint64_t kDirRights =
    kRightPathCreateDirectory | kRightPathCreateFile | kRightPathLinkSource |
    kRightPathLinkTarget | kRightPathOpen | kRightFdReaddir |
    kRightPathReadlink | kRightPathRenameSource | kRightPathRenameTarget |
    kRightPathFilestatGet | kRightPathFilestatSetSize |
    kRightPathFilestatSetTimes | kRightFdFilestatGet |
    kRightFdFilestatSetTimes | kRightPathSymlink | kRightPathRemoveDirectory |
    kRightPathUnlinkFile;
constexpr uint64_t kDirInheriting = kDirRights | kFileRights;

// Pipes, terminals, character devices, connected sockets.
constexpr uint64_t kStreamRights = kRightFdRead | kRightFdWrite |
                                   kRightFdFdstatSetFlags |
                                   kRightFdFilestatGet | kRightPollFdReadwrite;
constexpr uint64_t kSocketRights = kStreamRights | kRightSockShutdown;
constexpr uint64_t kListenerRights =
    kRightSockAccept | kRightSockShutdown | kRightFdFdstatSetFlags |
    kRightFdFilestatGet | kRightPollFdReadwrite;

// Everything that changes the file system: removed from read-only grants
// (base and inheriting), so nothing opened through them can change it either.
// Linking and renaming *from* a read-only directory are included: a hard link
// or a move into a writable directory would make the file writable there.
constexpr uint64_t kMutatingRights =
    kRightFdWrite | kRightFdDatasync | kRightFdAllocate |
    kRightFdFilestatSetSize | kRightFdFilestatSetTimes |
    kRightPathCreateDirectory | kRightPathCreateFile | kRightPathLinkSource |
    kRightPathLinkTarget | kRightPathRenameSource | kRightPathRenameTarget |
    kRightPathFilestatSetSize | kRightPathFilestatSetTimes | kRightPathSymlink |
    kRightPathRemoveDirectory | kRightPathUnlinkFile;

// The rights a descriptor of this kind can have at most.
uint64_t typeRights(const FdEntry &e);

// Base and inheriting rights of a pre-opened directory.
void preopenRights(bool readOnly, uint64_t *base, uint64_t *inheriting);

// kSuccess and *out = the entry if guest `fd` is open and holds every right
// in `required`; otherwise badf (not open) or the errno for the first missing
// right (see above).
Errno checkFd(uint32_t fd, uint64_t required, FdEntry **out);

// The errno for `missing` rights of `e` (see above).
Errno missingRight(const FdEntry &e, uint64_t missing);

// --- Paths -----------------------------------------------------------------

constexpr size_t kMaxPath = 4096;     // bytes, with the terminating NUL
constexpr unsigned kMaxSymlinks = 40; // as Linux

// Copies the guest string [ptr, ptr + len) into `out` (kMaxPath bytes) with a
// NUL: fault if out of memory, nametoolong if too long, inval if it contains
// a NUL, ilseq if it is not UTF-8 (as Wasmtime), noent if empty.
Errno readGuestPath(const GuestMemory &mem, uint32_t ptr, uint32_t len,
                    char *out);

// How resolvePath treats the last component.
enum ResolveFlags : unsigned {
  // Follow symbolic links in the last component (lookupflags::symlink_follow).
  kFollow = 1,
  // The operation acts on the object the path names (stat, open, utimes,
  // readlink, link source): a trailing slash means "follow, and it must be a
  // directory". Without it the operation acts on the directory entry
  // (mkdir, unlink, rmdir, rename, symlink, link target) and a trailing slash
  // is passed on to the kernel, which handles it without following links.
  kObject = 2,
};

// A path resolved to an open directory beneath the starting directory and a
// single name in it.
struct ResolvedPath {
  int parent = -1; // host directory descriptor
  bool ownsParent = false;
  bool mustBeDir = false; // trailing slash on an object path
  char name[kMaxPath];    // one component, or "." for the directory itself;
                          // with a trailing '/' for entry paths that had one
  ResolvedPath() = default;
  ResolvedPath(const ResolvedPath &) = delete;
  ResolvedPath &operator=(const ResolvedPath &) = delete;
  ~ResolvedPath();
};

// Resolves `path` (from readGuestPath) beneath directory `dir`. With kFollow
// the last component is not a symbolic link (it may not exist).
Errno resolvePath(const FdEntry &dir, const char *path, unsigned flags,
                  ResolvedPath *out);

// Opens `path` beneath `dir` with open(2) flags `oflags` (O_NOFOLLOW is added
// unless `follow`); *out is the new host descriptor.
Errno openBeneath(const FdEntry &dir, const char *path, int oflags,
                  unsigned mode, bool follow, int *out);

// Whether openat2 is tried (default) or the userspace walk is always used.
void setUseOpenat2(bool use);
// Whether the last resolution used openat2 (for tests).
bool lastResolveUsedOpenat2();

} // namespace wasi
} // namespace w2b

#endif
