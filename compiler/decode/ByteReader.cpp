//===- ByteReader.cpp - LEB128, names and UTF-8 ---------------------------===//

#include "ByteReader.h"

namespace wasm2bin {

bool ByteReader::fail(size_t Offset, std::string Message) {
  if (!Failed) {
    Failed = true;
    Sink->offset = Offset;
    Sink->message = std::move(Message);
  }
  // Make every later read fail too, so a caller that forgets to check one
  // result cannot run on with garbage.
  Pos = End;
  return false;
}

bool ByteReader::readU32Slow(uint32_t &V) {
  size_t Start = Pos;
  uint32_t Result = 0;
  for (unsigned I = 0; I < 5; ++I) {
    uint8_t B = 0;
    if (!readByte(B))
      return false;
    if (I == 4) {
      if (B & 0x80)
        return fail(Start, "integer representation too long");
      // Only the low 4 bits of the fifth byte hold value bits (4 * 7 + 4).
      if (B & 0x70)
        return fail(Start, "integer too large");
    }
    Result |= uint32_t(B & 0x7f) << (7 * I);
    if (!(B & 0x80))
      break;
  }
  V = Result;
  return true;
}

bool ByteReader::readSigned(int64_t &V, unsigned Bits) {
  size_t Start = Pos;
  const unsigned MaxBytes = (Bits + 6) / 7;
  uint64_t Result = 0;
  unsigned Shift = 0;
  for (unsigned I = 0; I < MaxBytes; ++I) {
    uint8_t B = 0;
    if (!readByte(B))
      return false;
    if (I == MaxBytes - 1) {
      if (B & 0x80)
        return fail(Start, "integer representation too long");
      // Bits of the last byte beyond the integer's width, plus the sign bit,
      // must all be equal (sign extension).
      unsigned UsedBits = Bits - 7 * I; // includes the sign bit
      uint8_t HighMask = uint8_t(0x7f << (UsedBits - 1)) & 0x7f;
      uint8_t High = B & HighMask;
      if (High != 0 && High != HighMask)
        return fail(Start, "integer too large");
    }
    Result |= uint64_t(B & 0x7f) << Shift;
    Shift += 7;
    if (!(B & 0x80)) {
      if (Shift < 64 && (B & 0x40))
        Result |= ~uint64_t(0) << Shift; // sign-extend
      break;
    }
  }
  V = static_cast<int64_t>(Result);
  return true;
}

bool ByteReader::readS32(int32_t &V) {
  int64_t Wide = 0;
  if (!readSigned(Wide, 32))
    return false;
  V = static_cast<int32_t>(Wide);
  return true;
}

bool ByteReader::readS33(int64_t &V) { return readSigned(V, 33); }

bool ByteReader::readS64(int64_t &V) { return readSigned(V, 64); }

bool ByteReader::readFixed(uint64_t &V, unsigned NumBytes) {
  if (NumBytes > remaining()) {
    Pos = End;
    return failUnexpectedEnd();
  }
  uint64_t Result = 0;
  for (unsigned I = 0; I < NumBytes; ++I)
    Result |= uint64_t(Data[Pos + I]) << (8 * I);
  Pos += NumBytes;
  V = Result;
  return true;
}

bool ByteReader::readValType(ValType &T) {
  size_t At = Pos;
  uint8_t B = 0;
  if (!readByte(B))
    return false;
  if (!isValTypeByte(B))
    return fail(At, "malformed value type");
  T = static_cast<ValType>(B);
  return true;
}

bool ByteReader::readRefType(ValType &T) {
  size_t At = Pos;
  uint8_t B = 0;
  if (!readByte(B))
    return false;
  if (B != uint8_t(ValType::FuncRef) && B != uint8_t(ValType::ExternRef))
    return fail(At, "malformed reference type");
  T = static_cast<ValType>(B);
  return true;
}

bool ByteReader::readCount(uint32_t &N) {
  size_t Start = Pos;
  if (!readU32(N))
    return false;
  if (N > remaining())
    return fail(Start, "length out of bounds");
  return true;
}

bool ByteReader::readByteRange(size_t &Start, size_t &Size) {
  size_t At = Pos;
  uint32_t Len = 0;
  if (!readU32(Len))
    return false;
  if (Len > remaining())
    return fail(At, "length out of bounds");
  Start = Pos;
  Size = Len;
  Pos += Len;
  return true;
}

bool ByteReader::readName(std::string &S) {
  size_t Start, Size;
  if (!readByteRange(Start, Size))
    return false;
  if (!isValidUtf8(Data + Start, Size))
    return fail(Start, "malformed UTF-8 encoding");
  S.assign(reinterpret_cast<const char *>(Data + Start), Size);
  return true;
}

bool isValidUtf8(const uint8_t *Data, size_t Size) {
  size_t I = 0;
  while (I < Size) {
    uint8_t B = Data[I];
    if (B < 0x80) {
      ++I;
      continue;
    }
    unsigned Len;
    uint32_t Min, CodePoint;
    if ((B & 0xe0) == 0xc0) {
      Len = 2, Min = 0x80, CodePoint = B & 0x1f;
    } else if ((B & 0xf0) == 0xe0) {
      Len = 3, Min = 0x800, CodePoint = B & 0x0f;
    } else if ((B & 0xf8) == 0xf0) {
      Len = 4, Min = 0x10000, CodePoint = B & 0x07;
    } else {
      return false; // continuation byte or 0xf8..0xff as a lead byte
    }
    if (Size - I < Len)
      return false;
    for (unsigned K = 1; K < Len; ++K) {
      uint8_t C = Data[I + K];
      if ((C & 0xc0) != 0x80)
        return false;
      CodePoint = (CodePoint << 6) | (C & 0x3f);
    }
    if (CodePoint < Min || CodePoint > 0x10ffff ||
        (CodePoint >= 0xd800 && CodePoint <= 0xdfff))
      return false;
    I += Len;
  }
  return true;
}

} // namespace wasm2bin
