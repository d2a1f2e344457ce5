//===- FunctionEmitter.cpp - Body walk, dispatch and shared helpers -------===//
#include "FunctionEmitter.h"

#include "Builtins.h"

#include "abi.h"

#include "llvm/IR/MDBuilder.h"

using namespace llvm;

namespace wasm2bin {

FunctionEmitter::FunctionEmitter(ModuleContext &MC, uint32_t FuncIndex,
                                 llvm::Function *F)
    : MC(MC), M(MC.Wasm), FuncIndex(FuncIndex),
      FnType(M.funcType(FuncIndex)), F(F), B(MC.Ctx) {}

void FunctionEmitter::emit() {
  emitPrologue();
  const Function &Def = M.functions[FuncIndex - M.numImportedFuncs];
  CodeReader Reader(M.bytes, Def.bodyStart, Def.bodyEnd);
  BrTargets = &Reader.targets();
  Instr I;
  while (!Frames.empty() && Reader.next(I))
    emitInstr(I);
  finish();
}

void FunctionEmitter::emitPrologue() {
  EntryBB = BasicBlock::Create(MC.Ctx, "entry", F);
  B.SetInsertPoint(EntryBB);
  Instance = F->getArg(0);

  // Parameters and declared locals live in allocas; mem2reg/SROA turn them
  // into SSA values.
  const Function &Def = M.functions[FuncIndex - M.numImportedFuncs];
  for (ValType T : FnType.params)
    LocalTypes.push_back(T);
  LocalTypes.insert(LocalTypes.end(), Def.locals.begin(), Def.locals.end());
  for (size_t I = 0; I < LocalTypes.size(); ++I) {
    AllocaInst *A = B.CreateAlloca(MC.valType(LocalTypes[I]));
    Locals.push_back(A);
    Value *Init = I < FnType.params.size() ? F->getArg(I + 1)
                                         : zeroOf(LocalTypes[I]);
    B.CreateStore(Init, A);
  }
  // The memory base never moves (the runtime reserves the whole range up
  // front), so one invariant load per function suffices; a memory at the
  // fixed base needs none (fixedMemoryBase()).
  if (M.numMemories() > 0) {
    MemBase = MC.memoryAtFixedBase() ? fixedMemoryBase()
                        : instanceField(abi::InstanceMemBase, MC.PtrTy,
                                        MC.Tbaa.InstanceField,
                                        /*Invariant=*/true);
    if (MC.Opts.boundsChecks == BoundsChecks::Explicit)
      MemoryObj = instanceField(abi::InstanceMemory, MC.PtrTy,
                                MC.Tbaa.InstanceField, true);
  }

  Frame Fn;
  Fn.kind = FrameKind::Function;
  Fn.results = FnType.results;
  Fn.end = newBlock("return");
  for (ValType T : Fn.results) {
    IRBuilder<> EB(Fn.end);
    Fn.endPhis.push_back(EB.CreatePHI(MC.valType(T), 2));
  }
  Frames.push_back(std::move(Fn));

  BasicBlock *Body = newBlock("body");
  B.CreateBr(Body);
  B.SetInsertPoint(Body);
}

/// Functions that call can recurse without bound: compare the stack pointer
/// with the runtime's limit on entry (leaf functions cannot overflow by more
/// than one frame, which the runtime's guard margin covers).
void FunctionEmitter::emitStackCheck() {
  Instruction *Br = EntryBB->getTerminator();
  BasicBlock *Body = Br->getSuccessor(0);
  B.SetInsertPoint(Br);
  llvm::Function *ReadReg =
      Intrinsic::getDeclaration(MC.LLModule.get(), Intrinsic::read_register,
                                {MC.I64});
  MDNode *Reg = MDNode::get(
      MC.Ctx, {MDString::get(MC.Ctx, MC.StackPointerRegister)});
  Value *SP = B.CreateCall(ReadReg, {MetadataAsValue::get(MC.Ctx, Reg)});
  auto *Limit = MC.LLModule->getNamedGlobal("w2b_stack_limit");
  if (!Limit) {
    Limit = new GlobalVariable(*MC.LLModule, MC.I64, false,
                               GlobalValue::ExternalLinkage, nullptr,
                               "w2b_stack_limit", nullptr,
                               // An executable defines the variable itself
                               // (libw2brt.a), so its offset from the thread
                               // pointer is a link-time constant; objects for
                               // embedding may end up in a shared library.
                               MC.Opts.emit != EmitKind::Obj
                                   ? GlobalValue::LocalExecTLSModel
                                   : GlobalValue::InitialExecTLSModel);
    Limit->setAlignment(Align(8));
  }
  Value *Lim = B.CreateLoad(MC.I64, Limit);
  Value *Low = B.CreateICmpULT(SP, Lim);
  MDBuilder MDB(MC.Ctx);
  B.CreateCondBr(Low, trapBlock(W2B_TRAP_STACK_EXHAUSTED), Body,
                 MDB.createUnlikelyBranchWeights());
  Br->eraseFromParent();
}

void FunctionEmitter::finish() {
  // The function frame's `end` was handled by emitEnd; blocks left without a
  // terminator are unreachable continuations.
  for (BasicBlock &BB : *F)
    if (!BB.getTerminator()) {
      IRBuilder<> TB(&BB);
      TB.CreateUnreachable();
    }
  if (HasCalls)
    emitStackCheck();
  pinLoads();
  // Trap blocks go last, in order of kind, out of the way of the hot path.
  for (BasicBlock *BB : TrapBlocks)
    if (BB)
      BB->moveAfter(&F->back());
}

void FunctionEmitter::emitInstr(const Instr &I) {
  using namespace oparg;
  if (Dead) {
    // Only block structure matters in unreachable code.
    switch (opcodeInfo(I.op).family) {
    case OpFamily::Block:
    case OpFamily::Loop:
    case OpFamily::If:
      ++DeadNesting;
      return;
    case OpFamily::Else:
      if (DeadNesting)
        return;
      break;
    case OpFamily::End:
      if (DeadNesting) {
        --DeadNesting;
        return;
      }
      break;
    default:
      return;
    }
  }
  switch (I.op) {
#define WASM_OPCODE(Name, Pfx, Code, Text, Imm, Bytes, R, P1, P2, P3, Shape,  \
                    Family, Arg)                                               \
  case Opcode::Name:                                                           \
    emit##Family(I, Arg);                                                      \
    break;
#include "wasm2bin/Opcodes.def"
  }
}

Value *FunctionEmitter::pop() {
  Value *V = Stack.back();
  Stack.pop_back();
  return V;
}

std::vector<Value *> FunctionEmitter::popN(size_t N) {
  std::vector<Value *> Vs(Stack.end() - N, Stack.end());
  Stack.resize(Stack.size() - N);
  return Vs;
}

BasicBlock *FunctionEmitter::newBlock(const char *Name) {
  return BasicBlock::Create(MC.Ctx, Name, F);
}

BasicBlock *FunctionEmitter::trapBlock(unsigned Kind) {
  if (TrapBlocks.size() <= Kind)
    TrapBlocks.resize(Kind + 1, nullptr);
  if (!TrapBlocks[Kind]) {
    BasicBlock *BB = newBlock("trap");
    IRBuilder<> TB(BB);
    pinPoint(TB.CreateCall(getBuiltin(*MC.LLModule, Builtin::trap),
                           {ConstantInt::get(MC.I32, Kind)}));
    TB.CreateUnreachable();
    TrapBlocks[Kind] = BB;
  }
  return TrapBlocks[Kind];
}

void FunctionEmitter::trapIf(Value *Cond, unsigned Kind) {
  BasicBlock *Cont = newBlock("ok");
  MDBuilder MDB(MC.Ctx);
  B.CreateCondBr(Cond, trapBlock(Kind), Cont, MDB.createUnlikelyBranchWeights());
  B.SetInsertPoint(Cont);
}

Value *FunctionEmitter::fieldAddr(Value *Base, unsigned Offset) {
  if (Offset == 0)
    return Base;
  return B.CreateConstInBoundsGEP1_64(MC.I8, Base, Offset);
}

LoadInst *FunctionEmitter::loadField(llvm::Type *Ty, Value *Base,
                                     unsigned Offset, MDNode *Tbaa,
                                     bool Invariant) {
  LoadInst *L = B.CreateLoad(Ty, fieldAddr(Base, Offset));
  L->setMetadata(LLVMContext::MD_tbaa, Tbaa);
  if (Invariant)
    L->setMetadata(LLVMContext::MD_invariant_load, MDNode::get(MC.Ctx, {}));
  return L;
}

Value *FunctionEmitter::callBuiltin(int Which, ArrayRef<Value *> Args) {
  CallInst *C = B.CreateCall(
      getBuiltin(*MC.LLModule, static_cast<Builtin>(Which)), Args);
  if (Which != static_cast<int>(Builtin::sig_equal)) // pure, cannot trap
    pinPoint(C);
  return C;
}

Value *FunctionEmitter::zeroOf(ValType T) {
  return Constant::getNullValue(MC.valType(T));
}

} // namespace wasm2bin
