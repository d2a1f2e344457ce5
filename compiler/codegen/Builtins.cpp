//===- Builtins.cpp - Declarations generated from builtins.def and ---------===//
//                    wasi_functions.def
//===----------------------------------------------------------------------===//
#include "Builtins.h"

#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace wasm2bin {

namespace {
// Type tokens of the .def files.
enum class Tok { void_, i32, i64, ptr, inst };
#define W2B_TOK_void Tok::void_
#define W2B_TOK_i32 Tok::i32
#define W2B_TOK_i64 Tok::i64
#define W2B_TOK_ptr Tok::ptr
#define W2B_TOK_inst Tok::inst
#define W2B_TOK_ /* an empty parameter list, e.g. sched_yield */

Type *tokType(LLVMContext &Ctx, Tok T) {
  switch (T) {
  case Tok::void_: return Type::getVoidTy(Ctx);
  case Tok::i32: return Type::getInt32Ty(Ctx);
  case Tok::i64: return Type::getInt64Ty(Ctx);
  case Tok::ptr:
  case Tok::inst: return PointerType::get(Ctx, 0);
  }
  return nullptr;
}

struct Signature {
  const char *name;
  Tok result;
  std::initializer_list<Tok> params;
};

// Maps a comma-separated list of tokens to {Tok::..., ...}.
#define W2B_T1(a) W2B_TOK_##a
#define W2B_TOKS_N(...) W2B_FOR_EACH(W2B_T1, __VA_ARGS__)
#define W2B_FE_1(m, a) m(a)
#define W2B_FE_2(m, a, ...) m(a), W2B_FE_1(m, __VA_ARGS__)
#define W2B_FE_3(m, a, ...) m(a), W2B_FE_2(m, __VA_ARGS__)
#define W2B_FE_4(m, a, ...) m(a), W2B_FE_3(m, __VA_ARGS__)
#define W2B_FE_5(m, a, ...) m(a), W2B_FE_4(m, __VA_ARGS__)
#define W2B_FE_6(m, a, ...) m(a), W2B_FE_5(m, __VA_ARGS__)
#define W2B_FE_7(m, a, ...) m(a), W2B_FE_6(m, __VA_ARGS__)
#define W2B_FE_8(m, a, ...) m(a), W2B_FE_7(m, __VA_ARGS__)
#define W2B_FE_9(m, a, ...) m(a), W2B_FE_8(m, __VA_ARGS__)
#define W2B_FE_PICK(_1, _2, _3, _4, _5, _6, _7, _8, _9, N, ...) N
#define W2B_FOR_EACH(m, ...)                                                   \
  W2B_FE_PICK(__VA_ARGS__, W2B_FE_9, W2B_FE_8, W2B_FE_7, W2B_FE_6, W2B_FE_5,   \
              W2B_FE_4, W2B_FE_3, W2B_FE_2, W2B_FE_1, )                        \
  (m, __VA_ARGS__)

const Signature BuiltinSigs[] = {
#define W2B_BUILTIN(Name, Result, ...)                                         \
  {"w2b_" #Name, W2B_TOK_##Result, {W2B_TOKS_N(__VA_ARGS__)}},
#include "builtins.def"
};

// WASI functions: the caller's instance comes first, then the Wasm params.
const Signature WasiSigs[] = {
#define WASI_FUNCTION(Name, Result, ...)                                       \
  {#Name, W2B_TOK_##Result, {W2B_TOKS_N(__VA_ARGS__)}},
#include "wasi_functions.def"
};

FunctionType *llvmSig(LLVMContext &Ctx, const Signature &S, bool WithInst) {
  std::vector<Type *> Params;
  if (WithInst)
    Params.push_back(PointerType::get(Ctx, 0));
  for (Tok T : S.params)
    Params.push_back(tokType(Ctx, T));
  return FunctionType::get(tokType(Ctx, S.result), Params, false);
}

llvm::Function *declare(Module &M, StringRef Name, FunctionType *FT) {
  FunctionCallee C = M.getOrInsertFunction(Name, FT);
  auto *F = cast<Function>(C.getCallee());
  F->addFnAttr(Attribute::NoUnwind);
  return F;
}
} // namespace

llvm::Function *getBuiltin(Module &M, Builtin B) {
  const Signature &S = BuiltinSigs[static_cast<unsigned>(B)];
  llvm::Function *F = declare(M, S.name, llvmSig(M.getContext(), S, false));
  if (B == Builtin::trap) {
    F->addFnAttr(Attribute::NoReturn);
    F->addFnAttr(Attribute::Cold);
  }
  return F;
}

static Tok tokOf(ValType T) {
  switch (T) {
  case ValType::I32: return Tok::i32;
  case ValType::I64: return Tok::i64;
  default: return Tok::ptr; // never equal: WASI uses only i32/i64
  }
}

llvm::Function *getWasiFunction(Module &M, const std::string &Name,
                          const FuncType &FT, bool &TypeMismatch) {
  TypeMismatch = false;
  for (const Signature &S : WasiSigs) {
    if (Name != S.name)
      continue;
    bool Same = FT.params.size() == S.params.size() &&
                FT.results.size() == (S.result == Tok::void_ ? 0u : 1u);
    if (Same && !FT.results.empty())
      Same = tokOf(FT.results[0]) == S.result;
    for (size_t I = 0; Same && I < FT.params.size(); ++I)
      Same = tokOf(FT.params[I]) == S.params.begin()[I];
    if (!Same) {
      TypeMismatch = true;
      return nullptr;
    }
    llvm::Function *F = declare(M, "w2b_wasi_" + Name,
                          llvmSig(M.getContext(), S, /*WithInst=*/true));
    if (Name == "proc_exit")
      F->addFnAttr(Attribute::NoReturn);
    return F;
  }
  return nullptr;
}

} // namespace wasm2bin
