//===- ByteReader.h - Bounded cursor over binary-format bytes ---*- C++ -*-===//
//
// Reads the primitive encodings of the binary format (bytes, LEB128 integers,
// fixed-width floats, names) from [Pos, End) of a module's bytes. An error is
// written to the caller's Diagnostic with its file offset, and every read
// returns false from then on, so callers just propagate `false`. The reader
// is a few words and allocates nothing, so CodeReader makes one per
// instruction.
//
// The LEB128 readers follow the spec's size rules: an N-bit integer uses at
// most ceil(N/7) bytes ("integer representation too long"), and the unused
// bits of the last byte must be zero, or copies of the sign bit for signed
// integers ("integer too large").
//
//===----------------------------------------------------------------------===//
#ifndef WASM2BIN_DECODE_BYTEREADER_H
#define WASM2BIN_DECODE_BYTEREADER_H

#include "wasm2bin/Diagnostic.h"
#include "wasm2bin/Types.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace wasm2bin {

/// True if [Data, Data + Size) is well-formed UTF-8 (no overlong forms, no
/// surrogates, nothing above U+10FFFF).
bool isValidUtf8(const uint8_t *Data, size_t Size);

/// True if B encodes a Wasm 2.0 value type.
inline bool isValTypeByte(uint8_t B) {
  return (B >= 0x7b && B <= 0x7f) || B == 0x70 || B == 0x6f;
}

class ByteReader {
public:
  /// Reads [Pos, End) of Data, whose total size is FileSize (used to tell
  /// "end of file" from "end of section" in diagnostics). Errors go to Sink.
  ByteReader(const uint8_t *Data, size_t Pos, size_t End, size_t FileSize,
             Diagnostic &Sink)
      : Data(Data), Pos(Pos), End(End), FileSize(FileSize), Sink(&Sink) {}

  size_t pos() const { return Pos; }
  size_t end() const { return End; }
  size_t remaining() const { return End - Pos; }
  bool atEnd() const { return Pos >= End; }
  const uint8_t *data() const { return Data; }
  size_t fileSize() const { return FileSize; }

  /// Narrows or restores the readable range (sections, function bodies).
  void setEnd(size_t NewEnd) { End = NewEnd; }
  void seek(size_t NewPos) { Pos = NewPos; }

  bool failed() const { return Failed; }
  /// Records an error (only this reader's first one) and returns false.
  bool fail(size_t Offset, std::string Message);
  bool failHere(std::string Message) { return fail(Pos, std::move(Message)); }
  /// The error for reading past End.
  bool failUnexpectedEnd() {
    return fail(Pos, End < FileSize ? "unexpected end of section or function"
                                    : "unexpected end");
  }

  bool readByte(uint8_t &B) {
    if (Pos >= End)
      return failUnexpectedEnd();
    B = Data[Pos++];
    return true;
  }
  bool peekByte(uint8_t &B) {
    if (Pos >= End)
      return failUnexpectedEnd();
    B = Data[Pos];
    return true;
  }

  bool readU32(uint32_t &V) {
    // Fast path: one-byte values dominate real code.
    if (Pos < End && Data[Pos] < 0x80) {
      V = Data[Pos++];
      return true;
    }
    return readU32Slow(V);
  }
  bool readS32(int32_t &V);
  /// Signed 33-bit integer (block type indices).
  bool readS33(int64_t &V);
  bool readS64(int64_t &V);

  /// Little-endian fixed-width values (float bits, v128 halves).
  bool readFixed(uint64_t &V, unsigned NumBytes);

  /// Skips N bytes, which must all be inside the range.
  bool skip(size_t N) {
    if (N > remaining()) {
      Pos = End;
      return failUnexpectedEnd();
    }
    Pos += N;
    return true;
  }

  /// A vector length: a u32 that cannot exceed the bytes left, since every
  /// element takes at least one byte ("length out of bounds"). This is what
  /// keeps a malicious count from driving an allocation.
  bool readCount(uint32_t &N);

  /// A value type byte ("malformed value type" otherwise).
  bool readValType(ValType &T);
  /// funcref or externref ("malformed reference type" otherwise).
  bool readRefType(ValType &T);

  /// A name: u32 byte length, then that many bytes of valid UTF-8.
  bool readName(std::string &S);

  /// A byte string's extent: u32 length then the bytes (skipped).
  bool readByteRange(size_t &Start, size_t &Size);

private:
  bool readU32Slow(uint32_t &V);
  /// Shared signed LEB128 decoder for Bits in {32, 33, 64}.
  bool readSigned(int64_t &V, unsigned Bits);

  const uint8_t *Data;
  size_t Pos, End, FileSize;
  Diagnostic *Sink;
  bool Failed = false;
};

} // namespace wasm2bin

#endif
