//===- wasm2bin.cpp - Command-line driver ---------------------------------===//
//
// Parses flags, reads the input, calls wasm2bin::compile and prints its
// diagnostics LLVM style. No compilation logic lives here.
//
//===----------------------------------------------------------------------===//
#include "wasm2bin/Compiler.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>

using namespace wasm2bin;

static int error(const std::string &Msg) {
  std::fprintf(stderr, "wasm2bin: error: %s\n", Msg.c_str());
  return 1;
}

static bool readFile(const std::string &Path, std::vector<uint8_t> &Out,
                     std::string &Err) {
  std::ifstream In(Path, std::ios::binary);
  if (!In) {
    Err = "cannot read " + Path + ": " + std::strerror(errno);
    return false;
  }
  Out.assign(std::istreambuf_iterator<char>(In), {});
  return true;
}

static std::string defaultOutput(const std::string &In, EmitKind K) {
  std::string Stem = In;
  if (Stem.size() > 5 && Stem.compare(Stem.size() - 5, 5, ".wasm") == 0)
    Stem.resize(Stem.size() - 5);
  switch (K) {
  case EmitKind::LLVM: return Stem + ".ll";
  case EmitKind::Obj: return Stem + ".o";
  case EmitKind::Exe: return Stem == In ? Stem + ".out" : Stem;
  }
  return Stem;
}

int main(int argc, char **argv) {
  CLI::App App{"wasm2bin: compiles a WebAssembly module into a static native "
               "executable (or an object for embedding)",
               "wasm2bin"};
  App.set_version_flag("--version", versionString());
  CompileOptions Opts;
  std::string Emit = "exe", Bounds = "guard";
  unsigned OptLevel = 2;
  std::vector<std::string> Dirs, DirsRO;

  std::vector<std::string> Inputs;
  bool Link = false;
  App.add_option("inputs", Inputs,
                 "WebAssembly module (.wasm); with --link, object files")
      ->required();
  App.add_flag("--link", Link,
               "Link object files (modules built with --emit=obj and embedder "
               "code) with the runtime into an executable");
  App.add_option("--header", Opts.headerPath,
                 "With --emit=obj: also write a C header for embedding");
  App.add_option("-o", Opts.outputPath, "Output file");
  App.add_option("-O", OptLevel, "Optimisation level 0-3 (default 2)")
      ->check(CLI::Range(0, 3));
  App.add_option("--emit", Emit, "What to produce: exe (default), obj, llvm")
      ->check(CLI::IsMember({"exe", "obj", "llvm"}));
  App.add_option("--bounds-checks", Bounds,
                 "guard: guard pages (default); explicit: compare and branch")
      ->check(CLI::IsMember({"guard", "explicit"}));
  std::string MemoryBase;
  App.add_option("--memory-base", MemoryBase,
                 "fixed: memory 0 at one address, no base register, one "
                 "instance per process (default for exe and llvm); instance: "
                 "from the instance (default for obj)")
      ->check(CLI::IsMember({"fixed", "instance"}));
  App.add_option("--target-cpu", Opts.targetCPU,
                 "CPU to select instructions for (default x86-64-v2; "
                 "'native' for this machine)");
  App.add_option("--tune-cpu", Opts.tuneCPU,
                 "CPU whose costs code generation follows, without using its "
                 "instructions (default generic; with --target-cpu=native, "
                 "this machine)");
  App.add_option("--module-name", Opts.moduleName,
                 "Library mode: the descriptor is w2b_module_<name>");
  App.add_option("--env", Opts.env,
                 "Grant the environment variable KEY=VALUE to the program")
      ->allow_extra_args(false);
  App.add_flag("--inherit-env", Opts.inheritEnv,
               "Grant the whole host environment at run time");
  CLI::Option *DirOpt =
      App.add_option("--dir", Dirs,
                     "Grant HOST[::GUEST] read-write (the guest sees GUEST)")
          ->allow_extra_args(false);
  CLI::Option *DirROOpt =
      App.add_option("--dir-ro", DirsRO, "Grant HOST[::GUEST] read-only")
          ->allow_extra_args(false);
  App.add_option("--listen", Opts.listen,
                 "Grant a TCP socket listening on ADDR:PORT (pre-opened after "
                 "the directories)")
      ->allow_extra_args(false);
  App.add_flag("-s,--strip", Opts.strip, "Strip the symbol table");
  App.add_flag("-v,--verbose", Opts.verbose, "Print the time of each phase");
  App.add_option("-j,--jobs", Opts.jobs,
                 "Threads for optimisation and code generation (default: one "
                 "per core)");
  App.add_option("--partition-min-bytes", Opts.partitionMinBytes,
                 "With more than one job, split modules with at least this "
                 "much code into partitions (default 6000; 0: every module)");
  App.add_option("--partition-max-bytes", Opts.partitionMaxBytes,
                 "Give no partition more code than this: a larger module gets "
                 "more partitions than jobs, compiled in turn (default 2 MiB)")
      ->check(CLI::Range(size_t(1), size_t(1) << 40));
  App.add_option("--lib-dir", Opts.libDir,
                 "Directory with libw2brt.a and musl (default: "
                 "<wasm2bin dir>/../lib/wasm2bin)");
  try {
    App.parse(argc, argv);
  } catch (const CLI::ParseError &E) {
    if (E.get_exit_code() == 0)
      return App.exit(E);
    return error(E.what());
  }

  Opts.optLevel = OptLevel;
  Opts.emit = Emit == "llvm"  ? EmitKind::LLVM
              : Emit == "obj" ? EmitKind::Obj
                              : EmitKind::Exe;
  Opts.boundsChecks =
      Bounds == "explicit" ? BoundsChecks::Explicit : BoundsChecks::Guard;
  // A library module may be instantiated more than once in a process; an
  // executable instantiates its module once.
  Opts.fixedMemoryBase = MemoryBase.empty() ? Opts.emit != EmitKind::Obj
                                            : MemoryBase == "fixed";
  // Directories are pre-opened in command-line order, --dir and --dir-ro
  // interleaved as given.
  size_t NextDir = 0, NextDirRO = 0;
  for (const CLI::Option *O : App.parse_order()) {
    bool ReadOnly = O == DirROOpt;
    if (O != DirOpt && !ReadOnly)
      continue;
    std::vector<std::string> &List = ReadOnly ? DirsRO : Dirs;
    size_t &Next = ReadOnly ? NextDirRO : NextDir;
    if (Next >= List.size())
      continue;
    const std::string &D = List[Next++];
    DirGrant G;
    size_t Sep = D.find("::");
    G.hostPath = D.substr(0, Sep);
    G.guestPath = Sep == std::string::npos ? D : D.substr(Sep + 2);
    G.readOnly = ReadOnly;
    if (G.hostPath.empty() || G.guestPath.empty())
      return error("--dir expects HOST[::GUEST], got '" + D + "'");
    // The same guest path granted again: the later grant replaces the
    // earlier one in its place (as at run time, see docs/sandbox.md).
    auto Same = std::find_if(Opts.dirs.begin(), Opts.dirs.end(),
                             [&](const DirGrant &Old) {
                               return Old.guestPath == G.guestPath;
                             });
    if (Same != Opts.dirs.end())
      *Same = G;
    else
      Opts.dirs.push_back(G);
  }
  for (const std::string &L : Opts.listen) {
    size_t Colon = L.rfind(':');
    if (Colon == std::string::npos || Colon == 0 || Colon + 1 == L.size() ||
        L.find_first_not_of("0123456789", Colon + 1) != std::string::npos)
      return error("--listen expects ADDR:PORT, got '" + L + "'");
  }
  for (const std::string &E : Opts.env)
    if (E.find('=') == std::string::npos)
      return error("--env expects KEY=VALUE, got '" + E + "'");
  if (Link) {
    if (Opts.outputPath.empty())
      return error("--link needs -o");
    CompileResult R = linkObjects(Inputs, Opts);
    for (const std::string &E : R.errors)
      error(E);
    return R.ok ? 0 : 1;
  }
  if (Inputs.size() != 1)
    return error("expected one input module (use --link to link objects)");
  Opts.inputPath = Inputs[0];
  if (!Opts.headerPath.empty() && Opts.emit != EmitKind::Obj)
    return error("--header needs --emit=obj");
  if (Opts.outputPath.empty())
    Opts.outputPath = defaultOutput(Opts.inputPath, Opts.emit);

  std::vector<uint8_t> Bytes;
  std::string Err;
  if (!readFile(Opts.inputPath, Bytes, Err))
    return error(Err);

  CompileResult R = compile(std::move(Bytes), Opts);
  if (Opts.verbose) {
    double Total = 0;
    for (auto &[Phase, Ms] : R.phaseMs) {
      std::fprintf(stderr, "wasm2bin: %-9s %9.2f ms\n", Phase.c_str(), Ms);
      Total += Ms;
    }
    std::fprintf(stderr, "wasm2bin: %-9s %9.2f ms\n", "total", Total);
    for (const std::string &P : R.partitions)
      std::fprintf(stderr, "wasm2bin:   %s\n", P.c_str());
  }
  for (const std::string &E : R.errors)
    error(E);
  return R.ok ? 0 : 1;
}
