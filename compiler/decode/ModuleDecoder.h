//===- ModuleDecoder.h - Section-by-section module decoding -----*- C++ -*-===//
//
// The state of one decodeModule() call. Its methods are split by topic:
//   Decoder.cpp         header, section order and sizes, and the sections of
//                       types, imports, functions, tables, memories, globals,
//                       exports and start
//   SegmentSections.cpp element, data count and data sections
//   CodeSection.cpp     function bodies (sizes and local declarations)
//   ConstExprReader.cpp constant expressions
//   NameSection.cpp     the "name" custom section
//
//===----------------------------------------------------------------------===//
#ifndef WASM2BIN_DECODE_MODULEDECODER_H
#define WASM2BIN_DECODE_MODULEDECODER_H

#include "ByteReader.h"

#include "wasm2bin/Decoder.h"

#include <algorithm>

namespace wasm2bin {

/// Parses the payload [Start, End) of a "name" custom section into Out.
/// Returns false if it is malformed; callers then ignore it, as the spec
/// requires of custom sections.
bool parseNameSection(const uint8_t *Data, size_t Start, size_t End,
                      size_t FileSize, NameSection &Out);

class ModuleDecoder {
public:
  ModuleDecoder(Module &M, const DecodeLimits &Bounds)
      : M(M), Bounds(Bounds),
        R(M.bytes.data(), 0, M.bytes.size(), M.bytes.size(), Err) {}

  bool decode();
  const Diagnostic &error() const { return Err; }

private:
  // Decoder.cpp
  bool readHeader();
  bool readSection(uint8_t Id);
  bool checkSectionOrder(uint8_t Id, size_t Offset);
  bool checkCount(uint32_t Count, uint32_t Max, size_t Offset,
                  const char *What);
  bool finish();
  bool readTypeSection();
  bool readFuncType(FuncType &T);
  bool readImportSection();
  bool readImport(Import &Imp);
  bool readFunctionSection();
  bool readTableSection();
  bool readMemorySection();
  bool readGlobalSection();
  bool readExportSection();
  bool readStartSection();
  bool readCustomSection();
  bool readLimits(Limits &L);
  bool readTableType(TableType &T);
  bool readMemoryType(MemoryType &T);
  bool readGlobalType(GlobalType &T);

  // SegmentSections.cpp
  bool readElemSection();
  bool readElemSegment(ElemSegment &S);
  bool readDataCountSection();
  bool readDataSection();
  bool readDataSegment(DataSegment &S);

  // CodeSection.cpp
  bool readCodeSection();
  bool readFunctionBody(Function &F);

  // ConstExprReader.cpp
  bool readConstExpr(ConstExpr &E);

  /// Decodes Count entries into Out with Read(Entry). The vector grows with
  /// the entries actually decoded rather than being sized from the untrusted
  /// count: an entry takes more memory than its bytes in the file.
  template <typename T, typename ReadFn>
  bool readEntries(std::vector<T> &Out, uint32_t Count, ReadFn Read) {
    Out.reserve(Out.size() + std::min<uint32_t>(Count, 1024));
    for (uint32_t K = 0; K < Count; ++K) {
      Out.emplace_back();
      if (!Read(Out.back()))
        return false;
    }
    return true;
  }

  Module &M;
  const DecodeLimits &Bounds; ///< resource limits (Limits is the Wasm type)
  Diagnostic Err;
  ByteReader R;
  /// Order rank of the last non-custom section seen.
  unsigned LastRank = 0;
  bool SawFunctionSection = false, SawCodeSection = false,
       SawDataSection = false;
};

} // namespace wasm2bin

#endif
