//===- ModuleValidationTest.cpp - Everything outside function bodies ------===//

#include "WasmBuilder.h"

#include <gtest/gtest.h>

using namespace wasm2bin;
using namespace w2btest;

namespace {

bool startsWith(const std::string &S, const std::string &Prefix) {
  return S.compare(0, Prefix.size(), Prefix) == 0;
}

#define EXPECT_VALID(Expr) EXPECT_EQ(Expr, "")
#define EXPECT_INVALID(Expr, Prefix)                                           \
  do {                                                                         \
    std::string Msg_ = (Expr);                                                 \
    EXPECT_TRUE(startsWith(Msg_, Prefix)) << "got: " << Msg_;                  \
  } while (0)

constexpr uint8_t I32Const = 0x41, I64Const = 0x42, GlobalGet = 0x23,
                  RefNull = 0xd0, RefFunc = 0xd2, End = 0x0b;

Bytes memories(std::initializer_list<Bytes> Limits) {
  return module({section(5, vec(std::vector<Bytes>(Limits)))});
}

} // namespace

TEST(ModuleValidation, MemoryLimits) {
  EXPECT_VALID(check(memories({{0x00, 0x00}})));
  EXPECT_VALID(check(memories({cat({{0x01, 0x00}, uleb(65536)})})));
  EXPECT_INVALID(check(memories({cat({{0x00}, uleb(65537)})})),
                 "memory size must be at most 65536 pages (4GiB)");
  EXPECT_INVALID(check(memories({cat({{0x01, 0x00}, uleb(65537)})})),
                 "memory size must be at most 65536 pages (4GiB)");
  EXPECT_INVALID(check(memories({{0x01, 0x02, 0x01}})),
                 "size minimum must not be greater than maximum");
  EXPECT_INVALID(check(memories({{0x00, 0x00}, {0x00, 0x00}})),
                 "multiple memories");
  ModuleBuilder B;
  B.importMemory(1);
  B.memory(1);
  EXPECT_INVALID(check(B.build()), "multiple memories");
}

TEST(ModuleValidation, TableLimits) {
  EXPECT_VALID(check(module({section(
      4, vec({{FuncRef, 0x01, 0x00, 0x00}, {ExternRef, 0x00, 0x03}}))})));
  EXPECT_INVALID(
      check(module({section(4, vec({{FuncRef, 0x01, 0x02, 0x01}}))})),
      "size minimum must not be greater than maximum");
}

TEST(ModuleValidation, TypeIndices) {
  EXPECT_INVALID(check(module({section(3, vec({{0x00}})),
                               section(10, vec({body({}, {End})}))})),
                 "unknown type 0");
  EXPECT_INVALID(check(module({section(
                     2, vec({cat({name("a"), name("b"), {0x00, 0x03}})}))})),
                 "unknown type 3");
}

TEST(ModuleValidation, GlobalInitializers) {
  auto WithGlobal = [](uint8_t Type, Bytes Init, bool ImportMutable = false) {
    ModuleBuilder B;
    B.importGlobal(I32, ImportMutable);
    B.type({}, {});
    B.func(0, {End});
    B.global(Type, false, Init);
    return check(B.build());
  };
  EXPECT_VALID(WithGlobal(I32, {I32Const, 5}));
  EXPECT_VALID(WithGlobal(I32, {GlobalGet, 0}));
  EXPECT_VALID(WithGlobal(FuncRef, {RefFunc, 0}));
  EXPECT_VALID(WithGlobal(ExternRef, {RefNull, ExternRef}));
  EXPECT_INVALID(WithGlobal(I64, {I32Const, 5}),
                 "type mismatch in constant expression: expected i64 but got "
                 "i32");
  EXPECT_INVALID(WithGlobal(FuncRef, {RefNull, ExternRef}),
                 "type mismatch in constant expression");
  EXPECT_INVALID(WithGlobal(I32, {GlobalGet, 0}, /*ImportMutable=*/true),
                 "constant expression required");
  // Wasm 2.0: only imported globals are visible (global 1 is this one).
  EXPECT_INVALID(WithGlobal(I32, {GlobalGet, 1}), "unknown global 1");
  EXPECT_INVALID(WithGlobal(I32, {GlobalGet, 9}), "unknown global 9");
  EXPECT_INVALID(WithGlobal(FuncRef, {RefFunc, 1}), "unknown function 1");
}

TEST(ModuleValidation, ElementSegments) {
  auto WithElem = [](uint8_t TableType, Bytes Segment) {
    ModuleBuilder B;
    B.type({}, {});
    B.func(0, {End});
    B.table(TableType, 1);
    B.elem(std::move(Segment));
    return check(B.build());
  };
  EXPECT_VALID(WithElem(FuncRef, {0x00, I32Const, 0, End, 0x01, 0x00}));
  EXPECT_VALID(WithElem(ExternRef, {0x06, 0x00, I32Const, 0, End, ExternRef,
                                    0x01, RefNull, ExternRef, End}));
  EXPECT_INVALID(WithElem(ExternRef, {0x00, I32Const, 0, End, 0x01, 0x00}),
                 "type mismatch: element segment of type funcref for a table "
                 "of externref");
  EXPECT_INVALID(WithElem(FuncRef, {0x02, 0x01, I32Const, 0, End, 0x00, 0x00}),
                 "unknown table 1");
  EXPECT_INVALID(WithElem(FuncRef, {0x00, I64Const, 0, End, 0x00}),
                 "type mismatch in constant expression: expected i32 but got "
                 "i64");
  EXPECT_INVALID(
      WithElem(FuncRef, {0x05, FuncRef, 0x01, RefNull, ExternRef, End}),
      "type mismatch in constant expression");
  EXPECT_INVALID(WithElem(FuncRef, {0x01, 0x00, 0x01, 0x05}),
                 "unknown function 5");
}

TEST(ModuleValidation, DataSegments) {
  ModuleBuilder B;
  B.data(cat({{0x00, I32Const, 0, End}, name("x")}));
  EXPECT_INVALID(check(B.build()), "unknown memory 0");
  B.memory(1);
  EXPECT_VALID(check(B.build()));
  ModuleBuilder C;
  C.memory(1);
  C.data(cat({{0x00, I64Const, 0, End}, name("x")}));
  EXPECT_INVALID(check(C.build()), "type mismatch in constant expression");
  ModuleBuilder D;
  D.memory(1);
  D.data(cat({{0x02, 0x01, I32Const, 0, End}, name("x")}));
  EXPECT_INVALID(check(D.build()), "unknown memory 1");
}

TEST(ModuleValidation, StartFunction) {
  ModuleBuilder B;
  B.type({}, {});
  B.type({I32}, {});
  B.func(0, {End});
  B.func(1, {End});
  ModuleBuilder Good = B, WrongType = B, Unknown = B;
  Good.start(0);
  EXPECT_VALID(check(Good.build()));
  WrongType.start(1);
  EXPECT_INVALID(check(WrongType.build()),
                 "start function must have type [] -> []");
  Unknown.start(2);
  EXPECT_INVALID(check(Unknown.build()), "unknown function 2");
}

TEST(ModuleValidation, Exports) {
  ModuleBuilder B;
  B.type({}, {});
  B.func(0, {End});
  B.memory(1);
  B.global(I32, false, {I32Const, 0});
  B.table(FuncRef, 0);
  ModuleBuilder Good = B;
  Good.exportEntry("f", 0x00, 0);
  Good.exportEntry("t", 0x01, 0);
  Good.exportEntry("m", 0x02, 0);
  Good.exportEntry("g", 0x03, 0);
  EXPECT_VALID(check(Good.build()));

  ModuleBuilder Dup = B;
  Dup.exportEntry("x", 0x00, 0);
  Dup.exportEntry("x", 0x02, 0);
  EXPECT_INVALID(check(Dup.build()), "duplicate export name");

  const char *Kinds[] = {"unknown function 1", "unknown table 1",
                         "unknown memory 1", "unknown global 1"};
  for (uint8_t Kind = 0; Kind < 4; ++Kind) {
    ModuleBuilder Bad = B;
    Bad.exportEntry("x", Kind, 1);
    EXPECT_INVALID(check(Bad.build()), Kinds[Kind]);
  }
}

TEST(ModuleValidation, V128GlobalsFollowSimdOption) {
  ModuleBuilder B;
  Bytes Init = {0xfd, 0x0c};
  Init.insert(Init.end(), 16, 0);
  B.global(V128, false, Init);
  EXPECT_VALID(check(B.build()));
  ValidateOptions NoSimd;
  NoSimd.allowSimd = false;
  EXPECT_EQ(check(B.build(), NoSimd), "v128.const: SIMD is not supported yet");
}
