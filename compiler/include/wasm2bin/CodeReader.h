//===- CodeReader.h - Decodes one function body instruction by instruction ===//
//
// The single place that turns body bytes into instructions. The validator
// drives it first (and reports its errors); the emitter drives it again over
// validated bytes. Immediates are decoded into Instr; their meaning depends on
// opcodeInfo(op).imm:
//
//   BlockType     blockType
//   Label/Func/Local/Global/Table/Data/Elem   a
//   CallIndirect  a = typeidx, b = tableidx
//   TableInit     a = elemidx, b = tableidx
//   TableCopy     a = dst table, b = src table
//   MemoryInit    a = dataidx
//   MemArg        a = align (log2), b = offset; MemArgLane also lane
//   I32/I64       bits[0] (sign-extended to 64 bits)
//   F32/F64       bits[0] (raw IEEE bits)
//   V128/Shuffle  bits[0], bits[1] (little-endian bytes; lane i = byte i)
//   SelectT       a = 1 (count), selectType
//   RefType       refType
//   Lane          lane
//   BrTable       targets() (depths, default last)
//
//===----------------------------------------------------------------------===//
#ifndef WASM2BIN_CODEREADER_H
#define WASM2BIN_CODEREADER_H

#include "wasm2bin/Diagnostic.h"
#include "wasm2bin/Opcode.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace wasm2bin {

/// A block type: no values, one result, or a function type index.
struct BlockType {
  enum Kind : uint8_t { Empty, Value, TypeIndex };
  Kind kind = Empty;
  ValType value = ValType::None;
  uint32_t typeIndex = 0;
};

struct Instr {
  Opcode op = Opcode::Nop;
  size_t offset = 0; ///< file offset of the opcode's first byte
  uint32_t a = 0, b = 0;
  uint64_t bits[2] = {0, 0};
  BlockType blockType;
  ValType selectType = ValType::None;
  ValType refType = ValType::None;
  uint8_t lane = 0;
};

class CodeReader {
public:
  /// Reads [Start, End) of Bytes; offsets reported are indices into Bytes.
  CodeReader(const std::vector<uint8_t> &Bytes, size_t Start, size_t End)
      : Bytes(Bytes), Pos(Start), End(End) {}

  bool atEnd() const { return Pos >= End; }
  size_t offset() const { return Pos; }

  /// Decodes the next instruction into I. On malformed input returns false
  /// and sets error(); the reader must not be used afterwards.
  bool next(Instr &I);

  /// br_table targets of the last instruction read (default last).
  const std::vector<uint32_t> &targets() const { return Targets; }

  const Diagnostic &error() const { return Err; }

private:
  const std::vector<uint8_t> &Bytes;
  size_t Pos, End;
  std::vector<uint32_t> Targets;
  Diagnostic Err;
};

} // namespace wasm2bin

#endif
