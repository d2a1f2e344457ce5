#!/bin/sh
# README command (2): installs dependencies (idempotent), builds wasm2bin and
# runs every test through ctest: GoogleTest units, lit tests, the front-end
# conformance check and the spec suite. Ends with ctest's summary.
set -eu
cd "$(dirname "$0")/.."
./tools/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build
ctest --test-dir build --output-on-failure -j2
