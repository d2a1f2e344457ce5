# lit configuration for wasm2bin.
#
# Substitutions:
#   %wasm2bin    the compiler under test
#   %wat2wasm    wabt's text-to-binary assembler (tests only)
#   %clang-wasi  clang-19 targeting wasm32-wasi with Debian's wasi-libc
#   %node-wasi   node running a .wasm under node:wasi (reference behaviour)
#   %examples    build/examples (the .wasm files built from examples/)
#   %expect-exit N cmd  succeeds iff cmd exits with status N
#   FileCheck, not, count from LLVM 19
# Features: node, fuzz-tools (wasm-opt, wasm-interp and clang-19 for
# tools/fuzz/diff_fuzz.py --check)
import os
import lit.formats

config.name = "wasm2bin"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".wat", ".c", ".test", ".wasm-hex"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py.in"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.w2b_obj_root, "lit-tests")

config.environment["PATH"] = os.pathsep.join(
    [config.w2b_bin_dir, config.llvm_tools_dir, config.environment.get("PATH", "/usr/bin:/bin")])
config.environment["PATH"] += os.pathsep + "/usr/bin:/bin"

config.substitutions.append(("%wasm2bin", os.path.join(config.w2b_bin_dir, "wasm2bin")))
config.substitutions.append(("%wat2wasm", config.wat2wasm))
config.substitutions.append(
    ("%clang-wasi", config.clang + " --target=wasm32-wasi --sysroot=/usr -O2"))
node_wasi = os.path.join(config.w2b_src_root, "tools", "node-wasi.mjs")
config.substitutions.append(
    ("%node-wasi", "%s --no-warnings --no-turbo-fast-api-calls %s" % (config.node, node_wasi)))
config.substitutions.append(
    ("%expect-exit", "python3 " + os.path.join(config.w2b_src_root, "tools", "expect-exit.py")))
# C for an embedding host (docs/embedding.md): musl, the runtime's headers.
config.substitutions.append(
    ("%clang-host", "%s --target=x86_64-linux-musl -nostdinc -isystem %s -isystem %s -I %s -O2"
     % (config.clang, config.clang_resource_include, config.musl_include,
        os.path.join(config.w2b_src_root, "runtime"))))
config.substitutions.append(("%examples", os.path.join(config.w2b_obj_root, "examples")))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))

if config.node:
    config.available_features.add("node")
# tools/fuzz/diff_fuzz.py --check: Binaryen, wabt's interpreter, clang-19.
import shutil
if all(shutil.which(t) for t in ("wasm-opt", "wasm-interp", "clang-19")):
    config.available_features.add("fuzz-tools")
