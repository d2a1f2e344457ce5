//===- RobustnessTest.cpp - Truncated and corrupted modules ---------------===//
//
// The front end reads untrusted bytes: every prefix and every single-byte
// corruption of a module that uses each section must produce a result or a
// diagnostic, never a crash, hang or runaway allocation (run under ASan to
// make the "never crash" part strict).
//
//===----------------------------------------------------------------------===//

#include "WasmBuilder.h"

#include <gtest/gtest.h>

#include <set>

using namespace wasm2bin;
using namespace w2btest;

namespace {

/// A small module touching every section, and the offsets where its
/// sections end (prefixes ending there may legitimately be valid).
struct Sample {
  Bytes Bytes_;
  std::set<size_t> SectionEnds;
};

Sample sampleModule() {
  std::vector<Bytes> Sections = {
      section(1, vec({funcType({I32}, {I32}), funcType({}, {})})),
      section(2, vec({cat({name("env"), name("g"), {0x03, I32, 0x00}})})),
      section(3, vec({{0x00}, {0x01}})),
      section(4, vec({{FuncRef, 0x01, 0x01, 0x04}})),
      section(5, vec({{0x01, 0x01, 0x02}})),
      section(6, vec({{I64, 0x01, 0x42, 0x2a, 0x0b}})),
      section(7, vec({cat({name("f"), {0x00, 0x01}}),
                      cat({name("mem"), {0x02, 0x00}})})),
      section(8, {0x01}),
      section(9, vec({cat({{0x00, 0x41, 0x00, 0x0b}, vec({{0x01}})}),
                      cat({{0x05, FuncRef}, vec({{0xd2, 0x00, 0x0b}})})})),
      section(12, {0x02}),
      section(10,
              vec({body({{1, I32}},
                        {0x20, 0x00, 0x41, 0x01, 0x6a, 0x22, 0x01, // add, tee
                         0x02, 0x7f, 0x20, 0x01, 0x20, 0x01, 0x0e,
                         0x01, 0x00, 0x00, 0x0b, // br_table
                         0x6a, 0x28, 0x02, 0x00, // i32.load
                         0x0b}),
                   body({}, {0x41, 0x00, 0x41, 0x00, 0x41, 0x01, 0xfc, 0x08,
                             0x01, 0x00, 0xfc, 0x09, 0x00, 0x0b})})),
      section(11, vec({cat({{0x00, 0x41, 0x10, 0x0b}, name("hi")}),
                       cat({{0x01}, name("passive")})})),
      section(0, cat({name("name"),
                      section(1, vec({cat({{0x01}, name("main")})}))})),
  };
  Sample S;
  S.Bytes_ = header();
  S.SectionEnds.insert(S.Bytes_.size());
  for (const Bytes &Sec : Sections) {
    S.Bytes_ = cat({S.Bytes_, Sec});
    S.SectionEnds.insert(S.Bytes_.size());
  }
  return S;
}

} // namespace

TEST(Robustness, SampleModuleIsValid) {
  Sample S = sampleModule();
  EXPECT_EQ(check(S.Bytes_), "");
  auto M = decodeModule(S.Bytes_);
  ASSERT_TRUE(M);
  EXPECT_EQ(M->names.functions.at(1), "main");
}

TEST(Robustness, EveryTruncationIsAnError) {
  Sample S = sampleModule();
  for (size_t Len = 0; Len < S.Bytes_.size(); ++Len) {
    Bytes Prefix(S.Bytes_.begin(), S.Bytes_.begin() + Len);
    std::string Result = check(Prefix);
    if (!S.SectionEnds.count(Len))
      EXPECT_NE(Result, "") << "prefix of " << Len << " bytes accepted";
  }
}

TEST(Robustness, SingleByteCorruptionsNeverCrash) {
  Sample S = sampleModule();
  const uint8_t Values[] = {0x00, 0x01, 0x0b, 0x40, 0x7f, 0x80, 0xfc, 0xff};
  size_t Rejected = 0, Total = 0;
  for (size_t Pos = 8; Pos < S.Bytes_.size(); ++Pos) {
    for (uint8_t V : Values) {
      if (S.Bytes_[Pos] == V)
        continue;
      Bytes Corrupt = S.Bytes_;
      Corrupt[Pos] = V;
      ++Total;
      if (!check(Corrupt).empty())
        ++Rejected;
    }
  }
  // Most corruptions are caught; the point is that none of them crashed.
  EXPECT_GT(Rejected, Total / 2);
}

TEST(Robustness, HugeCountsDoNotAllocate) {
  const Bytes Huge = {0xff, 0xff, 0xff, 0xff, 0x0f};
  for (uint8_t Id : {1, 2, 3, 4, 5, 6, 7, 9, 10, 11})
    EXPECT_EQ(decodeError(module({section(Id, Huge)})), "length out of bounds")
        << "section " << int(Id);
  // Parameter count, name length, and element count.
  EXPECT_EQ(decodeError(module({section(1, cat({{0x01, 0x60}, Huge}))})),
            "length out of bounds");
  EXPECT_EQ(decodeError(module({section(0, Huge)})), "length out of bounds");
  EXPECT_EQ(decodeError(module({section(9, cat({{0x01, 0x01, 0x00}, Huge}))})),
            "length out of bounds");
}
