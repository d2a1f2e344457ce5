//===- SigTest.cpp - Signature strings ------------------------------------===//
#include "builtins.h"
#include "w2b.h"

#include <gtest/gtest.h>

#include <string>

TEST(Sig, Arity) {
  uint32_t p = 99, r = 99;
  ASSERT_TRUE(w2b_sig_arity(":", &p, &r));
  EXPECT_EQ(p, 0u);
  EXPECT_EQ(r, 0u);
  ASSERT_TRUE(w2b_sig_arity("iIfFvre:iF", &p, &r));
  EXPECT_EQ(p, 7u);
  EXPECT_EQ(r, 2u);
  EXPECT_FALSE(w2b_sig_arity("ii", &p, &r));    // no colon
  EXPECT_FALSE(w2b_sig_arity("i:i:i", &p, &r)); // two colons
  EXPECT_FALSE(w2b_sig_arity("x:", &p, &r));    // unknown type
  EXPECT_FALSE(w2b_sig_arity(nullptr, &p, &r));
}

TEST(Sig, ParamAndResultTypes) {
  const char *sig = "iIfFvre:Fi";
  EXPECT_EQ(w2b_sig_param(sig, 0), W2B_I32);
  EXPECT_EQ(w2b_sig_param(sig, 1), W2B_I64);
  EXPECT_EQ(w2b_sig_param(sig, 2), W2B_F32);
  EXPECT_EQ(w2b_sig_param(sig, 3), W2B_F64);
  EXPECT_EQ(w2b_sig_param(sig, 4), W2B_V128);
  EXPECT_EQ(w2b_sig_param(sig, 5), W2B_FUNCREF);
  EXPECT_EQ(w2b_sig_param(sig, 6), W2B_EXTERNREF);
  EXPECT_EQ(w2b_sig_param(sig, 7), 0);
  EXPECT_EQ(w2b_sig_result(sig, 0), W2B_F64);
  EXPECT_EQ(w2b_sig_result(sig, 1), W2B_I32);
  EXPECT_EQ(w2b_sig_result(sig, 2), 0);
  EXPECT_EQ(w2b_sig_result(":", 0), 0);
}

TEST(Sig, Equal) {
  std::string a = "ii:i", b = "ii:i", c = "ii:I";
  EXPECT_EQ(w2b_sig_equal(a.data(), a.data()), 1u);
  EXPECT_EQ(w2b_sig_equal(a.data(), b.data()), 1u); // different addresses
  EXPECT_EQ(w2b_sig_equal(a.data(), c.data()), 0u);
  EXPECT_EQ(w2b_sig_equal(a.data(), nullptr), 0u);
  EXPECT_EQ(w2b_sig_equal(nullptr, nullptr), 1u);
}
