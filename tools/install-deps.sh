#!/bin/sh
# Installs every build, test and benchmark dependency of wasm2bin from Debian 12 packages.
# Idempotent: apt-get skips what is already installed. Run as root.
set -eu

export DEBIAN_FRONTEND=noninteractive

# Build: LLVM/lld 19 libraries linked into wasm2bin, musl for the runtime, CLI11, GoogleTest.
BUILD="cmake ninja-build g++ clang-19 lld-19 llvm-19-dev liblld-19-dev libclang-rt-19-dev
       libcli11-dev libgtest-dev musl-dev musl-tools zlib1g-dev libzstd-dev binaryen file"
# Examples and tests: C -> wasm32-wasi, lit/FileCheck, wast2json, node's WASI as a reference.
TEST="llvm-19-tools wasi-libc libclang-rt-19-dev-wasm32 wabt nodejs python3"

missing=""
for p in $BUILD $TEST; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  apt-get update -q
  apt-get install -y -q --no-install-recommends $missing
fi
