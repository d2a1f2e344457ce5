//===- Internal.h - Shared by the runtime's source files --------*- C++ -*-===//
//
// Private to runtime/ and wasi-libc-shim/: accessors for the module-specific
// tail of an instance (offsets from w2b_layout), helpers between the runtime's
// files, and the tiny output routine used instead of stdio.
//
//===----------------------------------------------------------------------===//
#ifndef WASM2BIN_RUNTIME_INTERNAL_H
#define WASM2BIN_RUNTIME_INTERNAL_H

#include "builtins.h"
#include "w2b.h"

#include <stdint.h>

extern "C" {
// The thunk of funcrefs that wrap a w2b_host_func (env): calls its fn with
// the packed values as they are.
void w2b_host_thunk(void *code, void *env, const w2b_value *args,
                    w2b_value *results);
}

namespace w2b {

// --- Instance tail (see w2b_layout in abi.h) --------------------------------

inline uint8_t *instanceBytes(w2b_instance *inst) {
  return reinterpret_cast<uint8_t *>(inst);
}

inline w2b_funcref **instanceFuncs(w2b_instance *inst) {
  return reinterpret_cast<w2b_funcref **>(instanceBytes(inst) +
                                          inst->module->layout.funcs);
}

inline w2b_funcref *instanceOwnFuncs(w2b_instance *inst) {
  return reinterpret_cast<w2b_funcref *>(instanceBytes(inst) +
                                         inst->module->layout.own_funcs);
}

inline w2b_table **instanceTables(w2b_instance *inst) {
  return reinterpret_cast<w2b_table **>(instanceBytes(inst) +
                                        inst->module->layout.tables);
}

inline w2b_value **instanceImportedGlobals(w2b_instance *inst) {
  return reinterpret_cast<w2b_value **>(instanceBytes(inst) +
                                        inst->module->layout.imported_globals);
}

inline w2b_value *instanceOwnGlobals(w2b_instance *inst) {
  return reinterpret_cast<w2b_value *>(instanceBytes(inst) +
                                       inst->module->layout.own_globals);
}

// The cell of global `index` (imported or own), or null if out of range.
inline w2b_value *instanceGlobal(w2b_instance *inst, uint32_t index) {
  const w2b_module *m = inst->module;
  if (index < m->num_imported_globals)
    return instanceImportedGlobals(inst)[index];
  if (index < m->num_globals)
    return &instanceOwnGlobals(inst)[index - m->num_imported_globals];
  return nullptr;
}

// Dropped flags: element segments first, then data segments.
inline uint8_t *instanceDropped(w2b_instance *inst) {
  return instanceBytes(inst) + inst->module->layout.dropped;
}

// Evaluates a constant expression in the context of `inst` (whose funcs and
// imported globals are already set).
w2b_value evalConst(w2b_instance *inst, const w2b_const_expr &e);

// --- Pages.cpp -------------------------------------------------------------

// Zero-filled, page-granular allocations (mmap); null on failure or for 0
// bytes. pageRealloc and pageFree take the size the block was allocated with;
// growing keeps the contents and zero-fills the rest.
void *pageAlloc(size_t bytes);
void *pageRealloc(void *p, size_t oldBytes, size_t newBytes);
void pageFree(void *p, size_t bytes);

// --- Memory.cpp ----------------------------------------------------------

// Whether `addr` lies in the address space reserved for some live memory.
// Async-signal-safe.
bool isInMemoryReservation(uintptr_t addr);
// A new memory; with atFixedBase at W2B_FIXED_MEMORY_BASE. nullptr on failure,
// with errno EEXIST if that range is taken (w2b_new_memory is
// newMemory(limits, false)).
w2b_memory *newMemory(const w2b_limits *limits, bool atFixedBase);

// Applies data segment `seg` at memory offset `dst` (from `src`, `n` bytes).
// Returns false, writing nothing, if out of bounds.
bool memoryInit(w2b_instance *inst, uint32_t seg, uint32_t dst, uint32_t src,
                uint32_t n);

// --- Table.cpp -----------------------------------------------------------

// Bytes an instance sets aside for one of its tables: the w2b_table with its
// initial elements W2B_TABLE_INLINE_ELEMS bytes after it, so that the table
// costs no allocation of its own until it grows.
size_t tableStorageSize(const w2b_limits &limits);
// Sets up `table` (storage owned by the caller) with `limits.min` null
// elements: inside that storage if `inlineElements` (tableStorageSize bytes of
// zeroed storage), else in pages of their own. False if the limits are
// invalid or too large, or allocation fails.
bool tableCreate(w2b_table *table, uint8_t elemType, const w2b_limits &limits,
                 bool inlineElements);
// Releases the elements a table allocated (not the table's own storage).
void tableDestroy(w2b_table *table);
// Writes element i (< size): the reference and, in a funcref table, a copy
// of its call target (all zero for NULL).
void tableSet(w2b_table *table, uint32_t i, void *ref);

// table.init without trapping: false, writing nothing, if out of bounds.
bool tableInit(w2b_instance *inst, uint32_t table, uint32_t seg, uint32_t dst,
               uint32_t src, uint32_t n);

// --- Signals.cpp ---------------------------------------------------------

// Installs the fault handlers (once per process) and the alternate signal
// stack (once per thread). Cheap after the first call on a thread.
void prepareThreadForWasm();

// Installs the fault handlers only (once per process): done as soon as a
// memory exists, so that a guard-region fault is a trap even outside
// w2b_invoke.
void installSignalHandlers();

// --- Trap.cpp --------------------------------------------------------------

// Whether the current thread is inside w2b_invoke.
bool insideWasm();

// Raises a trap from a signal handler: unblocks `sig` first (the jump
// buffers do not save the signal mask), then behaves as w2b_trap.
[[noreturn]] void trapFromSignal(int sig, w2b_trap_kind kind);

// Writes "<prefix><message>\n" to stderr with one write(2).
void reportError(const char *prefix, const char *message);

// Bounded string copy that always terminates `dst` (size > 0).
void copyString(char *dst, size_t size, const char *a, const char *b = nullptr,
                const char *c = nullptr, const char *d = nullptr);

} // namespace w2b

#endif
