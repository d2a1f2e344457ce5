//===- Instance.cpp - Instantiation, exports and freeing ------------------===//
//
// w2b_instantiate follows the spec's instantiation (Wasm 2.0, 4.5.4):
//   1. resolve and type-check every import (nothing is allocated before all
//      of them link);
//   2. allocate the instance: the w2b_instance header, the module's tail
//      (layout from the descriptor) and, after it, what the runtime keeps
//      per instance: the funcrefs of imported functions this instance
//      creates (bound WASI functions, host functions) and its own tables;
//   3. functions, globals, tables, memory;
//   4. active element segments in order, then active data segments in order
//      (a trap stops there; earlier writes stay, as the spec requires);
//   5. the start function, through w2b_invoke.
//
//===----------------------------------------------------------------------===//
#include "Internal.h"

#include <errno.h>
#include <string.h>

namespace w2b {

w2b_value evalConst(w2b_instance *inst, const w2b_const_expr &e) {
  w2b_value v;
  memset(&v, 0, sizeof(v));
  switch (e.kind) {
  case W2B_CONST_VALUE:
    static_assert(sizeof(e.bits) == sizeof(v), "bits hold a whole value");
    memcpy(&v, e.bits, sizeof(v));
    break;
  case W2B_CONST_REF_NULL:
    break;
  case W2B_CONST_REF_FUNC:
    if (e.index < inst->module->num_funcs)
      v.ref = instanceFuncs(inst)[e.index];
    break;
  case W2B_CONST_GLOBAL_GET:
    if (w2b_value *cell = instanceGlobal(inst, e.index))
      v = *cell;
    break;
  default:
    break;
  }
  return v;
}

namespace {

size_t alignUp(size_t n, size_t a) { return (n + a - 1) / a * a; }

// After the module's tail: funcrefs of imported functions, then own tables.
size_t importRefsOffset(const w2b_module *m) {
  size_t size = m->layout.size;
  return alignUp(size < sizeof(w2b_instance) ? sizeof(w2b_instance) : size, 16);
}

// Aligned so that no table element straddles two cache lines.
size_t ownTablesOffset(const w2b_module *m) {
  return alignUp(importRefsOffset(m) +
                     size_t(m->num_imported_funcs) * sizeof(w2b_funcref),
                 W2B_SIZEOF_ELEM);
}

// Own tables follow one another, each with its initial elements.
size_t allocationSize(const w2b_module *m) {
  size_t size = ownTablesOffset(m);
  for (uint32_t j = 0; j < m->num_tables - m->num_imported_tables; ++j)
    size += tableStorageSize(m->tables[j].limits);
  return size;
}

w2b_funcref *importRefs(w2b_instance *inst) {
  return reinterpret_cast<w2b_funcref *>(instanceBytes(inst) +
                                         importRefsOffset(inst->module));
}

// Calls visit(table j, own table j's storage) for each own table.
template <typename Visit>
void forEachOwnTable(w2b_instance *inst, Visit visit) {
  const w2b_module *m = inst->module;
  uint8_t *storage = instanceBytes(inst) + ownTablesOffset(m);
  for (uint32_t j = 0; j < m->num_tables - m->num_imported_tables; ++j) {
    visit(j, reinterpret_cast<w2b_table *>(storage));
    storage += tableStorageSize(m->tables[j].limits);
  }
}

w2b_status fail(w2b_error *err, w2b_status status, const char *a,
                const char *b = nullptr, const char *c = nullptr,
                const char *d = nullptr) {
  copyString(err->message, sizeof(err->message), a, b, c, d);
  return status;
}

w2b_status linkError(w2b_error *err, const char *what,
                     const w2b_import_desc &imp) {
  return fail(err, W2B_LINK_ERROR, what, imp.module, ".", imp.name);
}

// The descriptor is generated, but a corrupt one must not make us write
// outside the instance: check that the tail's parts fit.
bool descriptorIsSane(const w2b_module *m) {
  const w2b_layout &l = m->layout;
  if (m->num_imported_funcs > m->num_funcs ||
      m->num_imported_tables > m->num_tables ||
      m->num_imported_globals > m->num_globals)
    return false;
  auto fits = [&](uint32_t offset, uint64_t bytes, uint32_t align) {
    return bytes == 0 || (offset >= sizeof(w2b_instance) &&
                          offset % align == 0 && offset + bytes <= l.size);
  };
  if (!fits(l.funcs, 8ull * m->num_funcs, 8) ||
      !fits(l.own_funcs,
            uint64_t(sizeof(w2b_funcref)) *
                (m->num_funcs - m->num_imported_funcs),
            8) ||
      !fits(l.tables, 8ull * m->num_tables, 8) ||
      !fits(l.imported_globals, 8ull * m->num_imported_globals, 8) ||
      !fits(l.own_globals,
            uint64_t(sizeof(w2b_value)) *
                (m->num_globals - m->num_imported_globals),
            8) ||
      !fits(l.dropped, uint64_t(m->num_elems) + m->num_datas, 1))
    return false;
  // Generated code addresses a table of fixed size at the offset the compiler
  // computed (0: not relied on); it must be where this runtime puts it.
  size_t at = ownTablesOffset(m);
  for (uint32_t j = 0; j < m->num_tables - m->num_imported_tables; ++j) {
    if (m->tables[j].offset && m->tables[j].offset != at)
      return false;
    at += tableStorageSize(m->tables[j].limits);
  }
  uint32_t counts[4] = {0, 0, 0, 0};
  for (uint32_t i = 0; i < m->num_imports; ++i) {
    if (m->imports[i].kind > W2B_EXTERN_GLOBAL)
      return false;
    ++counts[m->imports[i].kind];
  }
  return counts[W2B_EXTERN_FUNC] == m->num_imported_funcs &&
         counts[W2B_EXTERN_TABLE] == m->num_imported_tables &&
         counts[W2B_EXTERN_MEMORY] == (m->memory_imported ? 1u : 0u) &&
         counts[W2B_EXTERN_GLOBAL] == m->num_imported_globals &&
         (!m->memory_imported || m->has_memory);
}

// Limits subtyping (spec 4.5.2): the provided size is at least the declared
// minimum, and if a maximum is declared, the provided one exists and is not
// larger.
bool limitsMatch(uint32_t size, bool hasMax, uint32_t max,
                 const w2b_limits &declared) {
  if (size < declared.min)
    return false;
  return !declared.has_max || (hasMax && max <= declared.max);
}

bool importMatches(const w2b_import_desc &imp, const w2b_extern &ext) {
  if (ext.kind != imp.kind)
    return false;
  switch (imp.kind) {
  case W2B_EXTERN_FUNC:
    if (ext.func)
      return w2b_sig_equal(const_cast<char *>(ext.func->sig),
                           const_cast<char *>(imp.sig));
    return ext.host && imp.host_adapter &&
           w2b_sig_equal(const_cast<char *>(ext.host->sig),
                         const_cast<char *>(imp.sig));
  case W2B_EXTERN_TABLE:
    return ext.table && ext.table->elem_type == imp.type &&
           limitsMatch(ext.table->size, ext.table->has_max, ext.table->max,
                       imp.limits);
  case W2B_EXTERN_MEMORY:
    return ext.memory && limitsMatch(ext.memory->pages, ext.memory->has_max,
                                     ext.memory->max_pages, imp.limits);
  case W2B_EXTERN_GLOBAL:
    return ext.global && ext.global_type == imp.type &&
           ext.global_mutable == imp.is_mutable;
  default:
    return false;
  }
}

const w2b_import_desc *firstUnboundImport(const w2b_module *m) {
  for (uint32_t i = 0; i < m->num_imports; ++i)
    if (m->imports[i].kind != W2B_EXTERN_FUNC || !m->imports[i].bound_code)
      return &m->imports[i];
  return nullptr;
}

// Step 1: every import that is not bound at compile time, resolved and
// checked into `resolved` (indexed like m->imports).
w2b_status resolveImports(const w2b_module *m, w2b_resolver resolve, void *ctx,
                          w2b_extern *resolved, w2b_error *err) {
  for (uint32_t i = 0; i < m->num_imports; ++i) {
    const w2b_import_desc &imp = m->imports[i];
    if (imp.kind == W2B_EXTERN_FUNC && imp.bound_code)
      continue;
    w2b_extern &ext = resolved[i];
    if (!resolve || !resolve(ctx, imp.module, imp.name, &ext))
      return linkError(err, "unknown import: ", imp);
    if (!importMatches(imp, ext))
      return linkError(err, "incompatible import type: ", imp);
  }
  return W2B_OK;
}

// Step 3. Returns W2B_OK or W2B_RESOURCE_ERROR (with the message set).
// `resolved` is null if every import is bound.
w2b_status initEntities(w2b_instance *inst, const w2b_extern *resolved,
                        w2b_error *err) {
  const w2b_module *m = inst->module;
  w2b_funcref **funcs = instanceFuncs(inst);
  w2b_funcref *refs = importRefs(inst);
  w2b_table **tables = instanceTables(inst);
  w2b_value **importedGlobals = instanceImportedGlobals(inst);
  uint32_t nFunc = 0, nTable = 0, nGlobal = 0;

  for (uint32_t i = 0; i < m->num_imports; ++i) {
    const w2b_import_desc &imp = m->imports[i];
    if (imp.kind == W2B_EXTERN_FUNC && imp.bound_code) {
      refs[nFunc] = w2b_funcref{imp.sig, imp.bound_code, inst, imp.thunk};
      funcs[nFunc] = &refs[nFunc];
      ++nFunc;
      continue;
    }
    // Not bound: resolveImports filled resolved[i].
    const w2b_extern &ext = resolved[i];
    switch (imp.kind) {
    case W2B_EXTERN_FUNC:
      if (ext.func) {
        funcs[nFunc] = ext.func;
      } else {
        refs[nFunc] =
            w2b_funcref{imp.sig, imp.host_adapter, ext.host, w2b_host_thunk};
        funcs[nFunc] = &refs[nFunc];
      }
      ++nFunc;
      break;
    case W2B_EXTERN_TABLE:
      tables[nTable++] = ext.table;
      break;
    case W2B_EXTERN_MEMORY:
      inst->memory = ext.memory;
      break;
    case W2B_EXTERN_GLOBAL:
      importedGlobals[nGlobal++] = ext.global;
      break;
    }
  }

  w2b_funcref *own = instanceOwnFuncs(inst);
  for (uint32_t j = 0; j < m->num_funcs - m->num_imported_funcs; ++j) {
    const w2b_func_desc &f = m->funcs[j];
    own[j] = w2b_funcref{f.sig, f.code, inst, f.thunk};
    funcs[m->num_imported_funcs + j] = &own[j];
  }

  // Own globals may read imported globals and take ref.func.
  w2b_value *cells = instanceOwnGlobals(inst);
  for (uint32_t j = 0; j < m->num_globals - m->num_imported_globals; ++j)
    cells[j] = evalConst(inst, m->globals[j].init);

  bool tablesOk = true;
  forEachOwnTable(inst, [&](uint32_t j, w2b_table *table) {
    const w2b_table_desc &t = m->tables[j];
    if (tablesOk && tableCreate(table, t.elem_type, t.limits, true))
      tables[m->num_imported_tables + j] = table;
    else
      tablesOk = false;
  });
  if (!tablesOk)
    return fail(err, W2B_RESOURCE_ERROR, "cannot allocate table");

  if (m->has_memory && !m->memory_imported) {
    inst->memory = newMemory(&m->memory_limits, m->memory_fixed_base);
    if (!inst->memory && m->memory_fixed_base && errno == EEXIST)
      return fail(err, W2B_RESOURCE_ERROR,
                  "memory's fixed address is taken (compiled with "
                  "--memory-base=fixed: one instance per process)");
    if (!inst->memory)
      return fail(err, W2B_RESOURCE_ERROR,
                  "cannot reserve address space for memory");
  }
  inst->mem_base = inst->memory ? inst->memory->base : nullptr;
  return W2B_OK;
}

// Step 4. W2B_TRAP_NONE, or the trap that stopped it.
w2b_trap_kind applySegments(w2b_instance *inst) {
  const w2b_module *m = inst->module;
  uint8_t *dropped = instanceDropped(inst);
  for (uint32_t i = 0; i < m->num_elems; ++i) {
    const w2b_elem_desc &e = m->elems[i];
    if (e.mode == W2B_SEGMENT_ACTIVE) {
      auto offset = uint32_t(evalConst(inst, e.offset).i32);
      if (!tableInit(inst, e.table, i, offset, 0, e.count))
        return W2B_TRAP_OOB_TABLE;
    }
    if (e.mode != W2B_SEGMENT_PASSIVE)
      dropped[i] = 1;
  }
  for (uint32_t i = 0; i < m->num_datas; ++i) {
    const w2b_data_desc &d = m->datas[i];
    if (d.mode != W2B_SEGMENT_ACTIVE)
      continue;
    auto offset = uint32_t(evalConst(inst, d.offset).i32);
    if (!memoryInit(inst, i, offset, 0, d.size))
      return W2B_TRAP_OOB_MEMORY;
    dropped[m->num_elems + i] = 1;
  }
  return W2B_TRAP_NONE;
}

w2b_status trapped(w2b_error *err, w2b_trap_kind kind) {
  err->trap = kind;
  return fail(err, W2B_TRAPPED, w2b_trap_message(kind));
}

} // namespace
} // namespace w2b

using namespace w2b;

extern "C" {

w2b_status w2b_instantiate(const w2b_module *m, w2b_resolver resolve,
                           void *resolveCtx, w2b_instance **out,
                           w2b_error *errOut) {
  w2b_error scratch;
  w2b_error *err = errOut ? errOut : &scratch;
  err->trap = W2B_TRAP_NONE;
  err->message[0] = '\0';
  w2b_instance *discard;
  if (!out)
    out = &discard;
  *out = nullptr;
  if (!m || !descriptorIsSane(m))
    return fail(err, W2B_LINK_ERROR, "malformed module descriptor");

  // Imports not bound at compile time go through the resolver into
  // `resolved` (indexed like m->imports), which is not needed, and not
  // allocated, when every import is bound: a command's case.
  w2b_extern *resolved = nullptr;
  size_t resolvedBytes = size_t(m->num_imports) * sizeof(w2b_extern);
  if (const w2b_import_desc *unbound = firstUnboundImport(m)) {
    if (!resolve)
      return linkError(err, "unknown import: ", *unbound);
    resolved = static_cast<w2b_extern *>(pageAlloc(resolvedBytes));
    if (!resolved)
      return fail(err, W2B_RESOURCE_ERROR, "out of memory");
    w2b_status s = resolveImports(m, resolve, resolveCtx, resolved, err);
    if (s != W2B_OK) {
      pageFree(resolved, resolvedBytes);
      return s;
    }
  }

  auto *inst = static_cast<w2b_instance *>(pageAlloc(allocationSize(m)));
  if (!inst) {
    pageFree(resolved, resolvedBytes);
    return fail(err, W2B_RESOURCE_ERROR, "out of memory");
  }
  inst->module = m;
  w2b_status s = initEntities(inst, resolved, err);
  pageFree(resolved, resolvedBytes);
  if (s != W2B_OK) {
    w2b_free_instance(inst);
    return s;
  }

  *out = inst;
  if (w2b_trap_kind k = applySegments(inst))
    return trapped(err, k);
  if (m->start >= 0 && uint64_t(m->start) < m->num_funcs) {
    if (w2b_trap_kind k =
            w2b_invoke(instanceFuncs(inst)[m->start], nullptr, nullptr))
      return trapped(err, k);
  }
  return W2B_OK;
}

void w2b_free_instance(w2b_instance *inst) {
  if (!inst)
    return;
  const w2b_module *m = inst->module;
  forEachOwnTable(inst,
                  [](uint32_t, w2b_table *table) { tableDestroy(table); });
  if (m->has_memory && !m->memory_imported)
    w2b_free_memory(inst->memory);
  pageFree(inst, allocationSize(m));
}

int w2b_lookup_export(w2b_instance *inst, const char *name, w2b_extern *out) {
  return w2b_lookup_export_n(inst, name, strlen(name), out);
}

int w2b_lookup_export_n(w2b_instance *inst, const char *name, size_t len,
                        w2b_extern *out) {
  const w2b_module *m = inst->module;
  for (uint32_t i = 0; i < m->num_exports; ++i) {
    const w2b_export_desc &e = m->exports[i];
    if (e.name_len != len || memcmp(e.name, name, len) != 0)
      continue;
    memset(out, 0, sizeof(*out));
    out->kind = e.kind;
    switch (e.kind) {
    case W2B_EXTERN_FUNC:
      if (e.index >= m->num_funcs)
        return 0;
      out->func = instanceFuncs(inst)[e.index];
      return 1;
    case W2B_EXTERN_TABLE:
      if (e.index >= m->num_tables)
        return 0;
      out->table = instanceTables(inst)[e.index];
      return 1;
    case W2B_EXTERN_MEMORY:
      out->memory = inst->memory;
      return out->memory != nullptr;
    case W2B_EXTERN_GLOBAL: {
      out->global = instanceGlobal(inst, e.index);
      if (!out->global)
        return 0;
      if (e.index >= m->num_imported_globals) {
        const w2b_global_desc &g =
            m->globals[e.index - m->num_imported_globals];
        out->global_type = g.type;
        out->global_mutable = g.is_mutable;
        return 1;
      }
      uint32_t seen = 0;
      for (uint32_t k = 0; k < m->num_imports; ++k) {
        const w2b_import_desc &imp = m->imports[k];
        if (imp.kind == W2B_EXTERN_GLOBAL && seen++ == e.index) {
          out->global_type = imp.type;
          out->global_mutable = imp.is_mutable;
          return 1;
        }
      }
      return 0;
    }
    default:
      return 0;
    }
  }
  return 0;
}

} // extern "C"
