//===- SegmentSections.cpp - Element, data count and data sections -------===//

#include "ModuleDecoder.h"

namespace wasm2bin {

//===-- Element segments --------------------------------------------------===//
//
// The eight encodings are one bit field (Wasm 2.0, 5.5.12):
//   bit 0  passive or declarative (else active)
//   bit 1  with bit 0: declarative; without: explicit table index
//   bit 2  items are constant expressions (else function indices)
// An element kind (0x00 = funcref) or a reference type follows the header
// unless the flags are 0 or 4, which imply funcref.
//

bool ModuleDecoder::readElemSection() {
  size_t At = R.pos();
  uint32_t Count = 0;
  if (!R.readCount(Count) ||
      !checkCount(Count, Bounds.maxElemSegments, At, "element segments"))
    return false;
  return readEntries(M.elems, Count,
                     [&](ElemSegment &S) { return readElemSegment(S); });
}

bool ModuleDecoder::readElemSegment(ElemSegment &S) {
  S.offset = R.pos();
  uint32_t Flags = 0;
  if (!R.readU32(Flags))
    return false;
  if (Flags > 7)
    return R.fail(S.offset, "malformed elements segment kind");
  const bool PassiveOrDeclarative = Flags & 1;
  const bool ExplicitTable = !PassiveOrDeclarative && (Flags & 2);
  const bool ItemsAreExprs = Flags & 4;

  if (PassiveOrDeclarative)
    S.mode = (Flags & 2) ? SegmentMode::Declarative : SegmentMode::Passive;
  else
    S.mode = SegmentMode::Active;
  S.table = 0;
  if (ExplicitTable && !R.readU32(S.table))
    return false;
  if (S.mode == SegmentMode::Active && !readConstExpr(S.offsetExpr))
    return false;

  S.type = ValType::FuncRef;
  if (Flags & 3) {
    if (ItemsAreExprs) {
      if (!R.readRefType(S.type))
        return false;
    } else {
      size_t KindAt = R.pos();
      uint8_t Kind = 0;
      if (!R.readByte(Kind))
        return false;
      if (Kind != 0x00)
        return R.fail(KindAt, "malformed element kind");
    }
  }

  size_t CountAt = R.pos();
  uint32_t Count = 0;
  if (!R.readCount(Count) ||
      !checkCount(Count, Bounds.maxTableSize, CountAt, "segment elements"))
    return false;
  return readEntries(S.items, Count, [&](ConstExpr &Item) {
    if (ItemsAreExprs)
      return readConstExpr(Item);
    Item.kind = ConstExpr::RefFunc;
    Item.offset = R.pos();
    return R.readU32(Item.index);
  });
}

//===-- Data segments -----------------------------------------------------===//

bool ModuleDecoder::readDataCountSection() {
  uint32_t Count = 0;
  if (!R.readU32(Count))
    return false;
  M.dataCount = Count;
  return true;
}

bool ModuleDecoder::readDataSection() {
  SawDataSection = true;
  size_t At = R.pos();
  uint32_t Count = 0;
  if (!R.readCount(Count) ||
      !checkCount(Count, Bounds.maxDataSegments, At, "data segments"))
    return false;
  if (M.dataCount && *M.dataCount != Count)
    return R.fail(At, "data count and data section have inconsistent lengths");
  return readEntries(M.datas, Count,
                     [&](DataSegment &S) { return readDataSegment(S); });
}

bool ModuleDecoder::readDataSegment(DataSegment &S) {
  S.offset = R.pos();
  uint32_t Flags = 0;
  if (!R.readU32(Flags))
    return false;
  switch (Flags) {
  case 0: // active, memory 0
    S.mode = SegmentMode::Active;
    S.memory = 0;
    break;
  case 1:
    S.mode = SegmentMode::Passive;
    break;
  case 2: // active, explicit memory index
    S.mode = SegmentMode::Active;
    if (!R.readU32(S.memory))
      return false;
    break;
  default:
    return R.fail(S.offset, "malformed data segment kind");
  }
  if (S.mode == SegmentMode::Active && !readConstExpr(S.offsetExpr))
    return false;
  return R.readByteRange(S.dataStart, S.dataSize);
}

} // namespace wasm2bin
