//===- LibraryHeader.h - C header for a module compiled as a library -*- C++ -*-//
#ifndef WASM2BIN_BACKEND_LIBRARYHEADER_H
#define WASM2BIN_BACKEND_LIBRARYHEADER_H

#include "wasm2bin/Module.h"

#include <string>

namespace wasm2bin {

/// The text of a C header for embedding: the descriptor `DescriptorSymbol`,
/// an instantiate wrapper, the imports the embedder must resolve (as a
/// comment with their types), and one typed wrapper per exported function
/// that calls through w2b_invoke so traps come back as values.
std::string libraryHeader(const Module &M, const std::string &ModuleName,
                          const std::string &DescriptorSymbol,
                          const std::string &InputName);

} // namespace wasm2bin

#endif
