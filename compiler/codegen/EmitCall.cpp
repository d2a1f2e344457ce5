//===- EmitCall.cpp - call and call_indirect ------------------------------===//
//
// Defined functions and compile-time-bound imports (WASI) are called
// directly with this instance. Other imports go through a w2b_funcref
// {sig, code, env}, and call_indirect through the copy of one in the table
// element: the callee's own instance travels as env.
//
//===----------------------------------------------------------------------===//
#include "FunctionEmitter.h"

#include "Builtins.h"

#include "abi.h"

#include "llvm/IR/MDBuilder.h"

using namespace llvm;

namespace wasm2bin {

void FunctionEmitter::emitCallWith(FunctionCallee Callee, const FuncType &FT,
                                   Value *Env) {
  HasCalls = true;
  std::vector<Value *> Args{Env};
  std::vector<Value *> Params = popN(FT.params.size());
  Args.insert(Args.end(), Params.begin(), Params.end());
  CallInst *Call = B.CreateCall(Callee, Args);
  pinPoint(Call);
  if (FT.results.size() == 1) {
    push(Call);
  } else {
    for (size_t I = 0; I < FT.results.size(); ++I)
      push(B.CreateExtractValue(Call, I));
  }
  if (Callee.getCallee() == nullptr)
    return;
  if (auto *Fn = dyn_cast<llvm::Function>(Callee.getCallee()))
    if (Fn->doesNotReturn()) { // proc_exit
      B.CreateUnreachable();
      B.SetInsertPoint(newBlock("after.noreturn"));
      Dead = true;
    }
}

Value *FunctionEmitter::funcRefOf(uint32_t FuncIdx) {
  return instanceField(MC.Layout.funcSlot(FuncIdx), MC.PtrTy,
                       MC.Tbaa.InstanceField, /*Invariant=*/true);
}

void FunctionEmitter::emitCall(const Instr &I, NoArg) {
  const FuncType &FT = M.funcType(I.a);
  const FuncTarget &T = MC.Funcs[I.a];
  if (T.direct) {
    emitCallWith(T.direct, FT, Instance);
    return;
  }
  // Unbound import: the runtime filled funcs[i] at instantiation and it
  // never changes afterwards.
  Value *Ref = funcRefOf(I.a);
  Value *Code = loadField(MC.PtrTy, Ref, abi::FuncRefCode, MC.Tbaa.FuncRef, true);
  Value *Env = loadField(MC.PtrTy, Ref, abi::FuncRefEnv, MC.Tbaa.FuncRef, true);
  emitCallWith(FunctionCallee(MC.funcType(FT), Code), FT, Env);
}

/// The table element holds a copy of the callee's {sig, code, env}: the
/// signature check and the call need one load from the table. A null element
/// has a null sig, so it fails the fast comparison and is told apart on the
/// slow path.
void FunctionEmitter::emitCallIndirect(const Instr &I, NoArg) {
  const FuncType &FT = M.types[I.a];
  Value *Index = pop();
  Value *Elem = tableElementAddr(I.b, Index, W2B_TRAP_UNDEFINED_ELEMENT);

  // Signatures are usually the same symbol (pointer equality); compare the
  // strings only when the addresses differ.
  Value *Sig = loadField(MC.PtrTy, Elem, abi::TableElemSig, MC.Tbaa.Table);
  Constant *Expected = MC.signature(FT);
  BasicBlock *Call = newBlock("call_indirect");
  BasicBlock *Slow = newBlock("call_indirect.sigcmp");
  MDBuilder MDB(MC.Ctx);
  B.CreateCondBr(B.CreateICmpEQ(Sig, Expected), Call, Slow,
                 MDB.createLikelyBranchWeights());
  B.SetInsertPoint(Slow);
  Value *Ref = loadField(MC.PtrTy, Elem, abi::TableElemRef, MC.Tbaa.Table);
  trapIf(B.CreateIsNull(Ref), W2B_TRAP_UNINITIALIZED_ELEMENT);
  Value *Equal = callBuiltin(static_cast<int>(Builtin::sig_equal), {Sig, Expected});
  B.CreateCondBr(B.CreateICmpNE(Equal, ConstantInt::get(MC.I32, 0)), Call,
                 trapBlock(W2B_TRAP_INDIRECT_CALL_TYPE),
                 MDB.createLikelyBranchWeights());
  B.SetInsertPoint(Call);
  Value *Code = loadField(MC.PtrTy, Elem, abi::TableElemCode, MC.Tbaa.Table);
  Value *Env = loadField(MC.PtrTy, Elem, abi::TableElemEnv, MC.Tbaa.Table);
  emitCallWith(FunctionCallee(MC.funcType(FT), Code), FT, Env);
}

} // namespace wasm2bin
