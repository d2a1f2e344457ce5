//===- Init.cpp - Setting up the WASI context
//------------------------------===//
//
// Start-up cost: nothing for a program granted nothing; otherwise one
// fcntl per stdio descriptor (fdGuardStdio), one open per granted directory
// and socket/setsockopt/bind/listen per granted socket. Environment
// variables cost nothing until the guest asks for them.
//
//===----------------------------------------------------------------------===//
#include "Capabilities.h"
#include "Context.h"
#include "FdTable.h"
#include "Stat.h"
#include "wasi.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

namespace w2b {
namespace wasi {
namespace {

Context theContext;
char initError[512];

bool fail(const char *a, const char *b = "", const char *c = "",
          const char *d = "", const char *e = "", const char *f = "") {
  initError[0] = 0;
  const char *parts[] = {a, b, c, d, e, f};
  for (const char *part : parts)
    appendString(initError, sizeof(initError), part);
  return false;
}

bool preopen(const Policy &p) {
  uint32_t next = 3, fd;
  for (uint32_t i = 0; i < p.numDirs; ++i) {
    const w2b_dir_grant &g = p.dirs[i];
    int host = open(g.host_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (host < 0)
      return fail("cannot open directory '", g.host_path, "' (granted as '",
                  g.guest_path, "'): ", strerror(errno));
    FdEntry e;
    e.host = host;
    e.kind = FdKind::kDirectory;
    e.filetype = kFiletypeDirectory;
    preopenRights(g.read_only != 0, &e.base, &e.inheriting);
    e.preopen = g.guest_path;
    e.preopenLen = uint32_t(strlen(g.guest_path));
    if (fdInsert(e, next, &fd) != kSuccess) {
      close(host);
      return fail("too many descriptors");
    }
    next = fd + 1;
  }
  for (uint32_t i = 0; i < p.numListen; ++i) {
    int host;
    if (Errno e = openListener(p.listen[i], &host)) {
      if (e == kInval)
        return fail("cannot listen on '", p.listen[i],
                    "': expected ADDR:PORT (IPv4, [IPv6] or localhost)", "");
      return fail("cannot listen on '", p.listen[i], "': ", strerror(errno));
    }
    FdEntry e;
    e.host = host;
    e.kind = FdKind::kListener;
    e.filetype = kFiletypeSocketStream;
    e.socket = true;
    e.base = e.inheriting = kListenerRights;
    if (fdInsert(e, next, &fd) != kSuccess) {
      close(host);
      return fail("too many descriptors");
    }
    next = fd + 1;
  }
  return true;
}

} // namespace

Context &context() { return theContext; }

} // namespace wasi
} // namespace w2b

using namespace w2b::wasi;

extern "C" {

int w2b_wasi_init_with_grants(int argc, const char *const *argv,
                              const w2b_policy *policy, const char *grants,
                              const char *const *hostEnviron) {
  Context &c = theContext;
  c.argc = argc > 0 && argv ? uint32_t(argc) : 0;
  c.argv = argv;
  c.hostEnv = hostEnviron;
  initError[0] = 0;
  fdReset();
  if (!buildPolicy(policy, grants, &c.policy, initError, sizeof(initError))) {
    freePolicy(&c.policy);
    return -1;
  }
  if (c.policy.numDirs || c.policy.numListen)
    fdGuardStdio();
  if (!preopen(c.policy)) {
    fdReset();
    return -1;
  }
  return 0;
}

int w2b_wasi_init(int argc, const char *const *argv, const w2b_policy *policy,
                  const char *const *hostEnviron) {
  return w2b_wasi_init_with_grants(argc, argv, policy, nullptr, hostEnviron);
}

const char *w2b_wasi_init_error(void) { return initError; }

void w2b_wasi_use_openat2(int use) { setUseOpenat2(use != 0); }

} // extern "C"
