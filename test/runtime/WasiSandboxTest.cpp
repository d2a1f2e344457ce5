//===- WasiSandboxTest.cpp - Grants, rights, descriptors, path resolution -===//
//
// The pieces of the WASI shim's sandbox, tested from the host: the run-time
// grant syntax and its precedence over baked grants, the fd table, the
// errno for a missing right, guest path validation, and path resolution
// beneath a directory with openat2 and with the userspace walk.
//
//===----------------------------------------------------------------------===//
#include "WasiGuest.h"

#include "Capabilities.h"
#include "Context.h"
#include "FdTable.h"
#include "GuestMemory.h"
#include "wasi.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace w2btest;
using namespace w2b::wasi;

namespace {

// A scratch directory tree, removed at the end.
struct TempTree {
  std::string root;
  TempTree() {
    char tmpl[] = "/tmp/w2b-sandbox-XXXXXX";
    root = mkdtemp(tmpl);
  }
  ~TempTree() {
    std::string cmd = "rm -rf '" + root + "'";
    EXPECT_EQ(system(cmd.c_str()), 0);
  }
  std::string path(const std::string &rel) const { return root + "/" + rel; }
  void dir(const std::string &rel) const {
    ASSERT_EQ(mkdir(path(rel).c_str(), 0755), 0) << rel;
  }
  void file(const std::string &rel, const std::string &text) const {
    int fd = open(path(rel).c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ASSERT_GE(fd, 0) << rel;
    ASSERT_EQ(write(fd, text.data(), text.size()), ssize_t(text.size()));
    close(fd);
  }
  void link(const std::string &target, const std::string &rel) const {
    ASSERT_EQ(symlink(target.c_str(), path(rel).c_str()), 0) << rel;
  }
};

std::vector<std::string> guestEnviron(Guest &g) {
  EXPECT_EQ(w2b_wasi_environ_sizes_get(g.caller(), 0, 4), 0);
  uint32_t count = g.u32(0);
  EXPECT_EQ(w2b_wasi_environ_get(g.caller(), 1000, 2000), 0);
  std::vector<std::string> out;
  for (uint32_t i = 0; i < count; ++i)
    out.push_back(
        reinterpret_cast<const char *>(g.mem() + g.u32(1000 + 4 * i)));
  return out;
}

// The guest names of the pre-opened directories, in descriptor order.
std::vector<std::string> preopens(Guest &g) {
  std::vector<std::string> out;
  for (int32_t fd = 3;; ++fd) {
    if (w2b_wasi_fd_prestat_get(g.caller(), fd, 0) != 0)
      break;
    uint32_t len = g.u32(4);
    EXPECT_EQ(w2b_wasi_fd_prestat_dir_name(g.caller(), fd, 100, int32_t(len)),
              0);
    out.push_back(g.str(100, len));
  }
  return out;
}

const char *const kNoArgs[] = {"prog"};
const char *const kNoEnv[] = {nullptr};

int init(const w2b_policy *baked, const char *grants,
         const char *const *env = kNoEnv) {
  return w2b_wasi_init_with_grants(1, kNoArgs, baked, grants, env);
}

} // namespace

// --- Grants ------------------------------------------------------------------

TEST(WasiGrants, RuntimeGrantsExtendAndOverrideBakedOnes) {
  TempTree t;
  t.dir("a");
  t.dir("b");
  t.dir("c");
  Guest g;
  std::string a = t.path("a"), b = t.path("b"), c = t.path("c");
  const char *env[] = {"A=baked", "B=baked"};
  w2b_dir_grant dirs[] = {{a.c_str(), "/data", 0}, {b.c_str(), "/b", 0}};
  w2b_policy baked = {2, env, 0, 2, dirs, 0, nullptr};

  ASSERT_EQ(init(&baked, nullptr), 0);
  EXPECT_EQ(preopens(g), (std::vector<std::string>{"/data", "/b"}));
  EXPECT_EQ(guestEnviron(g), (std::vector<std::string>{"A=baked", "B=baked"}));

  // Same guest path: replaced in place (read-only now); new ones appended.
  std::string spec =
      "--env B=run --dir-ro " + c + "::/data --dir=" + a + "::/extra --env C";
  const char *host[] = {"C=host", "WASM2BIN_GRANTS=x", nullptr};
  ASSERT_EQ(init(&baked, spec.c_str(), host), 0) << w2b_wasi_init_error();
  EXPECT_EQ(preopens(g), (std::vector<std::string>{"/data", "/b", "/extra"}));
  EXPECT_EQ(guestEnviron(g),
            (std::vector<std::string>{"A=baked", "B=run", "C=host"}));
  FdEntry *data = fdLookup(3);
  ASSERT_NE(data, nullptr);
  EXPECT_FALSE(data->base & kRightPathCreateFile); // read-only now
  EXPECT_FALSE(fdLookup(4)->base & ~kDirRights);
  EXPECT_TRUE(fdLookup(4)->base & kRightPathCreateFile);

  // --reset drops everything before it; inherit skips WASM2BIN_*.
  ASSERT_EQ(init(&baked, "--reset --inherit-env", host), 0);
  EXPECT_TRUE(preopens(g).empty());
  EXPECT_EQ(guestEnviron(g), (std::vector<std::string>{"C=host"}));
}

TEST(WasiGrants, Quoting) {
  TempTree t;
  t.dir("with space");
  Guest g;
  std::string spec = "--dir '" + t.path("with space") +
                     "::/s p' --env \"X=a \\\"b\\\"\" --env Y=c\\ d";
  ASSERT_EQ(init(nullptr, spec.c_str()), 0) << w2b_wasi_init_error();
  EXPECT_EQ(preopens(g), (std::vector<std::string>{"/s p"}));
  EXPECT_EQ(guestEnviron(g), (std::vector<std::string>{"X=a \"b\"", "Y=c d"}));
}

TEST(WasiGrants, MistakesAreErrorsAndGrantNothing) {
  Guest g;
  struct {
    const char *spec, *message;
  } cases[] = {
      {"--dir", "WASM2BIN_GRANTS: --dir needs a value"},
      {"--frobnicate", "WASM2BIN_GRANTS: unknown option '--frobnicate'"},
      {"--reset=1", "WASM2BIN_GRANTS: --reset takes no value"},
      {"--dir ::/x", "WASM2BIN_GRANTS: --dir expects HOST[::GUEST]"},
      {"--env =x", "WASM2BIN_GRANTS: --env expects KEY=VALUE or KEY"},
      {"--env 'A=b", "WASM2BIN_GRANTS: unterminated quote"},
      {"--dir /nonexistent-w2b::/n",
       "cannot open directory '/nonexistent-w2b' (granted as '/n'): No such "
       "file or directory"},
      {"--listen 1.2.3:80",
       "cannot listen on '1.2.3:80': expected ADDR:PORT (IPv4, [IPv6] or "
       "localhost)"},
      {"--listen 127.0.0.1:99999",
       "cannot listen on '127.0.0.1:99999': expected ADDR:PORT (IPv4, [IPv6] "
       "or localhost)"},
  };
  for (const auto &c : cases) {
    EXPECT_EQ(init(nullptr, c.spec), -1) << c.spec;
    EXPECT_STREQ(w2b_wasi_init_error(), c.message) << c.spec;
    EXPECT_TRUE(preopens(g).empty()) << c.spec;
  }
}

TEST(WasiGrants, ListeningSocketsFollowTheDirectories) {
  TempTree t;
  t.dir("d");
  Guest g;
  std::string spec = "--listen 127.0.0.1:0 --dir " + t.path("d") + "::/d";
  ASSERT_EQ(init(nullptr, spec.c_str()), 0) << w2b_wasi_init_error();
  EXPECT_EQ(preopens(g), (std::vector<std::string>{"/d"}));
  FdEntry *sock = fdLookup(4);
  ASSERT_NE(sock, nullptr);
  EXPECT_EQ(sock->kind, FdKind::kListener);
  EXPECT_EQ(sock->base, kListenerRights);
  EXPECT_EQ(w2b_wasi_fd_prestat_get(g.caller(), 4, 0), kBadf);
  ASSERT_EQ(init(nullptr, nullptr), 0);
  EXPECT_EQ(fdLookup(4), nullptr); // closed again
}

// --- Descriptors and rights -----------------------------------------------

TEST(WasiFdTable, LowestFreeNumberGrowthAndRenumber) {
  ASSERT_EQ(init(nullptr, nullptr), 0);
  std::vector<uint32_t> fds;
  for (int i = 0; i < 40; ++i) { // beyond the static slots
    FdEntry e;
    e.host = open("/dev/null", O_RDONLY | O_CLOEXEC);
    e.kind = FdKind::kStream;
    uint32_t fd;
    ASSERT_EQ(fdInsert(e, 0, &fd), kSuccess);
    fds.push_back(fd);
  }
  EXPECT_EQ(fds.front(), 3u);
  EXPECT_EQ(fds.back(), 42u);
  EXPECT_EQ(fdClose(10), kSuccess);
  EXPECT_EQ(fdClose(10), kBadf);
  FdEntry e;
  e.host = open("/dev/null", O_RDONLY | O_CLOEXEC);
  uint32_t fd;
  ASSERT_EQ(fdInsert(e, 0, &fd), kSuccess);
  EXPECT_EQ(fd, 10u);
  int host5 = fdLookup(5)->host;
  EXPECT_EQ(fdRenumber(5, 7), kSuccess);
  EXPECT_EQ(fdLookup(5), nullptr);
  EXPECT_EQ(fdLookup(7)->host, host5);
  EXPECT_EQ(fdRenumber(5, 7), kBadf);
  EXPECT_EQ(fdRenumber(7, 1000), kBadf);
  // Closing stdio leaves the host's open.
  EXPECT_EQ(fdClose(2), kSuccess);
  EXPECT_NE(fcntl(2, F_GETFD), -1);
  ASSERT_EQ(init(nullptr, nullptr), 0); // closes them all
  EXPECT_EQ(fcntl(host5, F_GETFD), -1);
}

TEST(WasiRights, MissingRightErrnos) {
  FdEntry file;
  file.kind = FdKind::kFile;
  FdEntry dir;
  dir.kind = FdKind::kDirectory;
  FdEntry pipe;
  pipe.kind = FdKind::kStream;
  FdEntry listener;
  listener.kind = FdKind::kListener;
  listener.socket = true;
  // Not open for reading or writing: badf, whatever the type.
  EXPECT_EQ(missingRight(file, kRightFdWrite), kBadf);
  EXPECT_EQ(missingRight(dir, kRightFdRead), kBadf);
  // The type cannot do it: POSIX's errno.
  EXPECT_EQ(missingRight(pipe, kRightFdSeek), kSpipe);
  EXPECT_EQ(missingRight(pipe, kRightFdTell), kSpipe);
  EXPECT_EQ(missingRight(dir, kRightFdSeek), kBadf);
  EXPECT_EQ(missingRight(file, kRightPathOpen), kNotdir);
  EXPECT_EQ(missingRight(file, kRightFdReaddir), kNotdir);
  EXPECT_EQ(missingRight(file, kRightSockAccept), kNotsock);
  EXPECT_EQ(missingRight(dir, kRightFdAllocate), kBadf);
  // The type could, this descriptor may not: notcapable.
  EXPECT_EQ(missingRight(file, kRightFdSeek), kNotcapable);
  EXPECT_EQ(missingRight(dir, kRightPathCreateFile), kNotcapable);
  EXPECT_EQ(missingRight(listener, kRightSockAccept), kNotcapable);

  uint64_t base, inheriting;
  preopenRights(false, &base, &inheriting);
  EXPECT_EQ(base, kDirRights);
  EXPECT_EQ(inheriting, kDirRights | kFileRights);
  preopenRights(true, &base, &inheriting);
  EXPECT_EQ(base & kMutatingRights, 0u);
  EXPECT_EQ(inheriting & kMutatingRights, 0u);
  EXPECT_TRUE(base & kRightPathOpen);
  EXPECT_TRUE(inheriting & kRightFdRead);
}

// --- Guest paths -------------------------------------------------------------

TEST(WasiPaths, GuestPathValidation) {
  Guest g;
  GuestMemory mem(g.caller());
  char out[kMaxPath];
  auto check = [&](const std::string &s) {
    return readGuestPath(mem, 100, g.put(100, s), out);
  };
  EXPECT_EQ(check("a/b.txt"), kSuccess);
  EXPECT_STREQ(out, "a/b.txt");
  EXPECT_EQ(check("caf\xc3\xa9/\xf0\x9f\x98\x80"), kSuccess); // é, emoji
  EXPECT_EQ(check(std::string("a\0b", 3)), kInval);
  EXPECT_EQ(check(""), kNoent);
  EXPECT_EQ(check("\xff"), kIlseq);
  EXPECT_EQ(check("\xc0\xaf"), kIlseq);         // overlong '/'
  EXPECT_EQ(check("\xed\xa0\x80"), kIlseq);     // a surrogate
  EXPECT_EQ(check("\xf4\x90\x80\x80"), kIlseq); // above U+10FFFF
  EXPECT_EQ(check("ab\xe2\x82"), kIlseq);       // cut short
  EXPECT_EQ(check(std::string(5000, 'a')), kNametoolong);
  EXPECT_EQ(readGuestPath(mem, 65530, 10, out), kFault);
  EXPECT_EQ(readGuestPath(mem, 0xffffffffu, 2, out), kFault);
}

namespace {

// Resolution tests run with openat2 and with the userspace walk.
class WasiResolve : public ::testing::TestWithParam<bool> {
protected:
  TempTree t;
  Guest g;
  FdEntry *root = nullptr;

  void SetUp() override {
    setUseOpenat2(GetParam());
    t.dir("box");
    t.dir("box/a");
    t.dir("box/a/b");
    t.dir("out");
    t.file("out/secret", "secret");
    t.file("box/a/b/f", "inside");
    t.link("a/b", "box/ab");              // inside
    t.link("../out", "box/rel-out");      // outside, relative
    t.link(t.path("out"), "box/abs-out"); // outside, absolute
    t.link("c2", "box/c1");               // a chain that ends outside
    t.link("a/../c3", "box/c2");
    t.link("a/b/../../../out/secret", "box/c3");
    t.link("loop", "box/loop");
    t.link("../..", "box/a/up2"); // from a: the box's parent
    std::string spec = "--dir " + t.path("box") + "::/box";
    ASSERT_EQ(init(nullptr, spec.c_str()), 0) << w2b_wasi_init_error();
    root = fdLookup(3);
    ASSERT_NE(root, nullptr);
  }
  void TearDown() override { setUseOpenat2(true); }

  // Where `path` resolves: the parent's inode relative to the box and the
  // name, or the errno.
  std::string resolve(const char *path, unsigned flags = 0) {
    ResolvedPath rp;
    if (Errno e = resolvePath(*root, path, flags, &rp))
      return "errno " + std::to_string(e);
    struct stat st, box, a, b;
    EXPECT_EQ(fstat(rp.parent, &st), 0);
    stat(t.path("box").c_str(), &box);
    stat(t.path("box/a").c_str(), &a);
    stat(t.path("box/a/b").c_str(), &b);
    std::string where = st.st_ino == box.st_ino ? "box"
                        : st.st_ino == a.st_ino ? "a"
                        : st.st_ino == b.st_ino ? "b"
                                                : "elsewhere";
    return where + ":" + rp.name + (rp.mustBeDir ? " (dir)" : "");
  }

  std::string open(const char *path, bool follow) {
    int fd;
    if (Errno e = openBeneath(*root, path, O_RDONLY, 0, follow, &fd))
      return "errno " + std::to_string(e);
    char buf[32] = {};
    ssize_t n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    return n >= 0 ? std::string(buf) : "(a directory)";
  }
};

} // namespace

TEST_P(WasiResolve, StaysBeneathTheDirectory) {
  const std::string perm = "errno " + std::to_string(kPerm);
  EXPECT_EQ(resolve("f"), "box:f");
  EXPECT_EQ(resolve("a/b/f"), "b:f");
  EXPECT_EQ(resolve("a/./b/../b//f"), "b:f");
  EXPECT_EQ(resolve("ab/f"), "b:f");
  EXPECT_EQ(resolve("."), "box:.");
  EXPECT_EQ(resolve("a/.."), "box:.");
  EXPECT_EQ(resolve("a/b/"), "a:b/");               // entry: slash kept
  EXPECT_EQ(resolve("a/b/", kObject), "a:b (dir)"); // object: must be a dir
  EXPECT_EQ(resolve("ab", kFollow), "a:b");
  EXPECT_EQ(resolve("ab"), "box:ab");
  EXPECT_EQ(resolve(".."), perm);
  EXPECT_EQ(resolve("/etc"), perm);
  EXPECT_EQ(resolve("a/../../out/secret"), perm);
  EXPECT_EQ(resolve("rel-out/secret"), perm);
  EXPECT_EQ(resolve("abs-out/secret"), perm);
  EXPECT_EQ(resolve("a/up2/out"), perm);
  EXPECT_EQ(resolve("rel-out", kFollow), perm);
  EXPECT_EQ(resolve("rel-out"), "box:rel-out"); // the link itself
  EXPECT_EQ(resolve("c1", kFollow), perm);
  EXPECT_EQ(resolve("loop", kFollow), "errno " + std::to_string(kLoop));
  EXPECT_EQ(resolve("loop/x"), "errno " + std::to_string(kLoop));
  EXPECT_EQ(resolve("a/b/f/g"), "errno " + std::to_string(kNotdir));
  EXPECT_EQ(resolve("missing/x"), "errno " + std::to_string(kNoent));
  EXPECT_EQ(resolve("new", kFollow), "box:new"); // may not exist yet

  EXPECT_EQ(open("a/b/f", false), "inside");
  EXPECT_EQ(open("ab/f", false), "inside");
  EXPECT_EQ(open("rel-out/secret", true), perm);
  EXPECT_EQ(open("c1", true), perm);
  EXPECT_EQ(open("c1", false), "errno " + std::to_string(kLoop));
  EXPECT_EQ(open("a/up2/out/secret", true), perm);
  EXPECT_EQ(lastResolveUsedOpenat2(), GetParam());
}

TEST_P(WasiResolve, LongChainsAndPathsAreRefused) {
  // 45 links in a row: more than the 40 Linux allows.
  for (int i = 0; i < 45; ++i)
    t.link("l" + std::to_string(i + 1), "box/l" + std::to_string(i));
  t.file("box/l45", "end");
  EXPECT_EQ(resolve("l0", kFollow), "errno " + std::to_string(kLoop));
  EXPECT_EQ(resolve("l10", kFollow), "box:l45");
  // Many components (each `..` re-walked by the userspace walk), then one
  // path longer than PATH_MAX.
  std::string deep;
  for (int i = 0; i < 800; ++i)
    deep += "a/../";
  deep += "a/b/f";
  EXPECT_EQ(resolve(deep.c_str()), "b:f");
  deep = "a/" + deep;
  for (int i = 0; i < 20; ++i)
    deep = "a/../" + deep;
  EXPECT_EQ(resolve(deep.c_str()), "errno " + std::to_string(kNametoolong));
}

INSTANTIATE_TEST_SUITE_P(Openat2AndWalk, WasiResolve, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool> &info) {
                           return info.param ? "openat2" : "walk";
                         });

// Every function of wasi_functions.def is defined (a missing one would not
// link).
TEST(WasiFunctions, AllDefined) {
  std::vector<void *> fns;
#define WASI_FUNCTION(Name, Result, ...)                                       \
  fns.push_back(reinterpret_cast<void *>(&w2b_wasi_##Name));
#include "wasi_functions.def"
  EXPECT_EQ(fns.size(), 46u);
  for (void *f : fns)
    EXPECT_NE(f, nullptr);
}
