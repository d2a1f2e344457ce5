//===- Proc.cpp - proc_exit, sched_yield
//-----------------------------------===//
#include "Errno.h"
#include "w2b.h"
#include "wasi.h"

#include <sched.h>

using namespace w2b::wasi;

extern "C" {

void w2b_wasi_proc_exit(w2b_instance *, int32_t code) { w2b_exit(code); }

int32_t w2b_wasi_sched_yield(w2b_instance *) {
  sched_yield();
  return kSuccess;
}

} // extern "C"
