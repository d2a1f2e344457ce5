//===- Table.cpp - Tables and the table builtins
//---------------------------===//
//
// A table is an array of w2b_table_elem: each reference (w2b_funcref* or
// opaque externref, NULL for ref.null) with a copy of a funcref's call
// target, which only tableSet writes. table.grow reallocates the array, so
// generated code reloads `elems` after any call. Element segments are
// evaluated when used: their items are constant expressions whose results
// cannot change (ref.func, ref.null, global.get of an immutable global).
//
//===----------------------------------------------------------------------===//
#include "Internal.h"

#include <string.h>

namespace w2b {
namespace {

// A resource limit, not a Wasm one: table.grow beyond it fails with -1.
constexpr uint32_t kMaxTableElems = W2B_MAX_TABLE_ELEMS;

bool inBounds(uint64_t start, uint64_t n, uint64_t size) {
  return start <= size && n <= size - start;
}

w2b_table *tableAt(w2b_instance *inst, uint32_t index) {
  if (index >= inst->module->num_tables)
    return nullptr;
  return instanceTables(inst)[index];
}

} // namespace

// Initial elements live 32 bytes after the w2b_table; growing moves them to
// pages of their own. (The compiler mirrors this layout in
// InstanceLayout::compute and relies on it for tables of fixed size.)
w2b_table_elem *inlineElems(w2b_table *table) {
  return reinterpret_cast<w2b_table_elem *>(
      reinterpret_cast<uint8_t *>(table) + W2B_TABLE_INLINE_ELEMS);
}

size_t elemBytes(uint64_t n) { return size_t(n) * sizeof(w2b_table_elem); }

size_t tableStorageSize(const w2b_limits &limits) {
  size_t elems = limits.min <= kMaxTableElems ? limits.min : 0;
  return W2B_TABLE_INLINE_ELEMS + elemBytes(elems);
}

void tableSet(w2b_table *table, uint32_t i, void *ref) {
  w2b_table_elem &e = table->elems[i];
  e.ref = ref;
  const auto *f = table->elem_type == W2B_FUNCREF
                      ? static_cast<const w2b_funcref *>(ref)
                      : nullptr;
  e.sig = f ? f->sig : nullptr;
  e.code = f ? f->code : nullptr;
  e.env = f ? f->env : nullptr;
}

bool tableCreate(w2b_table *table, uint8_t elemType, const w2b_limits &limits,
                 bool inlineElements) {
  if (limits.min > kMaxTableElems ||
      (limits.has_max && limits.max < limits.min))
    return false;
  table->elems = nullptr; // while the size is 0
  if (limits.min) {
    table->elems = inlineElements ? inlineElems(table)
                                  : static_cast<w2b_table_elem *>(
                                        pageAlloc(elemBytes(limits.min)));
    if (!table->elems)
      return false;
  }
  table->size = limits.min;
  table->max = limits.has_max ? limits.max : UINT32_MAX;
  table->elem_type = elemType;
  table->has_max = limits.has_max ? 1 : 0;
  return true;
}

void tableDestroy(w2b_table *table) {
  if (table->elems != inlineElems(table))
    pageFree(table->elems, elemBytes(table->size));
  table->elems = nullptr;
  table->size = 0;
}

bool tableInit(w2b_instance *inst, uint32_t tableIndex, uint32_t seg,
               uint32_t dst, uint32_t src, uint32_t n) {
  const w2b_module *m = inst->module;
  w2b_table *table = tableAt(inst, tableIndex);
  if (!table || seg >= m->num_elems)
    return false;
  const w2b_elem_desc &e = m->elems[seg];
  uint32_t len = instanceDropped(inst)[seg] ? 0 : e.count;
  if (!inBounds(src, n, len) || !inBounds(dst, n, table->size))
    return false;
  if (e.func_items) {
    w2b_funcref **funcs = instanceFuncs(inst);
    for (uint32_t i = 0; i < n; ++i) {
      uint32_t f = e.func_items[src + i];
      tableSet(table, dst + i, f < m->num_funcs ? funcs[f] : nullptr);
    }
    return true;
  }
  for (uint32_t i = 0; i < n; ++i)
    tableSet(table, dst + i, evalConst(inst, e.items[src + i]).ref);
  return true;
}

} // namespace w2b

using namespace w2b;

extern "C" {

w2b_table *w2b_new_table(uint8_t elemType, const w2b_limits *limits) {
  auto *table = static_cast<w2b_table *>(pageAlloc(sizeof(w2b_table)));
  if (table && !tableCreate(table, elemType, *limits, false)) {
    pageFree(table, sizeof(w2b_table));
    return nullptr;
  }
  return table;
}

uint32_t w2b_grow_table(w2b_table *table, uint32_t delta, void *init) {
  uint32_t old = table->size;
  uint64_t limit = table->max < kMaxTableElems ? table->max : kMaxTableElems;
  uint64_t want = uint64_t(old) + delta;
  if (want > limit)
    return UINT32_MAX;
  if (delta == 0)
    return old;
  size_t oldBytes = elemBytes(old), newBytes = elemBytes(want);
  w2b_table_elem *elems;
  if (table->elems && table->elems == inlineElems(table)) {
    // The initial storage cannot grow: move to pages of our own.
    elems = static_cast<w2b_table_elem *>(pageAlloc(newBytes));
    if (elems)
      memcpy(elems, table->elems, oldBytes);
  } else {
    // Page-granular: most grows stay within the pages already mapped.
    elems = static_cast<w2b_table_elem *>(
        pageRealloc(table->elems, oldBytes, newBytes));
  }
  if (!elems)
    return UINT32_MAX;
  table->elems = elems;
  table->size = uint32_t(want);
  for (uint64_t i = old; i < want; ++i)
    tableSet(table, uint32_t(i), init);
  return old;
}

void *w2b_table_get(const w2b_table *table, uint32_t i) {
  return i < table->size ? table->elems[i].ref : nullptr;
}

int w2b_table_set(w2b_table *table, uint32_t i, void *ref) {
  if (i >= table->size)
    return 0;
  tableSet(table, i, ref);
  return 1;
}

void w2b_free_table(w2b_table *table) {
  if (!table)
    return;
  tableDestroy(table);
  pageFree(table, sizeof(w2b_table));
}

// --- Builtins ----------------------------------------------------------------

void w2b_table_init(w2b_instance *inst, uint32_t table, uint32_t seg,
                    uint32_t dst, uint32_t src, uint32_t n) {
  if (!tableInit(inst, table, seg, dst, src, n))
    w2b_trap(W2B_TRAP_OOB_TABLE);
}

void w2b_elem_drop(w2b_instance *inst, uint32_t seg) {
  if (seg < inst->module->num_elems)
    instanceDropped(inst)[seg] = 1;
}

void w2b_table_copy(w2b_instance *inst, uint32_t dstTable, uint32_t srcTable,
                    uint32_t dst, uint32_t src, uint32_t n) {
  w2b_table *d = tableAt(inst, dstTable), *s = tableAt(inst, srcTable);
  if (!d || !s || !inBounds(dst, n, d->size) || !inBounds(src, n, s->size))
    w2b_trap(W2B_TRAP_OOB_TABLE);
  if (n)
    memmove(d->elems + dst, s->elems + src, elemBytes(n));
}

uint32_t w2b_table_grow(w2b_instance *inst, uint32_t table, void *init,
                        uint32_t delta) {
  w2b_table *t = tableAt(inst, table);
  return t ? w2b_grow_table(t, delta, init) : UINT32_MAX;
}

void w2b_table_fill(w2b_instance *inst, uint32_t table, uint32_t i, void *ref,
                    uint32_t n) {
  w2b_table *t = tableAt(inst, table);
  if (!t || !inBounds(i, n, t->size))
    w2b_trap(W2B_TRAP_OOB_TABLE);
  for (uint32_t k = 0; k < n; ++k)
    tableSet(t, i + k, ref);
}

} // extern "C"
