//===- Link.cpp - Static linking with lld, in process ---------------------===//
//
// The executable is: musl's crt1/crti, the generated objects, the runtime
// archive (which provides main), musl's libc, compiler-rt's builtins, crtn.
// wasm2bin starts no other process; lld runs as a library.
//
//===----------------------------------------------------------------------===//
#include "Backend.h"

#include "lld/Common/Driver.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

LLD_HAS_DRIVER(elf)

using namespace llvm;

namespace wasm2bin {

std::string runtimeLibDir(const CompileOptions &Opts) {
  if (!Opts.libDir.empty())
    return Opts.libDir;
  // <prefix>/bin/wasm2bin -> <prefix>/lib/wasm2bin
  static int Anchor;
  std::string Exe = sys::fs::getMainExecutable("wasm2bin", &Anchor);
  SmallString<256> Dir(sys::path::parent_path(sys::path::parent_path(Exe)));
  sys::path::append(Dir, "lib", "wasm2bin");
  return std::string(Dir);
}

/// Runs lld's ELF driver on Args (Args[0] is the program name).
static bool runLld(const std::vector<std::string> &Args, std::string &Error) {
  std::vector<const char *> Argv;
  for (const std::string &A : Args)
    Argv.push_back(A.c_str());
  std::string Out, Err;
  raw_string_ostream OutS(Out), ErrS(Err);
  lld::Result R = lld::lldMain(Argv, OutS, ErrS, {{lld::Gnu, &lld::elf::link}});
  if (R.retCode != 0) {
    Error = "link failed: " + ErrS.str();
    while (!Error.empty() && Error.back() == '\n')
      Error.pop_back();
    return false;
  }
  return true;
}

bool linkExecutable(const std::vector<std::string> &Objects,
                    const CompileOptions &Opts, std::string &Error) {
  std::string Lib = runtimeLibDir(Opts);
  auto InLib = [&](const char *Name) {
    SmallString<256> P(Lib);
    sys::path::append(P, Name);
    return std::string(P);
  };
  for (const char *Needed : {"libw2brt.a", "crt1.o", "libc.a"})
    if (!sys::fs::exists(InLib(Needed))) {
      Error = "runtime library not found: " + InLib(Needed) +
              " (build wasm2bin fully, or pass --lib-dir)";
      return false;
    }
  std::vector<std::string> Args = {"ld.lld", "-static", "-nostdlib",
                                   "--gc-sections", "-z", "noexecstack",
                                   "-o", Opts.outputPath};
  if (Opts.strip)
    Args.push_back("--strip-all");
  Args.push_back(InLib("crt1.o"));
  Args.push_back(InLib("crti.o"));
  Args.insert(Args.end(), Objects.begin(), Objects.end());
  Args.push_back(InLib("libw2brt.a"));
  Args.push_back(InLib("libc.a"));
  Args.push_back(InLib("libclang_rt.builtins.a"));
  Args.push_back(InLib("crtn.o"));

  return runLld(Args, Error);
}

bool linkRelocatable(const std::vector<std::string> &Objects,
                     const std::string &Output, std::string &Error) {
  std::vector<std::string> Args = {"ld.lld", "-r", "-o", Output};
  Args.insert(Args.end(), Objects.begin(), Objects.end());
  return runLld(Args, Error);
}

} // namespace wasm2bin
