/* main() for a WASI command translated by wasm2c with `-n app`: instantiate,
 * point the WASI host at the exported memory, run _start, map a trap to the
 * same "wasm trap" + exit 134 convention wasm2bin uses. */
#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "wasm-rt-impl.h"
#include "wasm2c_wasi.h"

int main(int argc, char **argv) {
  static Z_app_instance_t instance;
  static struct Z_wasi_snapshot_preview1_instance_t wasi;
  wasm_rt_init();
  Z_app_init_module();
  Z_app_instantiate(&instance, &wasi);
  wasi.memory = Z_appZ_memory(&instance);
  wasi.argc = argc;
  wasi.argv = argv;
  wasm_rt_trap_t trap = (wasm_rt_trap_t)wasm_rt_impl_try();
  if (trap != WASM_RT_TRAP_NONE) {
    fprintf(stderr, "wasm trap: %s\n", wasm_rt_strerror(trap));
    return 134;
  }
  Z_appZ__start(&instance);
  return 0;
}
