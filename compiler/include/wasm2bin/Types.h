//===- Types.h - WebAssembly value and external types ---------*- C++ -*-===//
#ifndef WASM2BIN_TYPES_H
#define WASM2BIN_TYPES_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wasm2bin {

/// Value types, with their binary encodings. None marks "no type" in tables.
enum class ValType : uint8_t {
  None = 0x00,
  I32 = 0x7f,
  I64 = 0x7e,
  F32 = 0x7d,
  F64 = 0x7c,
  V128 = 0x7b,
  FuncRef = 0x70,
  ExternRef = 0x6f,
};

const char *valTypeName(ValType T); ///< "i32", "funcref", ...
inline bool isRefType(ValType T) {
  return T == ValType::FuncRef || T == ValType::ExternRef;
}
inline bool isNumType(ValType T) {
  return T == ValType::I32 || T == ValType::I64 || T == ValType::F32 ||
         T == ValType::F64;
}
/// Size of a value of this type in the runtime's representation (refs are
/// pointers).
unsigned valTypeSize(ValType T);

struct FuncType {
  std::vector<ValType> params;
  std::vector<ValType> results;
  bool operator==(const FuncType &O) const {
    return params == O.params && results == O.results;
  }
  /// "(i32, i64) -> (f32)" for diagnostics.
  std::string str() const;
};

struct Limits {
  uint64_t min = 0;
  std::optional<uint64_t> max;
};

struct TableType {
  ValType elem = ValType::FuncRef;
  Limits limits;
};

struct MemoryType {
  Limits limits; ///< in 64 KiB pages
};

struct GlobalType {
  ValType type = ValType::I32;
  bool isMutable = false;
};

enum class ExternKind : uint8_t { Func = 0, Table = 1, Memory = 2, Global = 3 };
const char *externKindName(ExternKind K); ///< "func", "table", ...

} // namespace wasm2bin

#endif
