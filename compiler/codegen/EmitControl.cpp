//===- EmitControl.cpp - Blocks, branches, locals, globals ----------------===//
//
// Each Wasm block becomes a frame whose `end` block carries one PHI per
// result; loops carry one PHI per parameter in their header. A branch adds
// its operand values as incoming values of the target's PHIs.
//
//===----------------------------------------------------------------------===//
#include "FunctionEmitter.h"

#include "abi.h"

#include "llvm/IR/CFG.h"

using namespace llvm;

namespace wasm2bin {

void FunctionEmitter::blockSignature(const BlockType &BT,
                                     std::vector<ValType> &Params,
                                     std::vector<ValType> &Results) {
  switch (BT.kind) {
  case BlockType::Empty:
    break;
  case BlockType::Value:
    Results.push_back(BT.value);
    break;
  case BlockType::TypeIndex:
    Params = M.types[BT.typeIndex].params;
    Results = M.types[BT.typeIndex].results;
    break;
  }
}

FunctionEmitter::Frame &FunctionEmitter::pushFrame(FrameKind K,
                                                   const BlockType &BT) {
  Frame Fr;
  Fr.kind = K;
  blockSignature(BT, Fr.params, Fr.results);
  Fr.height = Stack.size() - Fr.params.size();
  Fr.end = newBlock("end");
  IRBuilder<> EB(Fr.end);
  for (ValType T : Fr.results)
    Fr.endPhis.push_back(EB.CreatePHI(MC.valType(T), 2));
  Frames.push_back(std::move(Fr));
  return Frames.back();
}

void FunctionEmitter::addIncoming(Frame &Target, BasicBlock *From) {
  std::vector<PHINode *> &Phis =
      Target.kind == FrameKind::Loop ? Target.loopPhis : Target.endPhis;
  size_t Base = Stack.size() - Phis.size();
  for (size_t I = 0; I < Phis.size(); ++I)
    Phis[I]->addIncoming(Stack[Base + I], From);
}

void FunctionEmitter::branchTo(Frame &Target) {
  addIncoming(Target, B.GetInsertBlock());
  B.CreateBr(Target.kind == FrameKind::Loop ? Target.loopHeader : Target.end);
}

void FunctionEmitter::emitUnreachable(const Instr &, NoArg) {
  B.CreateBr(trapBlock(W2B_TRAP_UNREACHABLE));
  Dead = true;
}

void FunctionEmitter::emitNop(const Instr &, NoArg) {}

void FunctionEmitter::emitBlock(const Instr &I, NoArg) {
  pushFrame(FrameKind::Block, I.blockType);
}

void FunctionEmitter::emitLoop(const Instr &I, NoArg) {
  Frame &Fr = pushFrame(FrameKind::Loop, I.blockType);
  Fr.loopHeader = newBlock("loop");
  IRBuilder<> HB(Fr.loopHeader);
  for (ValType T : Fr.params)
    Fr.loopPhis.push_back(HB.CreatePHI(MC.valType(T), 2));
  branchTo(Fr);
  B.SetInsertPoint(Fr.loopHeader);
  for (size_t I2 = 0; I2 < Fr.loopPhis.size(); ++I2)
    Stack[Fr.height + I2] = Fr.loopPhis[I2];
}

void FunctionEmitter::emitIf(const Instr &I, NoArg) {
  Value *Cond = B.CreateICmpNE(pop(), ConstantInt::get(MC.I32, 0));
  Frame &Fr = pushFrame(FrameKind::If, I.blockType);
  Fr.ifParams.assign(Stack.begin() + Fr.height, Stack.end());
  BasicBlock *Then = newBlock("then");
  Fr.elseBlock = newBlock("else");
  B.CreateCondBr(Cond, Then, Fr.elseBlock);
  B.SetInsertPoint(Then);
}

void FunctionEmitter::emitElse(const Instr &, NoArg) {
  Frame &Fr = Frames.back();
  if (!Dead)
    branchTo(Fr);
  Dead = false;
  Stack.resize(Fr.height);
  Stack.insert(Stack.end(), Fr.ifParams.begin(), Fr.ifParams.end());
  B.SetInsertPoint(Fr.elseBlock);
  Fr.elseBlock = nullptr;
}

void FunctionEmitter::emitEnd(const Instr &, NoArg) {
  Frame &Fr = Frames.back();
  if (!Dead) {
    // Falling through `end` passes the results (for a loop too: branches
    // go to its header, but the fallthrough leaves through `end`).
    size_t Base = Stack.size() - Fr.endPhis.size();
    for (size_t I = 0; I < Fr.endPhis.size(); ++I)
      Fr.endPhis[I]->addIncoming(Stack[Base + I], B.GetInsertBlock());
    B.CreateBr(Fr.end);
  }
  if (Fr.kind == FrameKind::If && Fr.elseBlock) {
    // `if` without `else`: the implicit else passes the params through.
    B.SetInsertPoint(Fr.elseBlock);
    for (size_t I = 0; I < Fr.endPhis.size(); ++I)
      Fr.endPhis[I]->addIncoming(Fr.ifParams[I], Fr.elseBlock);
    B.CreateBr(Fr.end);
  }
  Stack.resize(Fr.height);
  B.SetInsertPoint(Fr.end);
  if (Fr.kind == FrameKind::Function) {
    if (pred_empty(Fr.end)) {
      B.CreateUnreachable();
    } else if (Fr.endPhis.empty()) {
      pinPoint(B.CreateRetVoid());
    } else if (Fr.endPhis.size() == 1) {
      pinPoint(B.CreateRet(Fr.endPhis[0]));
    } else {
      Value *Agg = PoisonValue::get(F->getReturnType());
      for (size_t I = 0; I < Fr.endPhis.size(); ++I)
        Agg = B.CreateInsertValue(Agg, Fr.endPhis[I], I);
      pinPoint(B.CreateRet(Agg));
    }
    Frames.pop_back();
    return;
  }
  if (pred_empty(Fr.end)) {
    for (PHINode *P : Fr.endPhis)
      P->eraseFromParent();
    Dead = true;
  } else {
    Dead = false;
    Stack.insert(Stack.end(), Fr.endPhis.begin(), Fr.endPhis.end());
  }
  Frames.pop_back();
}

void FunctionEmitter::emitBr(const Instr &I, NoArg) {
  branchTo(frameAt(I.a));
  Dead = true;
}

void FunctionEmitter::emitBrIf(const Instr &I, NoArg) {
  Value *Cond = B.CreateICmpNE(pop(), ConstantInt::get(MC.I32, 0));
  Frame &T = frameAt(I.a);
  addIncoming(T, B.GetInsertBlock());
  BasicBlock *Cont = newBlock("br_if.cont");
  B.CreateCondBr(Cond, T.kind == FrameKind::Loop ? T.loopHeader : T.end, Cont);
  B.SetInsertPoint(Cont);
}

/// br_tables up to this many entries become one switch; the testsuite's
/// largest (16,150) compiles in a fraction of a second that way.
static constexpr size_t kBrTableDirectMax = 16384;

void FunctionEmitter::emitBrTable(const Instr &, NoArg) {
  Value *Index = pop();
  const std::vector<uint32_t> &Targets = *BrTargets;
  // A target that takes values gets a trampoline block per distinct depth,
  // so that each PHI has exactly one incoming edge from this br_table.
  std::map<uint32_t, BasicBlock *> Dest;
  BasicBlock *From = B.GetInsertBlock();
  auto DestFor = [&](uint32_t Depth) {
    auto It = Dest.find(Depth);
    if (It != Dest.end())
      return It->second;
    Frame &T = frameAt(Depth);
    BasicBlock *Target = T.kind == FrameKind::Loop ? T.loopHeader : T.end;
    bool HasValues =
        !(T.kind == FrameKind::Loop ? T.loopPhis : T.endPhis).empty();
    BasicBlock *BB = Target;
    if (HasValues) {
      BB = newBlock("br_table.edge");
      addIncoming(T, BB);
      BranchInst::Create(Target, BB);
    }
    Dest[Depth] = BB;
    return BB;
  };
  B.SetInsertPoint(From);
  if (Targets.size() > kBrTableDirectMax) {
    // LLVM's switch transforms are superlinear in the number of cases that
    // share a destination (400,000 entries over 4 blocks took minutes at
    // -O2), so map the index to a destination number through a constant
    // array and switch over the distinct destinations only (at most the
    // nesting limit). The last entry is the default.
    std::map<uint32_t, uint32_t> Number; // depth -> destination number
    for (uint32_t Depth : Targets)
      Number.emplace(Depth, static_cast<uint32_t>(Number.size()));
    std::vector<uint32_t> Numbers;
    Numbers.reserve(Targets.size());
    for (uint32_t Depth : Targets)
      Numbers.push_back(Number[Depth]);
    Constant *Init = ConstantDataArray::get(MC.Ctx, Numbers);
    auto *Table = new GlobalVariable(*MC.LLModule, Init->getType(), true,
                                     GlobalValue::PrivateLinkage, Init,
                                     "br_table.targets");
    Table->setUnnamedAddr(GlobalValue::UnnamedAddr::Global);
    Value *Last = B.getInt32(static_cast<uint32_t>(Targets.size() - 1));
    Value *Clamped = B.CreateSelect(B.CreateICmpULT(Index, Last), Index, Last);
    Value *Slot = B.CreateInBoundsGEP(Init->getType(), Table,
                                      {B.getInt32(0), Clamped});
    Value *Dest = B.CreateLoad(MC.I32, Slot, "br_table.dest");
    std::vector<BasicBlock *> ByNumber(Number.size());
    for (auto [Depth, N] : Number)
      ByNumber[N] = DestFor(Depth);
    SwitchInst *SI = B.CreateSwitch(Dest, ByNumber.back(), ByNumber.size() - 1);
    for (uint32_t N = 0; N + 1 < ByNumber.size(); ++N)
      SI->addCase(B.getInt32(N), ByNumber[N]);
    Dead = true;
    return;
  }
  SwitchInst *SI = B.CreateSwitch(Index, DestFor(Targets.back()),
                                  Targets.size() - 1);
  for (size_t I = 0; I + 1 < Targets.size(); ++I)
    SI->addCase(B.getInt32(I), DestFor(Targets[I]));
  Dead = true;
}

void FunctionEmitter::emitReturn(const Instr &, NoArg) {
  branchTo(Frames.front());
  Dead = true;
}

void FunctionEmitter::emitDrop(const Instr &, NoArg) { pop(); }

void FunctionEmitter::emitSelect(const Instr &, NoArg) {
  Value *Cond = B.CreateICmpNE(pop(), ConstantInt::get(MC.I32, 0));
  Value *IfFalse = pop();
  Value *IfTrue = pop();
  push(B.CreateSelect(Cond, IfTrue, IfFalse));
}

void FunctionEmitter::emitLocalGet(const Instr &I, NoArg) {
  push(B.CreateLoad(MC.valType(LocalTypes[I.a]), Locals[I.a]));
}

void FunctionEmitter::emitLocalSet(const Instr &I, NoArg) {
  B.CreateStore(pop(), Locals[I.a]);
}

void FunctionEmitter::emitLocalTee(const Instr &I, NoArg) {
  B.CreateStore(top(), Locals[I.a]);
}

Value *FunctionEmitter::globalAddr(uint32_t GlobalIdx, MDNode *&Tbaa) {
  if (GlobalIdx < M.numImportedGlobals) {
    Tbaa = MC.Tbaa.ImportedGlobal;
    return instanceField(MC.Layout.importedGlobalSlot(GlobalIdx), MC.PtrTy,
                         MC.Tbaa.InstanceField, /*Invariant=*/true);
  }
  uint32_t Own = GlobalIdx - M.numImportedGlobals;
  Tbaa = MC.Tbaa.OwnGlobal[Own];
  return instanceAddr(MC.Layout.ownGlobalCell(Own));
}

void FunctionEmitter::emitGlobalGet(const Instr &I, NoArg) {
  GlobalType GT = M.globalType(I.a);
  // An immutable global initialised by a constant is that constant.
  if (I.a >= M.numImportedGlobals && !GT.isMutable) {
    const ConstExpr &E = M.globals[I.a - M.numImportedGlobals].init;
    if (E.kind == ConstExpr::I32 || E.kind == ConstExpr::I64) {
      push(ConstantInt::get(MC.valType(GT.type), E.bits[0]));
      return;
    }
  }
  MDNode *Tbaa;
  Value *Addr = globalAddr(I.a, Tbaa);
  LoadInst *L = B.CreateLoad(MC.valType(GT.type), Addr);
  L->setMetadata(LLVMContext::MD_tbaa, Tbaa);
  push(L);
}

void FunctionEmitter::emitGlobalSet(const Instr &I, NoArg) {
  MDNode *Tbaa;
  Value *V = pop();
  Value *Addr = globalAddr(I.a, Tbaa);
  StoreInst *S = B.CreateStore(V, Addr);
  S->setMetadata(LLVMContext::MD_tbaa, Tbaa);
}

} // namespace wasm2bin
