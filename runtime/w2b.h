/*===- w2b.h - Embedding API: instantiate compiled modules and call them ---===*
 *
 * Used by the command-mode start-up code (Start.cpp), by the spec test runner
 * and by programs embedding modules compiled with `wasm2bin --emit=obj`.
 * Traps never escape as signals or crashes: they come back as w2b_trap_kind and
 * the instance stays usable, as the spec requires.
 *===----------------------------------------------------------------------===*/
#ifndef WASM2BIN_RUNTIME_W2B_H
#define WASM2BIN_RUNTIME_W2B_H

#include "abi.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) || defined(__clang__)
#define W2B_NORETURN __attribute__((noreturn))
#else
#define W2B_NORETURN
#endif

/* A function implemented by the embedder, called with unpacked values. */
typedef void (*w2b_host_fn)(void *ctx, const w2b_value *args,
                            w2b_value *results);
typedef struct w2b_host_func {
  w2b_sig sig;
  w2b_host_fn fn;
  void *ctx;
} w2b_host_func;

/* Something an import can be resolved to, or an export yields. */
typedef struct w2b_extern {
  uint8_t kind; /* w2b_externkind */
  w2b_funcref *func;       /* FUNC: a function of another instance, or */
  w2b_host_func *host;     /* FUNC: a host function (when func is NULL) */
  w2b_table *table;        /* TABLE */
  w2b_memory *memory;      /* MEMORY */
  w2b_value *global;       /* GLOBAL: the cell */
  uint8_t global_type;     /* GLOBAL: w2b_valtype */
  uint8_t global_mutable;  /* GLOBAL */
} w2b_extern;

/* Resolves one import; returns 0 if there is no such export. */
typedef int (*w2b_resolver)(void *ctx, const char *module, const char *name,
                            w2b_extern *out);

typedef enum w2b_status {
  W2B_OK = 0,
  W2B_LINK_ERROR = 1, /* unknown import or incompatible import type */
  W2B_TRAPPED = 2,    /* a segment or the start function trapped; the
                         instance exists, partially initialised */
  W2B_RESOURCE_ERROR = 3, /* out of memory or address space */
} w2b_status;

typedef struct w2b_error {
  w2b_trap_kind trap; /* when W2B_TRAPPED */
  char message[256];  /* human-readable, for every status but W2B_OK */
} w2b_error;

/* Instantiates `m`: resolves imports (imports with bound_code need no
 * resolver), allocates memory and tables, initialises globals, applies active
 * element then data segments in order (a trap leaves the earlier writes in
 * place), and runs the start function. On W2B_TRAPPED *out is still set. */
w2b_status w2b_instantiate(const w2b_module *m, w2b_resolver resolve,
                           void *resolve_ctx, w2b_instance **out,
                           w2b_error *err);
void w2b_free_instance(w2b_instance *inst);

/* Looks up an export by name; returns 0 if absent. Export names are UTF-8
 * and may contain U+0000: w2b_lookup_export_n takes the length. */
int w2b_lookup_export(w2b_instance *inst, const char *name, w2b_extern *out);
int w2b_lookup_export_n(w2b_instance *inst, const char *name, size_t len,
                        w2b_extern *out);

/* Calls a function with values packed per its signature. Returns
 * W2B_TRAP_NONE, or the trap (W2B_TRAP_EXIT after proc_exit, with the code in
 * w2b_exit_code()). Sets the stack limit when entering Wasm from the host. */
w2b_trap_kind w2b_invoke(const w2b_funcref *f, const w2b_value *args,
                         w2b_value *results);
int w2b_exit_code(void);

/* Ends the program with status `code` (WASI proc_exit). Inside w2b_invoke it
 * records the code and unwinds to the innermost w2b_invoke, which returns
 * W2B_TRAP_EXIT; outside, it calls _exit(code). */
W2B_NORETURN void w2b_exit(int32_t code);

const char *w2b_trap_message(w2b_trap_kind kind);

/* Parses a signature: number of params/results and their types. */
int w2b_sig_arity(w2b_sig sig, uint32_t *num_params, uint32_t *num_results);
uint8_t w2b_sig_param(w2b_sig sig, uint32_t i);
uint8_t w2b_sig_result(w2b_sig sig, uint32_t i);

/* Memories and tables owned by the embedder, e.g. to provide imports (the
 * spec's `spectest` module). A memory reserves its whole address range up
 * front, like those of instances; NULL if that fails or the limits are
 * invalid. Growing returns the old size, or UINT32_MAX on failure; a grown
 * table's new elements are `init`. */
w2b_memory *w2b_new_memory(const w2b_limits *pages);
uint32_t w2b_grow_memory(w2b_memory *mem, uint32_t delta_pages);
void w2b_free_memory(w2b_memory *mem);
w2b_table *w2b_new_table(uint8_t elem_type, const w2b_limits *limits);
uint32_t w2b_grow_table(w2b_table *table, uint32_t delta, void *init);
/* A table's element i (NULL when out of bounds), and writing it: 1, or 0 when
 * out of bounds. Elements keep a copy of a funcref's call target, so write
 * them only with w2b_table_set. */
void *w2b_table_get(const w2b_table *table, uint32_t i);
int w2b_table_set(w2b_table *table, uint32_t i, void *ref);
void w2b_free_table(w2b_table *table);

/* Sizes the budget of native stack Wasm may use from the next entry on
 * (default 4 MiB, or less than the thread's stack if that is smaller). */
void w2b_set_stack_budget(size_t bytes);

#ifdef __cplusplus
}
#endif

#endif
