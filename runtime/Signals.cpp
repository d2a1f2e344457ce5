//===- Signals.cpp - Hardware faults that are Wasm traps
//-------------------===//
//
// SIGSEGV/SIGBUS inside a memory's reservation is an out-of-bounds access
// (the guard-region design of Memory.cpp); one whose stack pointer went
// below w2b_stack_limit is call-stack exhaustion that slipped past the
// prologue checks (a large frame, or a leaf that does not check). Anything
// else is not ours: it goes to the handler that was installed before us, or
// the default action is restored and the fault happens again for real.
//
// The handler runs on an alternate signal stack, set up once per thread that
// enters Wasm, because on stack exhaustion the normal stack is gone.
//
//===----------------------------------------------------------------------===//
#include "Internal.h"

#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

namespace w2b {
namespace {

constexpr int kSignals[] = {SIGSEGV, SIGBUS, SIGFPE};
struct sigaction previousActions[3];
int handlersState; // 0 none, 1 being installed, 2 installed

__thread bool threadReady __attribute__((tls_model("initial-exec")));

constexpr size_t kAltStackSize = 64 * 1024;
// The first thread's alternate stack costs no system call; later threads
// map their own (kept until exit: they may enter Wasm again).
alignas(16) char firstAltStack[kAltStackSize];
int firstAltStackTaken;

struct sigaction *previousFor(int sig) {
  for (int i = 0; i < 3; ++i)
    if (kSignals[i] == sig)
      return &previousActions[i];
  return nullptr;
}

uintptr_t faultingStackPointer(void *context) {
  auto *uc = static_cast<ucontext_t *>(context);
#if defined(__x86_64__)
  return uintptr_t(uc->uc_mcontext.gregs[REG_RSP]);
#elif defined(__aarch64__)
  return uintptr_t(uc->uc_mcontext.sp);
#else
  (void)uc;
  return 0;
#endif
}

// A fault at `addr` is stack exhaustion if the thread is in Wasm, its stack
// pointer is at or below the limit, and the access is at or above (near) the
// stack pointer but below the limit.
bool isStackExhaustion(uintptr_t addr, void *context) {
  uintptr_t limit = w2b_stack_limit;
  if (!limit || !insideWasm())
    return false;
  uintptr_t sp = faultingStackPointer(context);
  constexpr uintptr_t kSlack = 64 * 1024;
  return sp && sp < limit + kSlack && addr < limit && addr + kSlack >= sp;
}

// Not ours: hand the signal to whoever had it before, or die as we would
// have without a handler.
void forward(int sig, siginfo_t *info, void *context) {
  struct sigaction *prev = previousFor(sig);
  if (prev && (prev->sa_flags & SA_SIGINFO) && prev->sa_sigaction) {
    prev->sa_sigaction(sig, info, context);
    return;
  }
  if (prev && !(prev->sa_flags & SA_SIGINFO) && prev->sa_handler != SIG_DFL &&
      prev->sa_handler != SIG_IGN) {
    prev->sa_handler(sig);
    return;
  }
  struct sigaction dfl;
  memset(&dfl, 0, sizeof(dfl));
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  sigaction(sig, &dfl, nullptr);
  // A fault repeats when the instruction restarts; a sent signal does not.
  if (info->si_code <= 0)
    raise(sig);
}

void onFault(int sig, siginfo_t *info, void *context) {
  if (info->si_code > 0) { // raised by the hardware, not sent
    auto addr = uintptr_t(info->si_addr);
    if (sig == SIGFPE) {
      // Generated code checks divisions explicitly; this is a safety net.
      if (insideWasm())
        trapFromSignal(sig, W2B_TRAP_INT_DIV_BY_ZERO);
    } else {
      if (isInMemoryReservation(addr))
        trapFromSignal(sig, W2B_TRAP_OOB_MEMORY);
      if (isStackExhaustion(addr, context))
        trapFromSignal(sig, W2B_TRAP_STACK_EXHAUSTED);
    }
  }
  forward(sig, info, context);
}

} // namespace

void installSignalHandlers() {
  int state = 0;
  if (!__atomic_compare_exchange_n(&handlersState, &state, 1, false,
                                   __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
    while (__atomic_load_n(&handlersState, __ATOMIC_ACQUIRE) != 2) {
    }
    return;
  }
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = onFault;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&sa.sa_mask);
  for (int i = 0; i < 3; ++i)
    sigaction(kSignals[i], &sa, &previousActions[i]);
  __atomic_store_n(&handlersState, 2, __ATOMIC_RELEASE);
}

namespace {

void installAltStack() {
  stack_t current;
  if (sigaltstack(nullptr, &current) == 0 && !(current.ss_flags & SS_DISABLE) &&
      current.ss_size >= kAltStackSize)
    return; // the embedder's is big enough
  void *mem = firstAltStack;
  int taken = 0;
  if (!__atomic_compare_exchange_n(&firstAltStackTaken, &taken, 1, false,
                                   __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {
    mem = mmap(nullptr, kAltStackSize, PROT_READ | PROT_WRITE,
               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED)
      return; // faults then crash instead of trapping
  }
  stack_t ss;
  memset(&ss, 0, sizeof(ss));
  ss.ss_sp = mem;
  ss.ss_size = kAltStackSize;
  sigaltstack(&ss, nullptr);
}

} // namespace

void prepareThreadForWasm() {
  if (threadReady)
    return;
  installSignalHandlers();
  installAltStack();
  threadReady = true;
}

} // namespace w2b
