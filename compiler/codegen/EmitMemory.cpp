//===- EmitMemory.cpp - Loads, stores and memory instructions -------------===//
//
// An access is `base + zext(addr) + offset`. With guard pages (default) the
// runtime reserved 8 GiB + 64 KiB beyond base, so any such address is inside
// the reservation and an out-of-bounds one faults into PROT_NONE pages, which
// the signal handler turns into a trap. With --bounds-checks=explicit every
// access compares its end against the current memory size first.
//
//===----------------------------------------------------------------------===//
#include "FunctionEmitter.h"

#include "Builtins.h"
#include "../backend/LoadPins.h"

#include "abi.h"


using namespace llvm;

namespace wasm2bin {

/// The instance's w2b_memory (own or imported); it never changes, only its
/// size does.
Value *FunctionEmitter::memoryObject() {
  return MemoryObj ? MemoryObj
                   : instanceField(abi::InstanceMemory, MC.PtrTy,
                                   MC.Tbaa.InstanceField, true);
}

/// Above -O0, every function addresses from its own
/// `llvm.strip.invariant.group` of the fixed base's symbol rather than from
/// the symbol itself. GVN, looking for a load's value in predecessors,
/// translates its address into each one and searches the users of the
/// address's base for an equal GEP (PHITransAddr::translateSubExpr). With a
/// global base those are every guest access of the module: at -j1 that
/// search was 12 % of compiling sqlite. Alias analysis and SCEV look through
/// the intrinsic to the symbol, inlining leaves one call per function once
/// CSE has run (it reads nothing), and CodeGenPrepare replaces each with the
/// symbol, so the machine code is the same. -O0 keeps the plain symbol:
/// without CodeGenPrepare the call would cost a register.
Value *FunctionEmitter::fixedMemoryBase() {
  Constant *Symbol = MC.fixedMemoryBase();
  if (MC.Opts.optLevel == 0)
    return Symbol;
  return B.CreateIntrinsic(Intrinsic::strip_invariant_group, {MC.PtrTy},
                           {Symbol}, nullptr, "membase");
}

Value *FunctionEmitter::memorySizeBytes() {
  return loadField(MC.I64, memoryObject(), abi::MemorySize,
                   MC.Tbaa.MemorySize);
}

/// Below this, a constant added to the fixed memory base may go into an
/// instruction's 32-bit displacement: x86-64's small code model promises that
/// symbol + offset fits when the offset is under 16 MiB (the runtime's base is
/// below 2 GiB - 16 MiB). -O0's instruction selector folds larger constants
/// too, and the link then fails, so they are hidden from it behind a freeze,
/// which the optimiser removes again above -O0.
constexpr uint64_t MaxFoldedOffset = uint64_t(1) << 24;

Value *FunctionEmitter::memoryAddress(Value *Addr, uint64_t Offset,
                                      unsigned Bytes) {
  bool Fixed = MC.memoryAtFixedBase();
  Value *EA = B.CreateZExt(Addr, MC.I64);
  if (Offset) {
    Value *Off = ConstantInt::get(MC.I64, Offset);
    if (Fixed && Offset >= MaxFoldedOffset)
      Off = B.CreateFreeze(Off);
    EA = B.CreateAdd(EA, Off, "", /*NUW=*/true);
  }
  if (auto *C = dyn_cast<ConstantInt>(EA);
      Fixed && C && C->getZExtValue() >= MaxFoldedOffset)
    EA = B.CreateFreeze(EA);
  if (MC.Opts.boundsChecks == BoundsChecks::Explicit) {
    Value *End = B.CreateAdd(EA, ConstantInt::get(MC.I64, Bytes), "", true);
    trapIf(B.CreateICmpUGT(End, memorySizeBytes()), W2B_TRAP_OOB_MEMORY);
  }
  return B.CreateInBoundsGEP(MC.I8, MemBase, EA);
}

Value *FunctionEmitter::loadMemory(llvm::Type *Ty, Value *Addr,
                                   uint64_t Offset) {
  unsigned Bytes = Ty->getPrimitiveSizeInBits() / 8;
  LoadInst *L = B.CreateAlignedLoad(Ty, memoryAddress(Addr, Offset, Bytes),
                                    Align(1));
  L->setMetadata(LLVMContext::MD_tbaa, MC.Tbaa.Guest);
  // At -O0 with guard pages, instruction selection still drops a load whose
  // value is unused, and its trap with it. Volatile keeps every load where
  // the program has it, which costs nothing that -O0 would have gained.
  if (MC.Opts.optLevel == 0 && MC.Opts.boundsChecks == BoundsChecks::Guard)
    L->setVolatile(true);
  noteLoad(L);
  return L;
}

void FunctionEmitter::storeMemory(Value *V, Value *Addr, uint64_t Offset) {
  unsigned Bytes = V->getType()->getPrimitiveSizeInBits() / 8;
  StoreInst *S =
      B.CreateAlignedStore(V, memoryAddress(Addr, Offset, Bytes), Align(1));
  S->setMetadata(LLVMContext::MD_tbaa, MC.Tbaa.Guest);
}

/// With guard pages a load traps only if it executes, but LLVM takes loads
/// to be free of side effects: it deletes one whose value is unused and moves
/// one past a branch to a trap block (or a call) when only the other path
/// uses it, so an out-of-bounds access could trap late or not at all. The
/// spec wants the trap exactly where the program has the load.
///
/// So every loaded value (as integer bits) is added to a per-function sum,
/// and at each place where a trap or other effect could become observable --
/// the trap call of each trap block, each call, the return -- the sum is
/// handed to an empty `asm sideeffect` that LLVM may not delete or move
/// (it is `memory(none)`, so it is no barrier to other memory optimisation),
/// and restarts at zero. Every load then has a use on every path to such a
/// place: it cannot vanish, and cannot sink past it. Unlike wasm2c's pin per
/// load (an asm each), the sums are plain adds, so loops still vectorise (the
/// sum is one more reduction). At -O0 loads are volatile instead (cheaper
/// without mem2reg); explicit mode needs neither: its compare-and-branch
/// stays where it is.
bool FunctionEmitter::pinsLoads() const {
  return MC.Opts.boundsChecks == BoundsChecks::Guard && MC.Opts.optLevel > 0;
}

void FunctionEmitter::noteLoad(Value *V) {
  if (!pinsLoads())
    return;
  unsigned Bits = V->getType()->getPrimitiveSizeInBits();
  unsigned Slot = Log2_32(Bits) - 3; // 8 -> 0, ..., 128 -> 4
  AllocaInst *&Sum = LoadSums[Slot];
  llvm::Type *SumTy = Bits == 128 ? static_cast<llvm::Type *>(
                                        FixedVectorType::get(MC.I64, 2))
                                  : IntegerType::get(MC.Ctx, Bits);
  if (!Sum) {
    IRBuilder<> EB(EntryBB->getTerminator());
    Sum = EB.CreateAlloca(SumTy, nullptr, "loadsum");
    EB.CreateStore(Constant::getNullValue(SumTy), Sum);
  }
  V = B.CreateBitCast(V, SumTy);
  B.CreateStore(B.CreateAdd(B.CreateLoad(SumTy, Sum), V), Sum);
}

void FunctionEmitter::pinPoint(Instruction *Before) {
  if (pinsLoads())
    PinPoints.push_back(Before);
}

void FunctionEmitter::pinLoads() {
  for (AllocaInst *Sum : LoadSums) {
    if (!Sum)
      continue;
    llvm::Type *Ty = Sum->getAllocatedType();
    for (Instruction *At : PinPoints) {
      IRBuilder<> PB(At);
      createLoadPin(PB, PB.CreateLoad(Ty, Sum));
      PB.CreateStore(Constant::getNullValue(Ty), Sum);
    }
  }
}

void FunctionEmitter::emitLoad(const Instr &I, NoArg) {
  llvm::Type *Ty = MC.valType(opcodeInfo(I.op).result);
  push(loadMemory(Ty, pop(), I.b));
}

void FunctionEmitter::emitLoad(const Instr &I, Signedness S) {
  const OpcodeInfo &Info = opcodeInfo(I.op);
  llvm::Type *Narrow = IntegerType::get(MC.Ctx, Info.bytes * 8);
  Value *V = loadMemory(Narrow, pop(), I.b);
  llvm::Type *Ty = MC.valType(Info.result);
  push(S == Signedness::Signed ? B.CreateSExt(V, Ty) : B.CreateZExt(V, Ty));
}

void FunctionEmitter::emitStore(const Instr &I, NoArg) {
  const OpcodeInfo &Info = opcodeInfo(I.op);
  Value *V = pop();
  Value *Addr = pop();
  if (V->getType()->isIntegerTy() &&
      V->getType()->getIntegerBitWidth() > Info.bytes * 8u)
    V = B.CreateTrunc(V, IntegerType::get(MC.Ctx, Info.bytes * 8));
  storeMemory(V, Addr, I.b);
}

void FunctionEmitter::emitMemorySize(const Instr &, NoArg) {
  push(loadField(MC.I32, memoryObject(), abi::MemoryPages, MC.Tbaa.MemorySize));
}

void FunctionEmitter::emitMemoryGrow(const Instr &, NoArg) {
  Value *Delta = pop();
  push(callBuiltin(static_cast<int>(Builtin::memory_grow), {Instance, Delta}));
}

void FunctionEmitter::emitMemoryInit(const Instr &I, NoArg) {
  Value *N = pop(), *Src = pop(), *Dst = pop();
  callBuiltin(static_cast<int>(Builtin::memory_init),
              {Instance, ConstantInt::get(MC.I32, I.a), Dst, Src, N});
}

void FunctionEmitter::emitDataDrop(const Instr &I, NoArg) {
  callBuiltin(static_cast<int>(Builtin::data_drop),
              {Instance, ConstantInt::get(MC.I32, I.a)});
}

void FunctionEmitter::emitMemoryCopy(const Instr &, NoArg) {
  Value *N = pop(), *Src = pop(), *Dst = pop();
  callBuiltin(static_cast<int>(Builtin::memory_copy), {Instance, Dst, Src, N});
}

void FunctionEmitter::emitMemoryFill(const Instr &, NoArg) {
  Value *N = pop(), *Val = pop(), *Dst = pop();
  callBuiltin(static_cast<int>(Builtin::memory_fill), {Instance, Dst, Val, N});
}

} // namespace wasm2bin
