//===- MemoryTest.cpp - Memory growth, guard region, bulk memory ----------===//
#include "TestModule.h"

#include "builtins.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <unistd.h>
#include <string>

using namespace w2btest;

// g++ says __SANITIZE_ADDRESS__, clang __has_feature(address_sanitizer).
#if defined(__SANITIZE_ADDRESS__)
#define W2B_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define W2B_TEST_ASAN 1
#endif
#endif
#ifndef W2B_TEST_ASAN
#define W2B_TEST_ASAN 0
#endif

namespace {

// A store as generated code does it with the guard-region design:
// base + zext(addr) + offset, no bounds check.
// Wasm accesses need no alignment.
typedef int32_t UnalignedI32 __attribute__((aligned(1)));

void store32(w2b_instance *inst, int32_t addr, int64_t offset, int32_t value) {
  volatile UnalignedI32 *p = reinterpret_cast<volatile UnalignedI32 *>(
      inst->mem_base + uint64_t(uint32_t(addr)) + uint64_t(offset));
  *p = value;
}

int32_t load8(w2b_instance *inst, int32_t addr) {
  return *reinterpret_cast<volatile uint8_t *>(inst->mem_base + uint32_t(addr));
}

int32_t memGrow(w2b_instance *inst, int32_t delta) {
  return int32_t(w2b_memory_grow(inst, uint32_t(delta)));
}

void memFill(w2b_instance *inst, int32_t d, int32_t v, int32_t n) {
  w2b_memory_fill(inst, uint32_t(d), uint32_t(v), uint32_t(n));
}
void memCopy(w2b_instance *inst, int32_t d, int32_t s, int32_t n) {
  w2b_memory_copy(inst, uint32_t(d), uint32_t(s), uint32_t(n));
}
void memInit(w2b_instance *inst, int32_t seg, int32_t d, int32_t s, int32_t n) {
  w2b_memory_init(inst, uint32_t(seg), uint32_t(d), uint32_t(s), uint32_t(n));
}
void dataDrop(w2b_instance *inst, int32_t seg) {
  w2b_data_drop(inst, uint32_t(seg));
}

struct MemoryModule {
  ModuleBuilder b;
  InstancePtr inst;
  w2b_funcref *store, *load, *grow, *fill, *copy, *init, *drop;

  explicit MemoryModule(w2b_limits l, bool withData = true) {
    b.addMemory(l);
    b.exportAs("store", W2B_EXTERN_FUNC, b.addFunc(func("iIi:", store32)));
    b.exportAs("load", W2B_EXTERN_FUNC, b.addFunc(func("i:i", load8)));
    b.exportAs("grow", W2B_EXTERN_FUNC, b.addFunc(func("i:i", memGrow)));
    b.exportAs("fill", W2B_EXTERN_FUNC, b.addFunc(func("iii:", memFill)));
    b.exportAs("copy", W2B_EXTERN_FUNC, b.addFunc(func("iii:", memCopy)));
    b.exportAs("init", W2B_EXTERN_FUNC, b.addFunc(func("iiii:", memInit)));
    b.exportAs("drop", W2B_EXTERN_FUNC, b.addFunc(func("i:", dataDrop)));
    if (withData) {
      b.addData(W2B_SEGMENT_PASSIVE, i32c(0), "0123456789");
      b.addData(W2B_SEGMENT_ACTIVE, i32c(0), "active");
    }
    EXPECT_EQ(instantiate(b.build(), inst), W2B_OK);
    store = exportedFunc(inst.get(), "store");
    load = exportedFunc(inst.get(), "load");
    grow = exportedFunc(inst.get(), "grow");
    fill = exportedFunc(inst.get(), "fill");
    copy = exportedFunc(inst.get(), "copy");
    init = exportedFunc(inst.get(), "init");
    drop = exportedFunc(inst.get(), "drop");
  }

  w2b_trap_kind call(w2b_funcref *f, std::initializer_list<w2b_value> args,
                     w2b_value *result = nullptr) {
    std::vector<w2b_value> a(args);
    w2b_value scratch;
    return w2b_invoke(f, a.data(), result ? result : &scratch);
  }
  uint8_t *mem() { return inst->mem_base; }
};

} // namespace

TEST(Memory, GrowRespectsTheMaximum) {
  MemoryModule m(limits(1, 3));
  w2b_value r;
  ASSERT_EQ(m.call(m.grow, {i32v(0)}, &r), W2B_TRAP_NONE);
  EXPECT_EQ(r.i32, 1);
  ASSERT_EQ(m.call(m.grow, {i32v(3)}, &r), W2B_TRAP_NONE);
  EXPECT_EQ(r.i32, -1);
  EXPECT_EQ(m.inst->memory->pages, 1u);
  ASSERT_EQ(m.call(m.grow, {i32v(2)}, &r), W2B_TRAP_NONE);
  EXPECT_EQ(r.i32, 1);
  EXPECT_EQ(m.inst->memory->pages, 3u);
  EXPECT_EQ(m.inst->memory->size, 3u * 65536);
  ASSERT_EQ(m.call(m.grow, {i32v(1)}, &r), W2B_TRAP_NONE);
  EXPECT_EQ(r.i32, -1);
  ASSERT_EQ(m.call(m.grow, {i32v(-1)}, &r), W2B_TRAP_NONE);
  EXPECT_EQ(r.i32, -1);
  // New pages are zeroed and usable; the base did not move.
  EXPECT_EQ(m.mem()[3 * 65536 - 1], 0);
  ASSERT_EQ(m.call(m.store, {i32v(3 * 65536 - 4), i64v(0), i32v(7)}),
            W2B_TRAP_NONE);
  EXPECT_EQ(m.inst->mem_base, m.inst->memory->base);
  // Just past the end is still the guard.
  EXPECT_EQ(m.call(m.store, {i32v(3 * 65536 - 3), i64v(0), i32v(7)}),
            W2B_TRAP_OOB_MEMORY);
}

TEST(Memory, GrowWithoutMaximumStopsAt4GiB) {
  w2b_limits l = limits(0);
  w2b_memory *mem = w2b_new_memory(&l);
  ASSERT_NE(mem, nullptr);
  EXPECT_EQ(mem->max_pages, W2B_MAX_PAGES);
  EXPECT_EQ(mem->has_max, 0);
  EXPECT_EQ(w2b_grow_memory(mem, 65537), UINT32_MAX);
  EXPECT_EQ(w2b_grow_memory(mem, 65536), 0u);
  EXPECT_EQ(mem->size, 4ull << 30);
  mem->base[(4ull << 30) - 1] = 1; // the last byte is accessible
  EXPECT_EQ(w2b_grow_memory(mem, 1), UINT32_MAX);
  EXPECT_EQ(w2b_grow_memory(mem, 0), 65536u);
  w2b_free_memory(mem);
}

TEST(Memory, InvalidLimits) {
  w2b_limits tooBig = limits(65537);
  EXPECT_EQ(w2b_new_memory(&tooBig), nullptr);
  w2b_limits inverted = limits(3, 2);
  EXPECT_EQ(w2b_new_memory(&inverted), nullptr);
}

TEST(Memory, OutOfBoundsStoreIntoTheGuardTraps) {
  MemoryModule m(limits(1));
  EXPECT_EQ(m.call(m.store, {i32v(65532), i64v(0), i32v(1)}), W2B_TRAP_NONE);
  EXPECT_EQ(m.call(m.store, {i32v(65533), i64v(0), i32v(1)}),
            W2B_TRAP_OOB_MEMORY);
  EXPECT_EQ(m.call(m.store, {i32v(65536), i64v(0), i32v(1)}),
            W2B_TRAP_OOB_MEMORY);
  // The farthest access generated code can make: u32 max + u32 max offset.
  EXPECT_EQ(m.call(m.store, {i32v(-1), i64v(0xffffffffll), i32v(1)}),
            W2B_TRAP_OOB_MEMORY);
  EXPECT_EQ(m.call(m.store, {i32v(-4), i64v(0), i32v(1)}), W2B_TRAP_OOB_MEMORY);
  // The instance stays usable.
  EXPECT_EQ(m.call(m.store, {i32v(100), i64v(0), i32v(0x01020304)}),
            W2B_TRAP_NONE);
  w2b_value r;
  ASSERT_EQ(m.call(m.load, {i32v(100)}, &r), W2B_TRAP_NONE);
  EXPECT_EQ(r.i32, 4);
}

TEST(Memory, ZeroPageMemoryTrapsOnAnyAccess) {
  MemoryModule m(limits(0), /*withData=*/false);
  EXPECT_EQ(m.call(m.load, {i32v(0)}), W2B_TRAP_OOB_MEMORY);
  w2b_value r;
  ASSERT_EQ(m.call(m.grow, {i32v(1)}, &r), W2B_TRAP_NONE);
  EXPECT_EQ(r.i32, 0);
  EXPECT_EQ(m.call(m.load, {i32v(0)}), W2B_TRAP_NONE);
}

TEST(Memory, FillBoundsAreCheckedBeforeWriting) {
  MemoryModule m(limits(1));
  EXPECT_EQ(m.call(m.fill, {i32v(65530), i32v(0x1AA), i32v(6)}), W2B_TRAP_NONE);
  EXPECT_EQ(m.mem()[65530], 0xAA); // value is taken mod 256
  EXPECT_EQ(m.mem()[65535], 0xAA);
  std::memset(m.mem() + 65530, 0, 6);
  EXPECT_EQ(m.call(m.fill, {i32v(65530), i32v(0xAA), i32v(7)}),
            W2B_TRAP_OOB_MEMORY);
  for (int i = 65530; i < 65536; ++i)
    EXPECT_EQ(m.mem()[i], 0) << i; // no partial write
  EXPECT_EQ(m.call(m.fill, {i32v(65536), i32v(1), i32v(0)}), W2B_TRAP_NONE);
  EXPECT_EQ(m.call(m.fill, {i32v(65537), i32v(1), i32v(0)}),
            W2B_TRAP_OOB_MEMORY);
  EXPECT_EQ(m.call(m.fill, {i32v(1), i32v(1), i32v(-1)}), W2B_TRAP_OOB_MEMORY);
  EXPECT_EQ(m.mem()[1], 'c'); // "active" untouched
}

TEST(Memory, CopyIsOverlapSafeAndChecked) {
  MemoryModule m(limits(1));
  std::memcpy(m.mem() + 10, "abcdef", 6);
  ASSERT_EQ(m.call(m.copy, {i32v(12), i32v(10), i32v(6)}), W2B_TRAP_NONE);
  EXPECT_EQ(std::memcmp(m.mem() + 10, "ababcdef", 8), 0);
  ASSERT_EQ(m.call(m.copy, {i32v(10), i32v(12), i32v(6)}), W2B_TRAP_NONE);
  EXPECT_EQ(std::memcmp(m.mem() + 10, "abcdefef", 8), 0);

  std::memcpy(m.mem() + 65530, "xxxxxx", 6);
  EXPECT_EQ(m.call(m.copy, {i32v(65530), i32v(10), i32v(7)}),
            W2B_TRAP_OOB_MEMORY);
  EXPECT_EQ(std::memcmp(m.mem() + 65530, "xxxxxx", 6), 0);
  EXPECT_EQ(m.call(m.copy, {i32v(0), i32v(65530), i32v(7)}),
            W2B_TRAP_OOB_MEMORY);
  EXPECT_EQ(std::memcmp(m.mem(), "active", 6), 0);
  EXPECT_EQ(m.call(m.copy, {i32v(65536), i32v(65536), i32v(0)}), W2B_TRAP_NONE);
  EXPECT_EQ(m.call(m.copy, {i32v(65537), i32v(0), i32v(0)}),
            W2B_TRAP_OOB_MEMORY);
  EXPECT_EQ(m.call(m.copy, {i32v(0), i32v(65537), i32v(0)}),
            W2B_TRAP_OOB_MEMORY);
}

TEST(Memory, InitAndDropPassiveSegments) {
  MemoryModule m(limits(1));
  ASSERT_EQ(m.call(m.init, {i32v(0), i32v(100), i32v(2), i32v(5)}),
            W2B_TRAP_NONE);
  EXPECT_EQ(std::memcmp(m.mem() + 100, "23456", 5), 0);
  // Source range past the segment: nothing written.
  EXPECT_EQ(m.call(m.init, {i32v(0), i32v(200), i32v(5), i32v(6)}),
            W2B_TRAP_OOB_MEMORY);
  EXPECT_EQ(m.mem()[200], 0);
  // Destination range past the memory: nothing written.
  EXPECT_EQ(m.call(m.init, {i32v(0), i32v(65530), i32v(0), i32v(7)}),
            W2B_TRAP_OOB_MEMORY);
  EXPECT_EQ(m.mem()[65530], 0);
  EXPECT_EQ(m.call(m.init, {i32v(0), i32v(65536), i32v(10), i32v(0)}),
            W2B_TRAP_NONE);

  // The active segment was dropped at instantiation: length 0.
  EXPECT_EQ(m.call(m.init, {i32v(1), i32v(0), i32v(0), i32v(0)}),
            W2B_TRAP_NONE);
  EXPECT_EQ(m.call(m.init, {i32v(1), i32v(0), i32v(0), i32v(1)}),
            W2B_TRAP_OOB_MEMORY);

  ASSERT_EQ(m.call(m.drop, {i32v(0)}), W2B_TRAP_NONE);
  EXPECT_EQ(m.call(m.init, {i32v(0), i32v(0), i32v(0), i32v(1)}),
            W2B_TRAP_OOB_MEMORY);
  EXPECT_EQ(m.call(m.init, {i32v(0), i32v(0), i32v(0), i32v(0)}),
            W2B_TRAP_NONE);
  ASSERT_EQ(m.call(m.drop, {i32v(0)}), W2B_TRAP_NONE); // dropping twice is fine
}

TEST(Memory, NewMemoryIsRegisteredForTheSignalHandler) {
  // A memory made by the embedder faults into a trap too.
  w2b_limits l = limits(1);
  w2b_memory *mem = w2b_new_memory(&l);
  ASSERT_NE(mem, nullptr);
  ModuleBuilder b;
  b.importMemory("env", "mem", limits(1));
  b.exportAs("store", W2B_EXTERN_FUNC, b.addFunc(func("iIi:", store32)));
  Resolver r;
  r.addMemory("env", "mem", mem);
  InstancePtr inst;
  ASSERT_EQ(instantiate(b.build(), inst, &r), W2B_OK);
  w2b_value args[3] = {i32v(65536), i64v(0), i32v(1)};
  EXPECT_EQ(w2b_invoke(exportedFunc(inst.get(), "store"), args, nullptr),
            W2B_TRAP_OOB_MEMORY);
  w2b_free_memory(mem);
}

// --memory-base=fixed: memory 0 is reserved at W2B_FIXED_MEMORY_BASE, where
// generated code addresses it without a base register; a second instance
// cannot have it while the first lives, and fails with a clear error rather
// than landing elsewhere.
TEST(Memory, FixedBaseHoldsOneInstanceAtATime) {
#if W2B_TEST_ASAN
  GTEST_SKIP() << "ASan's shadow memory covers part of the fixed range";
#endif
  ModuleBuilder b;
  b.addMemory(limits(1));
  b.setMemoryFixedBase();
  b.exportAs("store", W2B_EXTERN_FUNC, b.addFunc(func("iIi:", store32)));
  const w2b_module *m = b.build();
  auto *fixed = reinterpret_cast<uint8_t *>(uintptr_t(W2B_FIXED_MEMORY_BASE));
  {
    InstancePtr first;
    ASSERT_EQ(instantiate(m, first), W2B_OK);
    EXPECT_EQ(first->mem_base, fixed);
    w2b_value ok[3] = {i32v(8), i64v(0), i32v(0x1234)};
    ASSERT_EQ(w2b_invoke(exportedFunc(first.get(), "store"), ok, nullptr),
              W2B_TRAP_NONE);
    EXPECT_EQ(fixed[8], 0x34);
    // The guard region behind it traps as for any memory.
    w2b_value oob[3] = {i32v(65536), i64v(0), i32v(1)};
    EXPECT_EQ(w2b_invoke(exportedFunc(first.get(), "store"), oob, nullptr),
              W2B_TRAP_OOB_MEMORY);

    InstancePtr second;
    w2b_error err;
    EXPECT_EQ(instantiate(m, second, nullptr, &err), W2B_RESOURCE_ERROR);
    EXPECT_NE(std::string(err.message).find("fixed address is taken"), std::string::npos)
        << err.message;
  }
  // Freed, the range is free again.
  InstancePtr third;
  ASSERT_EQ(instantiate(m, third), W2B_OK);
  EXPECT_EQ(third->mem_base, fixed);
  EXPECT_EQ(fixed[8], 0) << "a new memory starts zeroed";
}

namespace {

// The VmFlags line of the mapping that contains `addr` in /proc/self/smaps.
std::string vmFlagsOf(const void *addr) {
  FILE *f = fopen("/proc/self/smaps", "r");
  if (!f)
    return "";
  char line[512];
  bool inside = false;
  std::string flags;
  uintptr_t a = reinterpret_cast<uintptr_t>(addr);
  while (fgets(line, sizeof line, f)) {
    unsigned long lo, hi;
    if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2 && strchr(line, '-') < strchr(line, ' '))
      inside = lo <= a && a < hi;
    else if (inside && strncmp(line, "VmFlags:", 8) == 0) {
      flags = line + 8;
      break;
    }
  }
  fclose(f);
  return flags;
}

} // namespace

// Linear memory asks for transparent huge pages (MADV_HUGEPAGE, "hg" in
// VmFlags): Wasm memory is one large region, and random access to it is
// bound by TLB misses (docs/performance.md). Both the accessible pages and
// the reserved rest carry the advice, so pages that memory.grow opens get it.
TEST(Memory, LinearMemoryAsksForHugePages) {
  if (access("/sys/kernel/mm/transparent_hugepage", F_OK) != 0)
    GTEST_SKIP() << "kernel without transparent huge pages";
  MemoryModule m(limits(1));
  if (vmFlagsOf(m.inst->mem_base).empty())
    GTEST_SKIP() << "no VmFlags in /proc/self/smaps";
  EXPECT_NE(vmFlagsOf(m.inst->mem_base).find(" hg"), std::string::npos)
      << vmFlagsOf(m.inst->mem_base);
  EXPECT_NE(vmFlagsOf(m.inst->mem_base + 2 * 65536).find(" hg"),
            std::string::npos);
}
