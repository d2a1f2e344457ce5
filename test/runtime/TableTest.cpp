//===- TableTest.cpp - Table growth and the table builtins ----------------===//
#include "TestModule.h"

#include "builtins.h"

#include <gtest/gtest.h>

using namespace w2btest;

namespace {

int32_t one(w2b_instance *) { return 1; }
int32_t two(w2b_instance *) { return 2; }

void tInit(w2b_instance *i, int32_t t, int32_t seg, int32_t d, int32_t s,
           int32_t n) {
  w2b_table_init(i, uint32_t(t), uint32_t(seg), uint32_t(d), uint32_t(s),
                 uint32_t(n));
}
void tCopy(w2b_instance *i, int32_t dt, int32_t st, int32_t d, int32_t s,
           int32_t n) {
  w2b_table_copy(i, uint32_t(dt), uint32_t(st), uint32_t(d), uint32_t(s),
                 uint32_t(n));
}
int32_t tGrow(w2b_instance *i, int32_t t, void *init, int32_t delta) {
  return int32_t(w2b_table_grow(i, uint32_t(t), init, uint32_t(delta)));
}
void tFill(w2b_instance *i, int32_t t, int32_t d, void *ref, int32_t n) {
  w2b_table_fill(i, uint32_t(t), uint32_t(d), ref, uint32_t(n));
}
void eDrop(w2b_instance *i, int32_t seg) { w2b_elem_drop(i, uint32_t(seg)); }

struct TableModule {
  ModuleBuilder b;
  InstancePtr inst;
  uint32_t fOne, fTwo;
  w2b_funcref *init, *copy, *grow, *fill, *drop;

  TableModule() {
    fOne = b.addFunc(func(":i", one));
    fTwo = b.addFunc(func(":i", two));
    b.exportAs("init", W2B_EXTERN_FUNC, b.addFunc(func("iiiii:", tInit)));
    b.exportAs("copy", W2B_EXTERN_FUNC, b.addFunc(func("iiiii:", tCopy)));
    b.exportAs("grow", W2B_EXTERN_FUNC, b.addFunc(func("iri:i", tGrow)));
    b.exportAs("fill", W2B_EXTERN_FUNC, b.addFunc(func("iiri:", tFill)));
    b.exportAs("drop", W2B_EXTERN_FUNC, b.addFunc(func("i:", eDrop)));
    b.addTable(W2B_FUNCREF, limits(4, 8));     // table 0
    b.addTable(W2B_FUNCREF, limits(2));        // table 1
    b.addElem(W2B_SEGMENT_PASSIVE, 0, i32c(0), // 0
              {refFunc(fOne), refNull(), refFunc(fTwo)});
    b.addElem(W2B_SEGMENT_ACTIVE, 1, i32c(0), {refFunc(fTwo)});      // 1
    b.addElem(W2B_SEGMENT_DECLARATIVE, 0, i32c(0), {refFunc(fOne)}); // 2
    EXPECT_EQ(instantiate(b.build(), inst), W2B_OK);
    init = exportedFunc(inst.get(), "init");
    copy = exportedFunc(inst.get(), "copy");
    grow = exportedFunc(inst.get(), "grow");
    fill = exportedFunc(inst.get(), "fill");
    drop = exportedFunc(inst.get(), "drop");
  }

  w2b_trap_kind call(w2b_funcref *f, std::initializer_list<w2b_value> args,
                     w2b_value *result = nullptr) {
    std::vector<w2b_value> a(args);
    w2b_value scratch;
    return w2b_invoke(f, a.data(), result ? result : &scratch);
  }
  w2b_table *table(uint32_t i) { return tableAt(inst.get(), i); }
  w2b_funcref *fn(uint32_t i) { return funcAt(inst.get(), i); }
};

w2b_value ref(void *p) { return toValue(p); }

} // namespace

TEST(Table, InitFromPassiveSegment) {
  TableModule m;
  ASSERT_EQ(m.call(m.init, {i32v(0), i32v(0), i32v(1), i32v(0), i32v(3)}),
            W2B_TRAP_NONE);
  w2b_table *t = m.table(0);
  EXPECT_EQ(elemAt(t, 0), nullptr);
  EXPECT_EQ(elemAt(t, 1), m.fn(m.fOne));
  EXPECT_EQ(elemAt(t, 2), nullptr);
  EXPECT_EQ(elemAt(t, 3), m.fn(m.fTwo));
  EXPECT_EQ(callRef<int32_t>(static_cast<w2b_funcref *>(elemAt(t, 3))), 2);

  // Out of bounds in the table or in the segment: nothing written.
  ASSERT_EQ(w2b_table_set(t, 1, nullptr), 1);
  EXPECT_EQ(m.call(m.init, {i32v(0), i32v(0), i32v(1), i32v(0), i32v(4)}),
            W2B_TRAP_OOB_TABLE);
  EXPECT_EQ(elemAt(t, 1), nullptr);
  EXPECT_EQ(m.call(m.init, {i32v(0), i32v(0), i32v(0), i32v(1), i32v(3)}),
            W2B_TRAP_OOB_TABLE);
  EXPECT_EQ(elemAt(t, 0), nullptr);
  EXPECT_EQ(m.call(m.init, {i32v(0), i32v(0), i32v(4), i32v(3), i32v(0)}),
            W2B_TRAP_NONE);
  EXPECT_EQ(m.call(m.init, {i32v(0), i32v(0), i32v(5), i32v(0), i32v(0)}),
            W2B_TRAP_OOB_TABLE);
  EXPECT_EQ(m.call(m.init, {i32v(0), i32v(0), i32v(0), i32v(4), i32v(0)}),
            W2B_TRAP_OOB_TABLE);
}

TEST(Table, ActiveAndDeclarativeSegmentsAreDropped) {
  TableModule m;
  EXPECT_EQ(elemAt(m.table(1), 0), m.fn(m.fTwo)); // applied at instantiation
  EXPECT_EQ(m.call(m.init, {i32v(1), i32v(1), i32v(0), i32v(0), i32v(0)}),
            W2B_TRAP_NONE);
  EXPECT_EQ(m.call(m.init, {i32v(1), i32v(1), i32v(0), i32v(0), i32v(1)}),
            W2B_TRAP_OOB_TABLE);
  EXPECT_EQ(m.call(m.init, {i32v(0), i32v(2), i32v(0), i32v(0), i32v(1)}),
            W2B_TRAP_OOB_TABLE);

  ASSERT_EQ(m.call(m.drop, {i32v(0)}), W2B_TRAP_NONE);
  EXPECT_EQ(m.call(m.init, {i32v(0), i32v(0), i32v(0), i32v(0), i32v(1)}),
            W2B_TRAP_OOB_TABLE);
  EXPECT_EQ(m.call(m.init, {i32v(0), i32v(0), i32v(0), i32v(0), i32v(0)}),
            W2B_TRAP_NONE);
}

TEST(Table, CopyIsOverlapSafeAndChecked) {
  TableModule m;
  w2b_table *t = m.table(0);
  void *a = m.fn(m.fOne), *b = m.fn(m.fTwo);
  ASSERT_EQ(w2b_table_set(t, 0, a), 1);
  ASSERT_EQ(w2b_table_set(t, 1, b), 1);
  ASSERT_EQ(m.call(m.copy, {i32v(0), i32v(0), i32v(1), i32v(0), i32v(2)}),
            W2B_TRAP_NONE);
  EXPECT_EQ(elemAt(t, 0), a);
  EXPECT_EQ(elemAt(t, 1), a);
  EXPECT_EQ(elemAt(t, 2), b);
  ASSERT_EQ(m.call(m.copy, {i32v(0), i32v(0), i32v(0), i32v(1), i32v(3)}),
            W2B_TRAP_NONE);
  EXPECT_EQ(elemAt(t, 0), a);
  EXPECT_EQ(elemAt(t, 1), b);
  EXPECT_EQ(elemAt(t, 2), nullptr);

  // Between tables.
  ASSERT_EQ(m.call(m.copy, {i32v(0), i32v(1), i32v(3), i32v(0), i32v(1)}),
            W2B_TRAP_NONE);
  EXPECT_EQ(elemAt(t, 3), b);
  EXPECT_EQ(m.call(m.copy, {i32v(1), i32v(0), i32v(0), i32v(0), i32v(3)}),
            W2B_TRAP_OOB_TABLE);
  EXPECT_EQ(elemAt(m.table(1), 1), nullptr); // nothing written
  EXPECT_EQ(m.call(m.copy, {i32v(0), i32v(0), i32v(4), i32v(4), i32v(0)}),
            W2B_TRAP_NONE);
  EXPECT_EQ(m.call(m.copy, {i32v(0), i32v(0), i32v(5), i32v(0), i32v(0)}),
            W2B_TRAP_OOB_TABLE);
}

TEST(Table, FillIsChecked) {
  TableModule m;
  void *a = m.fn(m.fOne);
  ASSERT_EQ(m.call(m.fill, {i32v(0), i32v(1), ref(a), i32v(3)}), W2B_TRAP_NONE);
  w2b_table *t = m.table(0);
  EXPECT_EQ(elemAt(t, 0), nullptr);
  EXPECT_EQ(elemAt(t, 1), a);
  EXPECT_EQ(elemAt(t, 3), a);
  EXPECT_EQ(m.call(m.fill, {i32v(0), i32v(0), ref(nullptr), i32v(5)}),
            W2B_TRAP_OOB_TABLE);
  EXPECT_EQ(elemAt(t, 1), a); // nothing written
  EXPECT_EQ(m.call(m.fill, {i32v(0), i32v(4), ref(nullptr), i32v(0)}),
            W2B_TRAP_NONE);
  EXPECT_EQ(m.call(m.fill, {i32v(0), i32v(5), ref(nullptr), i32v(0)}),
            W2B_TRAP_OOB_TABLE);
}

TEST(Table, GrowRespectsTheMaximum) {
  TableModule m;
  void *a = m.fn(m.fOne);
  w2b_value r;
  ASSERT_EQ(m.call(m.grow, {i32v(0), ref(a), i32v(2)}, &r), W2B_TRAP_NONE);
  EXPECT_EQ(r.i32, 4);
  w2b_table *t = m.table(0);
  EXPECT_EQ(t->size, 6u);
  EXPECT_EQ(elemAt(t, 4), a);
  EXPECT_EQ(elemAt(t, 5), a);
  ASSERT_EQ(m.call(m.grow, {i32v(0), ref(nullptr), i32v(3)}, &r),
            W2B_TRAP_NONE);
  EXPECT_EQ(r.i32, -1);
  EXPECT_EQ(t->size, 6u);
  ASSERT_EQ(m.call(m.grow, {i32v(0), ref(nullptr), i32v(2)}, &r),
            W2B_TRAP_NONE);
  EXPECT_EQ(r.i32, 6);
  EXPECT_EQ(elemAt(t, 7), nullptr);
  ASSERT_EQ(m.call(m.grow, {i32v(0), ref(nullptr), i32v(0)}, &r),
            W2B_TRAP_NONE);
  EXPECT_EQ(r.i32, 8);
}

TEST(Table, GrowWithoutMaximumIsCappedAtTenMillion) {
  w2b_limits l = limits(0);
  w2b_table *t = w2b_new_table(W2B_EXTERNREF, &l);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->size, 0u);
  EXPECT_EQ(t->max, UINT32_MAX);
  EXPECT_EQ(t->has_max, 0);
  EXPECT_EQ(w2b_grow_table(t, 10000001, nullptr), UINT32_MAX);
  EXPECT_EQ(w2b_grow_table(t, UINT32_MAX, nullptr), UINT32_MAX);
  int marker;
  // Grow one at a time across a page boundary and keep the contents.
  for (uint32_t i = 0; i < 1000; ++i) {
    ASSERT_EQ(w2b_grow_table(t, 1, i % 2 ? &marker : nullptr), i);
    ASSERT_EQ(w2b_table_set(t, i, reinterpret_cast<void *>(uintptr_t(i + 1))), 1);
  }
  for (uint32_t i = 0; i < 1000; ++i)
    ASSERT_EQ(elemAt(t, i), reinterpret_cast<void *>(uintptr_t(i + 1)));
  EXPECT_EQ(w2b_grow_table(t, 10000000 - 1000, &marker), 1000u);
  EXPECT_EQ(t->size, 10000000u);
  EXPECT_EQ(elemAt(t, 9999999), &marker);
  EXPECT_EQ(w2b_grow_table(t, 1, nullptr), UINT32_MAX);
  w2b_free_table(t);
}

TEST(Table, EmbedderAccessIsChecked) {
  TableModule m;
  w2b_table *t = m.table(0);
  void *a = m.fn(m.fOne);
  EXPECT_EQ(w2b_table_set(t, 3, a), 1);
  EXPECT_EQ(w2b_table_get(t, 3), a);
  EXPECT_EQ(elemAt(t, 3), a); // with its call target
  EXPECT_EQ(callRef<int32_t>(static_cast<w2b_funcref *>(w2b_table_get(t, 3))),
            1);
  EXPECT_EQ(w2b_table_set(t, 4, a), 0);
  EXPECT_EQ(w2b_table_get(t, 4), nullptr);
  EXPECT_EQ(w2b_table_set(t, 3, nullptr), 1);
  EXPECT_EQ(elemAt(t, 3), nullptr); // the copy is cleared too
}

TEST(Table, InvalidLimits) {
  w2b_limits tooBig = limits(10000001);
  EXPECT_EQ(w2b_new_table(W2B_FUNCREF, &tooBig), nullptr);
  w2b_limits inverted = limits(3, 2);
  EXPECT_EQ(w2b_new_table(W2B_FUNCREF, &inverted), nullptr);
}
