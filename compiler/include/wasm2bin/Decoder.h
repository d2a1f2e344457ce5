//===- Decoder.h - Binary format to Module ----------------------*- C++ -*-===//
#ifndef WASM2BIN_DECODER_H
#define WASM2BIN_DECODER_H

#include "wasm2bin/Diagnostic.h"
#include "wasm2bin/Module.h"

namespace wasm2bin {

/// Resource limits enforced while decoding; exceeding one is an error, not a
/// crash or an allocation failure. Defaults follow the JS-API limits that
/// browsers and Wasmtime enforce.
struct DecodeLimits {
  uint32_t maxTypes = 1000000;
  uint32_t maxFunctions = 1000000;
  uint32_t maxImports = 100000;
  uint32_t maxExports = 100000;
  uint32_t maxGlobals = 1000000;
  uint32_t maxDataSegments = 100000;
  uint32_t maxElemSegments = 10000000;
  uint32_t maxTableSize = 10000000;
  uint32_t maxParams = 1000;
  uint32_t maxResults = 1000;
  uint32_t maxLocals = 50000;      ///< per function, parameters included
  uint32_t maxFunctionSize = 7654321;
};

/// Decodes every section of a core module (magic, version, sections in the
/// required order, no duplicates, sizes that match). Function bodies are
/// checked only for their size and local declarations; instructions are
/// decoded by CodeReader during validation. Does not validate.
Result<Module> decodeModule(std::vector<uint8_t> Bytes,
                            const DecodeLimits &Limits = {});

} // namespace wasm2bin

#endif
