// The compiler emits descriptors as LLVM constants of the AbiTypes structs;
// the runtime reads them as the C structs of abi.h. Check that both agree on
// every field offset and on the sizes, for the x86-64 data layout.
#include "codegen/InstanceLayout.h"

#include "abi.h"
#include "policy.h"

#include "llvm/IR/DataLayout.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/LLVMContext.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <vector>

using namespace wasm2bin;

namespace {

const char *X86_64Layout =
    "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:"
    "64-S128";

void expectLayout(llvm::StructType *T, size_t Size,
                  const std::vector<size_t> &Offsets) {
  llvm::DataLayout DL(X86_64Layout);
  const llvm::StructLayout *SL = DL.getStructLayout(T);
  EXPECT_EQ(SL->getSizeInBytes(), Size) << T->getName().str();
  ASSERT_EQ(T->getNumElements(), Offsets.size()) << T->getName().str();
  for (size_t I = 0; I < Offsets.size(); ++I)
    EXPECT_EQ(SL->getElementOffset(I), Offsets[I])
        << T->getName().str() << " field " << I;
}

#define OFF(S, F) offsetof(S, F)

TEST(AbiLayout, DescriptorsMatchAbiH) {
  llvm::LLVMContext Ctx;
  AbiTypes A(Ctx);
  expectLayout(A.ConstExpr, sizeof(w2b_const_expr),
               {OFF(w2b_const_expr, kind), OFF(w2b_const_expr, type),
                OFF(w2b_const_expr, index), OFF(w2b_const_expr, bits)});
  expectLayout(A.Limits, sizeof(w2b_limits),
               {OFF(w2b_limits, min), OFF(w2b_limits, max),
                OFF(w2b_limits, has_max)});
  expectLayout(A.ImportDesc, sizeof(w2b_import_desc),
               {OFF(w2b_import_desc, module), OFF(w2b_import_desc, name),
                OFF(w2b_import_desc, kind), OFF(w2b_import_desc, type),
                OFF(w2b_import_desc, is_mutable), OFF(w2b_import_desc, limits),
                OFF(w2b_import_desc, sig), OFF(w2b_import_desc, bound_code),
                OFF(w2b_import_desc, host_adapter),
                OFF(w2b_import_desc, thunk)});
  expectLayout(A.FuncDesc, sizeof(w2b_func_desc),
               {OFF(w2b_func_desc, sig), OFF(w2b_func_desc, code),
                OFF(w2b_func_desc, thunk)});
  expectLayout(A.TableDesc, sizeof(w2b_table_desc),
               {OFF(w2b_table_desc, elem_type), OFF(w2b_table_desc, limits),
                OFF(w2b_table_desc, offset)});
  expectLayout(A.GlobalDesc, sizeof(w2b_global_desc),
               {OFF(w2b_global_desc, type), OFF(w2b_global_desc, is_mutable),
                OFF(w2b_global_desc, init)});
  expectLayout(A.ExportDesc, sizeof(w2b_export_desc),
               {OFF(w2b_export_desc, name), OFF(w2b_export_desc, kind),
                OFF(w2b_export_desc, index), OFF(w2b_export_desc, name_len)});
  expectLayout(A.ElemDesc, sizeof(w2b_elem_desc),
               {OFF(w2b_elem_desc, mode), OFF(w2b_elem_desc, elem_type),
                OFF(w2b_elem_desc, table), OFF(w2b_elem_desc, offset),
                OFF(w2b_elem_desc, count), OFF(w2b_elem_desc, items),
                OFF(w2b_elem_desc, func_items)});
  expectLayout(A.DataDesc, sizeof(w2b_data_desc),
               {OFF(w2b_data_desc, mode), OFF(w2b_data_desc, offset),
                OFF(w2b_data_desc, size), OFF(w2b_data_desc, bytes)});
  expectLayout(A.Layout, sizeof(w2b_layout),
               {OFF(w2b_layout, funcs), OFF(w2b_layout, own_funcs),
                OFF(w2b_layout, tables), OFF(w2b_layout, imported_globals),
                OFF(w2b_layout, own_globals), OFF(w2b_layout, dropped),
                OFF(w2b_layout, size)});
  expectLayout(
      A.Module, sizeof(w2b_module),
      {OFF(w2b_module, name), OFF(w2b_module, layout),
       OFF(w2b_module, num_imports), OFF(w2b_module, imports),
       OFF(w2b_module, num_funcs), OFF(w2b_module, num_imported_funcs),
       OFF(w2b_module, funcs), OFF(w2b_module, num_tables),
       OFF(w2b_module, num_imported_tables), OFF(w2b_module, tables),
       OFF(w2b_module, has_memory), OFF(w2b_module, memory_imported),
       OFF(w2b_module, memory_limits), OFF(w2b_module, num_globals),
       OFF(w2b_module, num_imported_globals), OFF(w2b_module, globals),
       OFF(w2b_module, num_exports), OFF(w2b_module, exports),
       OFF(w2b_module, num_elems), OFF(w2b_module, elems),
       OFF(w2b_module, num_datas), OFF(w2b_module, datas),
       OFF(w2b_module, start), OFF(w2b_module, explicit_bounds_checks),
       OFF(w2b_module, memory_fixed_base)});
  expectLayout(A.DirGrant, sizeof(w2b_dir_grant),
               {OFF(w2b_dir_grant, host_path), OFF(w2b_dir_grant, guest_path),
                OFF(w2b_dir_grant, read_only)});
  expectLayout(A.Policy, sizeof(w2b_policy),
               {OFF(w2b_policy, num_env), OFF(w2b_policy, env),
                OFF(w2b_policy, inherit_env), OFF(w2b_policy, num_dirs),
                OFF(w2b_policy, dirs), OFF(w2b_policy, num_listen),
                OFF(w2b_policy, listen)});
}

} // namespace
