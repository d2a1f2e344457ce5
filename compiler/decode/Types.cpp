//===- Types.cpp - Names and sizes of WebAssembly types -------------------===//

#include "wasm2bin/Types.h"

namespace wasm2bin {

const char *valTypeName(ValType T) {
  switch (T) {
  case ValType::None:
    return "none";
  case ValType::I32:
    return "i32";
  case ValType::I64:
    return "i64";
  case ValType::F32:
    return "f32";
  case ValType::F64:
    return "f64";
  case ValType::V128:
    return "v128";
  case ValType::FuncRef:
    return "funcref";
  case ValType::ExternRef:
    return "externref";
  }
  return "<invalid type>";
}

unsigned valTypeSize(ValType T) {
  switch (T) {
  case ValType::None:
    return 0;
  case ValType::I32:
  case ValType::F32:
    return 4;
  case ValType::I64:
  case ValType::F64:
    return 8;
  case ValType::V128:
    return 16;
  case ValType::FuncRef:
  case ValType::ExternRef:
    return sizeof(void *);
  }
  return 0;
}

static void appendTypeList(std::string &Out, const std::vector<ValType> &Ts) {
  Out += '(';
  for (size_t I = 0; I < Ts.size(); ++I) {
    if (I)
      Out += ", ";
    Out += valTypeName(Ts[I]);
  }
  Out += ')';
}

std::string FuncType::str() const {
  std::string Out;
  appendTypeList(Out, params);
  Out += " -> ";
  appendTypeList(Out, results);
  return Out;
}

const char *externKindName(ExternKind K) {
  switch (K) {
  case ExternKind::Func:
    return "func";
  case ExternKind::Table:
    return "table";
  case ExternKind::Memory:
    return "memory";
  case ExternKind::Global:
    return "global";
  }
  return "<invalid kind>";
}

} // namespace wasm2bin
