//===- Diagnostic.h - Errors with file offsets ------------------*- C++ -*-===//
//
// Every error wasm2bin reports about its input carries the byte offset where
// it was found. The driver prints it LLVM style:
//   wasm2bin: error: app.wasm:0x1f3: type mismatch in i32.add ...
//
//===----------------------------------------------------------------------===//
#ifndef WASM2BIN_DIAGNOSTIC_H
#define WASM2BIN_DIAGNOSTIC_H

#include <cstddef>
#include <string>

namespace wasm2bin {

struct Diagnostic {
  size_t offset = 0;
  std::string message; ///< lowercase, no trailing period

  /// "FILE:0xOFFSET: MESSAGE"
  std::string format(const std::string &File) const;
};

/// Either a value or a diagnostic. Deliberately tiny: the front end must not
/// depend on LLVM.
template <typename T> class Result {
public:
  Result(T V) : Value(std::move(V)), Ok(true) {}
  Result(Diagnostic D) : Diag(std::move(D)), Ok(false) {}
  explicit operator bool() const { return Ok; }
  T &operator*() { return Value; }
  T *operator->() { return &Value; }
  T take() { return std::move(Value); }
  const Diagnostic &error() const { return Diag; }

private:
  T Value{};
  Diagnostic Diag;
  bool Ok;
};

} // namespace wasm2bin

#endif
