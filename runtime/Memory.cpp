//===- Memory.cpp - Linear memories and the bulk-memory builtins ----------===//
//
// Every memory reserves 8 GiB + 64 KiB of address space up front (PROT_NONE,
// MAP_NORESERVE): any `base + u32 address + u32 offset + access size` then
// lands inside the reservation, so generated code needs no bounds check and
// an out-of-bounds access faults into the inaccessible part, which the signal
// handler turns into a trap. Only the accessible pages are read/write; growing
// mprotects more of them. The base never moves.
//
// The w2b_memory itself lives in the page just below the base, in the same
// mapping: creating a memory is one mmap and one mprotect. Generated code
// never reaches below the base (addresses and offsets are unsigned).
//
// Reservations are recorded in a lock-free registry that the signal handler
// reads to tell a guard-region hit from a real crash.
//
// A module compiled with --memory-base=fixed addresses its memory 0 through
// an absolute symbol instead of the instance's base (abi.h); the reservation
// is then made at that address, or instantiation fails.
//
//===----------------------------------------------------------------------===//
#include "Internal.h"

#include <errno.h>
#include <string.h>
#include <sys/mman.h>

namespace w2b {
namespace {

constexpr uint64_t kReservation = (8ull << 30) + W2B_PAGE_SIZE;
constexpr uint64_t kHeaderPage = 4096;
static_assert(sizeof(w2b_memory) <= kHeaderPage, "w2b_memory fits its page");

// --- Registry of reservations ------------------------------------------------
//
// Slots in chunks that are never freed; a slot is claimed with a CAS on
// `state` and its range published with release stores. The signal handler
// only loads, so it is async-signal-safe.

struct RegistrySlot {
  uint32_t state; // 0 free, 1 claimed
  uintptr_t begin;
  uintptr_t end;
};

struct RegistryChunk {
  RegistryChunk *next;
  RegistrySlot slots[63];
};

RegistryChunk firstChunk;
RegistryChunk *chunkList = &firstChunk;

RegistrySlot *registerRange(uintptr_t begin, uintptr_t end) {
  for (;;) {
    RegistryChunk *head = __atomic_load_n(&chunkList, __ATOMIC_ACQUIRE);
    for (RegistryChunk *c = head; c; c = c->next) {
      for (RegistrySlot &s : c->slots) {
        uint32_t expected = 0;
        if (__atomic_load_n(&s.state, __ATOMIC_RELAXED) == 0 &&
            __atomic_compare_exchange_n(&s.state, &expected, 1, false,
                                        __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {
          __atomic_store_n(&s.end, end, __ATOMIC_RELEASE);
          __atomic_store_n(&s.begin, begin, __ATOMIC_RELEASE);
          return &s;
        }
      }
    }
    auto *fresh =
        static_cast<RegistryChunk *>(pageAlloc(sizeof(RegistryChunk)));
    if (!fresh)
      return nullptr;
    fresh->next = head;
    if (!__atomic_compare_exchange_n(&chunkList, &head, fresh, false,
                                     __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
      pageFree(fresh, sizeof(RegistryChunk)); // another thread added one
  }
}

void unregisterRange(uintptr_t begin) {
  for (RegistryChunk *c = __atomic_load_n(&chunkList, __ATOMIC_ACQUIRE); c;
       c = c->next) {
    for (RegistrySlot &s : c->slots) {
      if (__atomic_load_n(&s.state, __ATOMIC_ACQUIRE) == 1 &&
          __atomic_load_n(&s.begin, __ATOMIC_ACQUIRE) == begin) {
        __atomic_store_n(&s.begin, 0, __ATOMIC_RELEASE);
        __atomic_store_n(&s.end, 0, __ATOMIC_RELEASE);
        __atomic_store_n(&s.state, 0, __ATOMIC_RELEASE);
        return;
      }
    }
  }
}

} // namespace

bool isInMemoryReservation(uintptr_t addr) {
  for (RegistryChunk *c = __atomic_load_n(&chunkList, __ATOMIC_ACQUIRE); c;
       c = c->next) {
    for (RegistrySlot &s : c->slots) {
      uintptr_t begin = __atomic_load_n(&s.begin, __ATOMIC_ACQUIRE);
      if (begin && addr >= begin &&
          addr < __atomic_load_n(&s.end, __ATOMIC_ACQUIRE))
        return true;
    }
  }
  return false;
}

// Data segment `seg` of inst's module: its bytes and current length (0 once
// dropped). False if there is no such segment.
static bool dataSegment(w2b_instance *inst, uint32_t seg, const uint8_t **bytes,
                        uint32_t *len) {
  const w2b_module *m = inst->module;
  if (seg >= m->num_datas)
    return false;
  const w2b_data_desc &d = m->datas[seg];
  *bytes = d.bytes;
  *len = instanceDropped(inst)[m->num_elems + seg] ? 0 : d.size;
  return true;
}

static bool inBounds(uint64_t start, uint64_t n, uint64_t size) {
  return start <= size && n <= size - start;
}

bool memoryInit(w2b_instance *inst, uint32_t seg, uint32_t dst, uint32_t src,
                uint32_t n) {
  const uint8_t *bytes;
  uint32_t len;
  w2b_memory *mem = inst->memory;
  if (!mem || !dataSegment(inst, seg, &bytes, &len))
    return false;
  if (!inBounds(src, n, len) || !inBounds(dst, n, mem->size))
    return false;
  if (n)
    memcpy(mem->base + dst, bytes + src, n);
  return true;
}

// The symbol generated code uses for a fixed memory 0: an absolute address,
// resolved by the linker into each access's displacement.
#define W2B_STR2(x) #x
#define W2B_STR(x) W2B_STR2(x)
asm(".globl " W2B_FIXED_MEMORY_SYMBOL "\n"
    ".set " W2B_FIXED_MEMORY_SYMBOL ", " W2B_STR(W2B_FIXED_MEMORY_BASE) "\n");

w2b_memory *newMemory(const w2b_limits *limits, bool atFixedBase) {
  uint32_t maxPages = limits->has_max ? limits->max : W2B_MAX_PAGES;
  if (maxPages > W2B_MAX_PAGES)
    maxPages = W2B_MAX_PAGES;
  if (limits->min > maxPages) {
    errno = EINVAL;
    return nullptr;
  }
  void *want = atFixedBase
                   ? reinterpret_cast<void *>(W2B_FIXED_MEMORY_BASE - kHeaderPage)
                   : nullptr;
  int flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE |
              (atFixedBase ? MAP_FIXED_NOREPLACE : 0);
  void *start = mmap(want, kHeaderPage + kReservation, PROT_NONE, flags, -1, 0);
  if (start == MAP_FAILED)
    return nullptr;
  // Kernels before 4.17 take MAP_FIXED_NOREPLACE for a hint.
  if (atFixedBase && start != want) {
    munmap(start, kHeaderPage + kReservation);
    errno = EEXIST;
    return nullptr;
  }
  // Transparent huge pages where the kernel leaves them to madvise (Debian's
  // default): linear memory is one large region, and random access to it is
  // bound by TLB misses (randmem, sort, strings run 15-30 % faster). A huge
  // page only backs a 2 MiB-aligned range that is wholly accessible, so a
  // memory under 2 MiB (a hello's) is as before; above that, touching one
  // byte of such a range commits all of it. Advice only: failure is harmless.
  madvise(start, kHeaderPage + kReservation, MADV_HUGEPAGE);
  uint8_t *base = static_cast<uint8_t *>(start) + kHeaderPage;
  uint64_t bytes = uint64_t(limits->min) * W2B_PAGE_SIZE;
  if (mprotect(start, kHeaderPage + bytes, PROT_READ | PROT_WRITE) != 0 ||
      !registerRange(uintptr_t(base), uintptr_t(base) + kReservation)) {
    munmap(start, kHeaderPage + kReservation);
    return nullptr;
  }
  installSignalHandlers();
  auto *mem = static_cast<w2b_memory *>(start);
  mem->base = base;
  mem->size = bytes;
  mem->pages = limits->min;
  mem->max_pages = maxPages;
  mem->reserved = kReservation;
  mem->has_max = limits->has_max ? 1 : 0;
  return mem;
}

} // namespace w2b

using namespace w2b;

extern "C" {

w2b_memory *w2b_new_memory(const w2b_limits *limits) {
  return newMemory(limits, false);
}

uint32_t w2b_grow_memory(w2b_memory *mem, uint32_t delta) {
  uint32_t old = mem->pages;
  if (delta == 0)
    return old;
  if (uint64_t(old) + delta > mem->max_pages)
    return UINT32_MAX;
  if (mprotect(mem->base + mem->size, uint64_t(delta) * W2B_PAGE_SIZE,
               PROT_READ | PROT_WRITE) != 0)
    return UINT32_MAX;
  mem->pages = old + delta;
  mem->size = uint64_t(mem->pages) * W2B_PAGE_SIZE;
  return old;
}

void w2b_free_memory(w2b_memory *mem) {
  if (!mem)
    return;
  unregisterRange(uintptr_t(mem->base));
  munmap(mem, kHeaderPage + mem->reserved);
}

// --- Builtins ----------------------------------------------------------------

uint32_t w2b_memory_grow(w2b_instance *inst, uint32_t delta) {
  return inst->memory ? w2b_grow_memory(inst->memory, delta) : UINT32_MAX;
}

void w2b_memory_init(w2b_instance *inst, uint32_t seg, uint32_t dst,
                     uint32_t src, uint32_t n) {
  if (!memoryInit(inst, seg, dst, src, n))
    w2b_trap(W2B_TRAP_OOB_MEMORY);
}

void w2b_data_drop(w2b_instance *inst, uint32_t seg) {
  const w2b_module *m = inst->module;
  if (seg < m->num_datas)
    instanceDropped(inst)[m->num_elems + seg] = 1;
}

void w2b_memory_copy(w2b_instance *inst, uint32_t dst, uint32_t src,
                     uint32_t n) {
  w2b_memory *mem = inst->memory;
  if (!mem || !inBounds(src, n, mem->size) || !inBounds(dst, n, mem->size))
    w2b_trap(W2B_TRAP_OOB_MEMORY);
  if (n)
    memmove(mem->base + dst, mem->base + src, n);
}

void w2b_memory_fill(w2b_instance *inst, uint32_t dst, uint32_t value,
                     uint32_t n) {
  w2b_memory *mem = inst->memory;
  if (!mem || !inBounds(dst, n, mem->size))
    w2b_trap(W2B_TRAP_OOB_MEMORY);
  if (n)
    memset(mem->base + dst, int(value & 0xff), n);
}

} // extern "C"
