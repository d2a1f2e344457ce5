//===- NameSection.cpp - The "name" custom section ------------------------===//
//
// Subsections (module 0, functions 1, locals 2) must appear in increasing id
// order; name maps must be sorted by index. Other subsections (labels, types,
// ... from the extended name section) are skipped. Any violation makes the
// whole section malformed, and the caller then ignores it.
//
//===----------------------------------------------------------------------===//

#include "ModuleDecoder.h"

namespace wasm2bin {

namespace {

enum NameSubsection : uint8_t {
  ModuleNames = 0,
  FunctionNames = 1,
  LocalNames = 2
};

/// vec(idx name), indices strictly increasing.
bool readNameMap(ByteReader &R, std::map<uint32_t, std::string> &Out) {
  uint32_t Count = 0;
  if (!R.readCount(Count))
    return false;
  int64_t Last = -1;
  for (uint32_t K = 0; K < Count; ++K) {
    uint32_t Index = 0;
    std::string Name;
    if (!R.readU32(Index) || !R.readName(Name))
      return false;
    if (int64_t(Index) <= Last)
      return false;
    Last = Index;
    Out.emplace_hint(Out.end(), Index, std::move(Name));
  }
  return true;
}

/// vec(idx namemap), indices strictly increasing.
bool readIndirectNameMap(
    ByteReader &R, std::map<uint32_t, std::map<uint32_t, std::string>> &Out) {
  uint32_t Count = 0;
  if (!R.readCount(Count))
    return false;
  int64_t Last = -1;
  for (uint32_t K = 0; K < Count; ++K) {
    uint32_t Index = 0;
    if (!R.readU32(Index) || int64_t(Index) <= Last)
      return false;
    Last = Index;
    if (!readNameMap(R, Out[Index]))
      return false;
  }
  return true;
}

} // namespace

bool parseNameSection(const uint8_t *Data, size_t Start, size_t End,
                      size_t FileSize, NameSection &Out) {
  Diagnostic Ignored;
  ByteReader R(Data, Start, End, FileSize, Ignored);
  int LastId = -1;
  while (!R.atEnd()) {
    uint8_t Id = 0;
    uint32_t Size = 0;
    if (!R.readByte(Id) || !R.readU32(Size) || Size > R.remaining())
      return false;
    if (int(Id) <= LastId)
      return false;
    LastId = Id;
    const size_t SubEnd = R.pos() + Size;
    R.setEnd(SubEnd);
    bool Ok = true;
    switch (Id) {
    case ModuleNames:
      Ok = R.readName(Out.moduleName);
      break;
    case FunctionNames:
      Ok = readNameMap(R, Out.functions);
      break;
    case LocalNames:
      Ok = readIndirectNameMap(R, Out.locals);
      break;
    default:
      R.seek(SubEnd);
      break;
    }
    if (!Ok || R.pos() != SubEnd)
      return false;
    R.setEnd(End);
  }
  return true;
}

} // namespace wasm2bin
