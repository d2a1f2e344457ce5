//===- InstanceLayout.cpp - Instance tail offsets and ABI mirrors ---------===//
#include "InstanceLayout.h"

#include "abi.h"
#include "policy.h"

#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/Support/MathExtras.h"

using namespace llvm;

namespace wasm2bin {

static_assert(abi::InstanceMemBase == W2B_OFFSET_INSTANCE_MEM_BASE, "abi.h");
static_assert(abi::InstanceMemory == W2B_OFFSET_INSTANCE_MEMORY, "abi.h");
static_assert(abi::InstanceHeaderSize == sizeof(w2b_instance), "abi.h");
static_assert(abi::MemorySize == W2B_OFFSET_MEMORY_SIZE, "abi.h");
static_assert(abi::MemoryPages == W2B_OFFSET_MEMORY_PAGES, "abi.h");
static_assert(abi::TableElems == W2B_OFFSET_TABLE_ELEMS, "abi.h");
static_assert(abi::TableSize == W2B_OFFSET_TABLE_SIZE, "abi.h");
static_assert(abi::FuncRefSig == W2B_OFFSET_FUNCREF_SIG, "abi.h");
static_assert(abi::FuncRefCode == W2B_OFFSET_FUNCREF_CODE, "abi.h");
static_assert(abi::FuncRefEnv == W2B_OFFSET_FUNCREF_ENV, "abi.h");
static_assert(abi::FuncRefSize == sizeof(w2b_funcref), "abi.h");
static_assert(abi::ValueSize == sizeof(w2b_value), "abi.h");
static_assert(abi::TableHeaderSize == W2B_TABLE_INLINE_ELEMS, "abi.h");
static_assert(abi::TableElemRef == W2B_OFFSET_ELEM_REF, "abi.h");
static_assert(abi::TableElemSig == W2B_OFFSET_ELEM_SIG, "abi.h");
static_assert(abi::TableElemCode == W2B_OFFSET_ELEM_CODE, "abi.h");
static_assert(abi::TableElemEnv == W2B_OFFSET_ELEM_ENV, "abi.h");
static_assert(abi::TableElemSize == sizeof(w2b_table_elem), "abi.h");
static_assert(abi::MaxTableElems == W2B_MAX_TABLE_ELEMS, "abi.h");

static uint32_t alignTo(uint32_t X, uint32_t A) { return (X + A - 1) / A * A; }

InstanceLayout InstanceLayout::compute(const Module &M) {
  InstanceLayout L;
  uint32_t Off = abi::InstanceHeaderSize;
  L.funcs = Off;
  Off += 8 * M.numFuncs();
  L.ownFuncs = Off;
  Off += abi::FuncRefSize * M.functions.size();
  L.tables = Off;
  Off += 8 * M.numTables();
  L.importedGlobals = Off;
  Off += 8 * M.numImportedGlobals;
  Off = alignTo(Off, 16);
  L.ownGlobals = Off;
  Off += abi::ValueSize * M.globals.size();
  L.dropped = Off;
  Off += M.elems.size() + M.datas.size();
  L.size = alignTo(Off, 16);
  // Instantiation allocates the tail, then a funcref per imported function,
  // then, from the next multiple of an element's size, each defined table
  // with its initial elements (Instance.cpp).
  uint64_t At = L.size + uint64_t(abi::FuncRefSize) * M.numImportedFuncs;
  At = llvm::alignTo(At, abi::TableElemSize);
  for (const TableType &T : M.tables) {
    uint64_t Elems = T.limits.min <= abi::MaxTableElems ? T.limits.min : 0;
    uint64_t Bytes = abi::TableHeaderSize + abi::TableElemSize * Elems;
    L.ownTables.push_back(At + Bytes < INT32_MAX ? static_cast<uint32_t>(At)
                                                 : 0);
    At += Bytes;
  }
  return L;
}

AbiTypes::AbiTypes(LLVMContext &Ctx) {
  Type *I8 = Type::getInt8Ty(Ctx), *I32 = Type::getInt32Ty(Ctx),
       *I64 = Type::getInt64Ty(Ctx), *Ptr = PointerType::get(Ctx, 0);
  auto *Bits = ArrayType::get(I64, 2);
  ConstExpr = StructType::create(Ctx, {I8, I8, I32, Bits}, "w2b_const_expr");
  Limits = StructType::create(Ctx, {I32, I32, I8}, "w2b_limits");
  ImportDesc = StructType::create(
      Ctx, {Ptr, Ptr, I8, I8, I8, Limits, Ptr, Ptr, Ptr, Ptr},
      "w2b_import_desc");
  FuncDesc = StructType::create(Ctx, {Ptr, Ptr, Ptr}, "w2b_func_desc");
  TableDesc = StructType::create(Ctx, {I8, Limits, I32}, "w2b_table_desc");
  GlobalDesc = StructType::create(Ctx, {I8, I8, ConstExpr}, "w2b_global_desc");
  ExportDesc =
      StructType::create(Ctx, {Ptr, I8, I32, I32}, "w2b_export_desc");
  ElemDesc = StructType::create(Ctx, {I8, I8, I32, ConstExpr, I32, Ptr, Ptr},
                                "w2b_elem_desc");
  DataDesc = StructType::create(Ctx, {I8, ConstExpr, I32, Ptr}, "w2b_data_desc");
  Layout = StructType::create(Ctx, {I32, I32, I32, I32, I32, I32, I32},
                              "w2b_layout");
  Module = StructType::create(Ctx,
                              {Ptr, Layout,          // name, layout
                               I32, Ptr,             // imports
                               I32, I32, Ptr,        // funcs
                               I32, I32, Ptr,        // tables
                               I8, I8, Limits,       // memory
                               I32, I32, Ptr,        // globals
                               I32, Ptr,             // exports
                               I32, Ptr,             // elems
                               I32, Ptr,             // datas
                               I64, I8, I8},         // start, explicit, fixed
                              "w2b_module");
  DirGrant = StructType::create(Ctx, {Ptr, Ptr, I8}, "w2b_dir_grant");
  Policy = StructType::create(Ctx,
                              {I32, Ptr, I8,  // env, inherit_env
                               I32, Ptr,      // dirs
                               I32, Ptr},     // listen
                              "w2b_policy");
}

} // namespace wasm2bin
