//===- ValidationContext.cpp - Flattened index spaces and C.refs ----------===//

#include "ValidationContext.h"

namespace wasm2bin {

ValidationContext::ValidationContext(const Module &M) : M(M) {
  funcTypes.reserve(M.numFuncs());
  tables.reserve(M.numTables());
  globals.reserve(M.numGlobals());
  for (const Import &Imp : M.imports) {
    switch (Imp.kind) {
    case ExternKind::Func:
      funcTypes.push_back(Imp.funcType);
      break;
    case ExternKind::Table:
      tables.push_back(Imp.table);
      break;
    case ExternKind::Memory:
      break;
    case ExternKind::Global:
      globals.push_back(Imp.global);
      break;
    }
  }
  for (const Function &F : M.functions)
    funcTypes.push_back(F.typeIndex);
  tables.insert(tables.end(), M.tables.begin(), M.tables.end());
  for (const Global &G : M.globals)
    globals.push_back(G.type);
  numMemories = M.numMemories();

  declaredRefs.assign(funcTypes.size(), false);
  auto Declare = [&](const ConstExpr &E) {
    if (E.kind == ConstExpr::RefFunc && E.index < declaredRefs.size())
      declaredRefs[E.index] = true;
  };
  for (const ElemSegment &S : M.elems)
    for (const ConstExpr &Item : S.items)
      Declare(Item);
  for (const Global &G : M.globals)
    Declare(G.init);
  for (const Export &E : M.exports)
    if (E.kind == ExternKind::Func && E.index < declaredRefs.size())
      declaredRefs[E.index] = true;
}

} // namespace wasm2bin
