//===- TestModule.h - Hand-written modules for the runtime tests -*- C++
//-*-===//
//
// The runtime tests stand in for the compiler: a ModuleBuilder produces the
// descriptor wasm2bin would emit (layout computed as InstanceLayout does),
// and the "generated code" is C++ functions with the generated-code ABI,
//     R f(w2b_instance *inst, P...),
// reached through per-signature thunks that unpack w2b_value arrays.
//
//===----------------------------------------------------------------------===//
#ifndef WASM2BIN_TEST_RUNTIME_TESTMODULE_H
#define WASM2BIN_TEST_RUNTIME_TESTMODULE_H

#include "abi.h"
#include "w2b.h"

#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace w2btest {

// --- Values ------------------------------------------------------------------

template <typename T> T fromValue(const w2b_value &v) {
  if constexpr (std::is_same_v<T, int32_t>)
    return v.i32;
  else if constexpr (std::is_same_v<T, int64_t>)
    return v.i64;
  else if constexpr (std::is_same_v<T, float>)
    return v.f32;
  else if constexpr (std::is_same_v<T, double>)
    return v.f64;
  else
    return static_cast<T>(v.ref);
}

template <typename T> w2b_value toValue(T x) {
  w2b_value v;
  std::memset(&v, 0, sizeof(v));
  if constexpr (std::is_same_v<T, int32_t>)
    v.i32 = x;
  else if constexpr (std::is_same_v<T, int64_t>)
    v.i64 = x;
  else if constexpr (std::is_same_v<T, float>)
    v.f32 = x;
  else if constexpr (std::is_same_v<T, double>)
    v.f64 = x;
  else
    v.ref = x;
  return v;
}

inline w2b_value i32v(int32_t x) { return toValue(x); }
inline w2b_value i64v(int64_t x) { return toValue(x); }

// --- Thunks and adapters, as the compiler generates per signature ------------

template <typename R, typename... P> struct Sig {
  using Code = R (*)(w2b_instance *, P...);

  // Generic caller: code(env, args...) with results stored in results[0].
  static void thunk(void *code, void *env, const w2b_value *args,
                    w2b_value *results) {
    call(reinterpret_cast<Code>(code), static_cast<w2b_instance *>(env), args,
         results, std::index_sequence_for<P...>{});
  }

  // Typed adapter for a host-function import: env is a w2b_host_func.
  static R hostAdapter(void *env, P... p) {
    auto *host = static_cast<w2b_host_func *>(env);
    w2b_value args[sizeof...(P) + 1] = {toValue(p)...};
    w2b_value results[1];
    std::memset(results, 0, sizeof(results));
    host->fn(host->ctx, args, results);
    if constexpr (!std::is_void_v<R>)
      return fromValue<R>(results[0]);
  }

private:
  template <size_t... I>
  static void call(Code code, w2b_instance *inst, const w2b_value *args,
                   w2b_value *results, std::index_sequence<I...>) {
    if constexpr (std::is_void_v<R>) {
      (void)results;
      code(inst, fromValue<P>(args[I])...);
    } else {
      results[0] = toValue(code(inst, fromValue<P>(args[I])...));
    }
    (void)args;
  }
};

template <typename R, typename... P>
w2b_func_desc func(const char *sig, R (*fn)(w2b_instance *, P...)) {
  return w2b_func_desc{sig, reinterpret_cast<void *>(fn), &Sig<R, P...>::thunk};
}

// Calls a funcref directly, the way generated code calls an import or a
// table element: code(env, args...).
template <typename R, typename... P>
R callRef(const w2b_funcref *f, P... args) {
  return reinterpret_cast<R (*)(void *, P...)>(f->code)(f->env, args...);
}

// --- Constant expressions ----------------------------------------------------

inline w2b_const_expr constValue(uint8_t type, uint64_t lo, uint64_t hi = 0) {
  w2b_const_expr e{};
  e.kind = W2B_CONST_VALUE;
  e.type = type;
  e.bits[0] = lo;
  e.bits[1] = hi;
  return e;
}
inline w2b_const_expr i32c(int32_t v) {
  return constValue(W2B_I32, uint32_t(v));
}
inline w2b_const_expr i64c(int64_t v) {
  return constValue(W2B_I64, uint64_t(v));
}
inline w2b_const_expr refFunc(uint32_t idx) {
  w2b_const_expr e{};
  e.kind = W2B_CONST_REF_FUNC;
  e.type = W2B_FUNCREF;
  e.index = idx;
  return e;
}
inline w2b_const_expr refNull(uint8_t type = W2B_FUNCREF) {
  w2b_const_expr e{};
  e.kind = W2B_CONST_REF_NULL;
  e.type = type;
  return e;
}
inline w2b_const_expr globalGet(uint32_t idx, uint8_t type) {
  w2b_const_expr e{};
  e.kind = W2B_CONST_GLOBAL_GET;
  e.type = type;
  e.index = idx;
  return e;
}

inline w2b_limits limits(uint32_t min) { return w2b_limits{min, 0, 0}; }
inline w2b_limits limits(uint32_t min, uint32_t max) {
  return w2b_limits{min, max, 1};
}

// --- Module descriptors ------------------------------------------------------

class ModuleBuilder {
public:
  // Imports (in order; indices of each kind count imports first).
  void importFunc(const char *mod, const char *name, const char *sig,
                  w2b_thunk thunk, void *hostAdapter,
                  void *boundCode = nullptr) {
    w2b_import_desc d = importBase(mod, name, W2B_EXTERN_FUNC);
    d.sig = sig;
    d.thunk = thunk;
    d.host_adapter = hostAdapter;
    d.bound_code = boundCode;
    imports_.push_back(d);
  }
  template <typename R, typename... P>
  void importFunc(const char *mod, const char *name, const char *sig) {
    importFunc(mod, name, sig, &Sig<R, P...>::thunk,
               reinterpret_cast<void *>(&Sig<R, P...>::hostAdapter));
  }
  template <typename R, typename... P>
  void importBound(const char *mod, const char *name, const char *sig,
                   R (*code)(w2b_instance *, P...)) {
    importFunc(mod, name, sig, &Sig<R, P...>::thunk, nullptr,
               reinterpret_cast<void *>(code));
  }
  void importTable(const char *mod, const char *name, uint8_t elemType,
                   w2b_limits l) {
    w2b_import_desc d = importBase(mod, name, W2B_EXTERN_TABLE);
    d.type = elemType;
    d.limits = withNoMax(l, UINT32_MAX);
    imports_.push_back(d);
  }
  void importMemory(const char *mod, const char *name, w2b_limits l) {
    w2b_import_desc d = importBase(mod, name, W2B_EXTERN_MEMORY);
    d.limits = withNoMax(l, W2B_MAX_PAGES);
    imports_.push_back(d);
    hasMemory_ = memoryImported_ = true;
  }
  void importGlobal(const char *mod, const char *name, uint8_t type,
                    bool isMutable) {
    w2b_import_desc d = importBase(mod, name, W2B_EXTERN_GLOBAL);
    d.type = type;
    d.is_mutable = isMutable;
    imports_.push_back(d);
  }

  // Definitions; each returns its index in its index space.
  uint32_t addFunc(w2b_func_desc f) {
    funcs_.push_back(f);
    return count(W2B_EXTERN_FUNC) + uint32_t(funcs_.size()) - 1;
  }
  uint32_t addTable(uint8_t elemType, w2b_limits l) {
    tables_.push_back(w2b_table_desc{elemType, withNoMax(l, UINT32_MAX), 0});
    return count(W2B_EXTERN_TABLE) + uint32_t(tables_.size()) - 1;
  }
  void addMemory(w2b_limits l) {
    hasMemory_ = true;
    memoryLimits_ = withNoMax(l, W2B_MAX_PAGES);
  }
  // As --memory-base=fixed compiles it: memory 0 at W2B_FIXED_MEMORY_BASE.
  void setMemoryFixedBase() { memoryFixedBase_ = true; }
  uint32_t addGlobal(uint8_t type, bool isMutable, w2b_const_expr init) {
    globals_.push_back(w2b_global_desc{type, uint8_t(isMutable), init});
    return count(W2B_EXTERN_GLOBAL) + uint32_t(globals_.size()) - 1;
  }
  void exportAs(const std::string &name, uint8_t kind, uint32_t index) {
    exportNames_.push_back(std::make_unique<std::string>(name));
    exports_.push_back(
        w2b_export_desc{exportNames_.back()->c_str(), kind, index,
                        uint32_t(exportNames_.back()->size())});
  }
  uint32_t addElem(uint8_t mode, uint32_t table, w2b_const_expr offset,
                   std::vector<w2b_const_expr> items,
                   uint8_t elemType = W2B_FUNCREF) {
    elemItems_.push_back(
        std::make_unique<std::vector<w2b_const_expr>>(std::move(items)));
    const auto &v = *elemItems_.back();
    elems_.push_back(w2b_elem_desc{mode, elemType, table, offset,
                                   uint32_t(v.size()), v.data(), nullptr});
    return uint32_t(elems_.size()) - 1;
  }
  uint32_t addData(uint8_t mode, w2b_const_expr offset, std::string bytes) {
    dataBytes_.push_back(std::make_unique<std::string>(std::move(bytes)));
    const auto &b = *dataBytes_.back();
    datas_.push_back(
        w2b_data_desc{mode, offset, uint32_t(b.size()),
                      reinterpret_cast<const uint8_t *>(b.data())});
    return uint32_t(datas_.size()) - 1;
  }
  void setStart(uint32_t funcIndex) { start_ = funcIndex; }

  // The descriptor; valid while the builder lives and is not changed.
  const w2b_module *build() {
    w2b_module &m = module_;
    m = w2b_module{};
    m.name = "test";
    m.num_imports = uint32_t(imports_.size());
    m.imports = imports_.data();
    m.num_imported_funcs = count(W2B_EXTERN_FUNC);
    m.num_funcs = m.num_imported_funcs + uint32_t(funcs_.size());
    m.funcs = funcs_.data();
    m.num_imported_tables = count(W2B_EXTERN_TABLE);
    m.num_tables = m.num_imported_tables + uint32_t(tables_.size());
    m.tables = tables_.data();
    m.has_memory = hasMemory_;
    m.memory_imported = memoryImported_;
    m.memory_limits = memoryLimits_;
    m.num_imported_globals = count(W2B_EXTERN_GLOBAL);
    m.num_globals = m.num_imported_globals + uint32_t(globals_.size());
    m.globals = globals_.data();
    m.num_exports = uint32_t(exports_.size());
    m.exports = exports_.data();
    m.num_elems = uint32_t(elems_.size());
    m.elems = elems_.data();
    m.num_datas = uint32_t(datas_.size());
    m.datas = datas_.data();
    m.start = start_;
    m.memory_fixed_base = memoryFixedBase_;

    // As compiler/codegen/InstanceLayout.cpp computes it.
    uint32_t off = sizeof(w2b_instance);
    m.layout.funcs = off;
    off += 8 * m.num_funcs;
    m.layout.own_funcs = off;
    off += sizeof(w2b_funcref) * uint32_t(funcs_.size());
    m.layout.tables = off;
    off += 8 * m.num_tables;
    m.layout.imported_globals = off;
    off += 8 * m.num_imported_globals;
    off = (off + 15) / 16 * 16;
    m.layout.own_globals = off;
    off += sizeof(w2b_value) * uint32_t(globals_.size());
    m.layout.dropped = off;
    off += m.num_elems + m.num_datas;
    m.layout.size = (off + 15) / 16 * 16;
    return &module_;
  }

private:
  static w2b_import_desc importBase(const char *mod, const char *name,
                                    uint8_t kind) {
    w2b_import_desc d{};
    d.module = mod;
    d.name = name;
    d.kind = kind;
    return d;
  }
  static w2b_limits withNoMax(w2b_limits l, uint32_t noMax) {
    if (!l.has_max)
      l.max = noMax;
    return l;
  }
  uint32_t count(uint8_t kind) const {
    uint32_t n = 0;
    for (const auto &i : imports_)
      n += i.kind == kind;
    return n;
  }

  std::vector<w2b_import_desc> imports_;
  std::vector<w2b_func_desc> funcs_;
  std::vector<w2b_table_desc> tables_;
  std::vector<w2b_global_desc> globals_;
  std::vector<w2b_export_desc> exports_;
  std::vector<std::unique_ptr<std::string>> exportNames_;
  std::vector<w2b_elem_desc> elems_;
  std::vector<std::unique_ptr<std::vector<w2b_const_expr>>> elemItems_;
  std::vector<w2b_data_desc> datas_;
  std::vector<std::unique_ptr<std::string>> dataBytes_;
  bool hasMemory_ = false, memoryImported_ = false, memoryFixedBase_ = false;
  w2b_limits memoryLimits_{0, W2B_MAX_PAGES, 0};
  int64_t start_ = -1;
  w2b_module module_{};
};

// --- Instance internals, as generated code reaches them ----------------------

inline uint8_t *bytes(w2b_instance *inst) {
  return reinterpret_cast<uint8_t *>(inst);
}
inline w2b_funcref *funcAt(w2b_instance *inst, uint32_t i) {
  return reinterpret_cast<w2b_funcref **>(bytes(inst) +
                                          inst->module->layout.funcs)[i];
}
inline w2b_table *tableAt(w2b_instance *inst, uint32_t i) {
  return reinterpret_cast<w2b_table **>(bytes(inst) +
                                        inst->module->layout.tables)[i];
}
// What an element whose copied call target disagrees with its reference
// reads as through elemAt: comparisons of elements also check the copy.
inline void *const kBadElem = reinterpret_cast<void *>(uintptr_t(1));
// Table element i's reference, as table.get reads it, or kBadElem.
inline void *elemAt(const w2b_table *t, uint32_t i) {
  const w2b_table_elem &e = t->elems[i];
  const auto *f = t->elem_type == W2B_FUNCREF
                      ? static_cast<const w2b_funcref *>(e.ref)
                      : nullptr;
  bool consistent = e.sig == (f ? f->sig : nullptr) &&
                    e.code == (f ? f->code : nullptr) &&
                    e.env == (f ? f->env : nullptr);
  return consistent ? e.ref : kBadElem;
}
inline w2b_value *globalAt(w2b_instance *inst, uint32_t i) {
  const w2b_module *m = inst->module;
  if (i < m->num_imported_globals)
    return reinterpret_cast<w2b_value **>(bytes(inst) +
                                          m->layout.imported_globals)[i];
  return reinterpret_cast<w2b_value *>(bytes(inst) + m->layout.own_globals) +
         (i - m->num_imported_globals);
}

// --- Import resolution -------------------------------------------------------

class Resolver {
public:
  void add(const std::string &mod, const std::string &name, w2b_extern ext) {
    map_[mod + "." + name] = ext;
  }
  void addFunc(const std::string &mod, const std::string &name,
               w2b_funcref *f) {
    w2b_extern e{};
    e.kind = W2B_EXTERN_FUNC;
    e.func = f;
    add(mod, name, e);
  }
  void addHost(const std::string &mod, const std::string &name,
               w2b_host_func *h) {
    w2b_extern e{};
    e.kind = W2B_EXTERN_FUNC;
    e.host = h;
    add(mod, name, e);
  }
  void addTable(const std::string &mod, const std::string &name, w2b_table *t) {
    w2b_extern e{};
    e.kind = W2B_EXTERN_TABLE;
    e.table = t;
    add(mod, name, e);
  }
  void addMemory(const std::string &mod, const std::string &name,
                 w2b_memory *m) {
    w2b_extern e{};
    e.kind = W2B_EXTERN_MEMORY;
    e.memory = m;
    add(mod, name, e);
  }
  void addGlobal(const std::string &mod, const std::string &name,
                 w2b_value *cell, uint8_t type, bool isMutable) {
    w2b_extern e{};
    e.kind = W2B_EXTERN_GLOBAL;
    e.global = cell;
    e.global_type = type;
    e.global_mutable = isMutable;
    add(mod, name, e);
  }

  static int resolve(void *ctx, const char *mod, const char *name,
                     w2b_extern *out) {
    auto *self = static_cast<Resolver *>(ctx);
    auto it = self->map_.find(std::string(mod) + "." + name);
    if (it == self->map_.end())
      return 0;
    *out = it->second;
    return 1;
  }

private:
  std::map<std::string, w2b_extern> map_;
};

// Owns an instance for the duration of a test.
struct InstancePtr {
  w2b_instance *inst = nullptr;
  InstancePtr() = default;
  InstancePtr(const InstancePtr &) = delete;
  InstancePtr &operator=(const InstancePtr &) = delete;
  ~InstancePtr() { w2b_free_instance(inst); }
  w2b_instance *operator->() const { return inst; }
  w2b_instance *get() const { return inst; }
};

inline w2b_status instantiate(const w2b_module *m, InstancePtr &out,
                              Resolver *r = nullptr, w2b_error *err = nullptr) {
  w2b_error local;
  return w2b_instantiate(m, r ? &Resolver::resolve : nullptr, r, &out.inst,
                         err ? err : &local);
}

// The funcref an export names (null if none).
inline w2b_funcref *exportedFunc(w2b_instance *inst, const char *name) {
  w2b_extern e;
  if (!w2b_lookup_export(inst, name, &e) || e.kind != W2B_EXTERN_FUNC)
    return nullptr;
  return e.func;
}

} // namespace w2btest

#endif
