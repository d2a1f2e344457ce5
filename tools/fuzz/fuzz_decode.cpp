//===- fuzz_decode.cpp - libFuzzer target: decode + validate --------------===//
//
// Feeds arbitrary bytes to the front end. Any outcome is fine except a crash,
// a sanitizer report, a hang or unbounded memory: a module is either accepted
// or rejected with one diagnostic whose offset lies inside the input.
//
// Built with -DW2B_FUZZ=ON (see tools/fuzz/README.md).
//
//===----------------------------------------------------------------------===//

#include "wasm2bin/Decoder.h"
#include "wasm2bin/Validator.h"

#include <cstdio>
#include <cstdlib>

using namespace wasm2bin;

namespace {

/// A diagnostic must point into the file (an offset equal to the size is the
/// "unexpected end" position) and say something.
void checkDiagnostic(const Diagnostic &D, size_t Size) {
  if (D.offset > Size || D.message.empty()) {
    std::fprintf(stderr, "bad diagnostic: offset 0x%zx (size 0x%zx): '%s'\n",
                 D.offset, Size, D.message.c_str());
    std::abort();
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::vector<uint8_t> Bytes(Data, Data + Size);
  Result<Module> Decoded = decodeModule(std::move(Bytes));
  if (!Decoded) {
    checkDiagnostic(Decoded.error(), Size);
    return 0;
  }
  Result<bool> Valid = validateModule(*Decoded);
  if (!Valid)
    checkDiagnostic(Valid.error(), Size);
  return 0;
}
