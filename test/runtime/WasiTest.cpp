//===- WasiTest.cpp - The WASI preview1 shim
//-------------------------------===//
#include "WasiGuest.h"

#include "wasi.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fcntl.h>
#include <string>
#include <unistd.h>
#include <vector>

using namespace w2btest;

namespace {

constexpr int32_t kSuccess = 0, kBadf = 8, kFault = 21, kInval = 28,
                  kNosys = 52, kSpipe = 70;

// $rights
constexpr uint64_t kRightFdRead = 1u << 1, kRightFdSeek = 1u << 2,
                   kRightFdWrite = 1u << 6;

// Replaces host descriptor `fd` by a pipe end (or a file) for a test.
class Redirect {
public:
  Redirect(int fd, int replacement) : fd_(fd), saved_(dup(fd)) {
    dup2(replacement, fd);
    close(replacement);
  }
  ~Redirect() {
    dup2(saved_, fd_);
    close(saved_);
  }

private:
  int fd_, saved_;
};

struct Pipe {
  int r = -1, w = -1;
  Pipe() {
    int fds[2];
    EXPECT_EQ(pipe(fds), 0);
    r = fds[0];
    w = fds[1];
  }
  ~Pipe() {
    if (r >= 0)
      close(r);
    if (w >= 0)
      close(w);
  }
  int takeRead() { return std::exchange(r, -1); }
  int takeWrite() { return std::exchange(w, -1); }
  std::string drain() {
    fcntl(r, F_SETFL, O_NONBLOCK);
    std::string out;
    char buf[256];
    ssize_t n;
    while ((n = read(r, buf, sizeof(buf))) > 0)
      out.append(buf, size_t(n));
    return out;
  }
};

void initWasi(std::vector<const char *> args = {},
              const w2b_policy *policy = nullptr,
              std::vector<const char *> env = {}) {
  static std::vector<const char *> keepArgs, keepEnv;
  keepArgs = args;
  keepEnv = env;
  keepEnv.push_back(nullptr);
  w2b_wasi_init(int(keepArgs.size()), keepArgs.data(), policy, keepEnv.data());
}

// The environment the guest sees, through environ_sizes_get/environ_get.
std::vector<std::string> guestEnviron(Guest &g) {
  EXPECT_EQ(w2b_wasi_environ_sizes_get(g.caller(), 0, 4), kSuccess);
  uint32_t count = g.u32(0), size = g.u32(4);
  EXPECT_EQ(w2b_wasi_environ_get(g.caller(), 1000, 2000), kSuccess);
  std::vector<std::string> out;
  uint32_t total = 0;
  for (uint32_t i = 0; i < count; ++i) {
    out.push_back(g.str(g.u32(1000 + 4 * i)));
    total += uint32_t(out.back().size()) + 1;
  }
  EXPECT_EQ(total, size);
  return out;
}

} // namespace

TEST(Wasi, ArgsLayout) {
  Guest g;
  initWasi({"prog", "a b", ""});
  ASSERT_EQ(w2b_wasi_args_sizes_get(g.caller(), 0, 4), kSuccess);
  EXPECT_EQ(g.u32(0), 3u);
  EXPECT_EQ(g.u32(4), 5u + 4u + 1u);
  ASSERT_EQ(w2b_wasi_args_get(g.caller(), 100, 200), kSuccess);
  EXPECT_EQ(g.u32(100), 200u);
  EXPECT_EQ(g.u32(104), 205u);
  EXPECT_EQ(g.u32(108), 209u);
  EXPECT_EQ(std::memcmp(g.mem() + 200, "prog\0a b\0\0", 10), 0);
  EXPECT_EQ(g.mem()[210], 0);
}

TEST(Wasi, ArgsWithBadPointersAreFaultsWithNothingWritten) {
  Guest g;
  initWasi({"prog", "arg"});
  std::memset(g.mem() + 65520, 0x55, 16);
  EXPECT_EQ(w2b_wasi_args_sizes_get(g.caller(), 65534, 0), kFault);
  EXPECT_EQ(w2b_wasi_args_sizes_get(g.caller(), 0, -1), kFault);
  // The string buffer does not fit: no pointer is written either.
  EXPECT_EQ(w2b_wasi_args_get(g.caller(), 65520, 65530), kFault);
  for (int i = 65520; i < 65536; ++i)
    EXPECT_EQ(g.mem()[i], 0x55) << i;
  EXPECT_EQ(w2b_wasi_args_get(g.caller(), 65532, 0), kFault); // 2 pointers
  EXPECT_EQ(w2b_wasi_args_get(g.caller(), 65528, 65527), kSuccess);
}

TEST(Wasi, CallerWithoutMemoryGetsFault) {
  ModuleBuilder b;
  InstancePtr inst;
  ASSERT_EQ(instantiate(b.build(), inst), W2B_OK);
  initWasi({"prog"});
  EXPECT_EQ(w2b_wasi_args_sizes_get(inst.get(), 0, 4), kFault);
  EXPECT_EQ(w2b_wasi_clock_time_get(inst.get(), 0, 0, 0), kFault);
  EXPECT_EQ(w2b_wasi_random_get(inst.get(), 0, 1), kFault);
  EXPECT_EQ(w2b_wasi_fd_write(inst.get(), 1, 0, 1, 0), kFault);
  // Zero-length ranges at offset 0 are inside a zero-size memory.
  EXPECT_EQ(w2b_wasi_random_get(inst.get(), 0, 0), kSuccess);
  EXPECT_EQ(w2b_wasi_args_sizes_get(nullptr, 0, 4), kFault);
}

TEST(Wasi, EnvironmentIsOnlyWhatIsGranted) {
  Guest g;
  const char *grants[] = {"A=1", "B=two"};
  w2b_policy p{2, grants, 0, 0, nullptr};
  initWasi({"prog"}, &p, {"HOME=/root", "A=0"});
  EXPECT_EQ(guestEnviron(g), (std::vector<std::string>{"A=1", "B=two"}));

  // No policy, or an empty one: nothing at all.
  initWasi({"prog"}, nullptr, {"HOME=/root"});
  EXPECT_TRUE(guestEnviron(g).empty());
  w2b_policy none{0, nullptr, 0, 0, nullptr};
  initWasi({"prog"}, &none, {"HOME=/root"});
  EXPECT_TRUE(guestEnviron(g).empty());
}

TEST(Wasi, InheritedEnvironmentWithGrantsOnTop) {
  Guest g;
  const char *grants[] = {"A=1", "D=4"};
  w2b_policy p{2, grants, 1, 0, nullptr};
  initWasi({"prog"}, &p, {"A=0", "C=3"});
  EXPECT_EQ(guestEnviron(g), (std::vector<std::string>{"C=3", "A=1", "D=4"}));
}

TEST(Wasi, GrantWithoutValuePassesTheHostValue) {
  Guest g;
  const char *grants[] = {"C", "MISSING", "X=1", "X=2"};
  w2b_policy p{4, grants, 0, 0, nullptr};
  initWasi({"prog"}, &p, {"A=0", "C=3"});
  EXPECT_EQ(guestEnviron(g), (std::vector<std::string>{"C=3", "X=2"}));
}

TEST(Wasi, EnvironWithBadPointers) {
  Guest g;
  const char *grants[] = {"A=1"};
  w2b_policy p{1, grants, 0, 0, nullptr};
  initWasi({"prog"}, &p);
  EXPECT_EQ(w2b_wasi_environ_sizes_get(g.caller(), 65536, 0), kFault);
  EXPECT_EQ(w2b_wasi_environ_get(g.caller(), 0, 65534), kFault);
  EXPECT_EQ(g.u32(0), 0u);
}

TEST(Wasi, FdWriteGathersIovecs) {
  Guest g;
  initWasi();
  Pipe p;
  std::memcpy(g.mem() + 100, "hello, ", 7);
  std::memcpy(g.mem() + 200, "world\n", 6);
  g.putIovec(0, 100, 7);
  g.putIovec(8, 300, 0); // empty entries are fine
  g.putIovec(16, 200, 6);
  std::string out;
  {
    Redirect r(1, p.takeWrite());
    ASSERT_EQ(w2b_wasi_fd_write(g.caller(), 1, 0, 3, 40), kSuccess);
  }
  EXPECT_EQ(g.u32(40), 13u);
  EXPECT_EQ(p.drain(), "hello, world\n");
}

TEST(Wasi, FdWriteWithBadPointersWritesNothing) {
  Guest g;
  initWasi();
  Pipe p;
  std::memcpy(g.mem() + 100, "data", 4);
  g.putIovec(0, 100, 4);
  g.putIovec(8, 65530, 7); // runs past the end of memory
  g.putIovec(16, 100, 4);
  {
    Redirect r(1, p.takeWrite());
    EXPECT_EQ(w2b_wasi_fd_write(g.caller(), 1, 0, 2, 40), kFault);
    EXPECT_EQ(w2b_wasi_fd_write(g.caller(), 1, 65532, 1, 40), kFault);
    EXPECT_EQ(w2b_wasi_fd_write(g.caller(), 1, 0, 0x20000000, 40), kFault);
    EXPECT_EQ(w2b_wasi_fd_write(g.caller(), 1, 16, 1, 65533), kFault);
  }
  EXPECT_EQ(p.drain(), "");
}

TEST(Wasi, FdWriteToDescriptorsItCannotWrite) {
  Guest g;
  initWasi();
  g.putIovec(0, 100, 1);
  EXPECT_EQ(w2b_wasi_fd_write(g.caller(), 0, 0, 1, 40), kBadf);
  EXPECT_EQ(w2b_wasi_fd_write(g.caller(), 3, 0, 1, 40), kBadf);
  EXPECT_EQ(w2b_wasi_fd_write(g.caller(), -1, 0, 1, 40), kBadf);
  EXPECT_EQ(w2b_wasi_fd_read(g.caller(), 1, 0, 1, 40), kBadf);
  EXPECT_EQ(w2b_wasi_fd_read(g.caller(), 2, 0, 1, 40), kBadf);
}

TEST(Wasi, FdReadScattersIntoIovecs) {
  Guest g;
  initWasi();
  Pipe p;
  ASSERT_EQ(write(p.w, "abcdefgh", 8), 8);
  g.putIovec(0, 100, 3);
  g.putIovec(8, 200, 10);
  {
    Redirect r(0, p.takeRead());
    ASSERT_EQ(w2b_wasi_fd_read(g.caller(), 0, 0, 2, 40), kSuccess);
    EXPECT_EQ(g.u32(40), 8u);
    EXPECT_EQ(std::memcmp(g.mem() + 100, "abc", 3), 0);
    EXPECT_EQ(std::memcmp(g.mem() + 200, "defgh", 5), 0);
    // A bad buffer anywhere in the list: fault, nothing read.
    ASSERT_EQ(write(p.w, "xyz", 3), 3);
    g.putIovec(8, 65535, 2);
    EXPECT_EQ(w2b_wasi_fd_read(g.caller(), 0, 0, 2, 40), kFault);
    EXPECT_EQ(g.mem()[100], 'a');
    g.putIovec(8, 200, 10);
    ASSERT_EQ(w2b_wasi_fd_read(g.caller(), 0, 0, 2, 40), kSuccess);
    EXPECT_EQ(g.u32(40), 3u);
    EXPECT_EQ(std::memcmp(g.mem() + 100, "xyz", 3), 0);
    // End of file: 0 bytes.
    close(p.takeWrite());
    ASSERT_EQ(w2b_wasi_fd_read(g.caller(), 0, 0, 2, 40), kSuccess);
    EXPECT_EQ(g.u32(40), 0u);
  }
}

TEST(Wasi, FdstatOfStdio) {
  Guest g;
  initWasi();
  Pipe p;
  {
    Redirect r(1, p.takeWrite());
    ASSERT_EQ(w2b_wasi_fd_fdstat_get(g.caller(), 1, 8), kSuccess);
  }
  EXPECT_EQ(g.mem()[8], 0); // a pipe: filetype unknown, as in wasmtime
  // stdout is written, never read or sought (a pipe).
  EXPECT_TRUE(g.u64(16) & kRightFdWrite);
  EXPECT_FALSE(g.u64(16) & (kRightFdRead | kRightFdSeek));
  EXPECT_EQ(g.u64(24), g.u64(16));

  char path[] = "/tmp/w2b-wasi-test-XXXXXX";
  int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  unlink(path);
  {
    Redirect r(0, fd);
    ASSERT_EQ(w2b_wasi_fd_fdstat_get(g.caller(), 0, 8), kSuccess);
  }
  EXPECT_EQ(g.mem()[8], 4); // regular_file
  // stdin from a file is read and can seek, but is never written.
  EXPECT_TRUE(g.u64(16) & kRightFdRead);
  EXPECT_TRUE(g.u64(16) & kRightFdSeek);
  EXPECT_FALSE(g.u64(16) & kRightFdWrite);

  int devnull = open("/dev/null", O_WRONLY | O_APPEND);
  ASSERT_GE(devnull, 0);
  {
    Redirect r(2, devnull);
    ASSERT_EQ(w2b_wasi_fd_fdstat_get(g.caller(), 2, 8), kSuccess);
  }
  EXPECT_EQ(g.mem()[8], 0); // a character device that is not a terminal
  uint16_t flags;
  std::memcpy(&flags, g.mem() + 10, 2);
  EXPECT_EQ(flags & 1, 1); // append

  EXPECT_EQ(w2b_wasi_fd_fdstat_get(g.caller(), 3, 8), kBadf);
  EXPECT_EQ(w2b_wasi_fd_fdstat_get(g.caller(), 1, 65520), kFault);
}

TEST(Wasi, SeekAndTell) {
  Guest g;
  initWasi();
  char path[] = "/tmp/w2b-wasi-test-XXXXXX";
  int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  unlink(path);
  ASSERT_EQ(write(fd, "0123456789", 10), 10);
  {
    Redirect r(1, fd);
    ASSERT_EQ(w2b_wasi_fd_seek(g.caller(), 1, 3, 0, 8), kSuccess); // set
    EXPECT_EQ(g.u64(8), 3u);
    ASSERT_EQ(w2b_wasi_fd_seek(g.caller(), 1, 2, 1, 8), kSuccess); // cur
    EXPECT_EQ(g.u64(8), 5u);
    ASSERT_EQ(w2b_wasi_fd_seek(g.caller(), 1, -1, 2, 8), kSuccess); // end
    EXPECT_EQ(g.u64(8), 9u);
    ASSERT_EQ(w2b_wasi_fd_tell(g.caller(), 1, 16), kSuccess);
    EXPECT_EQ(g.u64(16), 9u);
    EXPECT_EQ(w2b_wasi_fd_seek(g.caller(), 1, 0, 3, 8), kInval);
    EXPECT_EQ(w2b_wasi_fd_seek(g.caller(), 1, -100, 0, 8), kInval);
    EXPECT_EQ(w2b_wasi_fd_seek(g.caller(), 1, 0, 0, 65530), kFault);
    ASSERT_EQ(w2b_wasi_fd_tell(g.caller(), 1, 16), kSuccess);
    EXPECT_EQ(g.u64(16), 9u); // the failed seeks moved nothing
    EXPECT_EQ(w2b_wasi_fd_tell(g.caller(), 1, 65530), kFault);
  }
  Pipe p;
  {
    Redirect r(1, p.takeWrite());
    EXPECT_EQ(w2b_wasi_fd_seek(g.caller(), 1, 0, 1, 8), kSpipe);
    EXPECT_EQ(w2b_wasi_fd_tell(g.caller(), 1, 8), kSpipe);
  }
  EXPECT_EQ(w2b_wasi_fd_seek(g.caller(), 5, 0, 0, 8), kBadf);
}

TEST(Wasi, CloseAndPrestat) {
  Guest g;
  initWasi();
  EXPECT_EQ(w2b_wasi_fd_prestat_get(g.caller(), 3, 0), kBadf);
  EXPECT_EQ(w2b_wasi_fd_prestat_dir_name(g.caller(), 3, 0, 10), kBadf);
  EXPECT_EQ(w2b_wasi_fd_close(g.caller(), 1), kSuccess);
  EXPECT_EQ(w2b_wasi_fd_close(g.caller(), 1), kBadf);
  g.putIovec(0, 100, 1);
  EXPECT_EQ(w2b_wasi_fd_write(g.caller(), 1, 0, 1, 40), kBadf);
  EXPECT_EQ(w2b_wasi_fd_fdstat_get(g.caller(), 1, 8), kBadf);
  EXPECT_EQ(w2b_wasi_fd_close(g.caller(), 7), kBadf);
  // The host's stdout is still open; init reopens stdio for the guest.
  EXPECT_NE(fcntl(1, F_GETFD), -1);
  initWasi();
  EXPECT_EQ(w2b_wasi_fd_fdstat_get(g.caller(), 1, 8), kSuccess);
}

TEST(Wasi, Clocks) {
  Guest g;
  initWasi();
  for (int32_t id = 0; id < 4; ++id) {
    ASSERT_EQ(w2b_wasi_clock_res_get(g.caller(), id, 8), kSuccess) << id;
    EXPECT_GT(g.u64(8), 0u);
    ASSERT_EQ(w2b_wasi_clock_time_get(g.caller(), id, 1, 16), kSuccess) << id;
  }
  ASSERT_EQ(w2b_wasi_clock_time_get(g.caller(), 1, 0, 16), kSuccess);
  uint64_t t1 = g.u64(16);
  ASSERT_EQ(w2b_wasi_clock_time_get(g.caller(), 1, 0, 16), kSuccess);
  EXPECT_GE(g.u64(16), t1);
  ASSERT_EQ(w2b_wasi_clock_time_get(g.caller(), 0, 0, 16), kSuccess);
  EXPECT_GT(g.u64(16), 1500000000ull * 1000000000ull); // after 2017
  EXPECT_EQ(w2b_wasi_clock_time_get(g.caller(), 4, 0, 16), kInval);
  EXPECT_EQ(w2b_wasi_clock_res_get(g.caller(), -1, 16), kInval);
  EXPECT_EQ(w2b_wasi_clock_time_get(g.caller(), 0, 0, 65529), kFault);
  EXPECT_EQ(w2b_wasi_clock_res_get(g.caller(), 0, 65529), kFault);
}

TEST(Wasi, RandomGet) {
  Guest g;
  initWasi();
  ASSERT_EQ(w2b_wasi_random_get(g.caller(), 1000, 64), kSuccess);
  int nonzero = 0;
  for (int i = 0; i < 64; ++i)
    nonzero += g.mem()[1000 + i] != 0;
  EXPECT_GT(nonzero, 32);
  EXPECT_EQ(g.mem()[1064], 0);
  EXPECT_EQ(w2b_wasi_random_get(g.caller(), 65500, 37), kFault);
  EXPECT_EQ(g.mem()[65500], 0);
  EXPECT_EQ(w2b_wasi_random_get(g.caller(), 0, 65536), kSuccess);
}

TEST(Wasi, SchedYieldAndNothingGranted) {
  Guest g;
  initWasi();
  EXPECT_EQ(w2b_wasi_sched_yield(g.caller()), kSuccess);
  // Without grants there is no directory and no socket to act on.
  EXPECT_EQ(w2b_wasi_path_open(g.caller(), 3, 0, 0, 1, 0, 0, 0, 0, 0), kBadf);
  EXPECT_EQ(w2b_wasi_fd_readdir(g.caller(), 3, 0, 0, 0, 0), kBadf);
  EXPECT_EQ(w2b_wasi_sock_accept(g.caller(), 3, 0, 0), kBadf);
  EXPECT_EQ(w2b_wasi_poll_oneoff(g.caller(), 0, 0, 0, 0), kInval);
  EXPECT_EQ(w2b_wasi_proc_raise(g.caller(), 15), kNosys);
}

namespace {
void guestExit(w2b_instance *inst, int32_t code) {
  w2b_wasi_proc_exit(inst, code);
}
} // namespace

TEST(Wasi, ProcExitUnwindsToInvoke) {
  ModuleBuilder b;
  b.importBound("wasi_snapshot_preview1", "proc_exit",
                "i:", w2b_wasi_proc_exit);
  b.exportAs("exit", W2B_EXTERN_FUNC, b.addFunc(func("i:", guestExit)));
  b.exportAs("imported", W2B_EXTERN_FUNC, 0);
  InstancePtr inst;
  ASSERT_EQ(instantiate(b.build(), inst), W2B_OK);
  w2b_value code = i32v(42);
  EXPECT_EQ(w2b_invoke(exportedFunc(inst.get(), "exit"), &code, nullptr),
            W2B_TRAP_EXIT);
  EXPECT_EQ(w2b_exit_code(), 42);
  // Invoking the bound import itself, through its thunk.
  code = i32v(5);
  EXPECT_EQ(w2b_invoke(exportedFunc(inst.get(), "imported"), &code, nullptr),
            W2B_TRAP_EXIT);
  EXPECT_EQ(w2b_exit_code(), 5);
}
