/*===- builtins.h - Declarations of the builtins, from builtins.def -------===*
 *
 * Private to the runtime: generated code declares the same functions from
 * the same list (compiler/codegen/Builtins.cpp). Declaring them here as
 * extern "C" makes any definition whose C++ types disagree with the list a
 * compile error ("conflicting declaration of C function").
 *===----------------------------------------------------------------------===*/
#ifndef WASM2BIN_RUNTIME_BUILTINS_H
#define WASM2BIN_RUNTIME_BUILTINS_H

#include "abi.h"

#define W2B_BT_void void
#define W2B_BT_i32 uint32_t
#define W2B_BT_i64 uint64_t
#define W2B_BT_ptr void *
#define W2B_BT_inst w2b_instance *

/* Up to seven parameters; missing ones expand to nothing. */
#define W2B_BP_(x) W2B_BPX_##x
#define W2B_BPX_void
#define W2B_BPX_i32 , uint32_t
#define W2B_BPX_i64 , uint64_t
#define W2B_BPX_ptr , void *
#define W2B_BPX_inst , w2b_instance *
#define W2B_BPX_
#define W2B_BUILTIN_PARAMS(First, ...)                                         \
  W2B_BT_##First W2B_BUILTIN_REST_(__VA_ARGS__, , , , , , , )
#define W2B_BUILTIN_REST_(a, b, c, d, e, f, ...)                               \
  W2B_BP_(a) W2B_BP_(b) W2B_BP_(c) W2B_BP_(d) W2B_BP_(e) W2B_BP_(f)

#ifdef __cplusplus
extern "C" {
#endif

/* First declaration carries noreturn; the generic one below repeats it. */
__attribute__((noreturn)) void w2b_trap(uint32_t kind);

#define W2B_BUILTIN(Name, Result, ...)                                         \
  W2B_BT_##Result w2b_##Name(W2B_BUILTIN_PARAMS(__VA_ARGS__));
#include "builtins.def"

#ifdef __cplusplus
}
#endif

#endif
