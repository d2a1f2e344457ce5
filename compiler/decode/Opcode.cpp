//===- Opcode.cpp - The opcode table and (prefix, code) lookup ------------===//
//
// Both tables are generated from Opcodes.def at compile time. Naming an
// OpFamily that OpFamilies.def lacks, or a type or shape that does not exist,
// fails to compile here, which keeps the two .def files in sync.
//
//===----------------------------------------------------------------------===//

#include "wasm2bin/Opcode.h"

#include <array>

namespace wasm2bin {
namespace {

// The type columns of Opcodes.def spell I32 ... V128, or ___ for none. They
// are stringized and mapped here, because an identifier containing "__" is
// reserved in C++. An unknown spelling is not a constant expression, so a
// typo in Opcodes.def fails to compile.
constexpr bool sameText(const char *A, const char *B) {
  while (*A && *A == *B)
    ++A, ++B;
  return *A == *B;
}

ValType unknownTypeSpellingInOpcodesDef() { return ValType::None; }

constexpr ValType typeNamed(const char *Name) {
  return sameText(Name, "___")    ? ValType::None
         : sameText(Name, "I32")  ? ValType::I32
         : sameText(Name, "I64")  ? ValType::I64
         : sameText(Name, "F32")  ? ValType::F32
         : sameText(Name, "F64")  ? ValType::F64
         : sameText(Name, "V128") ? ValType::V128
                                  : unknownTypeSpellingInOpcodesDef();
}

// The spellings used in the Shape column.
namespace shape {
constexpr Shape _ = Shape::Scalar;
constexpr Shape V128 = Shape::V128;
constexpr Shape I8x16 = Shape::I8x16;
constexpr Shape I16x8 = Shape::I16x8;
constexpr Shape I32x4 = Shape::I32x4;
constexpr Shape I64x2 = Shape::I64x2;
constexpr Shape F32x4 = Shape::F32x4;
constexpr Shape F64x2 = Shape::F64x2;
} // namespace shape

constexpr OpcodeInfo Infos[] = {
#define WASM_OPCODE(Name, Prefix, Code, Text, Imm, Bytes, R, P1, P2, P3,       \
                    Shape, Family, Arg)                                        \
  {Text,                                                                       \
   Prefix,                                                                     \
   Code,                                                                       \
   ImmKind::Imm,                                                               \
   Bytes,                                                                      \
   typeNamed(#R),                                                              \
   {typeNamed(#P1), typeNamed(#P2), typeNamed(#P3)},                           \
   shape::Shape,                                                               \
   OpFamily::Family},
#include "wasm2bin/Opcodes.def"
};
static_assert(sizeof(Infos) / sizeof(Infos[0]) == NumOpcodes,
              "one OpcodeInfo per opcode");

// Dense maps from code to opcode per prefix; NoOpcode marks a hole. Prefixed
// codes in Wasm 2.0 are all below 256.
constexpr uint16_t NoOpcode = 0xffff;
using CodeMap = std::array<uint16_t, 256>;

struct LookupTables {
  CodeMap Plain{}, Fc{}, Fd{};
};

constexpr LookupTables buildLookupTables() {
  LookupTables T;
  for (unsigned I = 0; I < 256; ++I)
    T.Plain[I] = T.Fc[I] = T.Fd[I] = NoOpcode;
  for (unsigned Op = 0; Op < NumOpcodes; ++Op) {
    const OpcodeInfo &Info = Infos[Op];
    CodeMap &Map = Info.prefix == 0      ? T.Plain
                   : Info.prefix == 0xfc ? T.Fc
                                         : T.Fd;
    Map[Info.code] = static_cast<uint16_t>(Op);
  }
  return T;
}

constexpr LookupTables Lookup = buildLookupTables();

// Every opcode must be reachable through the lookup (no duplicate codes).
constexpr bool everyOpcodeRoundTrips() {
  for (unsigned Op = 0; Op < NumOpcodes; ++Op) {
    const OpcodeInfo &Info = Infos[Op];
    const CodeMap &Map = Info.prefix == 0      ? Lookup.Plain
                         : Info.prefix == 0xfc ? Lookup.Fc
                                               : Lookup.Fd;
    if (Info.code >= 256 || Map[Info.code] != Op)
      return false;
  }
  return true;
}
static_assert(everyOpcodeRoundTrips(),
              "duplicate (prefix, code) in Opcodes.def");

} // namespace

const OpcodeInfo &opcodeInfo(Opcode Op) {
  return Infos[static_cast<unsigned>(Op)];
}

std::optional<Opcode> lookupOpcode(uint8_t Prefix, uint32_t Code) {
  if (Code >= 256)
    return std::nullopt;
  const CodeMap *Map;
  switch (Prefix) {
  case 0:
    Map = &Lookup.Plain;
    break;
  case 0xfc:
    Map = &Lookup.Fc;
    break;
  case 0xfd:
    Map = &Lookup.Fd;
    break;
  default:
    return std::nullopt;
  }
  uint16_t Op = (*Map)[Code];
  if (Op == NoOpcode)
    return std::nullopt;
  return static_cast<Opcode>(Op);
}

unsigned laneCount(Shape S) {
  switch (S) {
  case Shape::Scalar:
    return 0;
  case Shape::V128:
  case Shape::I8x16:
    return 16;
  case Shape::I16x8:
    return 8;
  case Shape::I32x4:
  case Shape::F32x4:
    return 4;
  case Shape::I64x2:
  case Shape::F64x2:
    return 2;
  }
  return 0;
}

} // namespace wasm2bin
