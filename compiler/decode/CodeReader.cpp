//===- CodeReader.cpp - One instruction and its immediates ----------------===//
//
// Decoding is driven by the opcode's ImmKind from Opcodes.def, so this file
// knows the shapes of immediates, not individual instructions. It checks
// only what the binary format requires (encodings, reserved zero bytes);
// everything about meaning (indices in range, lane bounds, alignment) is the
// validator's job.
//
//===----------------------------------------------------------------------===//

#include "wasm2bin/CodeReader.h"

#include "ByteReader.h"

#include <cstdio>

namespace wasm2bin {
namespace {

class InstrDecoder {
public:
  InstrDecoder(ByteReader &R, Instr &I, std::vector<uint32_t> &Targets)
      : R(R), I(I), Targets(Targets) {}

  bool decode() {
    I.offset = R.pos();
    I.a = I.b = 0;
    Opcode Op = Opcode::Nop;
    if (!readOpcode(Op))
      return false;
    I.op = Op;
    return readImmediates(opcodeInfo(Op).imm);
  }

private:
  bool readOpcode(Opcode &Op) {
    uint8_t B = 0;
    if (!R.readByte(B))
      return false;
    uint32_t Code = B;
    uint8_t Prefix = 0;
    if (B == 0xfc || B == 0xfd) {
      Prefix = B;
      if (!R.readU32(Code))
        return false;
    }
    std::optional<Opcode> Found = lookupOpcode(Prefix, Code);
    if (!Found) {
      char Text[40];
      if (Prefix)
        std::snprintf(Text, sizeof(Text), "illegal opcode 0x%02x 0x%02x",
                      Prefix, Code);
      else
        std::snprintf(Text, sizeof(Text), "illegal opcode 0x%02x", Code);
      return R.fail(I.offset, Text);
    }
    Op = *Found;
    return true;
  }

  bool readImmediates(ImmKind Kind) {
    switch (Kind) {
    case ImmKind::None:
      return true;
    case ImmKind::BlockType:
      return readBlockType();
    case ImmKind::Label:
    case ImmKind::Func:
    case ImmKind::Local:
    case ImmKind::Global:
    case ImmKind::Table:
    case ImmKind::Data:
    case ImmKind::Elem:
      return R.readU32(I.a);
    case ImmKind::CallIndirect:
    case ImmKind::TableInit:
    case ImmKind::TableCopy:
      return R.readU32(I.a) && R.readU32(I.b);
    case ImmKind::BrTable:
      return readBrTable();
    case ImmKind::Memory:
      return readZeroByte();
    case ImmKind::MemoryInit:
      return R.readU32(I.a) && readZeroByte();
    case ImmKind::MemoryCopy:
      return readZeroByte() && readZeroByte();
    case ImmKind::MemArg:
      return R.readU32(I.a) && R.readU32(I.b);
    case ImmKind::MemArgLane:
      return R.readU32(I.a) && R.readU32(I.b) && R.readByte(I.lane);
    case ImmKind::Lane:
      return R.readByte(I.lane);
    case ImmKind::I32: {
      int32_t V = 0;
      if (!R.readS32(V))
        return false;
      I.bits[0] = static_cast<uint64_t>(static_cast<int64_t>(V));
      return true;
    }
    case ImmKind::I64: {
      int64_t V = 0;
      if (!R.readS64(V))
        return false;
      I.bits[0] = static_cast<uint64_t>(V);
      return true;
    }
    case ImmKind::F32:
      return R.readFixed(I.bits[0], 4);
    case ImmKind::F64:
      return R.readFixed(I.bits[0], 8);
    case ImmKind::V128:
    case ImmKind::Shuffle:
      return R.readFixed(I.bits[0], 8) && R.readFixed(I.bits[1], 8);
    case ImmKind::SelectT:
      return readSelectTypes();
    case ImmKind::RefType:
      return R.readRefType(I.refType);
    }
    return R.fail(I.offset, "unsupported immediate kind");
  }

  bool readBlockType() {
    uint8_t B = 0;
    if (!R.peekByte(B))
      return false;
    if (B == 0x40) {
      R.seek(R.pos() + 1);
      I.blockType = {BlockType::Empty, ValType::None, 0};
      return true;
    }
    if (isValTypeByte(B)) {
      R.seek(R.pos() + 1);
      I.blockType = {BlockType::Value, static_cast<ValType>(B), 0};
      return true;
    }
    // Otherwise a type index, encoded as a non-negative s33 so that it
    // cannot collide with the one-byte forms above.
    size_t At = R.pos();
    int64_t Index = 0;
    if (!R.readS33(Index))
      return false;
    if (Index < 0)
      return R.fail(At, "malformed block type");
    I.blockType = {BlockType::TypeIndex, ValType::None,
                   static_cast<uint32_t>(Index)};
    return true;
  }

  bool readBrTable() {
    uint32_t Count = 0;
    if (!R.readCount(Count))
      return false;
    Targets.clear();
    Targets.reserve(size_t(Count) + 1);
    for (uint32_t K = 0; K <= Count; ++K) { // the default target is last
      uint32_t Depth = 0;
      if (!R.readU32(Depth))
        return false;
      Targets.push_back(Depth);
    }
    I.a = Count;
    return true;
  }

  bool readZeroByte() {
    size_t At = R.pos();
    uint8_t B = 0;
    if (!R.readByte(B))
      return false;
    if (B != 0)
      return R.fail(At, "zero byte expected");
    return true;
  }

  bool readSelectTypes() {
    // Wasm 2.0 allows exactly one type; the validator reports other counts,
    // but every listed type must still be well-formed.
    uint32_t Count = 0;
    if (!R.readCount(Count))
      return false;
    I.a = Count;
    I.selectType = ValType::None;
    for (uint32_t K = 0; K < Count; ++K) {
      ValType T = ValType::None;
      if (!R.readValType(T))
        return false;
      if (K == 0)
        I.selectType = T;
    }
    return true;
  }

  ByteReader &R;
  Instr &I;
  std::vector<uint32_t> &Targets;
};

} // namespace

bool CodeReader::next(Instr &I) {
  ByteReader R(Bytes.data(), Pos, End, Bytes.size(), Err);
  bool Ok = InstrDecoder(R, I, Targets).decode();
  Pos = R.pos();
  return Ok;
}

} // namespace wasm2bin
