/*===- wasi.h - The WASI preview1 host functions --------------------------===*
 *
 * Generated code calls `w2b_wasi_<name>(caller, args...)` directly for every
 * import wasi_snapshot_preview1.<name> (wasi_functions.def). Guest pointers
 * are i32 offsets into caller's memory 0, checked before any access: a bad
 * one is errno `fault` (21) to the guest, never a host fault.
 *
 * The process has one WASI context (arguments, environment, descriptors),
 * set up by w2b_wasi_init: from main() in a command (Start.cpp), or by an
 * embedder.
 *===----------------------------------------------------------------------===*/
#ifndef WASM2BIN_WASI_WASI_H
#define WASM2BIN_WASI_WASI_H

#include "abi.h"
#include "policy.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Sets up the process's WASI context: the guest's arguments (not copied:
 * they must outlive every WASI call), its environment and its descriptors,
 * from `policy` (NULL: nothing granted) extended or overridden by the
 * run-time grants `grants` (the syntax of WASM2BIN_GRANTS, see
 * docs/sandbox.md; NULL: none). Opens the granted directories and listening
 * sockets. Returns 0, or -1 with a message in w2b_wasi_init_error() (a
 * syntax error in `grants`, a directory that cannot be opened, an address
 * that cannot be listened on); nothing is granted then.
 *
 * The environment is what the policy grants: with inherit_env, every
 * variable of `host_environ` except those a grant names and those named
 * WASM2BIN_*; then the granted "KEY=VALUE" entries (an entry without '='
 * passes the host's value of that variable, if set). */
int w2b_wasi_init_with_grants(int argc, const char *const *argv,
                              const w2b_policy *policy, const char *grants,
                              const char *const *host_environ);
int w2b_wasi_init(int argc, const char *const *argv, const w2b_policy *policy,
                  const char *const *host_environ);
const char *w2b_wasi_init_error(void);

/* Path resolution uses openat2(RESOLVE_BENEATH) when the kernel has it
 * (default); 0 forces the userspace walk (WASM2BIN_NO_OPENAT2, for tests). */
void w2b_wasi_use_openat2(int use);

/* Declarations from wasi_functions.def: i32 -> int32_t, i64 -> int64_t. */
#define W2B_WASI_RESULT_i32 int32_t
#define W2B_WASI_RESULT_void void
#define W2B_WASI_PARAM_(x) W2B_WASI_PX_##x
#define W2B_WASI_PX_i32 , int32_t
#define W2B_WASI_PX_i64 , int64_t
#define W2B_WASI_PX_
/* Up to ten parameters after the caller; missing ones expand to nothing. */
#define W2B_WASI_PARAMS(...) W2B_WASI_PARAMS_(__VA_ARGS__, , , , , , , , , , )
#define W2B_WASI_PARAMS_(a, b, c, d, e, f, g, h, i, j, ...)                    \
  W2B_WASI_PARAM_(a)                                                           \
  W2B_WASI_PARAM_(b) W2B_WASI_PARAM_(c) W2B_WASI_PARAM_(d) W2B_WASI_PARAM_(e)  \
      W2B_WASI_PARAM_(f) W2B_WASI_PARAM_(g) W2B_WASI_PARAM_(h)                 \
          W2B_WASI_PARAM_(i) W2B_WASI_PARAM_(j)

/* proc_exit does not return; its first declaration says so. */
__attribute__((noreturn)) void w2b_wasi_proc_exit(w2b_instance *caller,
                                                  int32_t code);

#define WASI_FUNCTION(Name, Result, ...)                                       \
  W2B_WASI_RESULT_##Result w2b_wasi_##Name(                                    \
      w2b_instance *caller W2B_WASI_PARAMS(__VA_ARGS__));
#include "wasi_functions.def"

#ifdef __cplusplus
}
#endif

#endif
