"""The wasm2bin benchmark harness; bench/bench.py is the entry point."""
