//===- Unimplemented.cpp - ENOSYS for the functions not implemented yet ---===//
//
// Generated from wasi_functions.def so that no function is forgotten: every
// function NOT listed below as implemented gets a definition here that
// returns `nosys` (52). Implementing one = defining it in its topic's file and
// adding it to this list (forgetting either is a link error: duplicate or
// undefined symbol).
//
//===----------------------------------------------------------------------===//
#include "Errno.h"
#include "wasi.h"

// Implemented elsewhere (Args.cpp, Clock.cpp, Fd.cpp, Proc.cpp, Random.cpp).
#define W2B_WASI_IMPLEMENTED_args_get W2B_WASI_YES
#define W2B_WASI_IMPLEMENTED_args_sizes_get W2B_WASI_YES
#define W2B_WASI_IMPLEMENTED_environ_get W2B_WASI_YES
#define W2B_WASI_IMPLEMENTED_environ_sizes_get W2B_WASI_YES
#define W2B_WASI_IMPLEMENTED_clock_res_get W2B_WASI_YES
#define W2B_WASI_IMPLEMENTED_clock_time_get W2B_WASI_YES
#define W2B_WASI_IMPLEMENTED_fd_close W2B_WASI_YES
#define W2B_WASI_IMPLEMENTED_fd_fdstat_get W2B_WASI_YES
#define W2B_WASI_IMPLEMENTED_fd_prestat_get W2B_WASI_YES
#define W2B_WASI_IMPLEMENTED_fd_prestat_dir_name W2B_WASI_YES
#define W2B_WASI_IMPLEMENTED_fd_read W2B_WASI_YES
#define W2B_WASI_IMPLEMENTED_fd_seek W2B_WASI_YES
#define W2B_WASI_IMPLEMENTED_fd_tell W2B_WASI_YES
#define W2B_WASI_IMPLEMENTED_fd_write W2B_WASI_YES
#define W2B_WASI_IMPLEMENTED_proc_exit W2B_WASI_YES
#define W2B_WASI_IMPLEMENTED_random_get W2B_WASI_YES
#define W2B_WASI_IMPLEMENTED_sched_yield W2B_WASI_YES

// W2B_WASI_IS_IMPLEMENTED(Name) is 1 if listed above, else 0: a listed name
// expands to two arguments and shifts the 1 into second place.
#define W2B_WASI_YES ~, 1
#define W2B_WASI_SECOND(a, b, ...) b
#define W2B_WASI_PROBE(...) W2B_WASI_SECOND(__VA_ARGS__, 0, 0)
#define W2B_WASI_IS_IMPLEMENTED(Name)                                          \
  W2B_WASI_PROBE(W2B_WASI_IMPLEMENTED_##Name)
#define W2B_WASI_CAT(a, b) W2B_WASI_CAT_(a, b)
#define W2B_WASI_CAT_(a, b) a##b

#define W2B_WASI_STUB_1(Name, Result, ...)
#define W2B_WASI_STUB_0(Name, Result, ...)                                     \
  int32_t w2b_wasi_##Name(w2b_instance *W2B_WASI_PARAMS(__VA_ARGS__)) {        \
    return w2b::wasi::kNosys;                                                  \
  }

extern "C" {
#define WASI_FUNCTION(Name, Result, ...)                                       \
  W2B_WASI_CAT(W2B_WASI_STUB_, W2B_WASI_IS_IMPLEMENTED(Name))                  \
  (Name, Result, __VA_ARGS__)
#include "wasi_functions.def"
}
