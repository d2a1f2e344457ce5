//===- Decoder.cpp - Module structure and the declaration sections -------===//
//
// Reads the header, then sections in the order the spec requires (custom
// sections may appear anywhere), each exactly as long as its size says.
// Section-specific readers for segments, code and names live in their own
// files (see ModuleDecoder.h).
//
//===----------------------------------------------------------------------===//

#include "ModuleDecoder.h"

#include <algorithm>
#include <string>

namespace wasm2bin {

namespace {

enum SectionId : uint8_t {
  CustomId = 0,
  TypeId = 1,
  ImportId = 2,
  FunctionId = 3,
  TableId = 4,
  MemoryId = 5,
  GlobalId = 6,
  ExportId = 7,
  StartId = 8,
  ElemId = 9,
  CodeId = 10,
  DataId = 11,
  DataCountId = 12,
  LastKnownId = DataCountId,
};

const char *sectionName(uint8_t Id) {
  static const char *const Names[] = {
      "custom", "type",  "import",  "function", "table", "memory",    "global",
      "export", "start", "element", "code",     "data",  "data count"};
  return Id <= LastKnownId ? Names[Id] : "unknown";
}

/// Position of a section in the required order. The data count section is
/// numbered 12 but must come between the element and code sections.
unsigned sectionRank(uint8_t Id) {
  static const unsigned Ranks[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 10};
  return Ranks[Id];
}

constexpr uint8_t Magic[4] = {0x00, 0x61, 0x73, 0x6d}; // "\0asm"
constexpr uint8_t Version[4] = {0x01, 0x00, 0x00, 0x00};

} // namespace

bool ModuleDecoder::decode() {
  if (!readHeader())
    return false;
  const size_t FileSize = M.bytes.size();
  while (!R.atEnd()) {
    size_t SectionStart = R.pos();
    uint8_t Id = 0;
    if (!R.readByte(Id))
      return false;
    if (Id > LastKnownId)
      return R.fail(SectionStart, "malformed section id");
    size_t SizeAt = R.pos();
    uint32_t Size = 0;
    if (!R.readU32(Size))
      return false;
    if (Size > R.remaining())
      return R.fail(SizeAt, "length out of bounds");
    if (!checkSectionOrder(Id, SectionStart))
      return false;
    size_t End = R.pos() + Size;
    R.setEnd(End);
    if (!readSection(Id))
      return false;
    if (R.pos() != End)
      return R.fail(R.pos(), "section size mismatch");
    R.setEnd(FileSize);
  }
  return finish();
}

bool ModuleDecoder::readHeader() {
  // Fewer than 4 bytes is "unexpected end" even when they already differ
  // from the magic, as in the spec interpreter.
  for (int Field = 0; Field < 2; ++Field) {
    const uint8_t *Expected = Field == 0 ? Magic : Version;
    if (R.remaining() < 4)
      return R.fail(R.pos(), "unexpected end");
    for (int I = 0; I < 4; ++I)
      if (M.bytes[R.pos() + I] != Expected[I])
        return R.fail(R.pos(), Field == 0 ? "magic header not detected"
                                          : "unknown binary version");
    R.seek(R.pos() + 4);
  }
  return true;
}

bool ModuleDecoder::checkSectionOrder(uint8_t Id, size_t Offset) {
  if (Id == CustomId)
    return true;
  unsigned Rank = sectionRank(Id);
  if (Rank <= LastRank) {
    std::string What = Rank == LastRank ? "duplicate " : "out-of-order ";
    return R.fail(Offset, "unexpected content after last section (" + What +
                              sectionName(Id) + " section)");
  }
  LastRank = Rank;
  return true;
}

bool ModuleDecoder::checkCount(uint32_t Count, uint32_t Max, size_t Offset,
                               const char *What) {
  if (Count <= Max)
    return true;
  return R.fail(Offset, std::string("too many ") + What + " (limit " +
                            std::to_string(Max) + ")");
}

bool ModuleDecoder::readSection(uint8_t Id) {
  switch (Id) {
  case CustomId:
    return readCustomSection();
  case TypeId:
    return readTypeSection();
  case ImportId:
    return readImportSection();
  case FunctionId:
    return readFunctionSection();
  case TableId:
    return readTableSection();
  case MemoryId:
    return readMemorySection();
  case GlobalId:
    return readGlobalSection();
  case ExportId:
    return readExportSection();
  case StartId:
    return readStartSection();
  case ElemId:
    return readElemSection();
  case CodeId:
    return readCodeSection();
  case DataId:
    return readDataSection();
  case DataCountId:
    return readDataCountSection();
  }
  return R.failHere("malformed section id");
}

bool ModuleDecoder::finish() {
  // An absent section counts as empty.
  if (!SawCodeSection && !M.functions.empty())
    return R.fail(R.pos(),
                  "function and code section have inconsistent lengths");
  if (!SawDataSection && M.dataCount && *M.dataCount != 0)
    return R.fail(R.pos(),
                  "data count and data section have inconsistent lengths");
  return true;
}

//===-- Types -------------------------------------------------------------===//

bool ModuleDecoder::readLimits(Limits &L) {
  size_t At = R.pos();
  uint8_t Flags = 0;
  if (!R.readByte(Flags))
    return false;
  // Wasm 2.0 has only 0x00 (min) and 0x01 (min, max). 0x02/0x03 are shared
  // memories (threads), 0x04..0x07 64-bit limits (memory64), both Wasm 3.0.
  if (Flags > 1)
    return R.fail(At, Flags >= 4 && Flags <= 7
                          ? "malformed limits flags (memory64 is not supported)"
                          : "malformed limits flags");
  uint32_t Min = 0;
  if (!R.readU32(Min))
    return false;
  L.min = Min;
  L.max.reset();
  if (Flags == 1) {
    uint32_t Max = 0;
    if (!R.readU32(Max))
      return false;
    L.max = Max;
  }
  return true;
}

bool ModuleDecoder::readTableType(TableType &T) {
  size_t At = R.pos();
  if (!R.readRefType(T.elem) || !readLimits(T.limits))
    return false;
  if (T.limits.min > Bounds.maxTableSize)
    return R.fail(At, "table minimum size " + std::to_string(T.limits.min) +
                          " exceeds the implementation limit of " +
                          std::to_string(Bounds.maxTableSize));
  return true;
}

bool ModuleDecoder::readMemoryType(MemoryType &T) {
  return readLimits(T.limits);
}

bool ModuleDecoder::readGlobalType(GlobalType &T) {
  if (!R.readValType(T.type))
    return false;
  size_t At = R.pos();
  uint8_t Mut = 0;
  if (!R.readByte(Mut))
    return false;
  if (Mut > 1)
    return R.fail(At, "malformed mutability");
  T.isMutable = Mut == 1;
  return true;
}

//===-- Sections ----------------------------------------------------------===//

bool ModuleDecoder::readTypeSection() {
  size_t At = R.pos();
  uint32_t Count = 0;
  if (!R.readCount(Count) || !checkCount(Count, Bounds.maxTypes, At, "types"))
    return false;
  return readEntries(M.types, Count,
                     [&](FuncType &T) { return readFuncType(T); });
}

bool ModuleDecoder::readFuncType(FuncType &T) {
  size_t At = R.pos();
  uint8_t Form = 0;
  if (!R.readByte(Form))
    return false;
  if (Form != 0x60)
    return R.fail(At, "malformed function type");
  for (int List = 0; List < 2; ++List) {
    std::vector<ValType> &Types = List == 0 ? T.params : T.results;
    size_t CountAt = R.pos();
    uint32_t Count = 0;
    if (!R.readCount(Count) ||
        !checkCount(Count, List == 0 ? Bounds.maxParams : Bounds.maxResults,
                    CountAt, List == 0 ? "parameters" : "results"))
      return false;
    Types.resize(Count);
    for (ValType &V : Types)
      if (!R.readValType(V))
        return false;
  }
  return true;
}

bool ModuleDecoder::readImportSection() {
  size_t At = R.pos();
  uint32_t Count = 0;
  if (!R.readCount(Count) ||
      !checkCount(Count, Bounds.maxImports, At, "imports"))
    return false;
  bool Ok = readEntries(M.imports, Count,
                        [&](Import &Imp) { return readImport(Imp); });
  return Ok &&
         checkCount(M.numImportedFuncs, Bounds.maxFunctions, At, "functions") &&
         checkCount(M.numImportedGlobals, Bounds.maxGlobals, At, "globals");
}

bool ModuleDecoder::readImport(Import &Imp) {
  Imp.offset = R.pos();
  if (!R.readName(Imp.module) || !R.readName(Imp.name))
    return false;
  size_t KindAt = R.pos();
  uint8_t Kind = 0;
  if (!R.readByte(Kind))
    return false;
  switch (Kind) {
  case 0:
    Imp.kind = ExternKind::Func;
    if (!R.readU32(Imp.funcType))
      return false;
    ++M.numImportedFuncs;
    break;
  case 1:
    Imp.kind = ExternKind::Table;
    if (!readTableType(Imp.table))
      return false;
    ++M.numImportedTables;
    break;
  case 2:
    Imp.kind = ExternKind::Memory;
    if (!readMemoryType(Imp.memory))
      return false;
    ++M.numImportedMemories;
    break;
  case 3:
    Imp.kind = ExternKind::Global;
    if (!readGlobalType(Imp.global))
      return false;
    ++M.numImportedGlobals;
    break;
  default:
    return R.fail(KindAt, "malformed import kind");
  }
  return true;
}

bool ModuleDecoder::readFunctionSection() {
  SawFunctionSection = true;
  size_t At = R.pos();
  uint32_t Count = 0;
  if (!R.readCount(Count) ||
      !checkCount(Count, Bounds.maxFunctions - M.numImportedFuncs, At,
                  "functions"))
    return false;
  return readEntries(M.functions, Count,
                     [&](Function &F) { return R.readU32(F.typeIndex); });
}

bool ModuleDecoder::readTableSection() {
  uint32_t Count = 0;
  if (!R.readCount(Count))
    return false;
  return readEntries(M.tables, Count, [&](TableType &T) {
    M.tableOffsets.push_back(R.pos());
    return readTableType(T);
  });
}

bool ModuleDecoder::readMemorySection() {
  uint32_t Count = 0;
  if (!R.readCount(Count))
    return false;
  return readEntries(M.memories, Count, [&](MemoryType &T) {
    M.memoryOffsets.push_back(R.pos());
    return readMemoryType(T);
  });
}

bool ModuleDecoder::readGlobalSection() {
  size_t At = R.pos();
  uint32_t Count = 0;
  if (!R.readCount(Count) ||
      !checkCount(Count, Bounds.maxGlobals - M.numImportedGlobals, At,
                  "globals"))
    return false;
  return readEntries(M.globals, Count, [&](Global &G) {
    G.offset = R.pos();
    return readGlobalType(G.type) && readConstExpr(G.init);
  });
}

bool ModuleDecoder::readExportSection() {
  size_t At = R.pos();
  uint32_t Count = 0;
  if (!R.readCount(Count) ||
      !checkCount(Count, Bounds.maxExports, At, "exports"))
    return false;
  return readEntries(M.exports, Count, [&](Export &E) {
    E.offset = R.pos();
    if (!R.readName(E.name))
      return false;
    size_t KindAt = R.pos();
    uint8_t Kind = 0;
    if (!R.readByte(Kind))
      return false;
    if (Kind > uint8_t(ExternKind::Global))
      return R.fail(KindAt, "malformed export kind");
    E.kind = static_cast<ExternKind>(Kind);
    return R.readU32(E.index);
  });
}

bool ModuleDecoder::readStartSection() {
  M.startOffset = R.pos();
  uint32_t Index = 0;
  if (!R.readU32(Index))
    return false;
  M.start = Index;
  return true;
}

bool ModuleDecoder::readCustomSection() {
  CustomSection S;
  if (!R.readName(S.name))
    return false;
  S.start = R.pos();
  S.size = R.remaining();
  R.seek(R.end());
  // Only the first name section counts; a malformed one is ignored.
  if (S.name == "name" &&
      std::none_of(M.customSections.begin(), M.customSections.end(),
                   [](const CustomSection &C) { return C.name == "name"; })) {
    NameSection Names;
    if (parseNameSection(M.bytes.data(), S.start, S.start + S.size,
                         M.bytes.size(), Names))
      M.names = std::move(Names);
  }
  M.customSections.push_back(std::move(S));
  return true;
}

Result<Module> decodeModule(std::vector<uint8_t> Bytes,
                            const DecodeLimits &Limits) {
  Module M;
  M.bytes = std::move(Bytes);
  ModuleDecoder D(M, Limits);
  if (!D.decode())
    return D.error();
  return Result<Module>(std::move(M));
}

} // namespace wasm2bin
