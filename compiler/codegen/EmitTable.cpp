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

/// A table whose type has max == min can never change size, even when
/// imported (the provider's limits must lie within the declared ones), so its
/// size is a constant and its element array never moves (table.grow fails
/// without reallocating). C programs' function tables are like that.
static bool isFixedSize(const TableType &T) {
  return T.limits.max && *T.limits.max == T.limits.min;
}

Value *FunctionEmitter::tableSize(uint32_t TableIdx, Value *Table) {
  TableType T = M.tableType(TableIdx);
  if (isFixedSize(T))
    return ConstantInt::get(MC.I32, T.limits.min);
  return loadField(MC.I32, Table ? Table : tablePtr(TableIdx), abi::TableSize,
                   MC.Tbaa.Table);
}

/// A defined table of fixed size keeps its elements inside the instance, right
/// after its w2b_table, for as long as the instance lives (table.grow cannot
/// move them): they are at a constant offset from the instance pointer, so
/// call_indirect needs no load to find them (like wasm2c's tables inside its
/// instance struct).
Value *FunctionEmitter::constantTableElements(uint32_t TableIdx) {
  if (TableIdx < M.numImportedTables || !isFixedSize(M.tableType(TableIdx)))
    return nullptr;
  uint32_t Off = MC.Layout.ownTables[TableIdx - M.numImportedTables];
  if (!Off)
    return nullptr;
  return B.CreateConstInBoundsGEP1_64(MC.I8, Instance,
                                      Off + abi::TableHeaderSize);
}

Value *FunctionEmitter::tableElementAddr(uint32_t TableIdx, Value *Index,
                                         unsigned Kind) {
  Value *Elems = constantTableElements(TableIdx);
  Value *Table = Elems ? nullptr : tablePtr(TableIdx);
  trapIf(B.CreateICmpUGE(Index, tableSize(TableIdx, Table)), Kind);
  if (!Elems)
    Elems = loadField(MC.PtrTy, Table, abi::TableElems, MC.Tbaa.Table,
                      /*Invariant=*/isFixedSize(M.tableType(TableIdx)));
  Value *Offset = B.CreateMul(B.CreateZExt(Index, MC.I64),
                              ConstantInt::get(MC.I64, abi::TableElemSize),
                              "", /*HasNUW=*/true, /*HasNSW=*/true);
  return B.CreateInBoundsGEP(MC.I8, Elems, Offset);
}

void FunctionEmitter::emitTableGet(const Instr &I, NoArg) {
  Value *Elem = tableElementAddr(I.a, pop(), W2B_TRAP_OOB_TABLE);
  push(loadField(MC.PtrTy, Elem, abi::TableElemRef, MC.Tbaa.Table));
}

/// Writes the reference and, in a funcref table, the copy of its call target
/// beside it (w2b_table_elem; the runtime's tableSet does the same). A null
/// reference copies from an all-zero record, so there is no branch.
void FunctionEmitter::emitTableSet(const Instr &I, NoArg) {
  Value *Ref = pop();
  Value *Elem = tableElementAddr(I.a, pop(), W2B_TRAP_OOB_TABLE);
  auto Store = [&](Value *V, unsigned Offset) {
    B.CreateStore(V, fieldAddr(Elem, Offset))
        ->setMetadata(LLVMContext::MD_tbaa, MC.Tbaa.Table);
  };
  Store(Ref, abi::TableElemRef);
  if (M.tableType(I.a).elem != ValType::FuncRef)
    return;
  Value *Record = B.CreateSelect(B.CreateIsNull(Ref), MC.nullFuncRef(), Ref);
  Store(loadField(MC.PtrTy, Record, abi::FuncRefSig, MC.Tbaa.FuncRef),
        abi::TableElemSig);
  Store(loadField(MC.PtrTy, Record, abi::FuncRefCode, MC.Tbaa.FuncRef),
        abi::TableElemCode);
  Store(loadField(MC.PtrTy, Record, abi::FuncRefEnv, MC.Tbaa.FuncRef),
        abi::TableElemEnv);
}

void FunctionEmitter::emitTableSize(const Instr &I, NoArg) {
  push(tableSize(I.a));
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
