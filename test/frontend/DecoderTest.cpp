//===- DecoderTest.cpp - Module structure and each section ----------------===//

#include "WasmBuilder.h"

#include <gtest/gtest.h>

using namespace wasm2bin;
using namespace w2btest;

namespace {

Module decodeOk(const Bytes &B) {
  auto M = decodeModule(B);
  EXPECT_TRUE(M) << M.error().message;
  return M ? M.take() : Module{};
}

const Bytes OneType = section(1, vec({funcType({}, {})}));
const Bytes OneFunc = section(3, vec({{0x00}}));
const Bytes OneBody = section(10, vec({body({}, {0x0b})}));

} // namespace

//===-- Header and section structure --------------------------------------===//

TEST(Decoder, HeaderOnly) {
  Module M = decodeOk(header());
  EXPECT_TRUE(M.types.empty());
  EXPECT_EQ(M.bytes.size(), 8u);
}

TEST(Decoder, BadHeaders) {
  EXPECT_EQ(decodeError({}), "unexpected end");
  EXPECT_EQ(decodeError({0x00, 0x61, 0x73}), "unexpected end");
  EXPECT_EQ(decodeError({0x00, 0x61, 0x73, 0x6d}), "unexpected end");
  EXPECT_EQ(decodeError({0x00, 0x41, 0x53, 0x4d, 1, 0, 0, 0}),
            "magic header not detected");
  EXPECT_EQ(decodeError({0x00, 0x61, 0x73, 0x6d, 2, 0, 0, 0}),
            "unknown binary version");
  // A component (layer 1) is not a core module.
  EXPECT_EQ(decodeError({0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00}),
            "unknown binary version");
}

TEST(Decoder, SectionIdsAndSizes) {
  EXPECT_EQ(decodeError(module({{0x0d, 0x00}})), "malformed section id");
  EXPECT_EQ(decodeError(module({{0x01, 0x05, 0x00}})), "length out of bounds");
  // Declared size larger than the content actually used.
  EXPECT_EQ(decodeError(module({{0x01, 0x02, 0x00, 0x00}})),
            "section size mismatch");
  // Declared size smaller than the content needs.
  EXPECT_EQ(decodeError(module({{0x01, 0x02, 0x01, 0x60}, {0x00, 0x00}})),
            "unexpected end of section or function");
  // A count larger than the section's remaining bytes.
  EXPECT_EQ(decodeError(module({{0x01, 0x01, 0x01}, {0x60, 0x00, 0x00}})),
            "length out of bounds");
}

TEST(Decoder, SectionOrder) {
  // The data count section (12) goes between element (9) and code (10).
  Bytes Ok = module({OneType, OneFunc, section(12, {0x00}), OneBody});
  decodeOk(Ok);
  std::string Err =
      decodeError(module({OneType, OneFunc, OneBody, section(12, {0x00})}));
  EXPECT_EQ(Err.rfind("unexpected content after last section", 0), 0u) << Err;
  Err = decodeError(module({OneType, OneType}));
  EXPECT_NE(Err.find("duplicate type section"), std::string::npos) << Err;
  Err = decodeError(module({OneFunc, OneType}));
  EXPECT_NE(Err.find("out-of-order type section"), std::string::npos) << Err;
}

TEST(Decoder, CustomSectionsAnywhere) {
  Bytes Custom = section(0, cat({name("hello"), {1, 2, 3}}));
  Module M =
      decodeOk(module({Custom, OneType, Custom, OneFunc, OneBody, Custom}));
  ASSERT_EQ(M.customSections.size(), 3u);
  EXPECT_EQ(M.customSections[0].name, "hello");
  EXPECT_EQ(M.customSections[0].size, 3u);
  EXPECT_EQ(M.bytes[M.customSections[0].start], 1);
  // A custom section needs at least its name.
  EXPECT_EQ(decodeError(module({{0x00, 0x00}})), "unexpected end");
  // Its name must be UTF-8.
  EXPECT_EQ(decodeError(module({section(0, {0x01, 0xff})})),
            "malformed UTF-8 encoding");
}

TEST(Decoder, Utf8Validation) {
  auto ImportNamed = [](Bytes Name) {
    return module({section(
        2,
        vec({cat({uleb(Name.size()), Name, name("x"), {0x03, I32, 0x00}})}))});
  };
  EXPECT_EQ(decodeError(ImportNamed({0xc3, 0xa9})), "");             // é
  EXPECT_EQ(decodeError(ImportNamed({0xf0, 0x9f, 0x98, 0x80})), ""); // emoji
  EXPECT_EQ(decodeError(ImportNamed({0xc0, 0x80})), // overlong NUL
            "malformed UTF-8 encoding");
  EXPECT_EQ(decodeError(ImportNamed({0xed, 0xa0, 0x80})), // surrogate
            "malformed UTF-8 encoding");
  EXPECT_EQ(decodeError(ImportNamed({0xf4, 0x90, 0x80, 0x80})), // > U+10FFFF
            "malformed UTF-8 encoding");
  EXPECT_EQ(decodeError(ImportNamed({0xe2, 0x82})), // truncated
            "malformed UTF-8 encoding");
  EXPECT_EQ(decodeError(ImportNamed({0x80})), "malformed UTF-8 encoding");
}

//===-- Declaration sections ----------------------------------------------===//

TEST(Decoder, TypeSection) {
  Module M = decodeOk(module({section(
      1, vec({funcType({I32, I64}, {F32}), funcType({}, {V128, FuncRef})}))}));
  ASSERT_EQ(M.types.size(), 2u);
  EXPECT_EQ(M.types[0].str(), "(i32, i64) -> (f32)");
  EXPECT_EQ(M.types[1].str(), "() -> (v128, funcref)");
  EXPECT_EQ(decodeError(module({section(1, vec({{0x61, 0x00, 0x00}}))})),
            "malformed function type");
  EXPECT_EQ(decodeError(module({section(1, vec({{0x60, 0x01, 0x40, 0x00}}))})),
            "malformed value type");
  // A count larger than the section cannot be allocated for.
  EXPECT_EQ(decodeError(module({section(1, {0xff, 0xff, 0xff, 0xff, 0x0f})})),
            "length out of bounds");
}

TEST(Decoder, ImportSection) {
  Module M = decodeOk(module(
      {OneType,
       section(2, vec({cat({name("a"), name("f"), {0x00, 0x00}}),
                       cat({name("a"),
                            name("t"),
                            {0x01, ExternRef, 0x01, 0x01, 0x02}}),
                       cat({name("a"), name("m"), {0x02, 0x00, 0x03}}),
                       cat({name("a"), name("g"), {0x03, F64, 0x01}})}))}));
  ASSERT_EQ(M.imports.size(), 4u);
  EXPECT_EQ(M.numImportedFuncs, 1u);
  EXPECT_EQ(M.numImportedTables, 1u);
  EXPECT_EQ(M.numImportedMemories, 1u);
  EXPECT_EQ(M.numImportedGlobals, 1u);
  EXPECT_EQ(M.imports[1].table.elem, ValType::ExternRef);
  EXPECT_EQ(M.imports[1].table.limits.min, 1u);
  EXPECT_EQ(M.imports[1].table.limits.max, 2u);
  EXPECT_EQ(M.imports[2].memory.limits.min, 3u);
  EXPECT_FALSE(M.imports[2].memory.limits.max);
  EXPECT_TRUE(M.imports[3].global.isMutable);
  EXPECT_EQ(M.tableType(0).elem, ValType::ExternRef);
  EXPECT_EQ(M.globalType(0).type, ValType::F64);
  EXPECT_EQ(M.importOf(ExternKind::Memory, 0), &M.imports[2]);
  EXPECT_EQ(M.functionName(0), "a.f");

  EXPECT_EQ(decodeError(module({section(
                2, vec({cat({name("a"), name("b"), {0x04, 0x00}})}))})),
            "malformed import kind");
  EXPECT_EQ(decodeError(module({section(
                2, vec({cat({name("a"), name("b"), {0x03, I32, 0x02}})}))})),
            "malformed mutability");
  EXPECT_EQ(
      decodeError(module({section(
          2, vec({cat({name("a"), name("b"), {0x01, 0x7f, 0x00, 0x00}})}))})),
      "malformed reference type");
}

TEST(Decoder, LimitsFlags) {
  auto Memory = [](Bytes Limits) {
    return module({section(5, vec({Limits}))});
  };
  EXPECT_EQ(decodeError(Memory({0x00, 0x01})), "");
  EXPECT_EQ(decodeError(Memory({0x01, 0x01, 0x02})), "");
  EXPECT_EQ(decodeError(Memory({0x02, 0x01, 0x02})), "malformed limits flags");
  EXPECT_EQ(decodeError(Memory({0x04, 0x01})),
            "malformed limits flags (memory64 is not supported)");
  EXPECT_EQ(decodeError(Memory({0x81, 0x00, 0x01})), "malformed limits flags");
  EXPECT_EQ(decodeError(Memory({0x00, 0x80, 0x80, 0x80, 0x80, 0x10})),
            "integer too large");
}

TEST(Decoder, TablesMemoriesGlobalsExportsStart) {
  Module M = decodeOk(
      module({OneType, OneFunc, section(4, vec({{FuncRef, 0x00, 0x05}})),
              section(5, vec({{0x01, 0x01, 0x10}})),
              section(6, vec({{I32, 0x01, 0x41, 0x7f, 0x0b},
                              {I64, 0x00, 0x42, 0x80, 0x01, 0x0b}})),
              section(7, vec({cat({name("main"), {0x00, 0x00}}),
                              cat({name("mem"), {0x02, 0x00}})})),
              section(8, {0x00}), OneBody}));
  ASSERT_EQ(M.tables.size(), 1u);
  EXPECT_EQ(M.tables[0].limits.min, 5u);
  ASSERT_EQ(M.memories.size(), 1u);
  EXPECT_EQ(M.memories[0].limits.max, 16u);
  ASSERT_EQ(M.globals.size(), 2u);
  EXPECT_EQ(M.globals[0].init.kind, ConstExpr::I32);
  EXPECT_EQ(M.globals[0].init.bits[0], 0xffffffffu); // raw i32 bits
  EXPECT_EQ(M.globals[1].init.bits[0], 128u);
  EXPECT_FALSE(M.globals[1].type.isMutable);
  ASSERT_EQ(M.exports.size(), 2u);
  EXPECT_EQ(M.exports[1].name, "mem");
  EXPECT_EQ(M.exports[1].kind, ExternKind::Memory);
  EXPECT_EQ(M.start, 0u);
  EXPECT_EQ(M.functionName(0), "main");

  EXPECT_EQ(
      decodeError(module({section(7, vec({cat({name("x"), {0x04, 0x00}})}))})),
      "malformed export kind");
}

//===-- Constant expressions ----------------------------------------------===//

TEST(Decoder, ConstantExpressions) {
  auto GlobalInit = [](Bytes Init) {
    return module({section(6, vec({cat({{F64, 0x00}, Init})}))});
  };
  Module M = decodeOk(GlobalInit({0x44, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0x0b}));
  EXPECT_EQ(M.globals[0].init.kind, ConstExpr::F64);
  EXPECT_EQ(M.globals[0].init.bits[0], 0x3ff0000000000000u);
  EXPECT_EQ(M.globals[0].init.offset, 13u); // after header and section header

  M = decodeOk(GlobalInit({0xd0, 0x6f, 0x0b}));
  EXPECT_EQ(M.globals[0].init.kind, ConstExpr::RefNull);
  EXPECT_EQ(M.globals[0].init.refType, ValType::ExternRef);
  M = decodeOk(GlobalInit({0xd2, 0x07, 0x0b}));
  EXPECT_EQ(M.globals[0].init.kind, ConstExpr::RefFunc);
  EXPECT_EQ(M.globals[0].init.index, 7u);
  M = decodeOk(GlobalInit({0x23, 0x02, 0x0b}));
  EXPECT_EQ(M.globals[0].init.kind, ConstExpr::GlobalGet);
  EXPECT_EQ(M.globals[0].init.index, 2u);

  EXPECT_EQ(decodeError(GlobalInit({0x0b})),
            "type mismatch: constant expression is empty");
  EXPECT_EQ(decodeError(GlobalInit({0x01, 0x0b})),
            "constant expression required");
  EXPECT_EQ(
      decodeError(GlobalInit({0x41, 0x00, 0x41, 0x00, 0x0b})),
      "type mismatch: constant expression must produce exactly one value");
  EXPECT_EQ(decodeError(GlobalInit({0x41, 0x01, 0x41, 0x02, 0x6a, 0x0b})),
            "constant expression required (extended constant expressions are "
            "not supported)");
  EXPECT_EQ(decodeError(GlobalInit({0xff, 0x0b})), "illegal opcode 0xff");
  // Missing end: runs into the end of the section.
  EXPECT_EQ(decodeError(cat({GlobalInit({0x41, 0x00}), OneType})),
            "unexpected end of section or function");
}

//===-- Segments ----------------------------------------------------------===//

TEST(Decoder, ElementSegmentEncodings) {
  const Bytes Offset = {0x41, 0x00, 0x0b};
  Bytes Seg0 = cat({{0x00}, Offset, vec({{0x00}})});
  Bytes Seg1 = cat({{0x01, 0x00}, vec({{0x00}, {0x00}})});
  Bytes Seg2 = cat({{0x02, 0x01}, Offset, {0x00}, vec({{0x00}})});
  Bytes Seg3 = cat({{0x03, 0x00}, vec({{0x00}})});
  Bytes Seg4 =
      cat({{0x04}, Offset, vec({{0xd2, 0x00, 0x0b}, {0xd0, 0x70, 0x0b}})});
  Bytes Seg5 = cat({{0x05, ExternRef}, vec({{0xd0, 0x6f, 0x0b}})});
  Bytes Seg6 =
      cat({{0x06, 0x00}, Offset, {FuncRef}, vec({{0xd2, 0x00, 0x0b}})});
  Bytes Seg7 = cat({{0x07, FuncRef}, vec({{0xd2, 0x00, 0x0b}})});
  Module M = decodeOk(
      module({OneType, OneFunc,
              section(9, vec({Seg0, Seg1, Seg2, Seg3, Seg4, Seg5, Seg6, Seg7})),
              OneBody}));
  ASSERT_EQ(M.elems.size(), 8u);
  const SegmentMode Modes[] = {SegmentMode::Active, SegmentMode::Passive,
                               SegmentMode::Active, SegmentMode::Declarative,
                               SegmentMode::Active, SegmentMode::Passive,
                               SegmentMode::Active, SegmentMode::Declarative};
  for (int K = 0; K < 8; ++K)
    EXPECT_EQ(M.elems[K].mode, Modes[K]) << "flags " << K;
  EXPECT_EQ(M.elems[1].items.size(), 2u);
  EXPECT_EQ(M.elems[1].items[1].kind, ConstExpr::RefFunc);
  EXPECT_EQ(M.elems[2].table, 1u);
  EXPECT_EQ(M.elems[4].items[1].kind, ConstExpr::RefNull);
  EXPECT_EQ(M.elems[5].type, ValType::ExternRef);
  EXPECT_EQ(M.elems[6].type, ValType::FuncRef);

  EXPECT_EQ(decodeError(module({section(9, vec({{0x08}}))})),
            "malformed elements segment kind");
  EXPECT_EQ(decodeError(module({section(9, vec({{0x01, 0x01, 0x00}}))})),
            "malformed element kind");
  EXPECT_EQ(decodeError(module({section(9, vec({{0x05, 0x7f, 0x00}}))})),
            "malformed reference type");
}

TEST(Decoder, DataSegmentsAndDataCount) {
  Bytes Data =
      section(11, vec({cat({{0x00, 0x41, 0x08, 0x0b}, name("ab")}),
                       cat({{0x01}, name("xyz")}),
                       cat({{0x02, 0x00, 0x41, 0x00, 0x0b}, name("")})}));
  Module M = decodeOk(module({section(12, {0x03}), Data}));
  EXPECT_EQ(M.dataCount, 3u);
  ASSERT_EQ(M.datas.size(), 3u);
  EXPECT_EQ(M.datas[0].mode, SegmentMode::Active);
  EXPECT_EQ(M.datas[0].dataSize, 2u);
  EXPECT_EQ(M.bytes[M.datas[0].dataStart], 'a');
  EXPECT_EQ(M.datas[1].mode, SegmentMode::Passive);
  EXPECT_EQ(M.datas[1].dataSize, 3u);
  EXPECT_EQ(M.datas[2].dataSize, 0u);

  EXPECT_EQ(decodeError(module({section(12, {0x02}), Data})),
            "data count and data section have inconsistent lengths");
  EXPECT_EQ(decodeError(module({section(12, {0x01})})),
            "data count and data section have inconsistent lengths");
  decodeOk(module({section(12, {0x00})}));
  EXPECT_EQ(decodeError(module({section(11, vec({{0x03}}))})),
            "malformed data segment kind");
  EXPECT_EQ(decodeError(module({section(11, vec({{0x01, 0x05, 'a'}}))})),
            "length out of bounds");
}

//===-- Code section ------------------------------------------------------===//

TEST(Decoder, FunctionBodiesAndLocals) {
  Bytes Code = section(10, vec({body({{2, I32}, {1, F64}}, {0x01, 0x0b})}));
  Module M =
      decodeOk(module({section(1, vec({funcType({I64}, {})})), OneFunc, Code}));
  ASSERT_EQ(M.functions.size(), 1u);
  const Function &F = M.functions[0];
  EXPECT_EQ(F.locals,
            (std::vector<ValType>{ValType::I32, ValType::I32, ValType::F64}));
  EXPECT_EQ(M.bytes[F.bodyStart], 0x01);
  EXPECT_EQ(F.bodyEnd, M.bytes.size());
  EXPECT_EQ(M.bytes[F.bodyEnd - 1], 0x0b);
}

TEST(Decoder, FunctionAndCodeCounts) {
  EXPECT_EQ(decodeError(module({OneType, OneFunc})),
            "function and code section have inconsistent lengths");
  EXPECT_EQ(decodeError(module({OneType, OneBody})),
            "function and code section have inconsistent lengths");
  EXPECT_EQ(decodeError(
                module({OneType, section(3, vec({{0x00}, {0x00}})), OneBody})),
            "function and code section have inconsistent lengths");
  decodeOk(module({section(3, {0x00}), section(10, {0x00})}));
}

TEST(Decoder, TooManyLocals) {
  // 2^32-1 locals: rejected from the count, without allocating.
  Bytes Huge = section(10, vec({body({{0xffffffffu, I32}}, {0x0b})}));
  EXPECT_EQ(decodeError(module({OneType, OneFunc, Huge})), "too many locals");
  // Two declarations that only together exceed the limit.
  DecodeLimits Limits;
  Bytes Two =
      section(10, vec({body({{Limits.maxLocals, I32}, {1, I32}}, {0x0b})}));
  EXPECT_EQ(decodeError(module({OneType, OneFunc, Two})), "too many locals");
  // Parameters count too.
  Bytes Exact = section(10, vec({body({{Limits.maxLocals - 1, I32}}, {0x0b})}));
  Bytes OneParam = section(1, vec({funcType({I32}, {})}));
  decodeOk(module({OneParam, OneFunc, Exact}));
  Bytes TwoParams = section(1, vec({funcType({I32, I32}, {})}));
  EXPECT_EQ(decodeError(module({TwoParams, OneFunc, Exact})),
            "too many locals");
}

TEST(Decoder, BodySizeMustFitTheSection) {
  Bytes Bad = section(10, {0x01, 0x05, 0x00, 0x0b});
  EXPECT_EQ(decodeError(module({OneType, OneFunc, Bad})),
            "length out of bounds");
}

TEST(Decoder, ResourceLimits) {
  DecodeLimits Limits;
  Limits.maxTypes = 1;
  auto M = decodeModule(
      module({section(1, vec({funcType({}, {}), funcType({}, {})}))}), Limits);
  ASSERT_FALSE(M);
  EXPECT_EQ(M.error().message, "too many types (limit 1)");
}

TEST(Diagnostic, FormatsOffsetInLowercaseHex) {
  Diagnostic D{0x1f3, "type mismatch"};
  EXPECT_EQ(D.format("app.wasm"), "app.wasm:0x1f3: type mismatch");
  EXPECT_EQ(Diagnostic{}.format("x"), "x:0x0: ");
}
