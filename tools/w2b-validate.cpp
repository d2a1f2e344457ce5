//===- w2b-validate.cpp - Decode and validate one module ------------------===//
//
// Usage: w2b-validate FILE.wasm
// Exits 0 if FILE is a valid Wasm 2.0 module; otherwise prints
//   w2b-validate: error: FILE:0xOFFSET: message
// and exits 1. Used by frontend_conformance.py and handy for bug reports.
//
//===----------------------------------------------------------------------===//

#include "wasm2bin/Decoder.h"
#include "wasm2bin/Validator.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

constexpr const char *Tool = "w2b-validate";

bool readFile(const std::string &Path, std::vector<uint8_t> &Out) {
  std::error_code EC;
  if (!std::filesystem::is_regular_file(Path, EC))
    return false;
  std::ifstream In(Path, std::ios::binary | std::ios::ate);
  if (!In)
    return false;
  std::streamoff Size = In.tellg();
  if (Size < 0)
    return false;
  Out.resize(size_t(Size));
  In.seekg(0);
  return bool(In.read(reinterpret_cast<char *>(Out.data()), Size));
}

} // namespace

int main(int Argc, char **Argv) {
  if (Argc != 2) {
    std::fprintf(stderr, "usage: %s FILE.wasm\n", Tool);
    return 2;
  }
  std::string Path = Argv[1];
  std::vector<uint8_t> Bytes;
  if (!readFile(Path, Bytes)) {
    std::fprintf(stderr, "%s: error: %s: cannot read file\n", Tool,
                 Path.c_str());
    return 1;
  }
  auto Decoded = wasm2bin::decodeModule(std::move(Bytes));
  if (!Decoded) {
    std::fprintf(stderr, "%s: error: %s\n", Tool,
                 Decoded.error().format(Path).c_str());
    return 1;
  }
  auto Valid = wasm2bin::validateModule(*Decoded);
  if (!Valid) {
    std::fprintf(stderr, "%s: error: %s\n", Tool,
                 Valid.error().format(Path).c_str());
    return 1;
  }
  return 0;
}
