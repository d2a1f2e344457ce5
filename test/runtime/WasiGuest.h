//===- WasiGuest.h - An instance to call WASI functions from ----*- C++ -*-===//
//
// For the WASI unit tests: an instance with one page of linear memory acts
// as the caller, and these helpers read and write that memory.
//
//===----------------------------------------------------------------------===//
#ifndef WASM2BIN_TEST_WASIGUEST_H
#define WASM2BIN_TEST_WASIGUEST_H

#include "TestModule.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

namespace w2btest {

struct Guest {
  ModuleBuilder b;
  InstancePtr inst;
  Guest() {
    b.addMemory(limits(1));
    EXPECT_EQ(instantiate(b.build(), inst), W2B_OK);
  }
  w2b_instance *caller() { return inst.get(); }
  uint8_t *mem() { return inst->mem_base; }
  uint32_t u32(uint32_t at) {
    uint32_t v;
    std::memcpy(&v, mem() + at, 4);
    return v;
  }
  uint64_t u64(uint32_t at) {
    uint64_t v;
    std::memcpy(&v, mem() + at, 8);
    return v;
  }
  /// Writes s (without a NUL) at `at`; returns its length.
  uint32_t put(uint32_t at, const std::string &s) {
    std::memcpy(mem() + at, s.data(), s.size());
    return uint32_t(s.size());
  }
  /// A $ciovec/$iovec {buf, len} at `at`.
  void putIovec(uint32_t at, uint32_t buf, uint32_t len) {
    std::memcpy(mem() + at, &buf, 4);
    std::memcpy(mem() + at + 4, &len, 4);
  }
  /// The NUL-terminated string at `at`, or the n bytes there.
  std::string str(uint32_t at) {
    return std::string(reinterpret_cast<char *>(mem() + at));
  }
  std::string str(uint32_t at, size_t n) {
    return std::string(reinterpret_cast<char *>(mem() + at), n);
  }
};

} // namespace w2btest

#endif
