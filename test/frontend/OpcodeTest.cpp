//===- OpcodeTest.cpp - The opcode table and its lookup -------------------===//

#include "wasm2bin/Opcode.h"

#include <gtest/gtest.h>

using namespace wasm2bin;

TEST(Opcode, EveryOpcodeRoundTripsThroughLookup) {
  for (unsigned K = 0; K < NumOpcodes; ++K) {
    Opcode Op = static_cast<Opcode>(K);
    const OpcodeInfo &Info = opcodeInfo(Op);
    std::optional<Opcode> Found = lookupOpcode(Info.prefix, Info.code);
    ASSERT_TRUE(Found) << Info.text;
    EXPECT_EQ(*Found, Op) << Info.text;
  }
}

TEST(Opcode, FixedSignaturesComeFromTheTable) {
  const OpcodeInfo &Add = opcodeInfo(Opcode::I32Add);
  EXPECT_STREQ(Add.text, "i32.add");
  EXPECT_EQ(Add.prefix, 0);
  EXPECT_EQ(Add.code, 0x6au);
  EXPECT_EQ(Add.result, ValType::I32);
  EXPECT_EQ(Add.params[0], ValType::I32);
  EXPECT_EQ(Add.params[1], ValType::I32);
  EXPECT_EQ(Add.params[2], ValType::None);
  EXPECT_EQ(Add.shape, Shape::Scalar);
  EXPECT_EQ(Add.family, OpFamily::Binary);

  const OpcodeInfo &Store = opcodeInfo(Opcode::I64Store32);
  EXPECT_EQ(Store.imm, ImmKind::MemArg);
  EXPECT_EQ(Store.bytes, 4);
  EXPECT_EQ(Store.result, ValType::None);
  EXPECT_EQ(Store.params[0], ValType::I32);
  EXPECT_EQ(Store.params[1], ValType::I64);
}

TEST(Opcode, PrefixedOpcodes) {
  EXPECT_EQ(lookupOpcode(0xfc, 0x00), Opcode::I32TruncSatF32S);
  EXPECT_EQ(lookupOpcode(0xfc, 0x11), Opcode::TableFill);
  EXPECT_EQ(lookupOpcode(0xfd, 0x0c), Opcode::V128Const);
  EXPECT_EQ(lookupOpcode(0xfd, 0xff), Opcode::F64x2ConvertLowI32x4U);
  EXPECT_EQ(opcodeInfo(Opcode::I8x16Shuffle).imm, ImmKind::Shuffle);
  EXPECT_EQ(opcodeInfo(Opcode::I16x8ExtractLaneS).shape, Shape::I16x8);
}

TEST(Opcode, UnknownCodesAreRejected) {
  EXPECT_FALSE(lookupOpcode(0, 0x06)); // try (exceptions, Wasm 3.0)
  EXPECT_FALSE(lookupOpcode(0, 0x12)); // return_call (Wasm 3.0)
  EXPECT_FALSE(lookupOpcode(0, 0xff));
  EXPECT_FALSE(lookupOpcode(0, 0xfc)); // a prefix is not an opcode
  EXPECT_FALSE(lookupOpcode(0xfc, 0x12));
  EXPECT_FALSE(lookupOpcode(0xfd, 0x100)); // relaxed SIMD
  EXPECT_FALSE(lookupOpcode(0xfd, 0x9a));  // a hole in the SIMD space
  EXPECT_FALSE(lookupOpcode(0xfe, 0x00));  // threads prefix
  EXPECT_FALSE(lookupOpcode(0xfc, 0xffffffff));
}

TEST(Opcode, LaneCounts) {
  EXPECT_EQ(laneCount(Shape::I8x16), 16u);
  EXPECT_EQ(laneCount(Shape::I16x8), 8u);
  EXPECT_EQ(laneCount(Shape::I32x4), 4u);
  EXPECT_EQ(laneCount(Shape::F32x4), 4u);
  EXPECT_EQ(laneCount(Shape::I64x2), 2u);
  EXPECT_EQ(laneCount(Shape::F64x2), 2u);
  EXPECT_EQ(laneCount(Shape::V128), 16u);
}

TEST(Opcode, NamesAndTypes) {
  EXPECT_STREQ(opcodeName(Opcode::MemoryGrow), "memory.grow");
  EXPECT_STREQ(valTypeName(ValType::ExternRef), "externref");
  EXPECT_EQ(valTypeSize(ValType::V128), 16u);
  EXPECT_STREQ(externKindName(ExternKind::Global), "global");
  FuncType T{{ValType::I32, ValType::I64}, {ValType::F32}};
  EXPECT_EQ(T.str(), "(i32, i64) -> (f32)");
  EXPECT_EQ(FuncType{}.str(), "() -> ()");
}
