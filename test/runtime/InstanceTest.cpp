//===- InstanceTest.cpp - Instantiation, imports, exports, link errors ----===//
#include "TestModule.h"

#include "Internal.h" // w2b_host_thunk

#include <gtest/gtest.h>

#include <cstring>
#include <string>

using namespace w2btest;

namespace {

int32_t add(w2b_instance *, int32_t a, int32_t b) { return a + b; }
int32_t answer(w2b_instance *) { return 42; }
int64_t wide(w2b_instance *, int64_t x) { return x * 3; }
float half(w2b_instance *, float x) { return x / 2; }
double twice(w2b_instance *, double x) { return x * 2; }
void nop(w2b_instance *) {}
void unreachable(w2b_instance *) { w2b_trap(W2B_TRAP_UNREACHABLE); }

// Calls import 0 (an "ii:i" function) the way generated code does.
int32_t callImport0(w2b_instance *inst, int32_t a, int32_t b) {
  return callRef<int32_t>(funcAt(inst, 0), a, b);
}

// call_indirect (type "ii:i") through table 0, with the generated checks.
int32_t callIndirect(w2b_instance *inst, int32_t a, int32_t b, int32_t idx) {
  w2b_table *t = tableAt(inst, 0);
  if (uint32_t(idx) >= t->size)
    w2b_trap(W2B_TRAP_UNDEFINED_ELEMENT);
  const w2b_table_elem &e = t->elems[idx]; // the copied call target
  if (!e.ref)
    w2b_trap(W2B_TRAP_UNINITIALIZED_ELEMENT);
  static const char expected[] = "ii:i";
  if (!w2b_sig_equal(const_cast<char *>(e.sig), const_cast<char *>(expected)))
    w2b_trap(W2B_TRAP_INDIRECT_CALL_TYPE);
  return reinterpret_cast<int32_t (*)(void *, int32_t, int32_t)>(e.code)(
      e.env, a, b);
}

int startRuns;
void countStart(w2b_instance *) { ++startRuns; }

w2b_trap_kind invoke(w2b_funcref *f, std::initializer_list<w2b_value> args,
                     w2b_value *result) {
  std::vector<w2b_value> a(args);
  return w2b_invoke(f, a.data(), result);
}

} // namespace

TEST(Instance, EmptyModule) {
  ModuleBuilder b;
  InstancePtr inst;
  ASSERT_EQ(instantiate(b.build(), inst), W2B_OK);
  EXPECT_EQ(inst->mem_base, nullptr);
  EXPECT_EQ(inst->memory, nullptr);
  w2b_extern e;
  EXPECT_EQ(w2b_lookup_export(inst.get(), "nothing", &e), 0);
}

// Wasm names may contain U+0000: "a\0b" and "a" are different exports.
TEST(Instance, ExportNamesWithNul) {
  ModuleBuilder b;
  b.exportAs(std::string("a\0b", 3), W2B_EXTERN_FUNC,
             b.addFunc(func(":i", answer)));
  b.exportAs("a", W2B_EXTERN_FUNC, b.addFunc(func(":", nop)));
  InstancePtr inst;
  ASSERT_EQ(instantiate(b.build(), inst), W2B_OK);
  w2b_extern e;
  ASSERT_EQ(w2b_lookup_export_n(inst.get(), "a\0b", 3, &e), 1);
  EXPECT_STREQ(e.func->sig, ":i");
  ASSERT_EQ(w2b_lookup_export(inst.get(), "a", &e), 1);
  EXPECT_STREQ(e.func->sig, ":");
  EXPECT_EQ(w2b_lookup_export_n(inst.get(), "a\0c", 3, &e), 0);
}

TEST(Instance, FuncrefsCallThroughInvoke) {
  ModuleBuilder b;
  b.exportAs("add", W2B_EXTERN_FUNC, b.addFunc(func("ii:i", add)));
  b.exportAs("wide", W2B_EXTERN_FUNC, b.addFunc(func("I:I", wide)));
  b.exportAs("half", W2B_EXTERN_FUNC, b.addFunc(func("f:f", half)));
  b.exportAs("twice", W2B_EXTERN_FUNC, b.addFunc(func("F:F", twice)));
  b.exportAs("nop", W2B_EXTERN_FUNC, b.addFunc(func(":", nop)));
  InstancePtr inst;
  ASSERT_EQ(instantiate(b.build(), inst), W2B_OK);

  w2b_value r;
  ASSERT_EQ(invoke(exportedFunc(inst.get(), "add"), {i32v(40), i32v(2)}, &r),
            W2B_TRAP_NONE);
  EXPECT_EQ(r.i32, 42);
  ASSERT_EQ(invoke(exportedFunc(inst.get(), "wide"), {i64v(1ll << 40)}, &r),
            W2B_TRAP_NONE);
  EXPECT_EQ(r.i64, 3ll << 40);
  ASSERT_EQ(invoke(exportedFunc(inst.get(), "half"), {toValue(3.0f)}, &r),
            W2B_TRAP_NONE);
  EXPECT_EQ(r.f32, 1.5f);
  ASSERT_EQ(invoke(exportedFunc(inst.get(), "twice"), {toValue(2.25)}, &r),
            W2B_TRAP_NONE);
  EXPECT_EQ(r.f64, 4.5);
  EXPECT_EQ(w2b_invoke(exportedFunc(inst.get(), "nop"), nullptr, nullptr),
            W2B_TRAP_NONE);

  // The funcref carries the instance as env and the descriptor's code.
  w2b_funcref *f = exportedFunc(inst.get(), "add");
  EXPECT_EQ(f->env, inst.get());
  EXPECT_EQ(f->code, reinterpret_cast<void *>(add));
  EXPECT_STREQ(f->sig, "ii:i");
}

TEST(Instance, MemoryAndDataSegments) {
  ModuleBuilder b;
  b.addMemory(limits(1, 2));
  b.addData(W2B_SEGMENT_ACTIVE, i32c(10), "abc");
  b.addData(W2B_SEGMENT_PASSIVE, i32c(0), "passive");
  b.addData(W2B_SEGMENT_ACTIVE, i32c(65534), "yz");
  b.exportAs("mem", W2B_EXTERN_MEMORY, 0);
  InstancePtr inst;
  ASSERT_EQ(instantiate(b.build(), inst), W2B_OK);

  ASSERT_NE(inst->memory, nullptr);
  EXPECT_EQ(inst->mem_base, inst->memory->base);
  EXPECT_EQ(inst->memory->pages, 1u);
  EXPECT_EQ(inst->memory->size, 65536u);
  EXPECT_EQ(inst->memory->max_pages, 2u);
  EXPECT_EQ(inst->memory->reserved, (8ull << 30) + 65536);
  EXPECT_EQ(std::memcmp(inst->mem_base + 10, "abc", 3), 0);
  EXPECT_EQ(std::memcmp(inst->mem_base + 65534, "yz", 2), 0);
  EXPECT_EQ(inst->mem_base[0], 0); // passive segments are not applied

  w2b_extern e;
  ASSERT_EQ(w2b_lookup_export(inst.get(), "mem", &e), 1);
  EXPECT_EQ(e.kind, W2B_EXTERN_MEMORY);
  EXPECT_EQ(e.memory, inst->memory);
}

TEST(Instance, GlobalsFromImportedGlobals) {
  w2b_value importedI32 = i32v(41), importedMut = i64v(7);
  ModuleBuilder b;
  b.importGlobal("env", "g", W2B_I32, false);
  b.importGlobal("env", "m", W2B_I64, true);
  uint32_t fromImport = b.addGlobal(W2B_I32, true, globalGet(0, W2B_I32));
  uint32_t constant = b.addGlobal(W2B_I64, false, i64c(-5));
  uint32_t fn = b.addFunc(func(":i", answer));
  uint32_t ref = b.addGlobal(W2B_FUNCREF, false, refFunc(fn));
  uint32_t null = b.addGlobal(W2B_EXTERNREF, true, refNull(W2B_EXTERNREF));
  uint32_t v128 = b.addGlobal(
      W2B_V128, false,
      constValue(W2B_V128, 0x0706050403020100ull, 0x0f0e0d0c0b0a0908ull));
  b.exportAs("imported", W2B_EXTERN_GLOBAL, 0);
  b.exportAs("mut", W2B_EXTERN_GLOBAL, 1);
  b.exportAs("fromImport", W2B_EXTERN_GLOBAL, fromImport);
  b.exportAs("ref", W2B_EXTERN_GLOBAL, ref);
  Resolver r;
  r.addGlobal("env", "g", &importedI32, W2B_I32, false);
  r.addGlobal("env", "m", &importedMut, W2B_I64, true);
  InstancePtr inst;
  ASSERT_EQ(instantiate(b.build(), inst, &r), W2B_OK);

  EXPECT_EQ(globalAt(inst.get(), 0), &importedI32);
  EXPECT_EQ(globalAt(inst.get(), 1), &importedMut);
  EXPECT_EQ(globalAt(inst.get(), fromImport)->i32, 41);
  EXPECT_EQ(globalAt(inst.get(), constant)->i64, -5);
  EXPECT_EQ(globalAt(inst.get(), ref)->ref, funcAt(inst.get(), fn));
  EXPECT_EQ(globalAt(inst.get(), null)->ref, nullptr);
  for (int i = 0; i < 16; ++i)
    EXPECT_EQ(globalAt(inst.get(), v128)->v128[i], i);

  w2b_extern e;
  ASSERT_TRUE(w2b_lookup_export(inst.get(), "imported", &e));
  EXPECT_EQ(e.kind, W2B_EXTERN_GLOBAL);
  EXPECT_EQ(e.global, &importedI32);
  EXPECT_EQ(e.global_type, W2B_I32);
  EXPECT_EQ(e.global_mutable, 0);
  ASSERT_TRUE(w2b_lookup_export(inst.get(), "mut", &e));
  EXPECT_EQ(e.global, &importedMut);
  EXPECT_EQ(e.global_type, W2B_I64);
  EXPECT_EQ(e.global_mutable, 1);
  ASSERT_TRUE(w2b_lookup_export(inst.get(), "fromImport", &e));
  EXPECT_EQ(e.global, globalAt(inst.get(), fromImport));
  EXPECT_EQ(e.global_type, W2B_I32);
  EXPECT_EQ(e.global_mutable, 1);
  ASSERT_TRUE(w2b_lookup_export(inst.get(), "ref", &e));
  EXPECT_EQ(e.global_type, W2B_FUNCREF);
  EXPECT_EQ(e.global_mutable, 0);

  // A mutable imported global is shared: writes through either side show.
  importedMut.i64 = 99;
  EXPECT_EQ(globalAt(inst.get(), 1)->i64, 99);
}

TEST(Instance, TablesAndElementSegments) {
  w2b_value base = i32v(1);
  ModuleBuilder b;
  b.importGlobal("env", "base", W2B_I32, false);
  uint32_t fAdd = b.addFunc(func("ii:i", add));
  uint32_t fAnswer = b.addFunc(func(":i", answer));
  uint32_t fCall = b.addFunc(func("iii:i", callIndirect));
  b.addTable(W2B_FUNCREF, limits(4, 10));
  b.addElem(W2B_SEGMENT_ACTIVE, 0, globalGet(0, W2B_I32),
            {refFunc(fAdd), refNull(), refFunc(fAnswer)});
  b.exportAs("call", W2B_EXTERN_FUNC, fCall);
  b.exportAs("table", W2B_EXTERN_TABLE, 0);
  Resolver r;
  r.addGlobal("env", "base", &base, W2B_I32, false);
  InstancePtr inst;
  ASSERT_EQ(instantiate(b.build(), inst, &r), W2B_OK);

  w2b_table *t = tableAt(inst.get(), 0);
  ASSERT_EQ(t->size, 4u);
  EXPECT_EQ(t->max, 10u);
  EXPECT_EQ(t->has_max, 1);
  EXPECT_EQ(t->elem_type, W2B_FUNCREF);
  EXPECT_EQ(elemAt(t, 0), nullptr);
  EXPECT_EQ(elemAt(t, 1), funcAt(inst.get(), fAdd));
  EXPECT_EQ(elemAt(t, 2), nullptr);
  EXPECT_EQ(elemAt(t, 3), funcAt(inst.get(), fAnswer));

  w2b_funcref *call = exportedFunc(inst.get(), "call");
  w2b_value res;
  ASSERT_EQ(invoke(call, {i32v(2), i32v(3), i32v(1)}, &res), W2B_TRAP_NONE);
  EXPECT_EQ(res.i32, 5);
  EXPECT_EQ(invoke(call, {i32v(2), i32v(3), i32v(2)}, &res),
            W2B_TRAP_UNINITIALIZED_ELEMENT);
  EXPECT_EQ(invoke(call, {i32v(2), i32v(3), i32v(3)}, &res),
            W2B_TRAP_INDIRECT_CALL_TYPE);
  EXPECT_EQ(invoke(call, {i32v(2), i32v(3), i32v(4)}, &res),
            W2B_TRAP_UNDEFINED_ELEMENT);
  // Still usable after the traps.
  ASSERT_EQ(invoke(call, {i32v(20), i32v(22), i32v(1)}, &res), W2B_TRAP_NONE);
  EXPECT_EQ(res.i32, 42);

  w2b_extern e;
  ASSERT_TRUE(w2b_lookup_export(inst.get(), "table", &e));
  EXPECT_EQ(e.kind, W2B_EXTERN_TABLE);
  EXPECT_EQ(e.table, t);
}

TEST(Instance, FunctionImportedFromAnotherInstance) {
  ModuleBuilder a;
  a.exportAs("add", W2B_EXTERN_FUNC, a.addFunc(func("ii:i", add)));
  InstancePtr provider;
  ASSERT_EQ(instantiate(a.build(), provider), W2B_OK);

  ModuleBuilder b;
  b.importFunc<int32_t, int32_t, int32_t>("a", "add", "ii:i");
  uint32_t caller = b.addFunc(func("ii:i", callImport0));
  b.exportAs("call", W2B_EXTERN_FUNC, caller);
  b.exportAs("reexport", W2B_EXTERN_FUNC, 0);
  Resolver r;
  r.addFunc("a", "add", exportedFunc(provider.get(), "add"));
  InstancePtr inst;
  ASSERT_EQ(instantiate(b.build(), inst, &r), W2B_OK);

  // Same funcref: ref.func identity survives import and re-export.
  EXPECT_EQ(funcAt(inst.get(), 0), exportedFunc(provider.get(), "add"));
  EXPECT_EQ(exportedFunc(inst.get(), "reexport"),
            exportedFunc(provider.get(), "add"));
  w2b_value res;
  ASSERT_EQ(invoke(exportedFunc(inst.get(), "call"), {i32v(1), i32v(2)}, &res),
            W2B_TRAP_NONE);
  EXPECT_EQ(res.i32, 3);
}

namespace {
void hostMul(void *ctx, const w2b_value *args, w2b_value *results) {
  ++*static_cast<int *>(ctx);
  results[0].i32 = args[0].i32 * args[1].i32;
}
} // namespace

TEST(Instance, HostFunctionImport) {
  int calls = 0;
  w2b_host_func mul{"ii:i", hostMul, &calls};
  ModuleBuilder b;
  b.importFunc<int32_t, int32_t, int32_t>("host", "mul", "ii:i");
  b.exportAs("call", W2B_EXTERN_FUNC, b.addFunc(func("ii:i", callImport0)));
  b.exportAs("mul", W2B_EXTERN_FUNC, 0);
  Resolver r;
  r.addHost("host", "mul", &mul);
  InstancePtr inst;
  ASSERT_EQ(instantiate(b.build(), inst, &r), W2B_OK);

  // Generated code calls the typed adapter with the host func as env.
  w2b_funcref *f = funcAt(inst.get(), 0);
  EXPECT_EQ(f->env, &mul);
  EXPECT_EQ(f->thunk, &w2b_host_thunk);
  w2b_value res;
  ASSERT_EQ(invoke(exportedFunc(inst.get(), "call"), {i32v(6), i32v(7)}, &res),
            W2B_TRAP_NONE);
  EXPECT_EQ(res.i32, 42);
  // Invoking the import itself goes through w2b_host_thunk.
  ASSERT_EQ(invoke(exportedFunc(inst.get(), "mul"), {i32v(3), i32v(4)}, &res),
            W2B_TRAP_NONE);
  EXPECT_EQ(res.i32, 12);
  EXPECT_EQ(calls, 2);
}

namespace {
w2b_instance *boundSawInstance;
int32_t boundImport(w2b_instance *caller, int32_t x) {
  boundSawInstance = caller;
  return x + 1;
}
int32_t callBound(w2b_instance *inst, int32_t x) {
  return callRef<int32_t>(funcAt(inst, 0), x);
}
} // namespace

TEST(Instance, BoundImportTakesTheImportingInstance) {
  ModuleBuilder b;
  b.importBound("wasi_snapshot_preview1", "f", "i:i", boundImport);
  b.exportAs("call", W2B_EXTERN_FUNC, b.addFunc(func("i:i", callBound)));
  InstancePtr inst;
  ASSERT_EQ(instantiate(b.build(), inst), W2B_OK); // no resolver needed
  w2b_value res;
  ASSERT_EQ(invoke(exportedFunc(inst.get(), "call"), {i32v(1)}, &res),
            W2B_TRAP_NONE);
  EXPECT_EQ(res.i32, 2);
  EXPECT_EQ(boundSawInstance, inst.get());
  EXPECT_EQ(funcAt(inst.get(), 0)->env, inst.get());
}

TEST(Instance, UnknownImport) {
  ModuleBuilder b;
  b.importFunc<int32_t, int32_t, int32_t>("env", "missing", "ii:i");
  const w2b_module *m = b.build();
  InstancePtr inst;
  w2b_error err;
  EXPECT_EQ(instantiate(m, inst, nullptr, &err), W2B_LINK_ERROR);
  EXPECT_STREQ(err.message, "unknown import: env.missing");
  EXPECT_EQ(inst.get(), nullptr);
  Resolver empty;
  EXPECT_EQ(instantiate(m, inst, &empty, &err), W2B_LINK_ERROR);
  EXPECT_STREQ(err.message, "unknown import: env.missing");
}

namespace {

// Instantiates a module with the single import `declare` against `provide`.
template <typename Declare>
w2b_status linkOne(Declare declare, w2b_extern provide, w2b_error *err) {
  ModuleBuilder b;
  declare(b);
  Resolver r;
  r.add("m", "x", provide);
  InstancePtr inst;
  return instantiate(b.build(), inst, &r, err);
}

w2b_extern memoryExtern(w2b_memory *m) {
  w2b_extern e{};
  e.kind = W2B_EXTERN_MEMORY;
  e.memory = m;
  return e;
}

w2b_extern tableExtern(w2b_table *t) {
  w2b_extern e{};
  e.kind = W2B_EXTERN_TABLE;
  e.table = t;
  return e;
}

} // namespace

TEST(Instance, IncompatibleImportTypes) {
  w2b_error err;
  ModuleBuilder p;
  p.exportAs("f", W2B_EXTERN_FUNC, p.addFunc(func("ii:i", add)));
  InstancePtr provider;
  ASSERT_EQ(instantiate(p.build(), provider), W2B_OK);
  w2b_extern fn{};
  fn.kind = W2B_EXTERN_FUNC;
  fn.func = exportedFunc(provider.get(), "f");

  auto importFn = [](const char *sig) {
    return [sig](ModuleBuilder &b) {
      b.importFunc("m", "x", sig, nullptr, nullptr);
    };
  };
  EXPECT_EQ(linkOne(importFn("ii:i"), fn, &err), W2B_OK);
  // The signature string is compared by value, not by address.
  std::string sameSig = "ii:i";
  EXPECT_EQ(linkOne(importFn(sameSig.c_str()), fn, &err), W2B_OK);
  EXPECT_EQ(linkOne(importFn("i:i"), fn, &err), W2B_LINK_ERROR);
  EXPECT_STREQ(err.message, "incompatible import type: m.x");

  // Host functions: signature must match too.
  w2b_host_func host{"i:", hostMul, nullptr};
  w2b_extern hostExt{};
  hostExt.kind = W2B_EXTERN_FUNC;
  hostExt.host = &host;
  EXPECT_EQ(linkOne(
                [](ModuleBuilder &b) {
                  b.importFunc<int32_t, int32_t, int32_t>("m", "x", "ii:i");
                },
                hostExt, &err),
            W2B_LINK_ERROR);

  // Kind mismatch.
  auto importGlobal = [](uint8_t type, bool mut) {
    return [=](ModuleBuilder &b) { b.importGlobal("m", "x", type, mut); };
  };
  EXPECT_EQ(linkOne(importGlobal(W2B_I32, false), fn, &err), W2B_LINK_ERROR);

  // Globals: same type and mutability.
  w2b_value cell = i32v(0);
  w2b_extern g{};
  g.kind = W2B_EXTERN_GLOBAL;
  g.global = &cell;
  g.global_type = W2B_I32;
  g.global_mutable = 0;
  EXPECT_EQ(linkOne(importGlobal(W2B_I32, false), g, &err), W2B_OK);
  EXPECT_EQ(linkOne(importGlobal(W2B_I64, false), g, &err), W2B_LINK_ERROR);
  EXPECT_EQ(linkOne(importGlobal(W2B_I32, true), g, &err), W2B_LINK_ERROR);
  g.global_mutable = 1;
  EXPECT_EQ(linkOne(importGlobal(W2B_I32, false), g, &err), W2B_LINK_ERROR);
  EXPECT_EQ(linkOne(importGlobal(W2B_I32, true), g, &err), W2B_OK);

  // Tables: element type, and limits subtyping.
  w2b_limits l10_20 = limits(10, 20), l10 = limits(10);
  w2b_table *t10_20 = w2b_new_table(W2B_FUNCREF, &l10_20);
  w2b_table *t10 = w2b_new_table(W2B_FUNCREF, &l10);
  auto importTable = [](uint8_t type, w2b_limits l) {
    return [=](ModuleBuilder &b) { b.importTable("m", "x", type, l); };
  };
  EXPECT_EQ(linkOne(importTable(W2B_FUNCREF, limits(10, 20)),
                    tableExtern(t10_20), &err),
            W2B_OK);
  EXPECT_EQ(
      linkOne(importTable(W2B_FUNCREF, limits(5)), tableExtern(t10_20), &err),
      W2B_OK);
  EXPECT_EQ(linkOne(importTable(W2B_FUNCREF, limits(5, 25)),
                    tableExtern(t10_20), &err),
            W2B_OK);
  EXPECT_EQ(linkOne(importTable(W2B_EXTERNREF, limits(10, 20)),
                    tableExtern(t10_20), &err),
            W2B_LINK_ERROR);
  EXPECT_EQ(
      linkOne(importTable(W2B_FUNCREF, limits(11)), tableExtern(t10_20), &err),
      W2B_LINK_ERROR);
  EXPECT_EQ(linkOne(importTable(W2B_FUNCREF, limits(10, 15)),
                    tableExtern(t10_20), &err),
            W2B_LINK_ERROR);
  // No maximum provided where one is declared, even a large one.
  EXPECT_EQ(linkOne(importTable(W2B_FUNCREF, limits(10, UINT32_MAX)),
                    tableExtern(t10), &err),
            W2B_LINK_ERROR);
  EXPECT_EQ(
      linkOne(importTable(W2B_FUNCREF, limits(10)), tableExtern(t10), &err),
      W2B_OK);
  // The current size counts, not the initial one.
  ASSERT_EQ(w2b_grow_table(t10_20, 2, nullptr), 10u);
  EXPECT_EQ(linkOne(importTable(W2B_FUNCREF, limits(12, 20)),
                    tableExtern(t10_20), &err),
            W2B_OK);
  w2b_free_table(t10_20);
  w2b_free_table(t10);

  // Memories: limits subtyping in pages.
  w2b_limits m1_2 = limits(1, 2), m1 = limits(1);
  w2b_memory *mem1_2 = w2b_new_memory(&m1_2);
  w2b_memory *mem1 = w2b_new_memory(&m1);
  ASSERT_NE(mem1_2, nullptr);
  ASSERT_NE(mem1, nullptr);
  auto importMemory = [](w2b_limits l) {
    return [=](ModuleBuilder &b) { b.importMemory("m", "x", l); };
  };
  EXPECT_EQ(linkOne(importMemory(limits(1, 2)), memoryExtern(mem1_2), &err),
            W2B_OK);
  EXPECT_EQ(linkOne(importMemory(limits(0)), memoryExtern(mem1_2), &err),
            W2B_OK);
  EXPECT_EQ(linkOne(importMemory(limits(2)), memoryExtern(mem1_2), &err),
            W2B_LINK_ERROR);
  EXPECT_EQ(linkOne(importMemory(limits(1, 1)), memoryExtern(mem1_2), &err),
            W2B_LINK_ERROR);
  EXPECT_EQ(linkOne(importMemory(limits(1, 65536)), memoryExtern(mem1), &err),
            W2B_LINK_ERROR);
  EXPECT_EQ(linkOne(importMemory(limits(1)), memoryExtern(mem1), &err), W2B_OK);
  ASSERT_EQ(w2b_grow_memory(mem1_2, 1), 1u);
  EXPECT_EQ(linkOne(importMemory(limits(2, 2)), memoryExtern(mem1_2), &err),
            W2B_OK);
  EXPECT_STREQ(err.message, "");
  w2b_free_memory(mem1_2);
  w2b_free_memory(mem1);
}

TEST(Instance, ImportedMemoryIsShared) {
  w2b_limits l = limits(1, 4);
  w2b_memory *mem = w2b_new_memory(&l);
  ASSERT_NE(mem, nullptr);
  ModuleBuilder b;
  b.importMemory("env", "mem", limits(1));
  b.addData(W2B_SEGMENT_ACTIVE, i32c(100), "shared");
  Resolver r;
  r.addMemory("env", "mem", mem);
  {
    InstancePtr inst;
    ASSERT_EQ(instantiate(b.build(), inst, &r), W2B_OK);
    EXPECT_EQ(inst->memory, mem);
    EXPECT_EQ(inst->mem_base, mem->base);
    EXPECT_EQ(w2b_memory_grow(inst.get(), 1), 1u);
    EXPECT_EQ(mem->pages, 2u);
  }
  // Freeing the importer leaves the memory alone.
  EXPECT_EQ(std::memcmp(mem->base + 100, "shared", 6), 0);
  w2b_free_memory(mem);
}

TEST(Instance, PartialInstantiationKeepsEarlierDataWrites) {
  w2b_limits l = limits(1);
  w2b_memory *mem = w2b_new_memory(&l);
  ASSERT_NE(mem, nullptr);
  ModuleBuilder b;
  b.importMemory("env", "mem", limits(1));
  b.addData(W2B_SEGMENT_ACTIVE, i32c(0), "first");
  b.addData(W2B_SEGMENT_ACTIVE, i32c(65534), "xyz"); // one byte too far
  b.addData(W2B_SEGMENT_ACTIVE, i32c(10), "never");
  b.setStart(b.addFunc(func(":", countStart)));
  Resolver r;
  r.addMemory("env", "mem", mem);
  InstancePtr inst;
  w2b_error err;
  startRuns = 0;
  ASSERT_EQ(instantiate(b.build(), inst, &r, &err), W2B_TRAPPED);
  EXPECT_EQ(err.trap, W2B_TRAP_OOB_MEMORY);
  EXPECT_STREQ(err.message, "out of bounds memory access");
  EXPECT_NE(inst.get(), nullptr); // the instance exists
  EXPECT_EQ(std::memcmp(mem->base, "first", 5), 0);
  EXPECT_EQ(mem->base[65534], 0); // no partial write of the failing segment
  EXPECT_EQ(mem->base[10], 0);    // later segments are not applied
  EXPECT_EQ(startRuns, 0);        // nor is the start function run
  w2b_free_memory(mem);
}

TEST(Instance, ElementSegmentOutOfBoundsStopsBeforeData) {
  ModuleBuilder b;
  uint32_t f = b.addFunc(func(":i", answer));
  b.addTable(W2B_FUNCREF, limits(2));
  b.addMemory(limits(1));
  b.addElem(W2B_SEGMENT_ACTIVE, 0, i32c(0), {refFunc(f)});
  b.addElem(W2B_SEGMENT_ACTIVE, 0, i32c(1), {refFunc(f), refFunc(f)});
  b.addData(W2B_SEGMENT_ACTIVE, i32c(0), "data");
  InstancePtr inst;
  w2b_error err;
  ASSERT_EQ(instantiate(b.build(), inst, nullptr, &err), W2B_TRAPPED);
  EXPECT_EQ(err.trap, W2B_TRAP_OOB_TABLE);
  ASSERT_NE(inst.get(), nullptr);
  w2b_table *t = tableAt(inst.get(), 0);
  EXPECT_EQ(elemAt(t, 0), funcAt(inst.get(), f));
  EXPECT_EQ(elemAt(t, 1), nullptr);
  EXPECT_EQ(inst->mem_base[0], 0);
}

TEST(Instance, SegmentAtTheVeryEndWithNoItemsIsInBounds) {
  ModuleBuilder b;
  b.addTable(W2B_FUNCREF, limits(2));
  b.addMemory(limits(1));
  b.addElem(W2B_SEGMENT_ACTIVE, 0, i32c(2), {});
  b.addData(W2B_SEGMENT_ACTIVE, i32c(65536), "");
  InstancePtr inst;
  EXPECT_EQ(instantiate(b.build(), inst), W2B_OK);

  ModuleBuilder c;
  c.addTable(W2B_FUNCREF, limits(2));
  c.addElem(W2B_SEGMENT_ACTIVE, 0, i32c(3), {});
  InstancePtr inst2;
  w2b_error err;
  EXPECT_EQ(instantiate(c.build(), inst2, nullptr, &err), W2B_TRAPPED);
  EXPECT_EQ(err.trap, W2B_TRAP_OOB_TABLE);

  ModuleBuilder d;
  d.addMemory(limits(1));
  d.addData(W2B_SEGMENT_ACTIVE, i32c(65537), "");
  InstancePtr inst3;
  EXPECT_EQ(instantiate(d.build(), inst3, nullptr, &err), W2B_TRAPPED);
  EXPECT_EQ(err.trap, W2B_TRAP_OOB_MEMORY);
}

TEST(Instance, StartFunction) {
  ModuleBuilder b;
  b.setStart(b.addFunc(func(":", countStart)));
  InstancePtr inst;
  startRuns = 0;
  ASSERT_EQ(instantiate(b.build(), inst), W2B_OK);
  EXPECT_EQ(startRuns, 1);

  ModuleBuilder c;
  c.setStart(c.addFunc(func(":", unreachable)));
  InstancePtr trapped;
  w2b_error err;
  ASSERT_EQ(instantiate(c.build(), trapped, nullptr, &err), W2B_TRAPPED);
  EXPECT_EQ(err.trap, W2B_TRAP_UNREACHABLE);
  EXPECT_STREQ(err.message, "unreachable executed");
  EXPECT_NE(trapped.get(), nullptr);
}

TEST(Instance, LookupExportOfEveryKind) {
  ModuleBuilder b;
  uint32_t f = b.addFunc(func(":i", answer));
  b.addTable(W2B_EXTERNREF, limits(1));
  b.addMemory(limits(0));
  uint32_t g = b.addGlobal(W2B_F64, true, constValue(W2B_F64, 0));
  b.exportAs("f", W2B_EXTERN_FUNC, f);
  b.exportAs("t", W2B_EXTERN_TABLE, 0);
  b.exportAs("m", W2B_EXTERN_MEMORY, 0);
  b.exportAs("g", W2B_EXTERN_GLOBAL, g);
  InstancePtr inst;
  ASSERT_EQ(instantiate(b.build(), inst), W2B_OK);
  w2b_extern e;
  ASSERT_TRUE(w2b_lookup_export(inst.get(), "f", &e));
  EXPECT_EQ(e.kind, W2B_EXTERN_FUNC);
  EXPECT_EQ(e.func, funcAt(inst.get(), f));
  ASSERT_TRUE(w2b_lookup_export(inst.get(), "t", &e));
  EXPECT_EQ(e.kind, W2B_EXTERN_TABLE);
  EXPECT_EQ(e.table->elem_type, W2B_EXTERNREF);
  EXPECT_EQ(w2b_table_get(e.table, 0), nullptr);
  ASSERT_TRUE(w2b_lookup_export(inst.get(), "m", &e));
  EXPECT_EQ(e.kind, W2B_EXTERN_MEMORY);
  EXPECT_EQ(e.memory->pages, 0u);
  EXPECT_NE(inst->mem_base, nullptr); // reserved even with no pages
  ASSERT_TRUE(w2b_lookup_export(inst.get(), "g", &e));
  EXPECT_EQ(e.kind, W2B_EXTERN_GLOBAL);
  EXPECT_EQ(e.global_type, W2B_F64);
  EXPECT_EQ(e.global_mutable, 1);
  EXPECT_FALSE(w2b_lookup_export(inst.get(), "F", &e));
}

TEST(Instance, MalformedDescriptorIsRejected) {
  ModuleBuilder b;
  b.addFunc(func(":i", answer));
  w2b_module m = *b.build();
  m.layout.size = 40; // too small for funcs + own_funcs
  w2b_instance *inst = reinterpret_cast<w2b_instance *>(1);
  w2b_error err;
  EXPECT_EQ(w2b_instantiate(&m, nullptr, nullptr, &inst, &err), W2B_LINK_ERROR);
  EXPECT_EQ(inst, nullptr);
  EXPECT_STREQ(err.message, "malformed module descriptor");
}

// Code compiled for a table of fixed size addresses its elements at the
// offset in its descriptor: after the tail and a funcref per imported
// function, rounded up to the size of an element, and the tables before it
// (each a w2b_table and, 32 bytes after it, its initial elements).
TEST(Instance, TableOffsetInDescriptorIsWhereTheTableLives) {
  ModuleBuilder b;
  b.importBound("env", "f", ":i", answer);
  b.addTable(W2B_FUNCREF, limits(3, 3));
  b.addTable(W2B_EXTERNREF, limits(2, 2));
  w2b_module m = *b.build();
  size_t first = (m.layout.size + sizeof(w2b_funcref) + 31) / 32 * 32;
  size_t second = first + W2B_TABLE_INLINE_ELEMS + 3 * sizeof(w2b_table_elem);
  std::vector<w2b_table_desc> tables(m.tables, m.tables + 2);
  tables[0].offset = uint32_t(first);
  tables[1].offset = uint32_t(second);
  m.tables = tables.data();
  InstancePtr owned;
  ASSERT_EQ(instantiate(&m, owned), W2B_OK);
  uint8_t *base = reinterpret_cast<uint8_t *>(owned.get());
  w2b_table **t = reinterpret_cast<w2b_table **>(base + m.layout.tables);
  EXPECT_EQ(reinterpret_cast<uint8_t *>(t[0]), base + first);
  EXPECT_EQ(reinterpret_cast<uint8_t *>(t[1]), base + second);
  EXPECT_EQ(reinterpret_cast<uint8_t *>(t[0]->elems),
            base + first + W2B_TABLE_INLINE_ELEMS);
  // No element straddles two cache lines.
  EXPECT_EQ(reinterpret_cast<uintptr_t>(t[0]->elems) % sizeof(w2b_table_elem),
            0u);

  tables[1].offset = uint32_t(second + 8); // not where the runtime puts it
  w2b_instance *inst = nullptr;
  w2b_error err;
  EXPECT_EQ(w2b_instantiate(&m, nullptr, nullptr, &inst, &err), W2B_LINK_ERROR);
  EXPECT_EQ(inst, nullptr);
  EXPECT_STREQ(err.message, "malformed module descriptor");
}

TEST(Instance, ManyInstancesCanBeCreatedAndFreed) {
  ModuleBuilder b;
  b.addMemory(limits(1));
  b.addTable(W2B_FUNCREF, limits(3));
  b.addData(W2B_SEGMENT_ACTIVE, i32c(0), "x");
  const w2b_module *m = b.build();
  // More than one registry chunk of memories at once, then all freed.
  std::vector<w2b_instance *> all;
  for (int i = 0; i < 200; ++i) {
    w2b_instance *inst;
    ASSERT_EQ(w2b_instantiate(m, nullptr, nullptr, &inst, nullptr), W2B_OK);
    EXPECT_EQ(inst->mem_base[0], 'x');
    all.push_back(inst);
  }
  for (w2b_instance *inst : all)
    w2b_free_instance(inst);
}
