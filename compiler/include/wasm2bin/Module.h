//===- Module.h - A decoded WebAssembly module ------------------*- C++ -*-===//
//
// The typed form of a module's sections, produced by the decoder and consumed
// (read-only) by the validator and the code generator. Function bodies stay as
// byte ranges of the original binary: CodeReader decodes them on demand, once
// for validation and once for lowering, so no instruction list is kept.
//
// Index spaces follow the spec: imported entities come first.
//
//===----------------------------------------------------------------------===//
#ifndef WASM2BIN_MODULE_H
#define WASM2BIN_MODULE_H

#include "wasm2bin/Types.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace wasm2bin {

/// A constant expression. Wasm 2.0 allows exactly one of these instructions
/// followed by `end`.
struct ConstExpr {
  enum Kind : uint8_t { I32, I64, F32, F64, V128, RefNull, RefFunc, GlobalGet };
  Kind kind = I32;
  ValType refType = ValType::None; ///< RefNull: the reference type
  uint64_t bits[2] = {0, 0};       ///< numeric payload (raw bits), low first
  uint32_t index = 0;              ///< RefFunc: funcidx; GlobalGet: globalidx
  size_t offset = 0;               ///< file offset of the instruction
};

struct Import {
  std::string module;
  std::string name;
  ExternKind kind = ExternKind::Func;
  uint32_t funcType = 0; ///< kind == Func: type index
  TableType table;       ///< kind == Table
  MemoryType memory;     ///< kind == Memory
  GlobalType global;     ///< kind == Global
  size_t offset = 0;
};

/// A function defined in this module (not imported).
struct Function {
  uint32_t typeIndex = 0;
  std::vector<ValType> locals; ///< declared locals, excluding parameters
  size_t bodyStart = 0;        ///< offset of the first instruction
  size_t bodyEnd = 0;          ///< one past the final `end`
  size_t offset = 0;           ///< offset of the body's size field
};

struct Global {
  GlobalType type;
  ConstExpr init;
  size_t offset = 0;
};

struct Export {
  std::string name;
  ExternKind kind = ExternKind::Func;
  uint32_t index = 0;
  size_t offset = 0;
};

enum class SegmentMode : uint8_t { Active, Passive, Declarative };

struct ElemSegment {
  SegmentMode mode = SegmentMode::Active;
  uint32_t table = 0;            ///< Active only
  ConstExpr offsetExpr;          ///< Active only
  ValType type = ValType::FuncRef;
  std::vector<ConstExpr> items;  ///< each ref.func, ref.null or global.get
  size_t offset = 0;
};

struct DataSegment {
  SegmentMode mode = SegmentMode::Active; ///< Active or Passive
  uint32_t memory = 0;
  ConstExpr offsetExpr;
  size_t dataStart = 0; ///< bytes live in Module::bytes
  size_t dataSize = 0;
  size_t offset = 0;
};

struct CustomSection {
  std::string name;
  size_t start = 0, size = 0; ///< payload after the name
};

/// Contents of the "name" custom section (all optional; a malformed name
/// section is ignored, as the spec allows).
struct NameSection {
  std::string moduleName;
  std::map<uint32_t, std::string> functions;
  std::map<uint32_t, std::map<uint32_t, std::string>> locals;
};

struct Module {
  std::vector<uint8_t> bytes; ///< the whole binary; bodies/data point here

  std::vector<FuncType> types;
  std::vector<Import> imports;
  std::vector<Function> functions; ///< defined functions only
  std::vector<TableType> tables;   ///< defined tables only
  std::vector<MemoryType> memories;///< defined memories only
  std::vector<Global> globals;     ///< defined globals only
  std::vector<Export> exports;
  std::optional<uint32_t> start;
  std::vector<ElemSegment> elems;
  std::vector<DataSegment> datas;
  std::optional<uint32_t> dataCount;
  std::vector<CustomSection> customSections;
  NameSection names;

  // File offsets, for diagnostics, of entities that have no struct of their
  // own: each defined table's and memory's type, and the start function
  // index.
  std::vector<size_t> tableOffsets, memoryOffsets;
  size_t startOffset = 0;

  // Number of imports of each kind (they precede definitions in each index
  // space).
  uint32_t numImportedFuncs = 0, numImportedTables = 0,
           numImportedMemories = 0, numImportedGlobals = 0;

  // Whole index spaces.
  uint32_t numFuncs() const { return numImportedFuncs + functions.size(); }
  uint32_t numTables() const { return numImportedTables + tables.size(); }
  uint32_t numMemories() const {
    return numImportedMemories + memories.size();
  }
  uint32_t numGlobals() const { return numImportedGlobals + globals.size(); }

  /// Type index / type of function `FuncIdx` (imported or defined).
  uint32_t funcTypeIndex(uint32_t FuncIdx) const;
  const FuncType &funcType(uint32_t FuncIdx) const {
    return types[funcTypeIndex(FuncIdx)];
  }
  TableType tableType(uint32_t TableIdx) const;
  MemoryType memoryType(uint32_t MemIdx) const;
  GlobalType globalType(uint32_t GlobalIdx) const;
  /// The import that provides entity `Index` of `Kind`, or null if defined.
  const Import *importOf(ExternKind Kind, uint32_t Index) const;

  /// Name for function `FuncIdx`: the name section's, else the export
  /// name, else the import's "module.name", else "func<N>".
  std::string functionName(uint32_t FuncIdx) const;
  /// functionName of every function, computed in one pass (linear in the
  /// number of functions, imports and exports).
  std::vector<std::string> functionNames() const;
};

} // namespace wasm2bin

#endif
