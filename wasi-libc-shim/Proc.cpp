//===- Proc.cpp - proc_exit, proc_raise, sched_yield ----------------------===//
#include "Errno.h"
#include "w2b.h"
#include "wasi.h"

#include <sched.h>

using namespace w2b::wasi;

extern "C" {

void w2b_wasi_proc_exit(w2b_instance *, int32_t code) { w2b_exit(code); }

// The guest has no signal handlers, so raising a signal whose action the
// witx lists as "Ignored" (pipe, chld, urg, winch) or "Continues executing"
// (cont) does nothing and succeeds. Terminating and stopping a process by
// signal is not offered (Wasmtime refuses every signal with `notsup`): nosys.
// Values outside $signal are inval.
int32_t w2b_wasi_proc_raise(w2b_instance *, int32_t sig) {
  enum : uint32_t {
    kPipe = 13,
    kChld = 16,
    kCont = 17,
    kUrg = 22,
    kWinch = 27,
    kLast = 30
  };
  auto s = uint32_t(sig);
  if (s == 0 || s > kLast)
    return kInval;
  if (s == kPipe || s == kChld || s == kCont || s == kUrg || s == kWinch)
    return kSuccess;
  return kNosys;
}

int32_t w2b_wasi_sched_yield(w2b_instance *) {
  sched_yield();
  return kSuccess;
}

} // extern "C"
