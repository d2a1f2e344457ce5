//===- Start.cpp - main() of every command executable ---------------------===//
//
// Only in libw2brt.a. Sets up the WASI context from argv and the policy baked
// in by wasm2bin, adjusted by the operator's run-time grants in the
// environment variable WASM2BIN_GRANTS (docs/sandbox.md; the guest never sees
// it, nor any other WASM2BIN_* variable), instantiates the module (every
// import is bound at compile time, so there is no resolver), and runs
// `_start` if the module exports it. WASM2BIN_NO_OPENAT2 (set to anything)
// makes path resolution use its userspace walk instead of openat2, for tests.
//
// Exit status: 0 after a normal return, n after proc_exit(n), 134 after a
// trap (with "wasm trap: <message>" on stderr), 1 if the grants cannot be
// set up or instantiation fails for a reason other than a trap
// ("wasm2bin: error: <message>").
//
//===----------------------------------------------------------------------===//
#include "Internal.h"
#include "policy.h"
#include "wasi.h"

#include <stdlib.h>
#include <unistd.h>

extern "C" const w2b_module w2b_main_module;

namespace {

int exitFor(w2b_trap_kind kind) {
  if (kind == W2B_TRAP_NONE)
    return 0;
  if (kind == W2B_TRAP_EXIT)
    return w2b_exit_code();
  w2b::reportError("wasm trap: ", w2b_trap_message(kind));
  return 134;
}

} // namespace

int main(int argc, char **argv) {
  if (getenv("WASM2BIN_NO_OPENAT2"))
    w2b_wasi_use_openat2(0);
  if (w2b_wasi_init_with_grants(argc, argv, &w2b_main_policy,
                                getenv("WASM2BIN_GRANTS"), environ) != 0) {
    w2b::reportError("wasm2bin: error: ", w2b_wasi_init_error());
    return 1;
  }
  w2b_instance *inst;
  w2b_error err;
  switch (w2b_instantiate(&w2b_main_module, nullptr, nullptr, &inst, &err)) {
  case W2B_OK:
    break;
  case W2B_TRAPPED:
    return exitFor(err.trap);
  default:
    w2b::reportError("wasm2bin: error: ", err.message);
    return 1;
  }
  w2b_extern start;
  if (!w2b_lookup_export(inst, "_start", &start))
    return 0;
  uint32_t params, results;
  if (start.kind != W2B_EXTERN_FUNC ||
      !w2b_sig_arity(start.func->sig, &params, &results) || params || results) {
    w2b::reportError("wasm2bin: error: ", "_start is not a function [] -> []");
    return 1;
  }
  return exitFor(w2b_invoke(start.func, nullptr, nullptr));
}
