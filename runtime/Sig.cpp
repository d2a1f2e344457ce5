//===- Sig.cpp - Canonical signature strings ------------------------------===//
//
// A signature is "params:results" with one character per type (abi.h).
// Equal signatures usually share an address across a linked program, so
// w2b_sig_equal compares pointers first and strings only when they differ.
//
//===----------------------------------------------------------------------===//
#include "Internal.h"

#include <string.h>

namespace {

uint8_t typeOfChar(char c) {
  switch (c) {
  case 'i':
    return W2B_I32;
  case 'I':
    return W2B_I64;
  case 'f':
    return W2B_F32;
  case 'F':
    return W2B_F64;
  case 'v':
    return W2B_V128;
  case 'r':
    return W2B_FUNCREF;
  case 'e':
    return W2B_EXTERNREF;
  default:
    return 0;
  }
}

// The i-th type character of the params (results=false) or results, or 0.
uint8_t sigType(w2b_sig sig, bool results, uint32_t i) {
  if (!sig)
    return 0;
  const char *colon = strchr(sig, ':');
  if (!colon)
    return 0;
  const char *begin = results ? colon + 1 : sig;
  size_t len = results ? strlen(begin) : size_t(colon - sig);
  return i < len ? typeOfChar(begin[i]) : 0;
}

} // namespace

extern "C" {

int w2b_sig_arity(w2b_sig sig, uint32_t *numParams, uint32_t *numResults) {
  if (!sig)
    return 0;
  uint32_t counts[2] = {0, 0};
  int side = 0;
  for (const char *p = sig; *p; ++p) {
    if (*p == ':') {
      if (side == 1)
        return 0;
      side = 1;
    } else if (!typeOfChar(*p)) {
      return 0;
    } else {
      ++counts[side];
    }
  }
  if (side != 1)
    return 0;
  if (numParams)
    *numParams = counts[0];
  if (numResults)
    *numResults = counts[1];
  return 1;
}

uint8_t w2b_sig_param(w2b_sig sig, uint32_t i) {
  return sigType(sig, false, i);
}

uint8_t w2b_sig_result(w2b_sig sig, uint32_t i) {
  return sigType(sig, true, i);
}

uint32_t w2b_sig_equal(void *a, void *b) {
  if (a == b)
    return 1;
  if (!a || !b)
    return 0;
  return strcmp(static_cast<const char *>(a), static_cast<const char *>(b)) ==
         0;
}

void w2b_host_thunk(void *code, void *env, const w2b_value *args,
                    w2b_value *results) {
  (void)code;
  const auto *host = static_cast<const w2b_host_func *>(env);
  host->fn(host->ctx, args, results);
}

} // extern "C"
