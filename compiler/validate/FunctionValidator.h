//===- FunctionValidator.h - Type-checks one function body ----*- C++ -*-===//
//
// The validation algorithm of the spec's appendix: an operand stack whose
// entries may be Unknown (the bottom type, after unreachable code) and a
// control stack of frames with start and end types. One instance validates
// every function of a module so that its stacks are allocated once.
//
// FunctionValidator.cpp holds the driver, the stacks and the checks on
// immediates; InstructionRules.cpp the typing rules per instruction family.
//
//===----------------------------------------------------------------------===//
#ifndef WASM2BIN_VALIDATE_FUNCTIONVALIDATOR_H
#define WASM2BIN_VALIDATE_FUNCTIONVALIDATOR_H

#include "ValidationContext.h"

#include "wasm2bin/CodeReader.h"
#include "wasm2bin/Validator.h"

#include <string>
#include <vector>

namespace wasm2bin {

class FunctionValidator {
public:
  FunctionValidator(const ValidationContext &C, const ValidateOptions &Opts)
      : C(C), Opts(Opts) {}

  /// Validates M.functions[DefinedIndex].
  bool validate(uint32_t DefinedIndex);
  const Diagnostic &error() const { return Err; }

private:
  /// A borrowed list of types: a function type's params or results, or a
  /// single block result. Never owns memory, so frames are cheap to push.
  struct TypeList {
    const ValType *Data = nullptr;
    uint32_t Size = 0;
    ValType operator[](uint32_t I) const { return Data[I]; }
    bool operator==(const TypeList &O) const;
  };

  struct Frame {
    Opcode Op;
    TypeList Start, End;
    uint32_t Height;
    bool Unreachable;
  };

  // FunctionValidator.cpp: the driver and the stacks.
  bool step(const Instr &I);
  bool checkImmediates(const Instr &I, const OpcodeInfo &Info);
  bool applySignature(const OpcodeInfo &Info);
  bool checkMemArg(const Instr &I, const OpcodeInfo &Info);
  bool requireMemory();
  bool requireDataSegment(uint32_t Index);
  bool requireTable(uint32_t Index);
  bool requireElemSegment(uint32_t Index);
  bool requireLabel(uint32_t Depth);

  void push(ValType T) { Vals.push_back(T); }
  void pushTypes(TypeList Ts);
  /// Pops one operand; Unknown in unreachable code when the frame is empty.
  bool pop(ValType &Got);
  /// Pops one operand that must match Expected (or be Unknown).
  bool popExpect(ValType Expected, ValType *Got = nullptr);
  bool popTypes(TypeList Ts);
  bool pushCtrl(Opcode Op, TypeList In, TypeList Out);
  bool popCtrl(Frame &Out);
  TypeList labelTypes(const Frame &F) const {
    return F.Op == Opcode::Loop ? F.Start : F.End;
  }
  const Frame &frameAt(uint32_t Depth) const {
    return Ctrls[Ctrls.size() - 1 - Depth];
  }
  void markUnreachable();
  ValType localType(uint32_t Index) const;

  bool fail(std::string Message);
  bool failAt(size_t Offset, std::string Message);
  bool typeMismatch(ValType Expected, ValType Got);

  // InstructionRules.cpp: rules for instructions typed by context.
  bool stepContextTyped(const Instr &I, const OpcodeInfo &Info);
  bool blockTypes(const BlockType &BT, TypeList &In, TypeList &Out);
  bool stepBlock(const Instr &I);
  bool stepElse();
  bool stepEnd();
  bool stepBr(const Instr &I);
  bool stepBrIf(const Instr &I);
  bool stepBrTable();
  bool stepCall(const FuncType &T);
  bool stepSelect(const Instr &I);
  bool stepTable(const Instr &I, OpFamily Family);
  bool stepRef(const Instr &I, OpFamily Family);

  const ValidationContext &C;
  const ValidateOptions &Opts;
  const FuncType *Fn = nullptr;
  const Function *Body = nullptr;
  const CodeReader *Code = nullptr;
  const Instr *Cur = nullptr;
  std::vector<ValType> Vals;
  std::vector<Frame> Ctrls;
  std::vector<ValType> Scratch; ///< br_table's popped label values
  Diagnostic Err;
};

} // namespace wasm2bin

#endif
