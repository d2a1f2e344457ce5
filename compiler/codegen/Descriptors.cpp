//===- Descriptors.cpp - Constant data the runtime instantiates from ------===//
#include "Descriptors.h"

#include "ModuleContext.h"

#include "abi.h"

#include <algorithm>

using namespace llvm;

namespace wasm2bin {

namespace {

class DescriptorBuilder {
public:
  explicit DescriptorBuilder(ModuleContext &MC) : MC(MC), A(MC.Abi) {}

  Constant *build();

private:
  ModuleContext &MC;
  AbiTypes &A;

  Constant *i8(uint64_t V) { return ConstantInt::get(MC.I8, V); }
  Constant *i32(uint64_t V) { return ConstantInt::get(MC.I32, V); }
  Constant *i64(uint64_t V) { return ConstantInt::get(MC.I64, V); }
  Constant *null() { return ConstantPointerNull::get(MC.PtrTy); }

  /// A private constant array of Elems (null pointer if empty).
  Constant *array(StructType *Ty, ArrayRef<Constant *> Elems,
                  const Twine &Name) {
    if (Elems.empty())
      return null();
    auto *ATy = ArrayType::get(Ty, Elems.size());
    auto *GV = new GlobalVariable(*MC.LLModule, ATy, true,
                                  GlobalValue::PrivateLinkage,
                                  ConstantArray::get(ATy, Elems), Name);
    return GV;
  }

  Constant *limits(const Limits &L, uint64_t NoMax) {
    return ConstantStruct::get(A.Limits, {i32(L.min), i32(L.max.value_or(NoMax)),
                                          i8(L.max.has_value())});
  }

  Constant *constExpr(const ConstExpr &E) {
    uint8_t Kind = W2B_CONST_VALUE, Type = 0;
    switch (E.kind) {
    case ConstExpr::I32: Type = W2B_I32; break;
    case ConstExpr::I64: Type = W2B_I64; break;
    case ConstExpr::F32: Type = W2B_F32; break;
    case ConstExpr::F64: Type = W2B_F64; break;
    case ConstExpr::V128: Type = W2B_V128; break;
    case ConstExpr::RefNull:
      Kind = W2B_CONST_REF_NULL;
      Type = static_cast<uint8_t>(E.refType);
      break;
    case ConstExpr::RefFunc:
      Kind = W2B_CONST_REF_FUNC;
      Type = W2B_FUNCREF;
      break;
    case ConstExpr::GlobalGet:
      Kind = W2B_CONST_GLOBAL_GET;
      Type = static_cast<uint8_t>(MC.Wasm.globalType(E.index).type);
      break;
    }
    auto *Bits = ConstantArray::get(ArrayType::get(MC.I64, 2),
                                    {i64(E.bits[0]), i64(E.bits[1])});
    return ConstantStruct::get(A.ConstExpr, {i8(Kind), i8(Type), i32(E.index), Bits});
  }

  Constant *imports();
  Constant *funcs();
  Constant *tables();
  Constant *globals();
  Constant *exports();
  Constant *elems();
  Constant *datas();
  Constant *layout();
};

Constant *DescriptorBuilder::imports() {
  const Module &M = MC.Wasm;
  std::vector<Constant *> Out;
  uint32_t FuncIdx = 0;
  for (const Import &Imp : M.imports) {
    Constant *Sig = null(), *Bound = null(), *Adapter = null(), *Thunk = null();
    uint8_t Type = 0, Mut = 0;
    Limits L;
    uint64_t NoMax = 0;
    switch (Imp.kind) {
    case ExternKind::Func: {
      const FuncType &FT = M.types[Imp.funcType];
      Sig = MC.signature(FT);
      Thunk = MC.thunk(FT);
      const FuncTarget &T = MC.Funcs[FuncIdx++];
      if (T.direct)
        Bound = T.direct;
      else
        Adapter = MC.hostAdapter(FT);
      break;
    }
    case ExternKind::Table:
      Type = static_cast<uint8_t>(Imp.table.elem);
      L = Imp.table.limits;
      NoMax = UINT32_MAX;
      break;
    case ExternKind::Memory:
      L = Imp.memory.limits;
      NoMax = W2B_MAX_PAGES;
      break;
    case ExternKind::Global:
      Type = static_cast<uint8_t>(Imp.global.type);
      Mut = Imp.global.isMutable;
      break;
    }
    Out.push_back(ConstantStruct::get(
        A.ImportDesc,
        {MC.cString(Imp.module), MC.cString(Imp.name),
         i8(static_cast<uint8_t>(Imp.kind)), i8(Type), i8(Mut), limits(L, NoMax),
         Sig, Bound, Adapter, Thunk}));
  }
  return array(A.ImportDesc, Out, "w2b.imports");
}

Constant *DescriptorBuilder::funcs() {
  const Module &M = MC.Wasm;
  std::vector<Constant *> Out;
  for (size_t I = 0; I < M.functions.size(); ++I) {
    uint32_t Idx = M.numImportedFuncs + I;
    const FuncType &FT = M.funcType(Idx);
    Out.push_back(ConstantStruct::get(
        A.FuncDesc, {MC.signature(FT), MC.Funcs[Idx].direct, MC.thunk(FT)}));
  }
  return array(A.FuncDesc, Out, "w2b.funcs");
}

Constant *DescriptorBuilder::tables() {
  std::vector<Constant *> Out;
  for (size_t J = 0; J < MC.Wasm.tables.size(); ++J) {
    const TableType &T = MC.Wasm.tables[J];
    Out.push_back(ConstantStruct::get(
        A.TableDesc, {i8(static_cast<uint8_t>(T.elem)),
                      limits(T.limits, UINT32_MAX), i32(MC.Layout.ownTables[J])}));
  }
  return array(A.TableDesc, Out, "w2b.tables");
}

Constant *DescriptorBuilder::globals() {
  std::vector<Constant *> Out;
  for (const Global &G : MC.Wasm.globals)
    Out.push_back(ConstantStruct::get(
        A.GlobalDesc, {i8(static_cast<uint8_t>(G.type.type)),
                       i8(G.type.isMutable), constExpr(G.init)}));
  return array(A.GlobalDesc, Out, "w2b.globals");
}

Constant *DescriptorBuilder::exports() {
  std::vector<Constant *> Out;
  for (const Export &E : MC.Wasm.exports)
    Out.push_back(ConstantStruct::get(
        A.ExportDesc, {MC.cString(E.name), i8(static_cast<uint8_t>(E.kind)),
                       i32(E.index), i32(E.name.size())}));
  return array(A.ExportDesc, Out, "w2b.exports");
}

static uint8_t segmentMode(SegmentMode M) {
  switch (M) {
  case SegmentMode::Active: return W2B_SEGMENT_ACTIVE;
  case SegmentMode::Passive: return W2B_SEGMENT_PASSIVE;
  case SegmentMode::Declarative: return W2B_SEGMENT_DECLARATIVE;
  }
  return W2B_SEGMENT_PASSIVE;
}

Constant *DescriptorBuilder::elems() {
  std::vector<Constant *> Out;
  for (const ElemSegment &S : MC.Wasm.elems) {
    // Segments of ref.func / ref.null only (nearly all) are a plain array of
    // function indices: one LLVM constant per item costs ~0.7 KB of compiler
    // memory, which a segment of a million items would multiply.
    bool Compact = std::all_of(S.items.begin(), S.items.end(), [](auto &E) {
      return E.kind == ConstExpr::RefFunc || E.kind == ConstExpr::RefNull;
    });
    Constant *Items = null(), *FuncItems = null();
    if (Compact && !S.items.empty()) {
      std::vector<uint32_t> Indices;
      Indices.reserve(S.items.size());
      for (const ConstExpr &E : S.items)
        Indices.push_back(E.kind == ConstExpr::RefFunc ? E.index
                                                       : W2B_ELEM_NULL_ITEM);
      Constant *Init = ConstantDataArray::get(MC.Ctx, Indices);
      FuncItems = new GlobalVariable(*MC.LLModule, Init->getType(), true,
                                     GlobalValue::PrivateLinkage, Init,
                                     "w2b.elem.funcs");
    } else if (!Compact) {
      std::vector<Constant *> Exprs;
      for (const ConstExpr &E : S.items)
        Exprs.push_back(constExpr(E));
      Items = array(A.ConstExpr, Exprs, "w2b.elem.items");
    }
    Out.push_back(ConstantStruct::get(
        A.ElemDesc,
        {i8(segmentMode(S.mode)), i8(static_cast<uint8_t>(S.type)),
         i32(S.table), constExpr(S.offsetExpr), i32(S.items.size()), Items,
         FuncItems}));
  }
  return array(A.ElemDesc, Out, "w2b.elems");
}

Constant *DescriptorBuilder::datas() {
  const Module &M = MC.Wasm;
  std::vector<Constant *> Out;
  for (const DataSegment &S : M.datas) {
    Constant *Bytes = null();
    if (S.dataSize) {
      StringRef Data(reinterpret_cast<const char *>(M.bytes.data()) +
                         S.dataStart,
                     S.dataSize);
      auto *Init = ConstantDataArray::getString(MC.Ctx, Data, false);
      auto *GV = new GlobalVariable(*MC.LLModule, Init->getType(), true,
                                    GlobalValue::PrivateLinkage, Init,
                                    "w2b.data");
      GV->setAlignment(Align(16));
      Bytes = GV;
    }
    Out.push_back(ConstantStruct::get(
        A.DataDesc, {i8(segmentMode(S.mode)), constExpr(S.offsetExpr),
                     i32(S.dataSize), Bytes}));
  }
  return array(A.DataDesc, Out, "w2b.datas");
}

Constant *DescriptorBuilder::layout() {
  const InstanceLayout &L = MC.Layout;
  return ConstantStruct::get(A.Layout,
                             {i32(L.funcs), i32(L.ownFuncs), i32(L.tables),
                              i32(L.importedGlobals), i32(L.ownGlobals),
                              i32(L.dropped), i32(L.size)});
}

Constant *DescriptorBuilder::build() {
  const Module &M = MC.Wasm;
  bool HasMemory = M.numMemories() > 0;
  Limits MemLimits = M.memories.empty() ? Limits{} : M.memories[0].limits;
  std::string Name = M.names.moduleName;
  return ConstantStruct::get(
      A.Module,
      {MC.cString(Name), layout(),
       i32(M.imports.size()), imports(),
       i32(M.numFuncs()), i32(M.numImportedFuncs), funcs(),
       i32(M.numTables()), i32(M.numImportedTables), tables(),
       i8(HasMemory), i8(M.numImportedMemories > 0),
       limits(MemLimits, W2B_MAX_PAGES),
       i32(M.numGlobals()), i32(M.numImportedGlobals), globals(),
       i32(M.exports.size()), exports(),
       i32(M.elems.size()), elems(),
       i32(M.datas.size()), datas(),
       i64(M.start ? static_cast<int64_t>(*M.start) : -1),
       i8(MC.Opts.boundsChecks == BoundsChecks::Explicit),
       i8(MC.memoryAtFixedBase())});
}

} // namespace

void emitDescriptor(ModuleContext &MC, const std::string &Symbol) {
  DescriptorBuilder B(MC);
  Constant *Init = B.build();
  auto *GV = new GlobalVariable(*MC.LLModule, MC.Abi.Module, true,
                                GlobalValue::ExternalLinkage, Init, Symbol);
  GV->setAlignment(Align(8));
}

void emitPolicy(ModuleContext &MC) {
  const CompileOptions &O = MC.Opts;
  std::vector<Constant *> Env;
  for (const std::string &E : O.env)
    Env.push_back(MC.cString(E));
  Constant *EnvArray = ConstantPointerNull::get(MC.PtrTy);
  if (!Env.empty()) {
    auto *Ty = ArrayType::get(MC.PtrTy, Env.size());
    EnvArray = new GlobalVariable(*MC.LLModule, Ty, true,
                                  GlobalValue::PrivateLinkage,
                                  ConstantArray::get(Ty, Env), "w2b.env");
  }
  std::vector<Constant *> Dirs;
  for (const DirGrant &D : O.dirs)
    Dirs.push_back(ConstantStruct::get(
        MC.Abi.DirGrant, {MC.cString(D.hostPath), MC.cString(D.guestPath),
                          ConstantInt::get(MC.I8, D.readOnly)}));
  Constant *DirArray = ConstantPointerNull::get(MC.PtrTy);
  if (!Dirs.empty()) {
    auto *Ty = ArrayType::get(MC.Abi.DirGrant, Dirs.size());
    DirArray = new GlobalVariable(*MC.LLModule, Ty, true,
                                  GlobalValue::PrivateLinkage,
                                  ConstantArray::get(Ty, Dirs), "w2b.dirs");
  }
  std::vector<Constant *> Listen;
  for (const std::string &L : O.listen)
    Listen.push_back(MC.cString(L));
  Constant *ListenArray = ConstantPointerNull::get(MC.PtrTy);
  if (!Listen.empty()) {
    auto *Ty = ArrayType::get(MC.PtrTy, Listen.size());
    ListenArray = new GlobalVariable(*MC.LLModule, Ty, true,
                                     GlobalValue::PrivateLinkage,
                                     ConstantArray::get(Ty, Listen),
                                     "w2b.listen");
  }
  Constant *Init = ConstantStruct::get(
      MC.Abi.Policy,
      {ConstantInt::get(MC.I32, Env.size()), EnvArray,
       ConstantInt::get(MC.I8, O.inheritEnv),
       ConstantInt::get(MC.I32, Dirs.size()), DirArray,
       ConstantInt::get(MC.I32, Listen.size()), ListenArray});
  new GlobalVariable(*MC.LLModule, MC.Abi.Policy, true,
                     GlobalValue::ExternalLinkage, Init, "w2b_main_policy");
}

} // namespace wasm2bin
