//===- Diagnostic.cpp - Formatting errors with file offsets ---------------===//

#include "wasm2bin/Diagnostic.h"

#include <cstdio>

namespace wasm2bin {

std::string Diagnostic::format(const std::string &File) const {
  // Lowercase hex without padding, as LLVM tools print offsets.
  char Hex[2 + 2 * sizeof(size_t) + 1];
  std::snprintf(Hex, sizeof(Hex), "0x%zx", offset);
  return File + ":" + Hex + ": " + message;
}

} // namespace wasm2bin
