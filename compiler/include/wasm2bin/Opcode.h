//===- Opcode.h - Opcode enumeration and static facts ----------*- C++ -*-===//
//
// Generated from Opcodes.def: the enumeration, and one OpcodeInfo per opcode
// with everything the decoder and validator need to know without a switch.
//
//===----------------------------------------------------------------------===//
#ifndef WASM2BIN_OPCODE_H
#define WASM2BIN_OPCODE_H

#include "wasm2bin/Types.h"

#include <cstdint>
#include <optional>

namespace wasm2bin {

enum class Opcode : uint16_t {
#define WASM_OPCODE(Name, ...) Name,
#include "wasm2bin/Opcodes.def"
};

constexpr unsigned NumOpcodes = 0
#define WASM_OPCODE(Name, ...) +1
#include "wasm2bin/Opcodes.def"
    ;

/// Kinds of immediates that follow an opcode in the binary format.
enum class ImmKind : uint8_t {
  None,
  BlockType,    ///< empty (0x40), a value type, or a type index (s33)
  Label,        ///< relative depth
  BrTable,      ///< vec(labelidx) then default labelidx
  Func,         ///< funcidx (call, ref.func)
  CallIndirect, ///< typeidx, tableidx
  Local,
  Global,
  Table,        ///< tableidx
  Memory,       ///< memidx, must be 0x00 in Wasm 2.0
  MemArg,       ///< align (u32, log2), offset (u32)
  MemArgLane,   ///< memarg then a lane index byte
  I32,          ///< s32
  I64,          ///< s64
  F32,          ///< 4 raw bytes
  F64,          ///< 8 raw bytes
  V128,         ///< 16 raw bytes
  SelectT,      ///< vec(valtype), length must be 1
  RefType,      ///< reftype byte (ref.null)
  MemoryInit,   ///< dataidx, memidx
  Data,         ///< dataidx
  MemoryCopy,   ///< memidx (dst), memidx (src)
  TableInit,    ///< elemidx, tableidx
  Elem,         ///< elemidx
  TableCopy,    ///< tableidx (dst), tableidx (src)
  Lane,         ///< lane index byte
  Shuffle,      ///< 16 lane index bytes
};

/// Lowering family; one emitter handler each.
/// Families repeat in Opcodes.def, so they are listed once in OpFamilies.def.
enum class OpFamily : uint8_t {
#define W2B_FAMILY(F) F,
#include "wasm2bin/OpFamilies.def"
#undef W2B_FAMILY
};

/// SIMD lane shapes; Scalar for non-SIMD instructions.
enum class Shape : uint8_t { Scalar, V128, I8x16, I16x8, I32x4, I64x2, F32x4, F64x2 };

struct OpcodeInfo {
  const char *text;
  uint8_t prefix;  ///< 0, 0xfc or 0xfd
  uint32_t code;
  ImmKind imm;
  uint8_t bytes;   ///< memory access width, 0 if none
  /// Fixed signature; ValType::None marks an absent slot. When all four are
  /// None and the family is a "context-typed" one, the validator types it.
  ValType result, params[3];
  Shape shape;
  OpFamily family;
};

/// Static facts about an opcode (table lookup, no switch).
const OpcodeInfo &opcodeInfo(Opcode Op);
inline const char *opcodeName(Opcode Op) { return opcodeInfo(Op).text; }

/// Maps a (prefix, code) pair to an opcode; nullopt if not in Wasm 2.0.
std::optional<Opcode> lookupOpcode(uint8_t Prefix, uint32_t Code);

/// Number of lanes of a SIMD shape (16 for V128 viewed as bytes).
unsigned laneCount(Shape S);

} // namespace wasm2bin

#endif
