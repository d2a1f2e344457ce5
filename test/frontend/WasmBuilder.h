//===- WasmBuilder.h - Hand-assembled modules for tests ------*- C++ -*-===//
//
// Tests spell out binary modules byte by byte; these helpers only do the
// bookkeeping (LEB128, vector counts, section sizes) so that each test shows
// the bytes it is about.
//
//===----------------------------------------------------------------------===//
#ifndef WASM2BIN_TEST_FRONTEND_WASMBUILDER_H
#define WASM2BIN_TEST_FRONTEND_WASMBUILDER_H

#include "wasm2bin/Decoder.h"
#include "wasm2bin/Validator.h"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace w2btest {

using Bytes = std::vector<uint8_t>;

inline Bytes uleb(uint64_t V) {
  Bytes Out;
  do {
    uint8_t B = V & 0x7f;
    V >>= 7;
    Out.push_back(V ? B | 0x80 : B);
  } while (V);
  return Out;
}

inline Bytes sleb(int64_t V) {
  Bytes Out;
  for (;;) {
    uint8_t B = V & 0x7f;
    V >>= 7; // arithmetic shift
    bool Done = (V == 0 && !(B & 0x40)) || (V == -1 && (B & 0x40));
    Out.push_back(Done ? B : B | 0x80);
    if (Done)
      return Out;
  }
}

/// Concatenation: cat({a, b, c}).
inline Bytes cat(std::initializer_list<Bytes> Parts) {
  Bytes Out;
  for (const Bytes &P : Parts)
    Out.insert(Out.end(), P.begin(), P.end());
  return Out;
}

/// A vector: count, then the items.
inline Bytes vec(const std::vector<Bytes> &Items) {
  Bytes Out = uleb(Items.size());
  for (const Bytes &I : Items)
    Out.insert(Out.end(), I.begin(), I.end());
  return Out;
}

inline Bytes name(const std::string &S) {
  return cat({uleb(S.size()), Bytes(S.begin(), S.end())});
}

inline Bytes section(uint8_t Id, const Bytes &Payload) {
  return cat({{Id}, uleb(Payload.size()), Payload});
}

inline Bytes header() {
  return {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
}

inline Bytes module(std::initializer_list<Bytes> Sections) {
  Bytes Out = header();
  for (const Bytes &S : Sections)
    Out.insert(Out.end(), S.begin(), S.end());
  return Out;
}

// Value type bytes.
constexpr uint8_t I32 = 0x7f, I64 = 0x7e, F32 = 0x7d, F64 = 0x7c, V128 = 0x7b,
                  FuncRef = 0x70, ExternRef = 0x6f;

inline Bytes funcType(Bytes Params, Bytes Results) {
  Bytes Out = {0x60};
  Out = cat({Out, uleb(Params.size()), Params, uleb(Results.size()), Results});
  return Out;
}

/// One function body: local declarations (count, type) then code. The code
/// must include the final end (0x0b).
inline Bytes body(const std::vector<std::pair<uint32_t, uint8_t>> &Locals,
                  const Bytes &Code) {
  Bytes Decls = uleb(Locals.size());
  for (auto [N, T] : Locals)
    Decls = cat({Decls, uleb(N), {T}});
  Bytes Whole = cat({Decls, Code});
  return cat({uleb(Whole.size()), Whole});
}

/// Builds a module section by section; entries are added in index order.
class ModuleBuilder {
public:
  uint32_t type(Bytes Params, Bytes Results) {
    Types.push_back(funcType(std::move(Params), std::move(Results)));
    return Types.size() - 1;
  }
  void importFunc(uint32_t Type) {
    Imports.push_back(cat({name("env"), name("f"), {0x00}, uleb(Type)}));
  }
  void importGlobal(uint8_t ValType, bool Mutable) {
    Imports.push_back(
        cat({name("env"), name("g"), {0x03, ValType}, {uint8_t(Mutable)}}));
  }
  void importMemory(uint32_t Min) {
    Imports.push_back(cat({name("env"), name("m"), {0x02, 0x00}, uleb(Min)}));
  }
  /// A defined function with the given body code (ending in 0x0b).
  uint32_t func(uint32_t Type, Bytes Code,
                std::vector<std::pair<uint32_t, uint8_t>> Locals = {}) {
    Funcs.push_back(uleb(Type));
    Bodies.push_back(body(Locals, Code));
    return Funcs.size() - 1;
  }
  void table(uint8_t Elem, uint32_t Min) {
    Tables.push_back(cat({{Elem, 0x00}, uleb(Min)}));
  }
  void memory(uint32_t Min) { Memories.push_back(cat({{0x00}, uleb(Min)})); }
  void memory(uint32_t Min, uint32_t Max) {
    Memories.push_back(cat({{0x01}, uleb(Min), uleb(Max)}));
  }
  /// A global with an init expression (without the final end).
  void global(uint8_t ValType, bool Mutable, Bytes Init) {
    Globals.push_back(cat({{ValType, uint8_t(Mutable)}, Init, {0x0b}}));
  }
  void exportEntry(const std::string &Name, uint8_t Kind, uint32_t Index) {
    Exports.push_back(cat({name(Name), {Kind}, uleb(Index)}));
  }
  void start(uint32_t Func) { Start = uleb(Func); }
  /// A raw element segment (flags included).
  void elem(Bytes Segment) { Elems.push_back(std::move(Segment)); }
  /// A raw data segment (flags included).
  void data(Bytes Segment) { Datas.push_back(std::move(Segment)); }
  void dataCount(uint32_t N) { DataCount = uleb(N); }

  Bytes build() const {
    Bytes Out = header();
    auto Add = [&](uint8_t Id, const std::vector<Bytes> &Items) {
      if (!Items.empty())
        Out = cat({Out, section(Id, vec(Items))});
    };
    Add(1, Types);
    Add(2, Imports);
    Add(3, Funcs);
    Add(4, Tables);
    Add(5, Memories);
    Add(6, Globals);
    Add(7, Exports);
    if (!Start.empty())
      Out = cat({Out, section(8, Start)});
    Add(9, Elems);
    if (!DataCount.empty())
      Out = cat({Out, section(12, DataCount)});
    Add(10, Bodies);
    Add(11, Datas);
    return Out;
  }

private:
  std::vector<Bytes> Types, Imports, Funcs, Tables, Memories, Globals, Exports,
      Elems, Datas, Bodies;
  Bytes Start, DataCount;
};

/// Decodes and validates; returns "" if valid, else the diagnostic message.
inline std::string check(const Bytes &B,
                         const wasm2bin::ValidateOptions &Opts = {}) {
  auto M = wasm2bin::decodeModule(B);
  if (!M)
    return "decode: " + M.error().message;
  auto V = wasm2bin::validateModule(*M, Opts);
  if (!V)
    return V.error().message;
  return "";
}

/// Decode only; "" on success, else the message.
inline std::string decodeError(const Bytes &B) {
  auto M = wasm2bin::decodeModule(B);
  return M ? "" : M.error().message;
}

} // namespace w2btest

#endif
