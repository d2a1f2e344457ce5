//===- Capabilities.cpp - Rights, and paths resolved beneath a directory --===//
//
// See Capabilities.h for the model. The resolution code never hands the
// kernel a guest path it could resolve outside the sandbox: either openat2
// with RESOLVE_BENEATH (the kernel refuses `..` above the start, absolute
// paths and links leading out, atomically with the lookup), or single
// components with O_NOFOLLOW relative to directories already known to be
// beneath the start.
//
//===----------------------------------------------------------------------===//
#include "Capabilities.h"

#include "GuestMemory.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_openat2
#define SYS_openat2 437
#endif

namespace w2b {
namespace wasi {
namespace {

// linux/openat2.h, which musl does not provide.
struct OpenHow {
  uint64_t flags;
  uint64_t mode;
  uint64_t resolve;
};
constexpr uint64_t kResolveNoMagiclinks = 0x02;
constexpr uint64_t kResolveBeneath = 0x08;

bool useOpenat2 = true;
int openat2State = 0; // 0 unknown, 1 works, -1 unavailable
bool lastUsedOpenat2 = false;

// Whether openat2 works here: one probe per process (ENOSYS before Linux 5.6;
// EPERM or ENOSYS from seccomp filters that do not know it).
bool openat2Available(int dirfd) {
  if (!useOpenat2)
    return false;
  if (openat2State == 0) {
    OpenHow how = {O_PATH | O_DIRECTORY | O_CLOEXEC, 0, kResolveBeneath};
    long fd = syscall(SYS_openat2, dirfd, ".", &how, sizeof(how));
    if (fd >= 0) {
      close(int(fd));
      openat2State = 1;
    } else if (errno == ENOSYS || errno == EPERM || errno == E2BIG ||
               errno == EINVAL) {
      openat2State = -1;
    }
    // Any other failure (say EMFILE) says nothing: probe again next time.
    if (openat2State == 0)
      return true;
  }
  return openat2State > 0;
}

// openat2(dirfd, path, flags, mode, RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS).
// The new descriptor, or -errno; -EAGAIN if renames kept racing with `..`.
int openat2Beneath(int dirfd, const char *path, int flags, unsigned mode) {
  OpenHow how = {uint64_t(flags | O_CLOEXEC),
                 (flags & O_CREAT) ? uint64_t(mode) : 0,
                 kResolveBeneath | kResolveNoMagiclinks};
  for (int attempt = 0; attempt < 16; ++attempt) {
    long fd = syscall(SYS_openat2, dirfd, path, &how, sizeof(how));
    if (fd >= 0)
      return int(fd);
    if (errno != EAGAIN && errno != EINTR)
      return -errno;
  }
  return -EAGAIN;
}

// openat2 errno -> WASI errno: EXDEV means the path led outside.
Errno beneathErrno(int hostErrno) {
  return hostErrno == EXDEV ? kPerm : errnoFromHost(hostErrno);
}

class OwnedFd {
public:
  OwnedFd(int fd = -1, bool owned = true) : fd_(fd), owned_(owned) {}
  OwnedFd(const OwnedFd &) = delete;
  OwnedFd &operator=(const OwnedFd &) = delete;
  ~OwnedFd() { reset(); }
  void reset(int fd = -1, bool owned = true) {
    if (owned_ && fd_ >= 0)
      close(fd_);
    fd_ = fd;
    owned_ = owned;
  }
  int get() const { return fd_; }
  bool owned() const { return owned_; }
  int release() {
    owned_ = false;
    return fd_;
  }

private:
  int fd_;
  bool owned_;
};

// Opens the canonical (symlink-free, `..`-free) path `canon` beneath `root`,
// one component at a time, never following a link.
Errno reopenCanonical(int root, const char *canon, OwnedFd *out) {
  out->reset(root, false);
  const char *p = canon;
  while (*p) {
    const char *end = strchr(p, '/');
    size_t n = end ? size_t(end - p) : strlen(p);
    char comp[256];
    memcpy(comp, p, n);
    comp[n] = 0;
    int fd =
        openat(out->get(), comp, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
      return errnoFromHost(errno);
    out->reset(fd);
    p += n;
    if (*p == '/')
      ++p;
  }
  return kSuccess;
}

// The userspace walk: opens directory path `path` beneath `root` (every
// component followed, `..` lexical). *out is an O_PATH directory descriptor,
// or `root` itself (not owned) for an empty path.
Errno walkDir(int root, const char *path, OwnedFd *out) {
  char work[2 * kMaxPath]; // what is left to walk, links spliced in
  size_t len = strlen(path);
  if (len >= sizeof(work))
    return kNametoolong;
  memcpy(work, path, len + 1);
  char canon[kMaxPath]; // components walked so far: "a/b/c"
  size_t canonLen = 0;
  canon[0] = 0;
  unsigned links = 0;
  OwnedFd cur(root, false);
  size_t pos = 0;
  for (;;) {
    while (work[pos] == '/')
      ++pos;
    if (!work[pos])
      break;
    size_t start = pos;
    while (work[pos] && work[pos] != '/')
      ++pos;
    size_t n = pos - start;
    if (n > 255)
      return kNametoolong;
    char comp[256];
    memcpy(comp, work + start, n);
    comp[n] = 0;
    if (strcmp(comp, ".") == 0)
      continue;
    if (strcmp(comp, "..") == 0) {
      if (canonLen == 0)
        return kPerm; // above the starting directory
      char *cut = strrchr(canon, '/');
      canonLen = cut ? size_t(cut - canon) : 0;
      canon[canonLen] = 0;
      OwnedFd parent;
      if (Errno e = reopenCanonical(root, canon, &parent))
        return e;
      bool owned = parent.owned();
      cur.reset(parent.release(), owned);
      continue;
    }
    int fd =
        openat(cur.get(), comp, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) {
      if (canonLen + 1 + n >= sizeof(canon)) {
        close(fd);
        return kNametoolong;
      }
      if (canonLen)
        canon[canonLen++] = '/';
      memcpy(canon + canonLen, comp, n + 1);
      canonLen += n;
      cur.reset(fd);
      continue;
    }
    if (errno != ENOTDIR && errno != ELOOP)
      return errnoFromHost(errno);
    // A symbolic link, or not a directory.
    char link[kMaxPath];
    ssize_t linkLen = readlinkat(cur.get(), comp, link, sizeof(link) - 1);
    if (linkLen < 0)
      return errno == EINVAL ? kNotdir : errnoFromHost(errno);
    if (++links > kMaxSymlinks)
      return kLoop;
    if (linkLen == 0)
      return kNoent;
    if (link[0] == '/')
      return kPerm; // absolute: outside by definition
    size_t rest = strlen(work + pos);
    if (size_t(linkLen) + 1 + rest >= sizeof(work))
      return kNametoolong;
    memmove(work + linkLen + 1, work + pos, rest + 1);
    memcpy(work, link, size_t(linkLen));
    work[linkLen] = '/';
    pos = 0; // continue from the link's directory, `cur`
  }
  bool owned = cur.owned();
  out->reset(cur.release(), owned);
  return kSuccess;
}

// Opens directory path `dirpart` beneath `root` (empty: `root` itself).
Errno openDir(int root, const char *dirpart, OwnedFd *out) {
  if (!*dirpart) {
    out->reset(root, false);
    return kSuccess;
  }
  if (openat2Available(root)) {
    int fd = openat2Beneath(root, dirpart, O_PATH | O_DIRECTORY, 0);
    if (fd >= 0) {
      lastUsedOpenat2 = true;
      out->reset(fd);
      return kSuccess;
    }
    if (fd != -EAGAIN) {
      lastUsedOpenat2 = true;
      return beneathErrno(-fd);
    }
  }
  lastUsedOpenat2 = false;
  return walkDir(root, dirpart, out);
}

bool copyInto(char *dst, size_t size, const char *a, size_t aLen,
              const char *b = "", size_t bLen = 0, const char *c = "",
              size_t cLen = 0) {
  if (aLen + bLen + cLen >= size)
    return false;
  memmove(dst, a, aLen);
  memcpy(dst + aLen, b, bLen);
  memcpy(dst + aLen + bLen, c, cLen);
  dst[aLen + bLen + cLen] = 0;
  return true;
}

bool validUtf8(const uint8_t *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    uint8_t c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t extra;
    uint32_t cp;
    if ((c & 0xe0) == 0xc0) {
      extra = 1;
      cp = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
      extra = 2;
      cp = c & 0x0f;
    } else if ((c & 0xf8) == 0xf0) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (n - i <= extra)
      return false; // truncated sequence
    for (size_t k = 1; k <= extra; ++k) {
      if ((s[i + k] & 0xc0) != 0x80)
        return false;
      cp = (cp << 6) | (s[i + k] & 0x3f);
    }
    static const uint32_t minimum[] = {0, 0x80, 0x800, 0x10000};
    if (cp < minimum[extra] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
      return false;
    i += extra + 1;
  }
  return true;
}

} // namespace

// --- Rights ------------------------------------------------------------------

uint64_t typeRights(const FdEntry &e) {
  switch (e.kind) {
  case FdKind::kFile:
    return kFileRights;
  case FdKind::kDirectory:
    return kDirRights;
  case FdKind::kListener:
    return kListenerRights;
  case FdKind::kStream:
  case FdKind::kUnprobed:
    break;
  }
  return e.socket ? kSocketRights : kStreamRights;
}

void preopenRights(bool readOnly, uint64_t *base, uint64_t *inheriting) {
  *base = kDirRights;
  *inheriting = kDirInheriting;
  if (readOnly) {
    *base &= ~kMutatingRights;
    *inheriting &= ~kMutatingRights;
  }
}

Errno missingRight(const FdEntry &e, uint64_t missing) {
  if (missing & (kRightFdRead | kRightFdWrite))
    return kBadf; // not open for reading / writing, as POSIX
  uint64_t impossible = missing & ~typeRights(e);
  if (!impossible)
    return kNotcapable; // the type allows it; this descriptor does not
  constexpr uint64_t kPathRights =
      kDirRights & ~(kRightFdFilestatGet | kRightFdFilestatSetTimes);
  if (impossible & kPathRights)
    return kNotdir;
  if (impossible & (kRightSockAccept | kRightSockShutdown))
    return kNotsock;
  if ((impossible & (kRightFdSeek | kRightFdTell)) &&
      e.kind != FdKind::kDirectory)
    return kSpipe;
  return kBadf;
}

Errno checkFd(uint32_t fd, uint64_t required, FdEntry **out) {
  FdEntry *e = fdLookup(fd);
  if (!e)
    return kBadf;
  if (uint64_t missing = required & ~e->base)
    return missingRight(*e, missing);
  *out = e;
  return kSuccess;
}

// --- Paths -------------------------------------------------------------------

Errno readGuestPath(const GuestMemory &mem, uint32_t ptr, uint32_t len,
                    char *out) {
  if (!mem.contains(ptr, len))
    return kFault;
  if (len >= kMaxPath)
    return kNametoolong;
  const uint8_t *p = mem.at(ptr);
  if (len && memchr(p, 0, len))
    return kInval;
  if (!validUtf8(p, len))
    return kIlseq;
  memcpy(out, p, len);
  out[len] = 0;
  return len ? kSuccess : kNoent;
}

ResolvedPath::~ResolvedPath() {
  if (ownsParent && parent >= 0)
    close(parent);
}

Errno resolvePath(const FdEntry &dir, const char *path, unsigned flags,
                  ResolvedPath *out) {
  char buf[kMaxPath];
  size_t len = strlen(path);
  if (len >= sizeof(buf))
    return kNametoolong;
  memcpy(buf, path, len + 1);
  unsigned links = 0;
  for (;;) {
    if (!len)
      return kNoent;
    if (buf[0] == '/')
      return kPerm;
    bool trailing = false;
    while (len > 1 && buf[len - 1] == '/') {
      trailing = true;
      buf[--len] = 0;
    }
    char *slash = strrchr(buf, '/');
    const char *name = slash ? slash + 1 : buf;
    bool dot = strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
    // The directory part; for "x/.." or "x/." the whole path, and the
    // operation then acts on that directory as ".".
    char dirpart[kMaxPath];
    size_t dirLen = dot ? len : slash ? size_t(slash - buf) : 0;
    memcpy(dirpart, buf, dirLen);
    dirpart[dirLen] = 0;
    if (dot)
      name = ".";

    OwnedFd parent;
    if (Errno e = openDir(dir.host, dirpart, &parent))
      return e;
    bool object = flags & kObject;
    bool follow = !dot && ((flags & kFollow) || (object && trailing));
    if (follow) {
      char link[kMaxPath];
      ssize_t n = readlinkat(parent.get(), name, link, sizeof(link) - 1);
      if (n >= 0) {
        if (++links > kMaxSymlinks)
          return kLoop;
        if (n == 0)
          return kNoent;
        if (link[0] == '/')
          return kPerm;
        // Resolve the target from the start again: dirpart/target[/].
        const char *sep = dirLen ? "/" : "";
        if (!copyInto(buf, sizeof(buf), dirpart, dirLen, sep, dirLen ? 1 : 0,
                      link, size_t(n)))
          return kNametoolong;
        len = strlen(buf);
        if (trailing) {
          if (len + 1 >= sizeof(buf))
            return kNametoolong;
          buf[len++] = '/';
          buf[len] = 0;
        }
        continue;
      }
      if (errno != EINVAL && errno != ENOENT)
        return errnoFromHost(errno);
    }
    size_t nameLen = strlen(name);
    bool keepSlash = !object && trailing && !dot;
    if (nameLen + 2 > sizeof(out->name))
      return kNametoolong;
    memmove(out->name, name, nameLen);
    if (keepSlash)
      out->name[nameLen++] = '/';
    out->name[nameLen] = 0;
    out->mustBeDir = object && trailing;
    if (out->ownsParent && out->parent >= 0)
      close(out->parent);
    out->ownsParent = parent.owned();
    out->parent = parent.release();
    return kSuccess;
  }
}

Errno openBeneath(const FdEntry &dir, const char *path, int oflags,
                  unsigned mode, bool follow, int *out) {
  if (!*path)
    return kNoent;
  if (path[0] == '/')
    return kPerm;
  // O_CREAT | O_EXCL never follows a link in the last component (POSIX).
  if ((oflags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
    follow = false;
  int flags = oflags | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW);
  if (openat2Available(dir.host)) {
    int fd = openat2Beneath(dir.host, path, flags, mode);
    if (fd >= 0) {
      lastUsedOpenat2 = true;
      *out = fd;
      return kSuccess;
    }
    if (fd != -EAGAIN) {
      lastUsedOpenat2 = true;
      return beneathErrno(-fd);
    }
  }
  ResolvedPath rp;
  if (Errno e = resolvePath(dir, path,
                            kObject | (follow ? unsigned(kFollow) : 0u), &rp))
    return e;
  lastUsedOpenat2 = false;
  if (rp.mustBeDir) {
    if (oflags & O_CREAT)
      return kIsdir; // as open("new/", O_CREAT)
    flags |= O_DIRECTORY;
  }
  int fd = openat(rp.parent, rp.name, flags | O_NOFOLLOW, mode);
  if (fd < 0)
    return errnoFromHost(errno);
  *out = fd;
  return kSuccess;
}

void setUseOpenat2(bool use) { useOpenat2 = use; }

bool lastResolveUsedOpenat2() { return lastUsedOpenat2; }

} // namespace wasi
} // namespace w2b
