/*===- abi.h - The contract between generated code and the runtime -------===*
 *
 * Generated code and the runtime meet only through what this header defines.
 * The compiler mirrors these layouts in compiler/codegen/InstanceLayout.cpp;
 * the static_asserts at the end (and the matching ones in InstanceLayout.cpp)
 * keep both sides honest.
 *
 * A compiled module is a w2b_module descriptor (constant data plus code). The
 * runtime instantiates it into a w2b_instance: the fixed header below followed
 * by a module-specific tail whose offsets the descriptor gives.
 *
 * Every function compiled from Wasm has the C signature
 *     R f(w2b_instance *inst, P1, P2, ...)
 * with i32/i64/f32/f64 as int32_t/int64_t/float/double, references as
 * pointers, v128 as a 16-byte vector and several results as a struct. Host
 * functions called directly by generated code (WASI, builtins) get the
 * calling instance the same way.
 *
 * Plain C so embedders can include it; the runtime itself is C++ without
 * exceptions, RTTI or the C++ library.
 *===----------------------------------------------------------------------===*/
#ifndef WASM2BIN_RUNTIME_ABI_H
#define WASM2BIN_RUNTIME_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define W2B_PAGE_SIZE 65536u
#define W2B_MAX_PAGES 65536u /* 4 GiB of 32-bit memory */

/* Value types, with their binary encodings (as in the Wasm binary format). */
enum w2b_valtype {
  W2B_I32 = 0x7f,
  W2B_I64 = 0x7e,
  W2B_F32 = 0x7d,
  W2B_F64 = 0x7c,
  W2B_V128 = 0x7b,
  W2B_FUNCREF = 0x70,
  W2B_EXTERNREF = 0x6f,
};

enum w2b_externkind {
  W2B_EXTERN_FUNC = 0,
  W2B_EXTERN_TABLE = 1,
  W2B_EXTERN_MEMORY = 2,
  W2B_EXTERN_GLOBAL = 3,
};

/* Traps. The messages (w2b_trap_message) are the spec's. */
#define W2B_TRAPS(X)                                                           \
  X(NONE, "no trap")                                                           \
  X(UNREACHABLE, "unreachable executed")                                       \
  X(INT_DIV_BY_ZERO, "integer divide by zero")                                 \
  X(INT_OVERFLOW, "integer overflow")                                          \
  X(INVALID_CONVERSION, "invalid conversion to integer")                       \
  X(OOB_MEMORY, "out of bounds memory access")                                 \
  X(OOB_TABLE, "out of bounds table access")                                   \
  X(UNDEFINED_ELEMENT, "undefined element")                                    \
  X(UNINITIALIZED_ELEMENT, "uninitialized element")                            \
  X(INDIRECT_CALL_TYPE, "indirect call type mismatch")                         \
  X(STACK_EXHAUSTED, "call stack exhausted")                                   \
  X(EXIT, "program exited")                                                    \
  X(HOST, "host function failed")

typedef enum w2b_trap_kind {
#define W2B_TRAP_ENUM(Name, Msg) W2B_TRAP_##Name,
  W2B_TRAPS(W2B_TRAP_ENUM)
#undef W2B_TRAP_ENUM
} w2b_trap_kind;

/* One Wasm value, for generic calls (w2b_invoke) and global cells. */
typedef union w2b_value {
  int32_t i32;
  int64_t i64;
  float f32;
  double f64;
  uint8_t v128[16];
  void *ref; /* funcref: w2b_funcref* or NULL; externref: opaque or NULL */
} w2b_value;

typedef struct w2b_instance w2b_instance;

/* Canonical signature: "params:results", one character per type:
 *   i=i32 I=i64 f=f32 F=f64 v=v128 r=funcref e=externref, e.g. "iI:f".
 * Generated objects define each as a linkonce symbol "w2b.sig.<sig>", so in
 * one linked program equal signatures usually share an address; the runtime
 * compares strings when the pointers differ. */
typedef const char *w2b_sig;

/* Generic entry point: calls the typed `code` with `env` and unpacked args. */
typedef void (*w2b_thunk)(void *code, void *env, const w2b_value *args,
                          w2b_value *results);

/* A function reference: what funcref values, table elements and imported
 * functions point to. */
typedef struct w2b_funcref {
  w2b_sig sig;
  void *code;      /* typed entry: R code(void *env, P...) */
  void *env;       /* first argument: the owning instance, or a host context */
  w2b_thunk thunk; /* generic caller for this signature */
} w2b_funcref;

typedef struct w2b_memory {
  uint8_t *base;      /* never moves: address space is reserved up front */
  uint64_t size;      /* accessible bytes = pages * W2B_PAGE_SIZE */
  uint32_t pages;
  uint32_t max_pages; /* W2B_MAX_PAGES when the type has no maximum */
  uint64_t reserved;  /* bytes of address space reserved at base */
  uint8_t has_max;    /* the type has a maximum (max_pages is it) */
} w2b_memory;

/* One table element. `ref` is the reference itself (w2b_funcref* or
 * externref, NULL for ref.null): what table.get returns. A funcref table also
 * keeps a copy of the record's {sig, code, env} beside it, so call_indirect
 * finds its target with one load from the table instead of two (a table of
 * wasm2c holds its records the same way). A null element is all zero, and
 * only the runtime's tableSet and generated table.set write elements. */
typedef struct w2b_table_elem {
  void *ref;
  w2b_sig sig;
  void *code;
  void *env;
} w2b_table_elem;

typedef struct w2b_table {
  w2b_table_elem *elems; /* reallocated by table.grow: reload after calls */
  uint32_t size;
  uint32_t max; /* UINT32_MAX when the type has no maximum */
  uint8_t elem_type; /* W2B_FUNCREF or W2B_EXTERNREF */
  uint8_t has_max;   /* the type has a maximum (max is it) */
} w2b_table;

/* The fixed header of every instance. */
struct w2b_instance {
  uint8_t *mem_base;             /* +0   base of memory 0, NULL if none */
  w2b_memory *memory;            /* +8   memory 0 (own or imported) */
  const struct w2b_module *module; /* +16 */
  void *host_ctx;                /* +24  embedder's pointer */
  /* module-specific tail follows; see w2b_layout */
};

/* --- Descriptors: constant data the compiler emits for each module. ----- */

enum w2b_const_kind {
  W2B_CONST_VALUE = 0,      /* bits hold the value */
  W2B_CONST_REF_NULL = 1,
  W2B_CONST_REF_FUNC = 2,   /* index = funcidx */
  W2B_CONST_GLOBAL_GET = 3, /* index = globalidx (an imported global) */
};

typedef struct w2b_const_expr {
  uint8_t kind; /* w2b_const_kind */
  uint8_t type; /* w2b_valtype of the result */
  uint32_t index;
  uint64_t bits[2];
} w2b_const_expr;

typedef struct w2b_limits {
  uint32_t min;
  uint32_t max; /* UINT32_MAX (tables) or W2B_MAX_PAGES (memory) if absent */
  uint8_t has_max;
} w2b_limits;

typedef struct w2b_import_desc {
  const char *module;
  const char *name;
  uint8_t kind;      /* w2b_externkind */
  uint8_t type;      /* global: valtype; table: elem type */
  uint8_t is_mutable;/* global */
  w2b_limits limits; /* table, memory */
  w2b_sig sig;       /* func */
  /* func: typed code the compiler bound at compile time (WASI), or NULL to
   * resolve at instantiation. Bound code takes the importing instance as env. */
  void *bound_code;
  /* func: typed adapter that packs args and calls a w2b_host_func (env). */
  void *host_adapter;
  w2b_thunk thunk; /* func: generic caller for sig */
} w2b_import_desc;

typedef struct w2b_func_desc {
  w2b_sig sig;
  void *code;
  w2b_thunk thunk;
} w2b_func_desc;

typedef struct w2b_table_desc {
  uint8_t elem_type;
  w2b_limits limits;
  /* Where instantiation places this table (its w2b_table, then its initial
   * elements), from the start of the instance, as the compiler computed it;
   * 0 if the generated code does not rely on it. Code for a table of fixed
   * size addresses its elements at this constant offset. */
  uint32_t offset;
} w2b_table_desc;

typedef struct w2b_global_desc {
  uint8_t type;
  uint8_t is_mutable;
  w2b_const_expr init;
} w2b_global_desc;

typedef struct w2b_export_desc {
  const char *name; /* NUL-terminated, but a Wasm name may contain NUL: */
  uint8_t kind;
  uint32_t index;
  uint32_t name_len; /* its length in bytes */
} w2b_export_desc;

enum w2b_segment_mode {
  W2B_SEGMENT_ACTIVE = 0,
  W2B_SEGMENT_PASSIVE = 1,
  W2B_SEGMENT_DECLARATIVE = 2,
};

typedef struct w2b_elem_desc {
  uint8_t mode;
  uint8_t elem_type;
  uint32_t table;
  w2b_const_expr offset;
  uint32_t count;
  const w2b_const_expr *items;
  /* The compact form of a segment whose items are all ref.func or ref.null
   * (nearly every segment): function indices, W2B_ELEM_NULL_ITEM for null,
   * and items is NULL. 4 bytes an item instead of a w2b_const_expr. */
  const uint32_t *func_items;
} w2b_elem_desc;
#define W2B_ELEM_NULL_ITEM 0xffffffffu

typedef struct w2b_data_desc {
  uint8_t mode;
  w2b_const_expr offset;
  uint32_t size;
  const uint8_t *bytes;
} w2b_data_desc;

/* Offsets of the module-specific tail of an instance, all from the start of
 * the instance:
 *   funcs:        w2b_funcref *[num_funcs]     every function, imports first
 *   own_funcs:    w2b_funcref  [num_funcs - num_imported_funcs]
 *   tables:       w2b_table   *[num_tables]
 *   globals:      w2b_value   *[num_imported_globals] then
 *                 w2b_value    [num_globals - num_imported_globals] (cells)
 *   dropped:      uint8_t      [num_elems + num_datas]  1 once dropped */
typedef struct w2b_layout {
  uint32_t funcs;
  uint32_t own_funcs;
  uint32_t tables;
  uint32_t imported_globals;
  uint32_t own_globals;
  uint32_t dropped;
  uint32_t size; /* total instance size in bytes */
} w2b_layout;

typedef struct w2b_module {
  const char *name;
  w2b_layout layout;

  uint32_t num_imports;
  const w2b_import_desc *imports;

  uint32_t num_funcs, num_imported_funcs;
  const w2b_func_desc *funcs; /* defined functions */

  uint32_t num_tables, num_imported_tables;
  const w2b_table_desc *tables; /* defined tables */

  uint8_t has_memory, memory_imported;
  w2b_limits memory_limits; /* defined memory */

  uint32_t num_globals, num_imported_globals;
  const w2b_global_desc *globals; /* defined globals */

  uint32_t num_exports;
  const w2b_export_desc *exports;

  uint32_t num_elems;
  const w2b_elem_desc *elems;
  uint32_t num_datas;
  const w2b_data_desc *datas;

  int64_t start; /* funcidx, or -1 */
  uint8_t explicit_bounds_checks; /* compiled with --bounds-checks=explicit */
  uint8_t memory_fixed_base; /* memory 0 must be at W2B_FIXED_MEMORY_BASE */
} w2b_module;

/* With --memory-base=fixed (the default for executables) the module's own
 * memory 0 is placed at this address, and generated code addresses it through
 * the absolute symbol W2B_FIXED_MEMORY_SYMBOL (defined by the runtime) instead
 * of loading the base from the instance: no load at function entry, one more
 * register for the program, and an access is one instruction with the base
 * in its displacement. The address is below 2 GiB - 16 MiB, so base plus a
 * small offset fits that displacement in x86-64's small code model. It is
 * also above where Linux may start a static executable's brk heap: up to
 * 1 GiB past the image on recent kernels (32 MiB on older ones), and at a
 * base of 1 GiB one run in 300 found its range taken. Only one instance of
 * such a module can live in a process at a time. */
#define W2B_FIXED_MEMORY_BASE 0x78000000
#define W2B_FIXED_MEMORY_SYMBOL "w2b_fixed_memory_base"

/* Native stack limit of the current thread: every generated function that
 * makes calls compares its stack pointer against it in its prologue and traps
 * with W2B_TRAP_STACK_EXHAUSTED below it. Set by the runtime when it enters
 * Wasm (w2b_enter in w2b.h), relative to the stack pointer at that moment, so
 * the depth at which a program traps is deterministic. Accessed with the
 * initial-exec TLS model. */
extern __thread uintptr_t w2b_stack_limit;

/* Offsets the compiler relies on (mirrored in InstanceLayout.cpp). */
#define W2B_OFFSET_INSTANCE_MEM_BASE 0
#define W2B_OFFSET_INSTANCE_MEMORY 8
#define W2B_OFFSET_MEMORY_SIZE 8
#define W2B_OFFSET_MEMORY_PAGES 16
#define W2B_OFFSET_TABLE_ELEMS 0
#define W2B_OFFSET_TABLE_SIZE 8
#define W2B_OFFSET_FUNCREF_SIG 0
#define W2B_OFFSET_FUNCREF_CODE 8
#define W2B_OFFSET_FUNCREF_ENV 16
#define W2B_SIZEOF_FUNCREF 32
#define W2B_SIZEOF_VALUE 16
#define W2B_SIZEOF_TABLE 24
#define W2B_OFFSET_ELEM_REF 0
#define W2B_OFFSET_ELEM_SIG 8
#define W2B_OFFSET_ELEM_CODE 16
#define W2B_OFFSET_ELEM_ENV 24
#define W2B_SIZEOF_ELEM 32
/* A table kept in its instance has its initial elements this many bytes after
 * its w2b_table (which the instance places on a multiple of W2B_SIZEOF_ELEM),
 * so that no element straddles two cache lines. */
#define W2B_TABLE_INLINE_ELEMS 32
/* Tables up to this many elements keep their initial elements in the
 * instance; table.grow fails beyond it (a resource limit, not a Wasm one). */
#define W2B_MAX_TABLE_ELEMS 10000000u

#if defined(__cplusplus) || (defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L)
#ifdef __cplusplus
#define W2B_STATIC_ASSERT static_assert
#else
#define W2B_STATIC_ASSERT _Static_assert
#endif
W2B_STATIC_ASSERT(offsetof(struct w2b_instance, mem_base) == W2B_OFFSET_INSTANCE_MEM_BASE, "abi");
W2B_STATIC_ASSERT(offsetof(struct w2b_instance, memory) == W2B_OFFSET_INSTANCE_MEMORY, "abi");
W2B_STATIC_ASSERT(sizeof(struct w2b_instance) == 32, "abi");
W2B_STATIC_ASSERT(offsetof(w2b_memory, size) == W2B_OFFSET_MEMORY_SIZE, "abi");
W2B_STATIC_ASSERT(offsetof(w2b_memory, pages) == W2B_OFFSET_MEMORY_PAGES, "abi");
W2B_STATIC_ASSERT(offsetof(w2b_table, elems) == W2B_OFFSET_TABLE_ELEMS, "abi");
W2B_STATIC_ASSERT(offsetof(w2b_table, size) == W2B_OFFSET_TABLE_SIZE, "abi");
W2B_STATIC_ASSERT(offsetof(w2b_funcref, sig) == W2B_OFFSET_FUNCREF_SIG, "abi");
W2B_STATIC_ASSERT(offsetof(w2b_funcref, code) == W2B_OFFSET_FUNCREF_CODE, "abi");
W2B_STATIC_ASSERT(offsetof(w2b_funcref, env) == W2B_OFFSET_FUNCREF_ENV, "abi");
W2B_STATIC_ASSERT(sizeof(w2b_funcref) == W2B_SIZEOF_FUNCREF, "abi");
W2B_STATIC_ASSERT(sizeof(w2b_value) == W2B_SIZEOF_VALUE, "abi");
W2B_STATIC_ASSERT(sizeof(w2b_table) == W2B_SIZEOF_TABLE, "abi");
W2B_STATIC_ASSERT(offsetof(w2b_table_elem, ref) == W2B_OFFSET_ELEM_REF, "abi");
W2B_STATIC_ASSERT(offsetof(w2b_table_elem, sig) == W2B_OFFSET_ELEM_SIG, "abi");
W2B_STATIC_ASSERT(offsetof(w2b_table_elem, code) == W2B_OFFSET_ELEM_CODE, "abi");
W2B_STATIC_ASSERT(offsetof(w2b_table_elem, env) == W2B_OFFSET_ELEM_ENV, "abi");
W2B_STATIC_ASSERT(sizeof(w2b_table_elem) == W2B_SIZEOF_ELEM, "abi");
W2B_STATIC_ASSERT(sizeof(w2b_table) <= W2B_TABLE_INLINE_ELEMS, "abi");
#endif

#ifdef __cplusplus
}
#endif

#endif
