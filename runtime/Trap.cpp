//===- Trap.cpp - Traps, proc_exit, and entering Wasm from the host -------===//
//
// w2b_invoke is the only way in: it records a jump buffer (sigsetjmp without
// the signal mask, so entering costs no system call) in a thread-local chain
// and, on the outermost entry, sets w2b_stack_limit. w2b_trap, from generated
// code, a builtin or the signal handler, jumps back to the innermost entry.
//
//===----------------------------------------------------------------------===//
#include "Internal.h"

#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

extern "C" {
__thread uintptr_t w2b_stack_limit __attribute__((tls_model("initial-exec")));
}

namespace w2b {
namespace {

struct EntryFrame {
  sigjmp_buf buf;
  EntryFrame *prev;
};

__thread EntryFrame *currentEntry __attribute__((tls_model("initial-exec")));
__thread int32_t exitCode __attribute__((tls_model("initial-exec")));

constexpr size_t kDefaultStackBudget = 4u << 20;
// Left to the host (and the signal handler) below the budget when the
// thread's stack is smaller than budget plus this.
constexpr size_t kStackReserve = 256u << 10;

size_t stackBudget = kDefaultStackBudget;
uint64_t stackRlimit; // 0 until read; UINT64_MAX if unlimited

// The budget for this process: deterministic for a given RLIMIT_STACK, which
// is read once.
size_t effectiveStackBudget() {
  uint64_t rl = __atomic_load_n(&stackRlimit, __ATOMIC_RELAXED);
  if (rl == 0) {
    struct rlimit lim;
    rl = UINT64_MAX;
    if (getrlimit(RLIMIT_STACK, &lim) == 0 && lim.rlim_cur != RLIM_INFINITY)
      rl = lim.rlim_cur;
    __atomic_store_n(&stackRlimit, rl, __ATOMIC_RELAXED);
  }
  size_t budget = __atomic_load_n(&stackBudget, __ATOMIC_RELAXED);
  if (rl != UINT64_MAX) {
    uint64_t cap = rl > 2 * kStackReserve ? rl - kStackReserve : rl / 2;
    if (budget > cap)
      budget = size_t(cap);
  }
  return budget;
}

const char *const trapMessages[] = {
#define W2B_TRAP_MESSAGE(Name, Msg) Msg,
    W2B_TRAPS(W2B_TRAP_MESSAGE)
#undef W2B_TRAP_MESSAGE
};
constexpr uint32_t kNumTraps = sizeof(trapMessages) / sizeof(trapMessages[0]);

} // namespace

bool insideWasm() { return currentEntry != nullptr; }

void trapFromSignal(int sig, w2b_trap_kind kind) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  sigprocmask(SIG_UNBLOCK, &set, nullptr);
  w2b_trap(kind);
}

void copyString(char *dst, size_t size, const char *a, const char *b,
                const char *c, const char *d) {
  const char *parts[] = {a, b, c, d};
  size_t n = 0;
  for (const char *s : parts)
    for (; s && *s && n + 1 < size; ++s)
      dst[n++] = *s;
  dst[n] = '\0';
}

void reportError(const char *prefix, const char *message) {
  char buf[512];
  copyString(buf, sizeof(buf) - 1, prefix, message);
  size_t len = strlen(buf);
  buf[len++] = '\n';
  const char *p = buf;
  while (len) {
    ssize_t n = write(2, p, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return;
    p += n;
    len -= size_t(n);
  }
}

} // namespace w2b

using namespace w2b;

extern "C" {

void w2b_trap(uint32_t kind) {
  if (kind == W2B_TRAP_NONE || kind >= kNumTraps)
    kind = W2B_TRAP_HOST;
  if (EntryFrame *entry = currentEntry)
    siglongjmp(entry->buf, int(kind));
  reportError("wasm trap: ", trapMessages[kind]);
  _exit(134);
}

void w2b_exit(int32_t code) {
  if (!currentEntry)
    _exit(code);
  exitCode = code;
  w2b_trap(W2B_TRAP_EXIT);
}

int w2b_exit_code(void) { return exitCode; }

const char *w2b_trap_message(w2b_trap_kind kind) {
  return uint32_t(kind) < kNumTraps ? trapMessages[kind] : "unknown trap";
}

void w2b_set_stack_budget(size_t bytes) {
  __atomic_store_n(&stackBudget, bytes ? bytes : kDefaultStackBudget,
                   __ATOMIC_RELAXED);
}

w2b_trap_kind w2b_invoke(const w2b_funcref *f, const w2b_value *args,
                         w2b_value *results) {
  if (!f || !f->thunk)
    return W2B_TRAP_UNINITIALIZED_ELEMENT;
  prepareThreadForWasm();
  EntryFrame frame;
  frame.prev = currentEntry;
  const uintptr_t savedLimit = w2b_stack_limit;
  if (!frame.prev) {
    uintptr_t sp = uintptr_t(__builtin_frame_address(0));
    size_t budget = effectiveStackBudget();
    w2b_stack_limit = sp > budget ? sp - budget : 0;
  }
  int kind = sigsetjmp(frame.buf, 0);
  if (kind == 0) {
    currentEntry = &frame;
    f->thunk(f->code, f->env, args, results);
  }
  currentEntry = frame.prev;
  w2b_stack_limit = savedLimit;
  return w2b_trap_kind(kind);
}

} // extern "C"
