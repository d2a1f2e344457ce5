//===- NameSectionTest.cpp - The "name" custom section --------------------===//

#include "WasmBuilder.h"

#include <gtest/gtest.h>

using namespace wasm2bin;
using namespace w2btest;

namespace {

/// Two functions (the first imported) and a name section with Payload.
Bytes withNames(const Bytes &Payload) {
  return module(
      {section(1, vec({funcType({I32}, {})})),
       section(2, vec({cat({name("env"), name("imp"), {0x00, 0x00}})})),
       section(3, vec({{0x00}})), section(10, vec({body({{1, I64}}, {0x0b})})),
       section(0, cat({name("name"), Payload}))});
}

Module decodeOk(const Bytes &B) {
  auto M = decodeModule(B);
  EXPECT_TRUE(M) << M.error().message;
  return M ? M.take() : Module{};
}

const Bytes ModuleSub = section(0, name("mod"));
const Bytes FuncSub = section(
    1, vec({cat({{0x00}, name("imported")}), cat({{0x01}, name("defined")})}));
const Bytes LocalSub =
    section(2, vec({cat({{0x01},
                         vec({cat({{0x00}, name("param")}),
                              cat({{0x01}, name("tmp")})})})}));

} // namespace

TEST(NameSection, ModuleFunctionAndLocalNames) {
  Module M = decodeOk(withNames(cat({ModuleSub, FuncSub, LocalSub})));
  EXPECT_EQ(M.names.moduleName, "mod");
  EXPECT_EQ(M.names.functions.size(), 2u);
  EXPECT_EQ(M.functionName(0), "imported");
  EXPECT_EQ(M.functionName(1), "defined");
  EXPECT_EQ(M.names.locals.at(1).at(0), "param");
  EXPECT_EQ(M.names.locals.at(1).at(1), "tmp");
  EXPECT_EQ(check(withNames(cat({ModuleSub, FuncSub, LocalSub}))), "");
}

TEST(NameSection, UnknownSubsectionsAreSkipped) {
  Bytes Labels = section(3, {0x00});
  Module M = decodeOk(withNames(cat({FuncSub, Labels, section(9, {1, 2, 3})})));
  EXPECT_EQ(M.functionName(1), "defined");
}

TEST(NameSection, MalformedNameSectionsAreIgnored) {
  const std::vector<Bytes> Malformed = {
      cat({FuncSub, ModuleSub}),                // out of order
      cat({FuncSub, FuncSub}),                  // duplicate
      {0x01, 0x10, 0x01},                       // subsection past the end
      section(1, vec({cat({{0x01}, name("b")}), // indices not increasing
                      cat({{0x00}, name("a")})})),
      section(1, vec({cat({{0x00}, {0x01, 0xff}})})), // not UTF-8
      section(0, cat({name("mod"), {0x00}})), // subsection size mismatch
      {0x01},                                 // truncated header
  };
  for (const Bytes &Payload : Malformed) {
    Module M = decodeOk(withNames(Payload));
    EXPECT_TRUE(M.names.functions.empty());
    EXPECT_EQ(M.names.moduleName, "");
    EXPECT_EQ(M.functionName(0), "env.imp"); // falls back to the import
    EXPECT_EQ(M.functionName(1), "func1");
    EXPECT_EQ(M.customSections.size(), 1u); // still recorded
  }
}
