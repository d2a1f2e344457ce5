// Embeds the plugin: instantiates it with a host function, writes into its
// memory, calls its exports, and survives a trap inside it.
// See docs/embedding.md for the build steps (examples/CMakeLists.txt runs them).
#include "plugin.h"

#include <stdio.h>
#include <string.h>

static void host_log(void *ctx, const w2b_value *args, w2b_value *results) {
  (void)ctx;
  (void)results;
  printf("plugin log: code=%d value=0x%08x\n", args[0].i32, (unsigned)args[1].i32);
}

static w2b_host_func log_func = {"ii:", host_log, NULL};

static int resolve(void *ctx, const char *module, const char *name, w2b_extern *out) {
  (void)ctx;
  if (strcmp(module, "host") == 0 && strcmp(name, "log") == 0) {
    memset(out, 0, sizeof *out);
    out->kind = W2B_EXTERN_FUNC;
    out->host = &log_func;
    return 1;
  }
  return 0;
}

int main(void) {
  w2b_instance *inst;
  w2b_error err;
  if (plugin_instantiate(resolve, NULL, &inst, &err) != W2B_OK) {
    fprintf(stderr, "instantiate: %s\n", err.message);
    return 1;
  }
  // Copy input into the plugin's buffer, inside its linear memory.
  int32_t buf;
  if (plugin_buffer(inst, &buf) != W2B_TRAP_NONE)
    return 1;
  w2b_extern mem;
  if (!w2b_lookup_export(inst, "memory", &mem))
    return 1;
  const char *text = "hello, sandbox";
  memcpy(mem.memory->base + buf, text, strlen(text));

  int32_t sum;
  w2b_trap_kind t = plugin_checksum(inst, buf, (int32_t)strlen(text), &sum);
  printf("checksum: %s 0x%08x\n", w2b_trap_message(t), (unsigned)sum);

  int32_t q;
  t = plugin_divide(inst, 7, 0, &q);
  printf("divide(7, 0): trap: %s\n", w2b_trap_message(t));
  t = plugin_divide(inst, 42, 6, &q);
  printf("divide(42, 6) after the trap: %d\n", q);
  w2b_free_instance(inst);
  return 0;
}
