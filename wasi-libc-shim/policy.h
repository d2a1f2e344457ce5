/*===- policy.h - Capabilities granted to a command executable ------------===*
 *
 * wasm2bin bakes the grants given at compile time into each executable as
 * `w2b_main_policy`; the operator can extend or override them at run time
 * with WASM2BIN_GRANTS (see docs/sandbox.md). Deny by default: no
 * directories, no sockets, no environment. Mirrored by AbiTypes::Policy and
 * AbiTypes::DirGrant in compiler/codegen/InstanceLayout.cpp (checked by
 * test/codegen/AbiLayoutTest.cpp).
 *===----------------------------------------------------------------------===*/
#ifndef WASM2BIN_WASI_POLICY_H
#define WASM2BIN_WASI_POLICY_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct w2b_dir_grant {
  const char *host_path;
  const char *guest_path;
  uint8_t read_only;
} w2b_dir_grant;

typedef struct w2b_policy {
  uint32_t num_env;
  const char *const *env; /* "KEY=VALUE" */
  uint8_t inherit_env;    /* pass the host environment through */
  uint32_t num_dirs;
  const w2b_dir_grant *dirs; /* pre-opened from fd 3 on, in order */
  uint32_t num_listen;
  const char *const *listen; /* "ADDR:PORT": listening sockets, pre-opened
                                after the directories */
} w2b_policy;

/* Emitted by wasm2bin into every command executable. */
extern const w2b_policy w2b_main_policy;

#ifdef __cplusplus
}
#endif

#endif
