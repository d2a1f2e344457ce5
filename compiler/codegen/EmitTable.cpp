//===- EmitTable.cpp - Table and reference instructions -------------------===//
#include "FunctionEmitter.h"

#include "Builtins.h"

#include "abi.h"

using namespace llvm;

namespace wasm2bin {

Value *FunctionEmitter::tablePtr(uint32_t TableIdx) {
  return instanceField(MC.Layout.tableSlot(TableIdx), MC.PtrTy,
                       MC.Tbaa.InstanceField, /*Invariant=*/true);
}

Value *FunctionEmitter::tableElementAddr(uint32_t TableIdx, Value *Index,
                                         unsigned Kind) {
  Value *Table = tablePtr(TableIdx);
  Value *Size = loadField(MC.I32, Table, abi::TableSize, MC.Tbaa.Table);
  trapIf(B.CreateICmpUGE(Index, Size), Kind);
  Value *Elems = loadField(MC.PtrTy, Table, abi::TableElems, MC.Tbaa.Table);
  return B.CreateInBoundsGEP(MC.PtrTy, Elems, B.CreateZExt(Index, MC.I64));
}

void FunctionEmitter::emitTableGet(const Instr &I, NoArg) {
  Value *Slot = tableElementAddr(I.a, pop(), W2B_TRAP_OOB_TABLE);
  push(loadField(MC.PtrTy, Slot, 0, MC.Tbaa.Table));
}

void FunctionEmitter::emitTableSet(const Instr &I, NoArg) {
  Value *Ref = pop();
  Value *Slot = tableElementAddr(I.a, pop(), W2B_TRAP_OOB_TABLE);
  B.CreateStore(Ref, Slot)->setMetadata(LLVMContext::MD_tbaa, MC.Tbaa.Table);
}

void FunctionEmitter::emitTableSize(const Instr &I, NoArg) {
  push(loadField(MC.I32, tablePtr(I.a), abi::TableSize, MC.Tbaa.Table));
}

void FunctionEmitter::emitTableGrow(const Instr &I, NoArg) {
  Value *N = pop(), *Init = pop();
  push(callBuiltin(static_cast<int>(Builtin::table_grow),
                   {Instance, ConstantInt::get(MC.I32, I.a), Init, N}));
}

void FunctionEmitter::emitTableFill(const Instr &I, NoArg) {
  Value *N = pop(), *Ref = pop(), *Start = pop();
  callBuiltin(static_cast<int>(Builtin::table_fill),
              {Instance, ConstantInt::get(MC.I32, I.a), Start, Ref, N});
}

void FunctionEmitter::emitTableCopy(const Instr &I, NoArg) {
  Value *N = pop(), *Src = pop(), *Dst = pop();
  callBuiltin(static_cast<int>(Builtin::table_copy),
              {Instance, ConstantInt::get(MC.I32, I.a),
               ConstantInt::get(MC.I32, I.b), Dst, Src, N});
}

void FunctionEmitter::emitTableInit(const Instr &I, NoArg) {
  Value *N = pop(), *Src = pop(), *Dst = pop();
  callBuiltin(static_cast<int>(Builtin::table_init),
              {Instance, ConstantInt::get(MC.I32, I.b),
               ConstantInt::get(MC.I32, I.a), Dst, Src, N});
}

void FunctionEmitter::emitElemDrop(const Instr &I, NoArg) {
  callBuiltin(static_cast<int>(Builtin::elem_drop),
              {Instance, ConstantInt::get(MC.I32, I.a)});
}

void FunctionEmitter::emitRefNull(const Instr &, NoArg) {
  push(ConstantPointerNull::get(MC.PtrTy));
}

void FunctionEmitter::emitRefIsNull(const Instr &, NoArg) {
  push(bool32(B.CreateIsNull(pop())));
}

void FunctionEmitter::emitRefFunc(const Instr &I, NoArg) {
  push(funcRefOf(I.a));
}

} // namespace wasm2bin
