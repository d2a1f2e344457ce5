//===- ModuleEmitter.cpp - Module-level lowering --------------------------===//
//
// Declares one LLVM function per Wasm function (named from the name section
// so perf and gdb show Wasm names), binds imports, lowers bodies with
// FunctionEmitter, and emits the descriptor the runtime instantiates.
//
//===----------------------------------------------------------------------===//
#include "ModuleEmitter.h"

#include "Builtins.h"
#include "Descriptors.h"
#include "FunctionEmitter.h"
#include "ModuleContext.h"
#include "Target.h"

#include "abi.h"

#include "llvm/IR/Verifier.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace wasm2bin {

ModuleContext::ModuleContext(const Module &M, const CompileOptions &Opts,
                             LLVMContext &Ctx)
    : Wasm(M), Opts(Opts), Ctx(Ctx),
      LLModule(std::make_unique<llvm::Module>("wasm", Ctx)),
      Layout(InstanceLayout::compute(M)), Abi(Ctx) {
  VoidTy = Type::getVoidTy(Ctx);
  I1 = Type::getInt1Ty(Ctx);
  I8 = Type::getInt8Ty(Ctx);
  I16 = Type::getInt16Ty(Ctx);
  I32 = Type::getInt32Ty(Ctx);
  I64 = Type::getInt64Ty(Ctx);
  F32 = Type::getFloatTy(Ctx);
  F64 = Type::getDoubleTy(Ctx);
  PtrTy = PointerType::get(Ctx, 0);
  V128 = FixedVectorType::get(I64, 2);
  StackPointerRegister = "rsp";
  // The data layout of the target from the start, so that IRBuilder gives
  // loads and stores their natural alignment.
  LLModule->setTargetTriple(TargetTriple);
  LLModule->setDataLayout(TargetDataLayout);

  MDBuilder MDB(Ctx);
  MDNode *Root = MDB.createTBAARoot("wasm2bin");
  auto Scalar = [&](StringRef Name) {
    MDNode *T = MDB.createTBAAScalarTypeNode(Name, Root);
    return MDB.createTBAAStructTagNode(T, T, 0);
  };
  Tbaa.Guest = Scalar("guest memory");
  Tbaa.InstanceField = Scalar("instance field");
  Tbaa.MemorySize = Scalar("memory size");
  Tbaa.ImportedGlobal = Scalar("imported global");
  for (size_t I = 0; I < M.globals.size(); ++I)
    Tbaa.OwnGlobal.push_back(Scalar("global " + std::to_string(I)));
  Tbaa.Table = Scalar("table");
  Tbaa.FuncRef = Scalar("funcref");
}

Type *ModuleContext::valType(ValType T) const {
  switch (T) {
  case ValType::I32: return I32;
  case ValType::I64: return I64;
  case ValType::F32: return F32;
  case ValType::F64: return F64;
  case ValType::V128: return V128;
  case ValType::FuncRef:
  case ValType::ExternRef: return PtrTy;
  case ValType::None: break;
  }
  return VoidTy;
}

FunctionType *ModuleContext::funcType(const FuncType &FT) {
  std::vector<Type *> Params{PtrTy};
  for (ValType T : FT.params)
    Params.push_back(valType(T));
  Type *Ret = VoidTy;
  if (FT.results.size() == 1) {
    Ret = valType(FT.results[0]);
  } else if (FT.results.size() > 1) {
    std::vector<Type *> Rs;
    for (ValType T : FT.results)
      Rs.push_back(valType(T));
    Ret = StructType::get(Ctx, Rs);
  }
  return FunctionType::get(Ret, Params, false);
}

std::string ModuleContext::signatureString(const FuncType &FT) {
  auto Letter = [](ValType T) {
    switch (T) {
    case ValType::I32: return 'i';
    case ValType::I64: return 'I';
    case ValType::F32: return 'f';
    case ValType::F64: return 'F';
    case ValType::V128: return 'v';
    case ValType::FuncRef: return 'r';
    case ValType::ExternRef: return 'e';
    case ValType::None: break;
    }
    return '?';
  };
  std::string S;
  for (ValType T : FT.params)
    S += Letter(T);
  S += ':';
  for (ValType T : FT.results)
    S += Letter(T);
  return S;
}

Constant *ModuleContext::cString(StringRef S) {
  auto It = Strings.find(S.str());
  if (It != Strings.end())
    return It->second;
  Constant *Init = ConstantDataArray::getString(Ctx, S, /*AddNull=*/true);
  auto *GV = new GlobalVariable(*LLModule, Init->getType(), true,
                                GlobalValue::PrivateLinkage, Init, ".str");
  GV->setUnnamedAddr(GlobalValue::UnnamedAddr::Global);
  GV->setAlignment(Align(1));
  Strings[S.str()] = GV;
  return GV;
}

/// Symbols shared between objects (signatures, thunks, adapters) are
/// linkonce_odr in a comdat of their own: the linker keeps one copy, so equal
/// signatures compare equal by address across modules linked together.
static void makeShared(GlobalObject *GO, llvm::Module &M) {
  GO->setLinkage(GlobalValue::LinkOnceODRLinkage);
  GO->setVisibility(GlobalValue::HiddenVisibility);
  GO->setComdat(M.getOrInsertComdat(GO->getName()));
}

Constant *ModuleContext::signature(const FuncType &FT) {
  std::string S = signatureString(FT);
  auto It = Sigs.find(S);
  if (It != Sigs.end())
    return It->second;
  Constant *Init = ConstantDataArray::getString(Ctx, S, true);
  auto *GV = new GlobalVariable(*LLModule, Init->getType(), true,
                                GlobalValue::LinkOnceODRLinkage, Init,
                                "w2b.sig." + S);
  makeShared(GV, *LLModule);
  GV->setAlignment(Align(1));
  Sigs[S] = GV;
  return GV;
}

Constant *ModuleContext::nullFuncRef() {
  if (!NullFuncRef) {
    auto *Ty = ArrayType::get(PtrTy, abi::FuncRefSize / 8);
    auto *GV = new GlobalVariable(*LLModule, Ty, true,
                                  GlobalValue::PrivateLinkage,
                                  Constant::getNullValue(Ty), "w2b.null_funcref");
    GV->setAlignment(Align(8));
    NullFuncRef = GV;
  }
  return NullFuncRef;
}

bool ModuleContext::memoryAtFixedBase() const {
  return Opts.fixedMemoryBase && Wasm.numMemories() > 0 &&
         Wasm.numImportedMemories == 0;
}

Constant *ModuleContext::fixedMemoryBase() {
  // Zero-sized, so LLVM takes no byte of it for dereferenceable and cannot
  // hoist a load of guest address 0 past the branch that guards it.
  auto *GV = cast<GlobalVariable>(LLModule->getOrInsertGlobal(
      W2B_FIXED_MEMORY_SYMBOL, ArrayType::get(I8, 0)));
  // Resolved by the static link to an absolute address below 2 GiB.
  GV->setDSOLocal(true);
  return GV;
}

llvm::Function *ModuleContext::thunk(const FuncType &FT) {
  std::string S = signatureString(FT);
  auto It = Thunks.find(S);
  if (It != Thunks.end())
    return It->second;
  auto *Ty = FunctionType::get(VoidTy, {PtrTy, PtrTy, PtrTy, PtrTy}, false);
  llvm::Function *F = llvm::Function::Create(Ty, GlobalValue::LinkOnceODRLinkage,
                                 "w2b.thunk." + S, *LLModule);
  makeShared(F, *LLModule);
  F->addFnAttr(Attribute::NoUnwind);
  IRBuilder<> B(BasicBlock::Create(Ctx, "entry", F));
  Value *Code = F->getArg(0), *Env = F->getArg(1), *Args = F->getArg(2),
        *Results = F->getArg(3);
  std::vector<Value *> CallArgs{Env};
  for (size_t I = 0; I < FT.params.size(); ++I) {
    Value *P = B.CreateConstInBoundsGEP1_64(I8, Args, abi::ValueSize * I);
    CallArgs.push_back(B.CreateAlignedLoad(valType(FT.params[I]), P, Align(8)));
  }
  CallInst *R = B.CreateCall(funcType(FT), Code, CallArgs);
  for (size_t I = 0; I < FT.results.size(); ++I) {
    Value *V = FT.results.size() == 1 ? R : B.CreateExtractValue(R, I);
    Value *P = B.CreateConstInBoundsGEP1_64(I8, Results, abi::ValueSize * I);
    B.CreateAlignedStore(V, P, Align(8));
  }
  B.CreateRetVoid();
  Thunks[S] = F;
  return F;
}

llvm::Function *ModuleContext::hostAdapter(const FuncType &FT) {
  std::string S = signatureString(FT);
  auto It = Adapters.find(S);
  if (It != Adapters.end())
    return It->second;
  llvm::Function *F = llvm::Function::Create(funcType(FT), GlobalValue::LinkOnceODRLinkage,
                                 "w2b.adapter." + S, *LLModule);
  makeShared(F, *LLModule);
  F->addFnAttr(Attribute::NoUnwind);
  IRBuilder<> B(BasicBlock::Create(Ctx, "entry", F));
  // env is a w2b_host_func {sig, fn, ctx}.
  Value *Env = F->getArg(0);
  Value *Fn = B.CreateLoad(PtrTy, B.CreateConstInBoundsGEP1_64(I8, Env, 8));
  Value *HostCtx =
      B.CreateLoad(PtrTy, B.CreateConstInBoundsGEP1_64(I8, Env, 16));
  auto ValueArray = [&](size_t N) {
    auto *A = B.CreateAlloca(ArrayType::get(I8, abi::ValueSize * (N ? N : 1)));
    A->setAlignment(Align(16));
    return A;
  };
  Value *Args = ValueArray(FT.params.size());
  Value *Results = ValueArray(FT.results.size());
  for (size_t I = 0; I < FT.params.size(); ++I)
    B.CreateAlignedStore(F->getArg(I + 1),
                         B.CreateConstInBoundsGEP1_64(I8, Args, 16 * I),
                         Align(16));
  auto *HostTy = FunctionType::get(VoidTy, {PtrTy, PtrTy, PtrTy}, false);
  B.CreateCall(HostTy, Fn, {HostCtx, Args, Results});
  if (FT.results.empty()) {
    B.CreateRetVoid();
  } else {
    Value *Ret = PoisonValue::get(F->getReturnType());
    for (size_t I = 0; I < FT.results.size(); ++I) {
      Value *V = B.CreateAlignedLoad(
          valType(FT.results[I]),
          B.CreateConstInBoundsGEP1_64(I8, Results, 16 * I), Align(16));
      Ret = FT.results.size() == 1 ? V : B.CreateInsertValue(Ret, V, I);
    }
    B.CreateRet(Ret);
  }
  Adapters[S] = F;
  return F;
}

std::string symbolSuffix(const CompileOptions &Opts) {
  return Opts.moduleName.empty() ? "wasm" : Opts.moduleName;
}

std::string descriptorSymbol(const Module &M, const CompileOptions &Opts) {
  if (Opts.emit == EmitKind::Exe)
    return "w2b_main_module";
  std::string Name = Opts.moduleName.empty() ? "main" : Opts.moduleName;
  for (char &C : Name)
    if (!isalnum(static_cast<unsigned char>(C)))
      C = '_';
  return "w2b_module_" + Name;
}

/// Binds imports: WASI functions are called directly; in an executable every
/// import must be one of them. Returns an error for anything else.
static std::optional<Diagnostic> bindImports(ModuleContext &MC) {
  const Module &M = MC.Wasm;
  bool Exe = MC.Opts.emit == EmitKind::Exe;
  uint32_t FuncIdx = 0;
  for (const Import &Imp : M.imports) {
    if (Imp.kind == ExternKind::Func) {
      FuncTarget &T = MC.Funcs[FuncIdx++];
      if (Imp.module == "wasi_snapshot_preview1") {
        bool Mismatch = false;
        T.direct = getWasiFunction(*MC.LLModule, Imp.name,
                                   M.types[Imp.funcType], Mismatch);
        if (Mismatch)
          return Diagnostic{Imp.offset,
                            "import wasi_snapshot_preview1." + Imp.name +
                                " has type " + M.types[Imp.funcType].str() +
                                ", which is not its WASI type"};
        if (T.direct)
          continue;
      }
      if (Exe)
        return Diagnostic{Imp.offset, "unknown import: " + Imp.module + "." +
                                          Imp.name +
                                          " (an executable may import only "
                                          "wasi_snapshot_preview1 functions)"};
      T.viaInstance = true;
      continue;
    }
    if (Exe)
      return Diagnostic{Imp.offset,
                        std::string("unknown import: ") + Imp.module + "." +
                            Imp.name + " (an executable cannot import a " +
                            externKindName(Imp.kind) + ")"};
  }
  return std::nullopt;
}

/// A function's name as an object file can carry it. A NUL would cut the
/// name short in the string table, and LLVM takes a leading \1 to mean "emit
/// the rest verbatim": either could make two distinct names one symbol (the
/// spec's names.wast exports both "" and "\1"). LLVM keeps IR names unique,
/// so once they are their own symbols they cannot collide.
static std::string symbolName(std::string Name) {
  for (char &C : Name)
    if (C == '\0')
      C = '?';
  if (!Name.empty() && Name[0] == '\1')
    Name[0] = '?';
  return Name;
}

static void declareFunctions(ModuleContext &MC, const LoweringScope *Scope) {
  const Module &M = MC.Wasm;
  std::vector<std::string> Names = M.functionNames();
  std::string Suffix = "." + symbolSuffix(MC.Opts);
  for (size_t I = 0; I < M.functions.size(); ++I) {
    uint32_t Idx = M.numImportedFuncs + I;
    llvm::Function *F = llvm::Function::Create(
        MC.funcType(M.funcType(Idx)),
        Scope ? GlobalValue::ExternalLinkage : GlobalValue::InternalLinkage,
        symbolName(Names[Idx]) + Suffix, *MC.LLModule);
    if (Scope)
      F->setVisibility(GlobalValue::HiddenVisibility);
    F->addFnAttr(Attribute::NoUnwind);
    // Every Wasm call uses stack: turning recursion into a loop (tail
    // recursion elimination) would turn "call stack exhausted" into a hang.
    F->addFnAttr("disable-tail-calls", "true");
    if (MC.Opts.optLevel == 0)
      F->addFnAttr(Attribute::NoInline);
    F->getArg(0)->setName("instance");
    F->addParamAttr(0, Attribute::NonNull);
    MC.Funcs[Idx].direct = F;
  }
}

Result<std::unique_ptr<llvm::Module>>
lowerModule(const Module &M, const CompileOptions &Opts, LLVMContext &Ctx,
            const LoweringScope *Scope) {
  ModuleContext MC(M, Opts, Ctx);
  MC.Funcs.resize(M.numFuncs());
  if (auto D = bindImports(MC))
    return *D;
  declareFunctions(MC, Scope);
  for (size_t I = 0; I < M.functions.size(); ++I) {
    FunctionPart Part = Scope ? Scope->funcs[I] : FunctionPart::Define;
    if (Part == FunctionPart::Declare)
      continue;
    uint32_t Idx = M.numImportedFuncs + I;
    FunctionEmitter FE(MC, Idx, MC.Funcs[Idx].direct);
    FE.emit();
    if (Part == FunctionPart::Import)
      MC.Funcs[Idx].direct->setLinkage(GlobalValue::AvailableExternallyLinkage);
  }
  if (!Scope || Scope->descriptor) {
    emitDescriptor(MC, descriptorSymbol(M, Opts));
    if (Opts.emit == EmitKind::Exe)
      emitPolicy(MC);
  }

  std::string VerifyErrors;
  raw_string_ostream OS(VerifyErrors);
  if (verifyModule(*MC.LLModule, &OS))
    return Diagnostic{0, "internal error: invalid LLVM IR generated:\n" +
                             OS.str()};
  return std::move(MC.LLModule);
}

} // namespace wasm2bin
