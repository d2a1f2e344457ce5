//===- CodeSection.cpp - Function bodies ----------------------------------===//
//
// Each body is a size, local declarations and instructions. Only the locals
// are decoded here; the instructions stay in Module::bytes as
// [bodyStart, bodyEnd) for CodeReader.
//
//===----------------------------------------------------------------------===//

#include "ModuleDecoder.h"

namespace wasm2bin {

bool ModuleDecoder::readCodeSection() {
  SawCodeSection = true;
  size_t At = R.pos();
  uint32_t Count = 0;
  if (!R.readCount(Count))
    return false;
  if (Count != M.functions.size())
    return R.fail(At, "function and code section have inconsistent lengths");
  for (Function &F : M.functions)
    if (!readFunctionBody(F))
      return false;
  return true;
}

bool ModuleDecoder::readFunctionBody(Function &F) {
  F.offset = R.pos();
  uint32_t Size = 0;
  if (!R.readU32(Size))
    return false;
  if (Size > R.remaining())
    return R.fail(F.offset, "length out of bounds");
  if (Size > Bounds.maxFunctionSize)
    return R.fail(F.offset, "function body too large (" + std::to_string(Size) +
                                " bytes, limit " +
                                std::to_string(Bounds.maxFunctionSize) + ")");
  const size_t SectionEnd = R.end();
  const size_t BodyEnd = R.pos() + Size;
  R.setEnd(BodyEnd);

  // Parameters count against the locals limit too. An out-of-range type
  // index is the validator's to report; count no parameters for it here.
  uint64_t Total =
      F.typeIndex < M.types.size() ? M.types[F.typeIndex].params.size() : 0;
  uint32_t NumDecls = 0;
  if (!R.readCount(NumDecls))
    return false;
  F.locals.clear();
  for (uint32_t K = 0; K < NumDecls; ++K) {
    size_t DeclAt = R.pos();
    uint32_t N = 0;
    ValType T = ValType::None;
    if (!R.readU32(N) || !R.readValType(T))
      return false;
    // Check before growing: the count is untrusted.
    Total += N;
    if (Total > Bounds.maxLocals)
      return R.fail(DeclAt, "too many locals");
    F.locals.insert(F.locals.end(), N, T);
  }
  F.bodyStart = R.pos();
  F.bodyEnd = BodyEnd;
  R.seek(BodyEnd);
  R.setEnd(SectionEnd);
  return true;
}

} // namespace wasm2bin
