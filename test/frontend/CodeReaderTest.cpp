//===- CodeReaderTest.cpp - Instructions, immediates and LEB128 -----------===//

#include "wasm2bin/CodeReader.h"

#include "WasmBuilder.h"

#include <gtest/gtest.h>

using namespace wasm2bin;
using w2btest::Bytes;

namespace {

/// Decodes the first instruction of Code; returns its error message or "".
std::string readOne(const Bytes &Code, Instr &I, size_t *Consumed = nullptr) {
  CodeReader R(Code, 0, Code.size());
  bool Ok = R.next(I);
  if (Consumed)
    *Consumed = R.offset();
  return Ok ? "" : R.error().message;
}

int64_t i32Const(const Bytes &Leb, std::string *Err = nullptr) {
  Bytes Code = w2btest::cat({{0x41}, Leb});
  Instr I;
  std::string E = readOne(Code, I);
  if (Err)
    *Err = E;
  return int64_t(I.bits[0]);
}

int64_t i64Const(const Bytes &Leb, std::string *Err = nullptr) {
  Bytes Code = w2btest::cat({{0x42}, Leb});
  Instr I;
  std::string E = readOne(Code, I);
  if (Err)
    *Err = E;
  return int64_t(I.bits[0]);
}

uint32_t localIndex(const Bytes &Leb, std::string *Err = nullptr) {
  Bytes Code = w2btest::cat({{0x20}, Leb});
  Instr I;
  std::string E = readOne(Code, I);
  if (Err)
    *Err = E;
  return I.a;
}

} // namespace

//===-- LEB128 ------------------------------------------------------------===//

TEST(Leb128, UnsignedValuesAndRedundantEncodings) {
  std::string Err;
  EXPECT_EQ(localIndex({0x00}), 0u);
  EXPECT_EQ(localIndex({0x7f}), 127u);
  EXPECT_EQ(localIndex({0x80, 0x01}), 128u);
  EXPECT_EQ(localIndex({0x80, 0x80, 0x80, 0x80, 0x00}, &Err), 0u); // padded
  EXPECT_EQ(Err, "");
  EXPECT_EQ(localIndex({0xff, 0xff, 0xff, 0xff, 0x0f}, &Err), 0xffffffffu);
  EXPECT_EQ(Err, "");
}

TEST(Leb128, UnsignedTooLongOrTooLarge) {
  std::string Err;
  localIndex({0x80, 0x80, 0x80, 0x80, 0x80, 0x00}, &Err);
  EXPECT_EQ(Err, "integer representation too long");
  localIndex({0xff, 0xff, 0xff, 0xff, 0x1f}, &Err); // bit 32 set
  EXPECT_EQ(Err, "integer too large");
  localIndex({0x80, 0x80, 0x80, 0x80, 0x70}, &Err); // unused bits set
  EXPECT_EQ(Err, "integer too large");
}

TEST(Leb128, Signed32) {
  std::string Err;
  EXPECT_EQ(i32Const({0x7f}), -1);
  EXPECT_EQ(i32Const({0x3f}), 63);
  EXPECT_EQ(i32Const({0x40}), -64);
  EXPECT_EQ(i32Const({0xc0, 0x00}), 64);
  EXPECT_EQ(i32Const(w2btest::sleb(INT32_MIN)), INT32_MIN);
  EXPECT_EQ(i32Const(w2btest::sleb(INT32_MAX)), INT32_MAX);
  // -1 padded to five bytes: the unused bits are copies of the sign.
  EXPECT_EQ(i32Const({0xff, 0xff, 0xff, 0xff, 0x7f}, &Err), -1);
  EXPECT_EQ(Err, "");
  EXPECT_EQ(i32Const({0x80, 0x80, 0x80, 0x80, 0x00}, &Err), 0);
  EXPECT_EQ(Err, "");
  i32Const({0xff, 0xff, 0xff, 0xff, 0x4f}, &Err); // sign bits disagree
  EXPECT_EQ(Err, "integer too large");
  i32Const({0x80, 0x80, 0x80, 0x80, 0x08}, &Err); // 2^31 is out of range
  EXPECT_EQ(Err, "integer too large");
  i32Const({0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}, &Err);
  EXPECT_EQ(Err, "integer representation too long");
}

TEST(Leb128, Signed64) {
  std::string Err;
  EXPECT_EQ(i64Const(w2btest::sleb(INT64_MIN)), INT64_MIN);
  EXPECT_EQ(i64Const(w2btest::sleb(INT64_MAX)), INT64_MAX);
  EXPECT_EQ(
      i64Const({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},
               &Err),
      -1);
  EXPECT_EQ(Err, "");
  i64Const({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x41}, &Err);
  EXPECT_EQ(Err, "integer too large");
  i64Const({0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01}, &Err);
  EXPECT_EQ(Err, "integer too large");
  i64Const({0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00},
           &Err);
  EXPECT_EQ(Err, "integer representation too long");
}

TEST(Leb128, TruncatedIntegerIsUnexpectedEnd) {
  std::string Err;
  i32Const({0x80, 0x80}, &Err);
  EXPECT_EQ(Err, "unexpected end");
}

//===-- Immediates --------------------------------------------------------===//

TEST(CodeReader, BlockTypes) {
  Instr I;
  EXPECT_EQ(readOne({0x02, 0x40}, I), "");
  EXPECT_EQ(I.op, Opcode::Block);
  EXPECT_EQ(I.blockType.kind, BlockType::Empty);

  EXPECT_EQ(readOne({0x03, 0x7e}, I), "");
  EXPECT_EQ(I.op, Opcode::Loop);
  EXPECT_EQ(I.blockType.kind, BlockType::Value);
  EXPECT_EQ(I.blockType.value, ValType::I64);

  EXPECT_EQ(readOne({0x04, 0x6f}, I), "");
  EXPECT_EQ(I.blockType.value, ValType::ExternRef);

  // A type index is a positive s33; 0x80 0x01 = 128.
  EXPECT_EQ(readOne({0x02, 0x80, 0x01}, I), "");
  EXPECT_EQ(I.blockType.kind, BlockType::TypeIndex);
  EXPECT_EQ(I.blockType.typeIndex, 128u);
  EXPECT_EQ(readOne({0x02, 0x05}, I), "");
  EXPECT_EQ(I.blockType.typeIndex, 5u);

  // Negative s33 values other than the value types are malformed.
  EXPECT_EQ(readOne({0x02, 0x41}, I), "malformed block type");
  EXPECT_EQ(readOne({0x02, 0xff, 0x7f}, I), "malformed block type");
}

TEST(CodeReader, BrTable) {
  Bytes Code = {0x0e, 0x03, 0x00, 0x01, 0x02, 0x80, 0x01};
  CodeReader R(Code, 0, Code.size());
  Instr I;
  ASSERT_TRUE(R.next(I));
  EXPECT_EQ(I.op, Opcode::BrTable);
  EXPECT_EQ(R.targets(), (std::vector<uint32_t>{0, 1, 2, 128}));
  EXPECT_TRUE(R.atEnd());

  // A count larger than the remaining bytes is rejected before reading.
  Instr J;
  EXPECT_EQ(readOne({0x0e, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x00}, J),
            "length out of bounds");
}

TEST(CodeReader, MemArgAndLanes) {
  Instr I;
  size_t Used;
  EXPECT_EQ(readOne({0x28, 0x02, 0x80, 0x02}, I, &Used), ""); // i32.load
  EXPECT_EQ(I.a, 2u);                                         // align
  EXPECT_EQ(I.b, 256u);                                       // offset
  EXPECT_EQ(Used, 4u);

  // v128.load8_lane: prefix, LEB code, memarg, lane byte.
  EXPECT_EQ(readOne({0xfd, 0x54, 0x00, 0x10, 0x0f}, I), "");
  EXPECT_EQ(I.op, Opcode::V128Load8Lane);
  EXPECT_EQ(I.b, 16u);
  EXPECT_EQ(I.lane, 15);

  // i8x16.extract_lane_s with a redundant two-byte opcode encoding.
  EXPECT_EQ(readOne({0xfd, 0x95, 0x00, 0x07}, I), "");
  EXPECT_EQ(I.op, Opcode::I8x16ExtractLaneS);
  EXPECT_EQ(I.lane, 7);
}

TEST(CodeReader, ConstantsAndShuffle) {
  Instr I;
  EXPECT_EQ(readOne({0x43, 0x00, 0x00, 0x80, 0x3f}, I), ""); // f32 1.0
  EXPECT_EQ(I.bits[0], 0x3f800000u);
  EXPECT_EQ(readOne({0x44, 1, 2, 3, 4, 5, 6, 7, 8}, I), "");
  EXPECT_EQ(I.bits[0], 0x0807060504030201u);

  Bytes Shuffle = {0xfd, 0x0d};
  for (uint8_t K = 0; K < 16; ++K)
    Shuffle.push_back(K + 10);
  EXPECT_EQ(readOne(Shuffle, I), "");
  EXPECT_EQ(I.op, Opcode::I8x16Shuffle);
  EXPECT_EQ(I.bits[0] & 0xff, 10u); // lane 0
  EXPECT_EQ(I.bits[1] >> 56, 25u);  // lane 15

  EXPECT_EQ(readOne({0x44, 1, 2, 3}, I), "unexpected end");
}

TEST(CodeReader, SelectAndReferenceTypes) {
  Instr I;
  EXPECT_EQ(readOne({0x1c, 0x01, 0x7d}, I), "");
  EXPECT_EQ(I.op, Opcode::SelectT);
  EXPECT_EQ(I.a, 1u);
  EXPECT_EQ(I.selectType, ValType::F32);
  EXPECT_EQ(readOne({0x1c, 0x02, 0x7f, 0x7f}, I), ""); // validator rejects
  EXPECT_EQ(I.a, 2u);
  EXPECT_EQ(readOne({0x1c, 0x01, 0x40}, I), "malformed value type");

  EXPECT_EQ(readOne({0xd0, 0x70}, I), "");
  EXPECT_EQ(I.refType, ValType::FuncRef);
  EXPECT_EQ(readOne({0xd0, 0x7f}, I), "malformed reference type");
}

TEST(CodeReader, ReservedZeroBytes) {
  Instr I;
  EXPECT_EQ(readOne({0x3f, 0x00}, I), "");
  EXPECT_EQ(readOne({0x3f, 0x01}, I), "zero byte expected");
  EXPECT_EQ(readOne({0x40, 0x80, 0x00}, I), "zero byte expected");
  EXPECT_EQ(readOne({0xfc, 0x08, 0x03, 0x00}, I), ""); // memory.init 3
  EXPECT_EQ(I.a, 3u);
  EXPECT_EQ(readOne({0xfc, 0x08, 0x03, 0x01}, I), "zero byte expected");
  EXPECT_EQ(readOne({0xfc, 0x0a, 0x00, 0x00}, I), ""); // memory.copy
  EXPECT_EQ(readOne({0xfc, 0x0a, 0x00, 0x01}, I), "zero byte expected");
  EXPECT_EQ(readOne({0xfc, 0x0b, 0x00}, I), ""); // memory.fill
}

TEST(CodeReader, TableImmediates) {
  Instr I;
  EXPECT_EQ(readOne({0x11, 0x02, 0x01}, I), ""); // call_indirect type 2 table 1
  EXPECT_EQ(I.a, 2u);
  EXPECT_EQ(I.b, 1u);
  EXPECT_EQ(readOne({0xfc, 0x0c, 0x04, 0x00}, I), ""); // table.init elem 4
  EXPECT_EQ(I.a, 4u);
  EXPECT_EQ(I.b, 0u);
  EXPECT_EQ(readOne({0xfc, 0x0e, 0x01, 0x02}, I), ""); // table.copy 1 2
  EXPECT_EQ(I.a, 1u);
  EXPECT_EQ(I.b, 2u);
}

TEST(CodeReader, IllegalOpcodes) {
  Instr I;
  EXPECT_EQ(readOne({0xff}, I), "illegal opcode 0xff");
  EXPECT_EQ(readOne({0x06}, I), "illegal opcode 0x06");
  EXPECT_EQ(readOne({0xfc, 0x20}, I), "illegal opcode 0xfc 0x20");
  EXPECT_EQ(readOne({0xfd, 0x80, 0x02}, I), "illegal opcode 0xfd 0x100");
}

TEST(CodeReader, ReportsFileOffsets) {
  // Read only [2, 5) of the buffer; offsets are positions in the buffer.
  Bytes Buffer = {0xaa, 0xbb, 0x01, 0x41, 0xff};
  CodeReader R(Buffer, 2, 5);
  Instr I;
  ASSERT_TRUE(R.next(I));
  EXPECT_EQ(I.op, Opcode::Nop);
  EXPECT_EQ(I.offset, 2u);
  EXPECT_FALSE(R.next(I));         // i32.const cut off by the end of the range
  EXPECT_EQ(R.error().offset, 5u); // where more bytes were needed
  EXPECT_EQ(R.error().message, "unexpected end");
}
