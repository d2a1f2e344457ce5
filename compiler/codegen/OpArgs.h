//===- OpArgs.h - Meaning of the Arg column of Opcodes.def ------*- C++ -*-===//
//
// The emitter's dispatch expands `case Opcode::Name: emitFamily(I, Arg)` for
// every row of Opcodes.def; this namespace gives each Arg token its typed
// value (an LLVM opcode, predicate or intrinsic, or a small enum).
//
//===----------------------------------------------------------------------===//
#ifndef WASM2BIN_CODEGEN_OPARGS_H
#define WASM2BIN_CODEGEN_OPARGS_H

#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instruction.h"
#include "llvm/IR/Intrinsics.h"

namespace wasm2bin {

struct NoArg {};
enum class Signedness { Signed, Unsigned };
enum class Width { W8 = 8, W16 = 16, W32 = 32 };
enum class HalfExt { LowSigned, HighSigned, LowUnsigned, HighUnsigned };
enum class MinMax { Min, Max };

namespace oparg {
using llvm::Instruction;
using llvm::CmpInst;
namespace ID = llvm::Intrinsic;

constexpr NoArg _{};
// Binary / Shift / IntDiv / Cast: LLVM instruction opcodes.
constexpr auto Add = Instruction::Add, Sub = Instruction::Sub,
               Mul = Instruction::Mul, And = Instruction::And,
               Or = Instruction::Or, Xor = Instruction::Xor,
               FAdd = Instruction::FAdd, FSub = Instruction::FSub,
               FMul = Instruction::FMul, FDiv = Instruction::FDiv,
               SDiv = Instruction::SDiv, UDiv = Instruction::UDiv,
               SRem = Instruction::SRem, URem = Instruction::URem,
               Shl = Instruction::Shl, AShr = Instruction::AShr,
               LShr = Instruction::LShr;
constexpr auto Trunc = Instruction::Trunc, ZExt = Instruction::ZExt,
               SExt = Instruction::SExt, SIToFP = Instruction::SIToFP,
               UIToFP = Instruction::UIToFP, FPTrunc = Instruction::FPTrunc,
               FPExt = Instruction::FPExt, BitCast = Instruction::BitCast;
// Compare: predicates.
constexpr auto ICMP_EQ = CmpInst::ICMP_EQ, ICMP_NE = CmpInst::ICMP_NE,
               ICMP_SLT = CmpInst::ICMP_SLT, ICMP_ULT = CmpInst::ICMP_ULT,
               ICMP_SGT = CmpInst::ICMP_SGT, ICMP_UGT = CmpInst::ICMP_UGT,
               ICMP_SLE = CmpInst::ICMP_SLE, ICMP_ULE = CmpInst::ICMP_ULE,
               ICMP_SGE = CmpInst::ICMP_SGE, ICMP_UGE = CmpInst::ICMP_UGE,
               FCMP_OEQ = CmpInst::FCMP_OEQ, FCMP_UNE = CmpInst::FCMP_UNE,
               FCMP_OLT = CmpInst::FCMP_OLT, FCMP_OGT = CmpInst::FCMP_OGT,
               FCMP_OLE = CmpInst::FCMP_OLE, FCMP_OGE = CmpInst::FCMP_OGE;
// Intrinsics.
constexpr llvm::Intrinsic::ID ctlz = ID::ctlz, cttz = ID::cttz,
                              ctpop = ID::ctpop, fabs = ID::fabs,
                              ceil = ID::ceil, floor = ID::floor,
                              trunc = ID::trunc, nearbyint = ID::nearbyint,
                              sqrt = ID::sqrt, minimum = ID::minimum,
                              maximum = ID::maximum, copysign = ID::copysign,
                              fshl = ID::fshl, fshr = ID::fshr,
                              fptosi_sat = ID::fptosi_sat,
                              fptoui_sat = ID::fptoui_sat, abs = ID::abs,
                              sadd_sat = ID::sadd_sat, uadd_sat = ID::uadd_sat,
                              ssub_sat = ID::ssub_sat, usub_sat = ID::usub_sat,
                              smin = ID::smin, umin = ID::umin,
                              smax = ID::smax, umax = ID::umax;
constexpr auto Signed = Signedness::Signed, Unsigned = Signedness::Unsigned;
constexpr auto W8 = Width::W8, W16 = Width::W16, W32 = Width::W32;
constexpr auto LowSigned = HalfExt::LowSigned, HighSigned = HalfExt::HighSigned,
               LowUnsigned = HalfExt::LowUnsigned,
               HighUnsigned = HalfExt::HighUnsigned;
constexpr auto Min = MinMax::Min, Max = MinMax::Max;
} // namespace oparg

} // namespace wasm2bin

#endif
