//===- TrapTest.cpp - Traps, stack exhaustion, proc_exit, signals ---------===//
#include "TestModule.h"

#include "builtins.h"
#include "wasi.h"

#include <gtest/gtest.h>

#include <csignal>
#include <cstring>
#include <sys/resource.h>
#include <sys/wait.h>

using namespace w2btest;

namespace {

void trapWith(w2b_instance *, int32_t kind) { w2b_trap(uint32_t(kind)); }
int32_t identity(w2b_instance *, int32_t x) { return x; }

// Recursion as generated code compiles it: the prologue compares the stack
// pointer with w2b_stack_limit.
int32_t maxDepth;
__attribute__((noinline)) int32_t recurse(w2b_instance *inst, int32_t depth) {
  volatile char frame[128];
  if (uintptr_t(__builtin_frame_address(0)) < w2b_stack_limit)
    w2b_trap(W2B_TRAP_STACK_EXHAUSTED);
  frame[0] = char(depth);
  if (depth > maxDepth)
    maxDepth = depth;
  return recurse(inst, depth + 1) + frame[0];
}

// A frame far larger than what is left of the budget, touched without a
// prologue check: the fault below the limit becomes the trap.
__attribute__((noinline)) int32_t hugeFrame(w2b_instance *, int32_t bytes) {
  volatile char *p =
      static_cast<volatile char *>(__builtin_alloca(size_t(bytes)));
  for (int32_t i = bytes - 4096; i >= 0; i -= 4096)
    p[i] = 1; // touch from the top down, like a stack probe
  return p[0];
}

// (UBSan would catch the division before the hardware does.)
__attribute__((no_sanitize("undefined"))) int32_t divide(w2b_instance *,
                                                         int32_t a, int32_t b) {
  volatile int32_t x = a, y = b;
  return x / y; // no explicit check: the hardware raises SIGFPE
}

void exitWith(w2b_instance *inst, int32_t code) {
  w2b_wasi_proc_exit(inst, code);
}

// A host function that calls back into Wasm (a nested w2b_invoke).
w2b_funcref *nestedTarget;
w2b_trap_kind nestedResult;
int32_t callBack(w2b_instance *, int32_t kind) {
  w2b_value args[2] = {i32v(kind), i32v(0)};
  nestedResult = w2b_invoke(nestedTarget, args, nullptr);
  return 7;
}

struct TrapModule {
  ModuleBuilder b;
  InstancePtr inst;
  TrapModule() {
    b.exportAs("trap", W2B_EXTERN_FUNC, b.addFunc(func("i:", trapWith)));
    b.exportAs("id", W2B_EXTERN_FUNC, b.addFunc(func("i:i", identity)));
    b.exportAs("recurse", W2B_EXTERN_FUNC, b.addFunc(func("i:i", recurse)));
    b.exportAs("huge", W2B_EXTERN_FUNC, b.addFunc(func("i:i", hugeFrame)));
    b.exportAs("div", W2B_EXTERN_FUNC, b.addFunc(func("ii:i", divide)));
    b.exportAs("exit", W2B_EXTERN_FUNC, b.addFunc(func("i:", exitWith)));
    b.exportAs("nest", W2B_EXTERN_FUNC, b.addFunc(func("i:i", callBack)));
    EXPECT_EQ(instantiate(b.build(), inst), W2B_OK);
  }
  w2b_trap_kind call(const char *name, std::initializer_list<w2b_value> args,
                     w2b_value *result = nullptr) {
    std::vector<w2b_value> a(args);
    w2b_value scratch;
    return w2b_invoke(exportedFunc(inst.get(), name), a.data(),
                      result ? result : &scratch);
  }
};

} // namespace

TEST(Trap, MessagesAreTheSpecs) {
  EXPECT_STREQ(w2b_trap_message(W2B_TRAP_UNREACHABLE), "unreachable executed");
  EXPECT_STREQ(w2b_trap_message(W2B_TRAP_INT_DIV_BY_ZERO),
               "integer divide by zero");
  EXPECT_STREQ(w2b_trap_message(W2B_TRAP_INT_OVERFLOW), "integer overflow");
  EXPECT_STREQ(w2b_trap_message(W2B_TRAP_INVALID_CONVERSION),
               "invalid conversion to integer");
  EXPECT_STREQ(w2b_trap_message(W2B_TRAP_OOB_MEMORY),
               "out of bounds memory access");
  EXPECT_STREQ(w2b_trap_message(W2B_TRAP_OOB_TABLE),
               "out of bounds table access");
  EXPECT_STREQ(w2b_trap_message(W2B_TRAP_UNDEFINED_ELEMENT),
               "undefined element");
  EXPECT_STREQ(w2b_trap_message(W2B_TRAP_UNINITIALIZED_ELEMENT),
               "uninitialized element");
  EXPECT_STREQ(w2b_trap_message(W2B_TRAP_INDIRECT_CALL_TYPE),
               "indirect call type mismatch");
  EXPECT_STREQ(w2b_trap_message(W2B_TRAP_STACK_EXHAUSTED),
               "call stack exhausted");
  // Not a trap kind, but within the enum's range (its values fit in 4 bits):
  // a C caller may pass any int, and C++ may not form one outside the range.
  static_assert(W2B_TRAP_HOST < 15, "pick another unknown value");
  EXPECT_STREQ(w2b_trap_message(w2b_trap_kind(15)), "unknown trap");
}

TEST(Trap, EveryKindComesBackAndTheInstanceStaysUsable) {
  TrapModule m;
  for (int kind = W2B_TRAP_UNREACHABLE; kind <= W2B_TRAP_HOST; ++kind) {
    EXPECT_EQ(m.call("trap", {i32v(kind)}), w2b_trap_kind(kind));
    w2b_value r;
    ASSERT_EQ(m.call("id", {i32v(kind)}, &r), W2B_TRAP_NONE);
    EXPECT_EQ(r.i32, kind);
  }
  // Out-of-range kinds become a host trap rather than a bogus value.
  EXPECT_EQ(m.call("trap", {i32v(0)}), W2B_TRAP_HOST);
  EXPECT_EQ(m.call("trap", {i32v(999)}), W2B_TRAP_HOST);
}

TEST(Trap, NestedInvokeReturnsToItsOwnCaller) {
  TrapModule m;
  nestedTarget = exportedFunc(m.inst.get(), "trap");
  w2b_value r;
  ASSERT_EQ(m.call("nest", {i32v(W2B_TRAP_INT_OVERFLOW)}, &r), W2B_TRAP_NONE);
  EXPECT_EQ(nestedResult, W2B_TRAP_INT_OVERFLOW);
  EXPECT_EQ(r.i32, 7);
  // After the inner trap the outer entry still works, and traps go to it.
  EXPECT_EQ(m.call("trap", {i32v(W2B_TRAP_UNREACHABLE)}), W2B_TRAP_UNREACHABLE);
  EXPECT_EQ(w2b_stack_limit, 0u); // restored on leaving the outermost entry
}

TEST(Trap, InvokeOfNullIsATrapNotACrash) {
  EXPECT_NE(w2b_invoke(nullptr, nullptr, nullptr), W2B_TRAP_NONE);
}

TEST(Trap, StackExhaustionIsDeterministic) {
  TrapModule m;
  maxDepth = 0;
  ASSERT_EQ(m.call("recurse", {i32v(0)}), W2B_TRAP_STACK_EXHAUSTED);
  int32_t first = maxDepth;
  EXPECT_GT(first, 1000);
  maxDepth = 0;
  ASSERT_EQ(m.call("recurse", {i32v(0)}), W2B_TRAP_STACK_EXHAUSTED);
  EXPECT_EQ(maxDepth, first);
  // A smaller budget gives a smaller depth.
  w2b_set_stack_budget(256 * 1024);
  maxDepth = 0;
  ASSERT_EQ(m.call("recurse", {i32v(0)}), W2B_TRAP_STACK_EXHAUSTED);
  EXPECT_LT(maxDepth, first);
  w2b_set_stack_budget(0); // back to the default
  w2b_value r;
  ASSERT_EQ(m.call("id", {i32v(5)}, &r), W2B_TRAP_NONE);
  EXPECT_EQ(r.i32, 5);
}

TEST(Trap, StackOverflowPastThePrologueCheckIsATrap) {
  struct rlimit rl;
  ASSERT_EQ(getrlimit(RLIMIT_STACK, &rl), 0);
  if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > (64u << 20))
    GTEST_SKIP() << "needs a bounded stack rlimit (ulimit -s)";
  TrapModule m;
  // Larger than the whole stack: the touches run off its end.
  auto bytes = int32_t(rl.rlim_cur + (1u << 20));
  EXPECT_EQ(m.call("huge", {i32v(bytes)}), W2B_TRAP_STACK_EXHAUSTED);
  w2b_value r;
  ASSERT_EQ(m.call("id", {i32v(9)}, &r), W2B_TRAP_NONE);
  EXPECT_EQ(r.i32, 9);
  // And again: the alternate stack and handler survive a use.
  EXPECT_EQ(m.call("huge", {i32v(bytes)}), W2B_TRAP_STACK_EXHAUSTED);
}

TEST(Trap, HardwareDivideFaultIsATrap) {
  TrapModule m;
  w2b_value r;
  ASSERT_EQ(m.call("div", {i32v(7), i32v(2)}, &r), W2B_TRAP_NONE);
  EXPECT_EQ(r.i32, 3);
  EXPECT_EQ(m.call("div", {i32v(7), i32v(0)}), W2B_TRAP_INT_DIV_BY_ZERO);
  ASSERT_EQ(m.call("div", {i32v(9), i32v(3)}, &r), W2B_TRAP_NONE);
  EXPECT_EQ(r.i32, 3);
}

TEST(Trap, ProcExitInsideInvoke) {
  TrapModule m;
  EXPECT_EQ(m.call("exit", {i32v(3)}), W2B_TRAP_EXIT);
  EXPECT_EQ(w2b_exit_code(), 3);
  EXPECT_EQ(m.call("exit", {i32v(0)}), W2B_TRAP_EXIT);
  EXPECT_EQ(w2b_exit_code(), 0);
}

TEST(TrapDeathTest, TrapOutsideInvokePrintsAndExits134) {
  EXPECT_EXIT(w2b_trap(W2B_TRAP_UNREACHABLE), testing::ExitedWithCode(134),
              "^wasm trap: unreachable executed\n$");
}

TEST(TrapDeathTest, ExitOutsideInvokeExitsWithTheCode) {
  EXPECT_EXIT(w2b_exit(17), testing::ExitedWithCode(17), "^$");
}

namespace {
void wildStore(w2b_instance *, int32_t) {
  *reinterpret_cast<volatile int *>(uintptr_t(16)) = 1; // not a Wasm memory
}
} // namespace

TEST(TrapDeathTest, ARealCrashStaysACrash) {
  EXPECT_EXIT(
      {
        ModuleBuilder b;
        b.exportAs("wild", W2B_EXTERN_FUNC, b.addFunc(func("i:", wildStore)));
        InstancePtr inst;
        instantiate(b.build(), inst);
        w2b_value arg = i32v(0);
        w2b_invoke(exportedFunc(inst.get(), "wild"), &arg, nullptr);
      },
      [](int status) {
        // Killed by SIGSEGV, or reported by a handler that was there first
        // (a sanitizer's); anything but a trap's 134 or success.
        return (WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV) ||
               (WIFEXITED(status) && WEXITSTATUS(status) != 0 &&
                WEXITSTATUS(status) != 134);
      },
      "");
}

TEST(TrapDeathTest, GuardFaultOutsideInvokeEndsTheProcessAsATrap) {
  // Outside any invoke a guard-region fault also ends the process as a trap.
  EXPECT_EXIT(
      {
        w2b_limits l = limits(1);
        w2b_memory *mem = w2b_new_memory(&l);
        *reinterpret_cast<volatile int *>(mem->base + 65536) = 1;
      },
      testing::ExitedWithCode(134),
      "^wasm trap: out of bounds memory access\n$");
}
