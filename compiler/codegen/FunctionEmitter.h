//===- FunctionEmitter.h - Lowers one function body to LLVM IR --*- C++ -*-===//
//
// One FunctionEmitter per Wasm function. It walks the validated body with
// CodeReader, keeps the Wasm operand stack as LLVM values and the control
// stack as frames with PHI nodes at their merge points, and dispatches each
// instruction to its family's handler (generated from Opcodes.def). Handlers
// live in Emit{Control,Numeric,Convert,Memory,Table,Call,Simd}.cpp.
//
// Code after an unconditional branch is unreachable: it is skipped (only its
// block structure is tracked), since it was validated and cannot run.
//
//===----------------------------------------------------------------------===//
#ifndef WASM2BIN_CODEGEN_FUNCTIONEMITTER_H
#define WASM2BIN_CODEGEN_FUNCTIONEMITTER_H

#include "ModuleContext.h"
#include "OpArgs.h"

#include "wasm2bin/CodeReader.h"

#include "llvm/IR/IRBuilder.h"

#include <vector>

namespace wasm2bin {

class FunctionEmitter {
public:
  FunctionEmitter(ModuleContext &MC, uint32_t FuncIndex, llvm::Function *F);
  void emit();

private:
  enum class FrameKind { Function, Block, Loop, If };
  struct Frame {
    FrameKind kind;
    std::vector<ValType> params, results;
    llvm::BasicBlock *end = nullptr;        ///< continuation after `end`
    llvm::BasicBlock *loopHeader = nullptr; ///< Loop: target of branches
    llvm::BasicBlock *elseBlock = nullptr;  ///< If: until `else` is seen
    std::vector<llvm::PHINode *> endPhis;   ///< one per result, in `end`
    std::vector<llvm::PHINode *> loopPhis;  ///< Loop: one per param
    std::vector<llvm::Value *> ifParams;    ///< If: re-pushed at `else`
    size_t height = 0; ///< operand stack height below the frame's params
  };

  ModuleContext &MC;
  const Module &M;
  uint32_t FuncIndex;
  const FuncType &FnType;
  llvm::Function *F;
  llvm::IRBuilder<> B;
  llvm::BasicBlock *EntryBB = nullptr; ///< allocas; then jumps to the body

  llvm::Value *Instance = nullptr;
  llvm::Value *MemBase = nullptr;   ///< loaded once in the entry block, or
                                    ///< the fixed base's symbol (through
                                    ///< fixedMemoryBase() above -O0)
  llvm::Value *MemoryObj = nullptr; ///< w2b_memory*, for explicit checks
  std::vector<llvm::AllocaInst *> Locals;
  std::vector<ValType> LocalTypes;
  std::vector<llvm::Value *> Stack;
  std::vector<Frame> Frames;
  bool Dead = false;        ///< current position is unreachable
  unsigned DeadNesting = 0; ///< blocks opened while Dead
  bool HasCalls = false;    ///< needs the stack-limit check
  std::vector<llvm::BasicBlock *> TrapBlocks; ///< by w2b_trap_kind, lazily
  const std::vector<uint32_t> *BrTargets = nullptr;
  /// Guard mode: sums of the loaded values not yet pinned, one per access
  /// width (8, 16, 32, 64 bits as integers, 128 as <2 x i64>), so a
  /// vectorised loop adds at its own width; created on the first load.
  llvm::AllocaInst *LoadSums[5] = {};
  std::vector<llvm::Instruction *> PinPoints;

  // --- helpers (FunctionEmitter.cpp) ---
  void emitPrologue();
  void emitStackCheck();
  void finish();
  void emitInstr(const Instr &I);
  llvm::Value *pop();
  std::vector<llvm::Value *> popN(size_t N);
  void push(llvm::Value *V) { Stack.push_back(V); }
  llvm::Value *top() const { return Stack.back(); }
  /// Branches to the trap block of `Kind` when Cond is true (marked cold).
  void trapIf(llvm::Value *Cond, unsigned Kind);
  llvm::BasicBlock *trapBlock(unsigned Kind);
  llvm::BasicBlock *newBlock(const char *Name);
  llvm::Value *bool32(llvm::Value *I1) { return B.CreateZExt(I1, MC.I32); }
  /// Address Base + Offset bytes (Base itself for offset 0).
  llvm::Value *fieldAddr(llvm::Value *Base, unsigned Offset);
  /// Loads a runtime struct field; Invariant for fields that never change
  /// once the instance exists (memory base, slots of funcs/tables/globals).
  llvm::LoadInst *loadField(llvm::Type *Ty, llvm::Value *Base, unsigned Offset,
                            llvm::MDNode *Tbaa, bool Invariant = false);
  llvm::Value *instanceField(unsigned Offset, llvm::Type *Ty,
                             llvm::MDNode *Tbaa, bool Invariant) {
    return loadField(Ty, Instance, Offset, Tbaa, Invariant);
  }
  /// The fixed memory base as this function addresses it (EmitMemory.cpp).
  llvm::Value *fixedMemoryBase();
  llvm::Value *instanceAddr(unsigned Offset) {
    return fieldAddr(Instance, Offset);
  }
  llvm::Value *callBuiltin(int Builtin, llvm::ArrayRef<llvm::Value *> Args);
  llvm::Value *zeroOf(ValType T);

  // --- control (EmitControl.cpp) ---
  void blockSignature(const BlockType &BT, std::vector<ValType> &Params,
                      std::vector<ValType> &Results);
  Frame &pushFrame(FrameKind K, const BlockType &BT);
  void branchTo(Frame &Target);   ///< adds PHI incomings, emits br
  void addIncoming(Frame &Target, llvm::BasicBlock *From);
  void endFrame();
  Frame &frameAt(uint32_t Depth) { return Frames[Frames.size() - 1 - Depth]; }
  void emitUnreachable(const Instr &I, NoArg);
  void emitNop(const Instr &I, NoArg);
  void emitBlock(const Instr &I, NoArg);
  void emitLoop(const Instr &I, NoArg);
  void emitIf(const Instr &I, NoArg);
  void emitElse(const Instr &I, NoArg);
  void emitEnd(const Instr &I, NoArg);
  void emitBr(const Instr &I, NoArg);
  void emitBrIf(const Instr &I, NoArg);
  void emitBrTable(const Instr &I, NoArg);
  void emitReturn(const Instr &I, NoArg);
  void emitDrop(const Instr &I, NoArg);
  void emitSelect(const Instr &I, NoArg);
  void emitLocalGet(const Instr &I, NoArg);
  void emitLocalSet(const Instr &I, NoArg);
  void emitLocalTee(const Instr &I, NoArg);
  void emitGlobalGet(const Instr &I, NoArg);
  void emitGlobalSet(const Instr &I, NoArg);
  llvm::Value *globalAddr(uint32_t GlobalIdx, llvm::MDNode *&Tbaa);

  // --- calls (EmitCall.cpp) ---
  void emitCall(const Instr &I, NoArg);
  void emitCallIndirect(const Instr &I, NoArg);
  void emitCallWith(llvm::FunctionCallee Callee, const FuncType &FT,
                    llvm::Value *Env);
  llvm::Value *funcRefOf(uint32_t FuncIdx);

  // --- numeric (EmitNumeric.cpp) ---
  /// NaN results of Wasm arithmetic are quiet, but LLVM may return an input
  /// NaN unchanged (LangRef: "unchanged NaN propagation"), signalling or not.
  /// These two helpers close the gaps that matter on x86, where the hardware
  /// itself always quiets (see EmitNumeric.cpp).
  /// An operand of fadd/fsub/fmul/fdiv that is a constant ±0 or ±1 (or a
  /// vector with such a lane) goes through llvm.arithmetic.fence, so that
  /// x - 0, x * 1, x / -1, -0 - x ... are not folded to x or fneg x.
  llvm::Value *hideFloatIdentity(llvm::Value *Operand);
  /// V with NaN lanes quieted (V + V where V is NaN): for llvm.minimum and
  /// llvm.maximum, whose x86 lowering returns a NaN operand as it is.
  llvm::Value *quietNaN(llvm::Value *V);
  void emitConst(const Instr &I, NoArg);
  void emitEqz(const Instr &I, NoArg);
  void emitCompare(const Instr &I, llvm::CmpInst::Predicate P);
  void emitUnaryIntrinsic(const Instr &I, llvm::Intrinsic::ID ID);
  void emitFloatNeg(const Instr &I, NoArg);
  void emitBinary(const Instr &I, llvm::Instruction::BinaryOps Op);
  void emitBinaryIntrinsic(const Instr &I, llvm::Intrinsic::ID ID);
  void emitIntDiv(const Instr &I, llvm::Instruction::BinaryOps Op);
  void emitShift(const Instr &I, llvm::Instruction::BinaryOps Op);
  void emitRotate(const Instr &I, llvm::Intrinsic::ID ID);

  // --- conversions (EmitConvert.cpp) ---
  void emitCast(const Instr &I, llvm::Instruction::CastOps Op);
  void emitTruncTrap(const Instr &I, Signedness S);
  void emitTruncSat(const Instr &I, llvm::Intrinsic::ID ID);
  void emitSignExtend(const Instr &I, Width W);

  // --- memory (EmitMemory.cpp) ---
  /// Address of a `Bytes`-wide access at i32 Addr + Offset, bounds-checked
  /// in explicit mode.
  llvm::Value *memoryAddress(llvm::Value *Addr, uint64_t Offset,
                             unsigned Bytes);
  llvm::Value *loadMemory(llvm::Type *Ty, llvm::Value *Addr, uint64_t Offset);
  void storeMemory(llvm::Value *V, llvm::Value *Addr, uint64_t Offset);
  llvm::Value *memoryObject();
  llvm::Value *memorySizeBytes();
  /// Guard pages above -O0 pin loads (at -O0 they are volatile instead).
  bool pinsLoads() const;
  /// Guard pages at -O1 and above: adds a loaded value to the sum of loads
  /// not yet pinned (see EmitMemory.cpp).
  void noteLoad(llvm::Value *V);
  /// Marks a place where the loads noted so far must have happened: before
  /// a call, the trap call of a trap block, the return. finish() pins there.
  void pinPoint(llvm::Instruction *Before);
  void pinLoads();
  void emitLoad(const Instr &I, Signedness S);
  void emitLoad(const Instr &I, NoArg);
  void emitStore(const Instr &I, NoArg);
  void emitMemorySize(const Instr &I, NoArg);
  void emitMemoryGrow(const Instr &I, NoArg);
  void emitMemoryInit(const Instr &I, NoArg);
  void emitDataDrop(const Instr &I, NoArg);
  void emitMemoryCopy(const Instr &I, NoArg);
  void emitMemoryFill(const Instr &I, NoArg);

  // --- tables and references (EmitTable.cpp) ---
  llvm::Value *tablePtr(uint32_t TableIdx);
  /// Its current size: a constant when max == min; Table is tablePtr's
  /// value when the caller has it already.
  llvm::Value *tableSize(uint32_t TableIdx, llvm::Value *Table = nullptr);
  /// table->elems as a constant offset from the instance, for a defined table
  /// of fixed size; null for other tables (their elems must be loaded).
  llvm::Value *constantTableElements(uint32_t TableIdx);
  /// &table->elems[Index] (a w2b_table_elem) after a bounds check (trap
  /// `Kind` if outside).
  llvm::Value *tableElementAddr(uint32_t TableIdx, llvm::Value *Index,
                                unsigned Kind);
  void emitTableGet(const Instr &I, NoArg);
  void emitTableSet(const Instr &I, NoArg);
  void emitTableSize(const Instr &I, NoArg);
  void emitTableGrow(const Instr &I, NoArg);
  void emitTableFill(const Instr &I, NoArg);
  void emitTableCopy(const Instr &I, NoArg);
  void emitTableInit(const Instr &I, NoArg);
  void emitElemDrop(const Instr &I, NoArg);
  void emitRefNull(const Instr &I, NoArg);
  void emitRefIsNull(const Instr &I, NoArg);
  void emitRefFunc(const Instr &I, NoArg);

  // --- SIMD (EmitSimd.cpp) ---
  llvm::FixedVectorType *laneType(Shape S);
  llvm::Value *asLanes(llvm::Value *V, Shape S);
  llvm::Value *asV128(llvm::Value *V);
  void emitSimdLoadExtend(const Instr &I, Signedness S);
  void emitSimdLoadSplat(const Instr &I, NoArg);
  void emitSimdLoadZero(const Instr &I, NoArg);
  void emitSimdLoadLane(const Instr &I, NoArg);
  void emitSimdStoreLane(const Instr &I, NoArg);
  void emitSimdShuffle(const Instr &I, NoArg);
  void emitSimdSwizzle(const Instr &I, NoArg);
  void emitSimdSplat(const Instr &I, NoArg);
  void emitSimdExtractLane(const Instr &I, Signedness S);
  void emitSimdExtractLane(const Instr &I, NoArg);
  void emitSimdReplaceLane(const Instr &I, NoArg);
  void emitSimdCompare(const Instr &I, llvm::CmpInst::Predicate P);
  void emitSimdNot(const Instr &I, NoArg);
  void emitSimdBinary(const Instr &I, llvm::Instruction::BinaryOps Op);
  void emitSimdAndNot(const Instr &I, NoArg);
  void emitSimdBitselect(const Instr &I, NoArg);
  void emitSimdAnyTrue(const Instr &I, NoArg);
  void emitSimdAllTrue(const Instr &I, NoArg);
  void emitSimdBitmask(const Instr &I, NoArg);
  void emitSimdUnaryIntrinsic(const Instr &I, llvm::Intrinsic::ID ID);
  void emitSimdIntNeg(const Instr &I, NoArg);
  void emitSimdFloatNeg(const Instr &I, NoArg);
  void emitSimdBinaryIntrinsic(const Instr &I, llvm::Intrinsic::ID ID);
  void emitSimdShift(const Instr &I, llvm::Instruction::BinaryOps Op);
  void emitSimdNarrow(const Instr &I, Signedness S);
  void emitSimdExtend(const Instr &I, HalfExt H);
  void emitSimdExtMul(const Instr &I, HalfExt H);
  void emitSimdExtAddPairwise(const Instr &I, Signedness S);
  void emitSimdAvgr(const Instr &I, NoArg);
  void emitSimdQ15MulrSat(const Instr &I, NoArg);
  void emitSimdDot(const Instr &I, NoArg);
  void emitSimdPseudoMinMax(const Instr &I, MinMax MM);
  void emitSimdTruncSat(const Instr &I, llvm::Intrinsic::ID ID);
  void emitSimdTruncSatZero(const Instr &I, llvm::Intrinsic::ID ID);
  void emitSimdConvert(const Instr &I, llvm::Instruction::CastOps Op);
  void emitSimdConvertLow(const Instr &I, llvm::Instruction::CastOps Op);
  void emitSimdDemoteZero(const Instr &I, NoArg);
  void emitSimdPromoteLow(const Instr &I, NoArg);
};

} // namespace wasm2bin

#endif
