//===- InstanceLayout.h - Where things live in an instance ------*- C++ -*-===//
//
// The one place in the compiler that knows the runtime's data layouts
// (runtime/abi.h): the instance header, the module-specific tail, and the
// descriptor structs the compiler emits. InstanceLayout.cpp static_asserts
// the header offsets against abi.h; test/codegen checks the LLVM struct types
// against the C structs field by field.
//
//===----------------------------------------------------------------------===//
#ifndef WASM2BIN_CODEGEN_INSTANCELAYOUT_H
#define WASM2BIN_CODEGEN_INSTANCELAYOUT_H

#include "wasm2bin/Module.h"

#include <cstdint>
#include <vector>

namespace llvm {
class LLVMContext;
class StructType;
} // namespace llvm

namespace wasm2bin {

/// Offsets of the module-specific tail (see w2b_layout in abi.h).
struct InstanceLayout {
  uint32_t funcs = 0;           ///< w2b_funcref *[numFuncs]
  uint32_t ownFuncs = 0;        ///< w2b_funcref [numDefinedFuncs]
  uint32_t tables = 0;          ///< w2b_table *[numTables]
  uint32_t importedGlobals = 0; ///< w2b_value *[numImportedGlobals]
  uint32_t ownGlobals = 0;      ///< w2b_value [numDefinedGlobals]
  uint32_t dropped = 0;         ///< uint8_t [numElems + numDatas]
  uint32_t size = 0;
  /// Per defined table: where instantiation puts its w2b_table, with its
  /// initial elements TableHeaderSize bytes after it (after the tail and the
  /// imported functions' funcrefs, from the next multiple of TableElemSize;
  /// runtime/Instance.cpp), or 0 where that offset is too large to use as a
  /// displacement. The runtime refuses a descriptor that disagrees.
  std::vector<uint32_t> ownTables;

  static InstanceLayout compute(const Module &M);

  uint32_t funcSlot(uint32_t FuncIdx) const { return funcs + 8 * FuncIdx; }
  uint32_t tableSlot(uint32_t TableIdx) const { return tables + 8 * TableIdx; }
  uint32_t importedGlobalSlot(uint32_t GlobalIdx) const {
    return importedGlobals + 8 * GlobalIdx;
  }
  uint32_t ownGlobalCell(uint32_t DefinedIdx) const {
    return ownGlobals + 16 * DefinedIdx;
  }
};

// Fixed offsets of runtime structs (mirrors of abi.h's W2B_OFFSET_*).
namespace abi {
constexpr unsigned InstanceMemBase = 0;
constexpr unsigned InstanceMemory = 8;
constexpr unsigned InstanceHeaderSize = 32;
constexpr unsigned MemorySize = 8;
constexpr unsigned MemoryPages = 16;
constexpr unsigned TableElems = 0;
constexpr unsigned TableSize = 8;
constexpr unsigned FuncRefSig = 0;
constexpr unsigned FuncRefCode = 8;
constexpr unsigned FuncRefEnv = 16;
constexpr unsigned FuncRefSize = 32;
constexpr unsigned ValueSize = 16;
/// Initial elements of a table kept in the instance follow its w2b_table
/// at this offset.
constexpr unsigned TableHeaderSize = 32;
constexpr unsigned TableElemRef = 0;
constexpr unsigned TableElemSig = 8;
constexpr unsigned TableElemCode = 16;
constexpr unsigned TableElemEnv = 24;
constexpr unsigned TableElemSize = 32;
constexpr uint32_t MaxTableElems = 10000000;
} // namespace abi

/// LLVM mirrors of the descriptor structs of abi.h, field for field.
struct AbiTypes {
  llvm::StructType *ConstExpr, *Limits, *ImportDesc, *FuncDesc, *TableDesc,
      *GlobalDesc, *ExportDesc, *ElemDesc, *DataDesc, *Layout, *Module,
      *DirGrant, *Policy;
  explicit AbiTypes(llvm::LLVMContext &Ctx);
};

} // namespace wasm2bin

#endif
