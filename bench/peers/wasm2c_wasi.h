/* The host instance wasm2c's generated code passes to WASI imports. */
#ifndef BENCH_WASM2C_WASI_H
#define BENCH_WASM2C_WASI_H

#include "wasm-rt.h"
#include <stdint.h>

typedef uint8_t u8;
typedef uint32_t u32;
typedef uint64_t u64;

struct Z_wasi_snapshot_preview1_instance_t {
  wasm_rt_memory_t *memory; /* the module's exported "memory" */
  int argc;                 /* guest argv (argv[0] is the program name) */
  char **argv;
};

#endif
