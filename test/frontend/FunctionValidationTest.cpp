//===- FunctionValidationTest.cpp - Typing of function bodies -------------===//

#include "WasmBuilder.h"

#include <functional>

#include <gtest/gtest.h>

using namespace wasm2bin;
using namespace w2btest;

namespace {

using ExtraDefs = std::function<void(ModuleBuilder &)>;

/// Validates a module whose function 0 has type Params -> Results and body
/// Code (which must end with 0x0b). Setup may add tables, memories, ...;
/// type 0 is always the function's type.
std::string checkFunc(Bytes Params, Bytes Results, Bytes Code,
                      ExtraDefs Extra = nullptr,
                      const ValidateOptions &Opts = {}) {
  ModuleBuilder B;
  B.type(std::move(Params), std::move(Results));
  if (Extra)
    Extra(B);
  B.func(0, std::move(Code));
  return check(B.build(), Opts);
}

bool startsWith(const std::string &S, const std::string &Prefix) {
  return S.compare(0, Prefix.size(), Prefix) == 0;
}

#define EXPECT_VALID(Expr) EXPECT_EQ(Expr, "")
#define EXPECT_INVALID(Expr, Prefix)                                           \
  do {                                                                         \
    std::string Msg_ = (Expr);                                                 \
    EXPECT_TRUE(startsWith(Msg_, Prefix)) << "got: " << Msg_;                  \
  } while (0)

void withMemory(ModuleBuilder &B) { B.memory(1); }

// Opcode bytes used below.
constexpr uint8_t Unreachable = 0x00, Block = 0x02, Loop = 0x03, If = 0x04,
                  Else = 0x05, End = 0x0b, Br = 0x0c, BrIf = 0x0d,
                  BrTable = 0x0e, Return = 0x0f, Call = 0x10,
                  CallIndirect = 0x11, Drop = 0x1a, Select = 0x1b,
                  SelectT = 0x1c, LocalGet = 0x20, LocalSet = 0x21,
                  GlobalSet = 0x24, I32Const = 0x41, I64Const = 0x42,
                  F32Const = 0x43, I32Add = 0x6a, RefNull = 0xd0,
                  RefIsNull = 0xd1, RefFunc = 0xd2, Empty = 0x40;

} // namespace

//===-- Stack typing ------------------------------------------------------===//

TEST(FunctionValidation, FixedSignatures) {
  EXPECT_VALID(
      checkFunc({I32, I32}, {I32}, {LocalGet, 0, LocalGet, 1, I32Add, End}));
  EXPECT_INVALID(
      checkFunc({I32, I64}, {I32}, {LocalGet, 0, LocalGet, 1, I32Add, End}),
      "type mismatch in i32.add: expected i32 but got i64");
  EXPECT_INVALID(checkFunc({}, {I32}, {I32Const, 0, I32Add, End}),
                 "type mismatch in i32.add: expected i32 but got nothing");
  EXPECT_INVALID(checkFunc({}, {}, {I32Const, 0, End}),
                 "type mismatch in end: 1 extra value(s)");
  EXPECT_INVALID(checkFunc({}, {I64}, {I32Const, 0, End}),
                 "type mismatch in end: expected i64 but got i32");
  EXPECT_INVALID(checkFunc({}, {}, {Drop, End}), "type mismatch in drop");
}

TEST(FunctionValidation, UnreachableCodeIsPolymorphic) {
  EXPECT_VALID(checkFunc({}, {I32}, {Unreachable, I32Add, End}));
  EXPECT_VALID(checkFunc({}, {I32}, {Unreachable, End}));
  EXPECT_VALID(checkFunc({}, {}, {Unreachable, Drop, Drop, End}));
  EXPECT_VALID(
      checkFunc({}, {I64}, {I64Const, 0, Return, I32Const, 0, Drop, End}));
  // Known operands are still checked.
  EXPECT_INVALID(checkFunc({}, {I32}, {Unreachable, I64Const, 0, I32Add, End}),
                 "type mismatch in i32.add: expected i32 but got i64");
  // The polymorphism ends with the block.
  EXPECT_INVALID(
      checkFunc({}, {I32}, {Block, Empty, Unreachable, End, I32Add, End}),
      "type mismatch in i32.add");
  EXPECT_VALID(checkFunc({}, {}, {Unreachable, Select, Drop, End}));
}

//===-- Blocks and branches -----------------------------------------------===//

TEST(FunctionValidation, Blocks) {
  EXPECT_VALID(checkFunc({}, {I32}, {Block, I32, I32Const, 1, End, End}));
  EXPECT_INVALID(checkFunc({}, {I32}, {Block, I32, End, End}),
                 "type mismatch in end: expected i32 but got nothing");
  EXPECT_INVALID(checkFunc({}, {}, {Block, Empty, I32Const, 1, End, End}),
                 "type mismatch in end");
  // Operands outside the block are not visible inside.
  EXPECT_INVALID(
      checkFunc({}, {}, {I32Const, 1, Block, Empty, Drop, End, Drop, End}),
      "type mismatch in drop");
  EXPECT_INVALID(checkFunc({}, {}, {Block, 0x05, End, End}), "unknown type 5");
}

TEST(FunctionValidation, MultiValueBlockTypes) {
  // Type 1 is [i32 i32] -> [i32].
  ExtraDefs Types = [](ModuleBuilder &B) { B.type({I32, I32}, {I32}); };
  EXPECT_VALID(checkFunc(
      {}, {I32}, {I32Const, 1, I32Const, 2, Block, 0x01, I32Add, End, End},
      Types));
  EXPECT_INVALID(
      checkFunc({}, {I32}, {I32Const, 1, Block, 0x01, I32Add, End, End}, Types),
      "type mismatch in block");
  // A loop's label takes its parameters.
  EXPECT_VALID(checkFunc({}, {I32},
                         {I32Const, 1, I32Const, 2, Loop, 0x01, I32Const, 0,
                          BrIf, 0, I32Add, End, End},
                         Types));
  EXPECT_INVALID(
      checkFunc({}, {I32},
                {I32Const, 1, I32Const, 2, Loop, 0x01, I32Add, Br, 0, End, End},
                Types),
      "type mismatch in br");
}

TEST(FunctionValidation, IfElse) {
  EXPECT_VALID(checkFunc(
      {I32}, {I32},
      {LocalGet, 0, If, I32, I32Const, 1, Else, I32Const, 2, End, End}));
  EXPECT_INVALID(checkFunc({I32}, {I32},
                           {LocalGet, 0, If, I32, I32Const, 1, Else, End, End}),
                 "type mismatch in end");
  // Without else, the block's parameters must equal its results.
  EXPECT_INVALID(
      checkFunc({I32}, {I32}, {LocalGet, 0, If, I32, I32Const, 1, End, End}),
      "type mismatch in if");
  ExtraDefs Types = [](ModuleBuilder &B) { B.type({I32}, {I32}); };
  EXPECT_VALID(checkFunc(
      {I32}, {I32}, {LocalGet, 0, LocalGet, 0, If, 0x01, End, End}, Types));
  EXPECT_INVALID(checkFunc({}, {}, {I32Const, 0, Else, End, End}),
                 "else without a matching if");
  EXPECT_INVALID(checkFunc({I64}, {}, {LocalGet, 0, If, Empty, End, End}),
                 "type mismatch in if: expected i32 but got i64");
}

TEST(FunctionValidation, Branches) {
  EXPECT_VALID(
      checkFunc({}, {I32}, {Block, I32, I32Const, 1, Br, 0, End, End}));
  EXPECT_VALID(
      checkFunc({}, {I32}, {I32Const, 1, Br, 0, End})); // function label
  EXPECT_INVALID(checkFunc({}, {}, {Br, 1, End}), "unknown label 1");
  EXPECT_INVALID(
      checkFunc({}, {I32}, {Block, I32, F32Const, 0, 0, 0, 0, Br, 0, End, End}),
      "type mismatch in br: expected i32 but got f32");
  // br_if keeps the label's values on the stack.
  EXPECT_VALID(checkFunc(
      {}, {I32}, {Block, I32, I32Const, 1, I32Const, 0, BrIf, 0, End, End}));
  // Values left below a branch are dropped with the unreachable code.
  EXPECT_VALID(checkFunc({}, {}, {I32Const, 1, I32Const, 1, Return, End}));
}

TEST(FunctionValidation, Return) {
  EXPECT_VALID(checkFunc({}, {I32}, {I32Const, 1, Return, End}));
  EXPECT_INVALID(checkFunc({}, {I32}, {Return, End}),
                 "type mismatch in return: expected i32 but got nothing");
  EXPECT_INVALID(
      checkFunc({}, {I32}, {Block, Empty, Return, End, I32Const, 0, End}),
      "type mismatch in return: expected i32 but got nothing");
}

TEST(FunctionValidation, BrTable) {
  // Targets of one arity and type.
  EXPECT_VALID(checkFunc(
      {I32}, {I32},
      {Block, I32, I32Const, 7, LocalGet, 0, BrTable, 2, 0, 1, 0, End, End}));
  // Arity mismatch between targets.
  EXPECT_INVALID(checkFunc({I32}, {},
                           {Block, Empty, Block, I32, I32Const, 7, LocalGet, 0,
                            BrTable, 1, 0, 1, End, Drop, End, End}),
                 "type mismatch in br_table");
  // Same arity, different types: each label checks the same operand.
  EXPECT_INVALID(
      checkFunc({I32}, {I32},
                {Block, I32, Block, F32, I32Const, 7, LocalGet, 0, BrTable, 1,
                 0, 1, End, Drop, I32Const, 0, End, End}),
      "type mismatch in br_table");
  // In unreachable code the operand is Unknown and matches both.
  EXPECT_VALID(checkFunc({}, {I32},
                         {Block, I32, Block, F32, Unreachable, BrTable, 1, 0, 1,
                          End, Drop, I32Const, 0, End, End}));
  // ... but a known operand must still match every label.
  EXPECT_INVALID(
      checkFunc({}, {I32},
                {Block, I32,  Block,    F32, Unreachable, F32Const, 0, 0,
                 0,     0,    I32Const, 0,   BrTable,     1,        0, 1,
                 End,   Drop, I32Const, 0,   End,         End}),
      "type mismatch in br_table");
  EXPECT_INVALID(checkFunc({}, {}, {I32Const, 0, BrTable, 1, 0, 3, End}),
                 "unknown label 3");
  EXPECT_VALID(checkFunc({}, {}, {I32Const, 0, BrTable, 0, 0, End}));
}

TEST(FunctionValidation, BodyFraming) {
  EXPECT_INVALID(checkFunc({}, {}, {0x01}), "END opcode expected");
  EXPECT_INVALID(checkFunc({}, {}, {}), "END opcode expected");
  EXPECT_INVALID(checkFunc({}, {}, {End, 0x01}), "section size mismatch");
  EXPECT_INVALID(checkFunc({}, {}, {0xff, End}), "illegal opcode 0xff");
}

TEST(FunctionValidation, NestingLimit) {
  Bytes Code;
  for (int K = 0; K < 10; ++K)
    Code.insert(Code.end(), {Block, Empty});
  Code.insert(Code.end(), 11, End);
  EXPECT_VALID(checkFunc({}, {}, Code));
  ValidateOptions Opts;
  Opts.maxNestingDepth = 10; // the function's own frame counts
  EXPECT_INVALID(checkFunc({}, {}, Code, nullptr, Opts),
                 "control nesting too deep");
}

//===-- Calls -------------------------------------------------------------===//

TEST(FunctionValidation, Calls) {
  // Function 0 (i32) -> (i32) calls itself.
  EXPECT_VALID(checkFunc({I32}, {I32}, {LocalGet, 0, Call, 0, End}));
  EXPECT_INVALID(checkFunc({I32}, {I32}, {Call, 0, End}),
                 "type mismatch in call");
  EXPECT_INVALID(checkFunc({}, {}, {Call, 1, End}), "unknown function 1");

  ExtraDefs FuncTable = [](ModuleBuilder &B) { B.table(FuncRef, 1); };
  EXPECT_VALID(checkFunc({I32}, {I32},
                         {LocalGet, 0, I32Const, 0, CallIndirect, 0, 0, End},
                         FuncTable));
  EXPECT_INVALID(checkFunc({}, {}, {I32Const, 0, CallIndirect, 0, 0, End}),
                 "unknown table 0");
  EXPECT_INVALID(
      checkFunc({}, {}, {I32Const, 0, CallIndirect, 1, 0, End}, FuncTable),
      "unknown type 1");
  ExtraDefs ExternTable = [](ModuleBuilder &B) { B.table(ExternRef, 1); };
  EXPECT_INVALID(
      checkFunc({}, {}, {I32Const, 0, CallIndirect, 0, 0, End}, ExternTable),
      "type mismatch in call_indirect");
}

//===-- Parametric and variable instructions ------------------------------===//

TEST(FunctionValidation, Select) {
  EXPECT_VALID(checkFunc({I32, I32}, {I32},
                         {LocalGet, 0, LocalGet, 1, LocalGet, 0, Select, End}));
  EXPECT_INVALID(
      checkFunc({I32, I64}, {I32},
                {LocalGet, 0, LocalGet, 1, LocalGet, 0, Select, End}),
      "type mismatch in select");
  // Untyped select rejects references; the typed form accepts them.
  EXPECT_INVALID(
      checkFunc({}, {FuncRef},
                {RefNull, FuncRef, RefNull, FuncRef, I32Const, 0, Select, End}),
      "type mismatch in select");
  EXPECT_VALID(checkFunc({}, {FuncRef},
                         {RefNull, FuncRef, RefNull, FuncRef, I32Const, 0,
                          SelectT, 1, FuncRef, End}));
  EXPECT_INVALID(checkFunc({}, {I32},
                           {I32Const, 0, I32Const, 0, I32Const, 0, SelectT, 2,
                            I32, I32, End}),
                 "invalid result arity");
  EXPECT_INVALID(
      checkFunc({}, {I32},
                {I32Const, 0, I32Const, 0, I32Const, 0, SelectT, 0, End}),
      "invalid result arity");
  // Unknown operands take the other operand's type.
  EXPECT_VALID(checkFunc({}, {I64},
                         {Unreachable, I64Const, 0, I32Const, 0, Select, End}));
  EXPECT_INVALID(
      checkFunc({}, {I32},
                {Unreachable, I64Const, 0, I32Const, 0, Select, End}),
      "type mismatch in end");
}

TEST(FunctionValidation, LocalsAndGlobals) {
  EXPECT_VALID(checkFunc({I32}, {}, {I32Const, 1, LocalSet, 0, End}));
  EXPECT_INVALID(checkFunc({I32}, {}, {I64Const, 1, LocalSet, 0, End}),
                 "type mismatch in local.set: expected i32 but got i64");
  EXPECT_INVALID(checkFunc({I32}, {}, {LocalGet, 1, Drop, End}),
                 "unknown local 1");

  ExtraDefs Globals = [](ModuleBuilder &B) {
    B.global(I32, false, {I32Const, 0});
    B.global(I64, true, {I64Const, 0});
  };
  EXPECT_VALID(checkFunc({}, {}, {I64Const, 1, GlobalSet, 1, End}, Globals));
  EXPECT_INVALID(checkFunc({}, {}, {I32Const, 1, GlobalSet, 0, End}, Globals),
                 "global is immutable");
  EXPECT_INVALID(checkFunc({}, {}, {I32Const, 1, GlobalSet, 1, End}, Globals),
                 "type mismatch in global.set");
  EXPECT_INVALID(checkFunc({}, {}, {I32Const, 1, GlobalSet, 2, End}, Globals),
                 "unknown global 2");
}

//===-- Memory ------------------------------------------------------------===//

TEST(FunctionValidation, MemoryAccess) {
  Bytes Load = {I32Const, 0, 0x28, 0x02, 0x00, Drop, End}; // i32.load align 4
  EXPECT_VALID(checkFunc({}, {}, Load, withMemory));
  EXPECT_INVALID(checkFunc({}, {}, Load), "unknown memory 0");
  EXPECT_INVALID(
      checkFunc({}, {}, {I32Const, 0, 0x28, 0x03, 0x00, Drop, End}, withMemory),
      "alignment must not be larger than natural");
  EXPECT_VALID(checkFunc({}, {}, {I32Const, 0, 0x2d, 0x00, 0x00, Drop, End},
                         withMemory)); // i32.load8_u align 1
  EXPECT_INVALID(
      checkFunc({}, {}, {I32Const, 0, 0x2d, 0x01, 0x00, Drop, End}, withMemory),
      "alignment must not be larger than natural");
  // Stores: address first, then value.
  EXPECT_VALID(checkFunc(
      {}, {}, {I32Const, 0, I64Const, 0, 0x37, 0x03, 0x00, End}, withMemory));
  EXPECT_INVALID(checkFunc({}, {},
                           {I64Const, 0, I32Const, 0, 0x37, 0x03, 0x00, End},
                           withMemory),
                 "type mismatch in i64.store: expected i64 but got i32");
  EXPECT_VALID(checkFunc({}, {I32}, {0x3f, 0x00, 0x40, 0x00, End}, withMemory));
  EXPECT_INVALID(checkFunc({}, {I32}, {0x3f, 0x00, End}), "unknown memory 0");
  // An imported memory counts.
  EXPECT_VALID(
      checkFunc({}, {}, Load, [](ModuleBuilder &B) { B.importMemory(1); }));
}

TEST(FunctionValidation, BulkMemoryNeedsDataCount) {
  Bytes Init = {I32Const, 0,    I32Const, 0,    I32Const, 0,
                0xfc,     0x08, 0x00,     0x00, End};
  Bytes DropData = {0xfc, 0x09, 0x00, End};
  ExtraDefs WithData = [](ModuleBuilder &B) {
    B.memory(1);
    B.dataCount(1);
    B.data(cat({{0x01}, name("x")}));
  };
  ExtraDefs WithoutCount = [](ModuleBuilder &B) {
    B.memory(1);
    B.data(cat({{0x01}, name("x")}));
  };
  EXPECT_VALID(checkFunc({}, {}, Init, WithData));
  EXPECT_VALID(checkFunc({}, {}, DropData, WithData));
  EXPECT_INVALID(checkFunc({}, {}, Init, WithoutCount),
                 "data count section required");
  EXPECT_INVALID(checkFunc({}, {}, DropData, WithoutCount),
                 "data count section required");
  EXPECT_INVALID(checkFunc({}, {}, {0xfc, 0x09, 0x01, End}, WithData),
                 "unknown data segment 1");
  // memory.copy and memory.fill need a memory but no data count.
  EXPECT_VALID(checkFunc(
      {}, {},
      {I32Const, 0, I32Const, 0, I32Const, 0, 0xfc, 0x0a, 0x00, 0x00, End},
      withMemory));
  EXPECT_INVALID(
      checkFunc({}, {},
                {I32Const, 0, I32Const, 0, I32Const, 0, 0xfc, 0x0b, 0x00, End}),
      "unknown memory 0");
}

//===-- SIMD --------------------------------------------------------------===//

TEST(FunctionValidation, SimdLanesAndOptions) {
  Bytes V128Zero = {0xfd, 0x0c};
  V128Zero.insert(V128Zero.end(), 16, 0);
  auto Extract = [&](uint8_t Code, uint8_t Lane) {
    return cat({V128Zero, {0xfd, Code, Lane, Drop, End}});
  };
  EXPECT_VALID(checkFunc({}, {}, Extract(0x15, 15))); // i8x16.extract_lane_s
  EXPECT_INVALID(checkFunc({}, {}, Extract(0x15, 16)), "invalid lane index 16");
  EXPECT_VALID(checkFunc({}, {}, Extract(0x1d, 1))); // i64x2.extract_lane
  EXPECT_INVALID(checkFunc({}, {}, Extract(0x1d, 2)), "invalid lane index 2");

  Bytes Shuffle = cat({V128Zero, V128Zero, {0xfd, 0x0d}});
  for (uint8_t K = 0; K < 16; ++K)
    Shuffle.push_back(K * 2);
  Bytes BadShuffle = Shuffle;
  Shuffle.insert(Shuffle.end(), {Drop, End});
  BadShuffle.back() = 32;
  BadShuffle.insert(BadShuffle.end(), {Drop, End});
  EXPECT_VALID(checkFunc({}, {}, Shuffle));
  EXPECT_INVALID(checkFunc({}, {}, BadShuffle), "invalid lane index 32");

  // v128.load16_lane: memarg then lane; 8 lanes.
  Bytes LoadLane = cat({{I32Const, 0}, V128Zero, {0xfd, 0x55, 0x01, 0x00}});
  EXPECT_VALID(checkFunc({}, {}, cat({LoadLane, {7, Drop, End}}), withMemory));
  EXPECT_INVALID(checkFunc({}, {}, cat({LoadLane, {8, Drop, End}}), withMemory),
                 "invalid lane index 8");

  ValidateOptions NoSimd;
  NoSimd.allowSimd = false;
  EXPECT_EQ(checkFunc({}, {}, cat({V128Zero, {Drop, End}}), nullptr, NoSimd),
            "v128.const: SIMD is not supported yet");
}

//===-- References and tables ---------------------------------------------===//

TEST(FunctionValidation, RefFuncNeedsDeclaration) {
  Bytes Code = {RefFunc, 0x00, Drop, End};
  EXPECT_INVALID(checkFunc({}, {}, Code), "undeclared function reference");
  EXPECT_VALID(checkFunc(
      {}, {}, Code, [](ModuleBuilder &B) { B.exportEntry("f", 0x00, 0); }));
  EXPECT_VALID(checkFunc({}, {}, Code, [](ModuleBuilder &B) {
    B.elem({0x03, 0x00, 0x01, 0x00}); // declarative, func 0
  }));
  EXPECT_VALID(checkFunc({}, {}, Code, [](ModuleBuilder &B) {
    B.global(FuncRef, false, {RefFunc, 0x00});
  }));
  EXPECT_INVALID(checkFunc({}, {}, {RefFunc, 0x01, Drop, End}),
                 "unknown function 1");
}

TEST(FunctionValidation, ReferenceInstructions) {
  EXPECT_VALID(checkFunc({}, {I32}, {RefNull, ExternRef, RefIsNull, End}));
  EXPECT_INVALID(checkFunc({}, {I32}, {I32Const, 0, RefIsNull, End}),
                 "type mismatch in ref.is_null");
  EXPECT_VALID(checkFunc({}, {I32}, {Unreachable, RefIsNull, End}));
}

TEST(FunctionValidation, TableInstructions) {
  ExtraDefs Tables = [](ModuleBuilder &B) {
    B.table(FuncRef, 1);
    B.table(ExternRef, 1);
    B.elem({0x05, FuncRef, 0x00}); // passive funcref segment, no items
  };
  // table.get / set / size / grow / fill on the externref table 1.
  EXPECT_VALID(
      checkFunc({}, {ExternRef}, {I32Const, 0, 0x25, 0x01, End}, Tables));
  EXPECT_VALID(checkFunc(
      {}, {}, {I32Const, 0, RefNull, ExternRef, 0x26, 0x01, End}, Tables));
  EXPECT_INVALID(
      checkFunc({}, {}, {I32Const, 0, RefNull, FuncRef, 0x26, 0x01, End},
                Tables),
      "type mismatch in table.set: expected externref but got funcref");
  EXPECT_VALID(checkFunc(
      {}, {I32}, {RefNull, ExternRef, I32Const, 1, 0xfc, 0x0f, 0x01, End},
      Tables));
  EXPECT_VALID(checkFunc({}, {I32}, {0xfc, 0x10, 0x01, End}, Tables));
  EXPECT_VALID(checkFunc(
      {}, {},
      {I32Const, 0, RefNull, ExternRef, I32Const, 1, 0xfc, 0x11, 0x01, End},
      Tables));
  EXPECT_INVALID(checkFunc({}, {I32}, {0xfc, 0x10, 0x02, End}, Tables),
                 "unknown table 2");

  // table.init / elem.drop / table.copy check element types.
  Bytes Three = {I32Const, 0, I32Const, 0, I32Const, 0};
  EXPECT_VALID(
      checkFunc({}, {}, cat({Three, {0xfc, 0x0c, 0x00, 0x00, End}}), Tables));
  EXPECT_INVALID(
      checkFunc({}, {}, cat({Three, {0xfc, 0x0c, 0x00, 0x01, End}}), Tables),
      "type mismatch in table.init");
  EXPECT_INVALID(
      checkFunc({}, {}, cat({Three, {0xfc, 0x0c, 0x01, 0x00, End}}), Tables),
      "unknown elem segment 1");
  EXPECT_VALID(checkFunc({}, {}, {0xfc, 0x0d, 0x00, End}, Tables));
  EXPECT_INVALID(checkFunc({}, {}, {0xfc, 0x0d, 0x01, End}, Tables),
                 "unknown elem segment 1");
  EXPECT_VALID(
      checkFunc({}, {}, cat({Three, {0xfc, 0x0e, 0x01, 0x01, End}}), Tables));
  EXPECT_INVALID(
      checkFunc({}, {}, cat({Three, {0xfc, 0x0e, 0x00, 0x01, End}}), Tables),
      "type mismatch in table.copy");
}

TEST(FunctionValidation, ErrorsCarryTheInstructionOffset) {
  ModuleBuilder B;
  B.type({}, {});
  B.func(0, {0x01, 0x01, I64Const, 0, I32Const, 0, I32Add, Drop, End});
  Bytes Module = B.build();
  auto M = decodeModule(Module);
  ASSERT_TRUE(M);
  auto V = validateModule(*M);
  ASSERT_FALSE(V);
  size_t AddAt = M->functions[0].bodyStart + 6;
  EXPECT_EQ(Module[AddAt], I32Add);
  EXPECT_EQ(V.error().offset, AddAt);
}
