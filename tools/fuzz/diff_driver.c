/*===- diff_driver.c - Runs every export of a module, for diff_fuzz.py ----===*
 *
 * Linked with one module compiled by
 *   wasm2bin --emit=obj --module-name=m m.wasm -o m.o
 *   wasm2bin --link diff_driver.o m.o -o prog
 * It instantiates w2b_module_m, giving every imported function a host
 * function that prints its arguments and returns zeros (Binaryen's
 * fuzzing-support.log-* imports and wasm-interp's --dummy-import-func behave
 * alike), and imported memories, tables and globals of the declared type.
 * Then it calls each exported function in export order with zero arguments,
 * on the same instance, and prints one line per event. As Binaryen's
 * fuzz-exec does, an export named "hangLimitInitializer" (wasm-opt -ttf
 * adds it to reset the global that bounds loops and recursion) is called,
 * silently, before every other export.
 *
 *
 *   instantiate trap <message>      a segment or the start function trapped
 *   call <export>
 *   host <module>.<name> <values>   an import was called
 *   result <export> <values>        the export returned
 *   trap <export> <message>         the export trapped (the spec's message)
 *
 * Values are <type>:<bits>, separated by spaces: i32:<unsigned decimal>,
 * i64:<unsigned decimal>, f32:<hex bits>, f64:<hex bits>, v128:<32 hex
 * digits, lane 0 first>, funcref/externref:null|ref.
 *===----------------------------------------------------------------------===*/
#include "w2b.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const w2b_module w2b_module_m;

typedef struct host_import {
  w2b_host_func func;
  const char *module, *name;
} host_import;

static void print_value(uint8_t type, const w2b_value *v) {
  uint32_t f32;
  uint64_t f64;
  switch (type) {
  case W2B_I32:
    printf(" i32:%" PRIu32, (uint32_t)v->i32);
    break;
  case W2B_I64:
    printf(" i64:%" PRIu64, (uint64_t)v->i64);
    break;
  case W2B_F32:
    memcpy(&f32, &v->f32, 4);
    printf(" f32:%08" PRIx32, f32);
    break;
  case W2B_F64:
    memcpy(&f64, &v->f64, 8);
    printf(" f64:%016" PRIx64, f64);
    break;
  case W2B_V128:
    printf(" v128:");
    for (int i = 0; i < 16; ++i)
      printf("%02x", v->v128[i]);
    break;
  case W2B_FUNCREF:
  case W2B_EXTERNREF:
    printf(" %s:%s", type == W2B_FUNCREF ? "funcref" : "externref",
           v->ref ? "ref" : "null");
    break;
  default:
    printf(" unknown:%u", type);
  }
}

static void host_call(void *ctx, const w2b_value *args, w2b_value *results) {
  const host_import *h = ctx;
  uint32_t np = 0, nr = 0;
  w2b_sig_arity(h->func.sig, &np, &nr);
  printf("host %s.%s", h->module, h->name);
  for (uint32_t i = 0; i < np; ++i)
    print_value(w2b_sig_param(h->func.sig, i), &args[i]);
  printf("\n");
  memset(results, 0, sizeof(w2b_value) * nr);
}

static int resolve(void *ctx, const char *module, const char *name, w2b_extern *out) {
  const w2b_module *m = &w2b_module_m;
  host_import *hosts = ctx;
  memset(out, 0, sizeof *out);
  for (uint32_t i = 0; i < m->num_imports; ++i) {
    const w2b_import_desc *d = &m->imports[i];
    if (strcmp(d->module, module) || strcmp(d->name, name))
      continue;
    out->kind = d->kind;
    switch (d->kind) {
    case W2B_EXTERN_FUNC:
      hosts[i].func.sig = d->sig;
      hosts[i].func.fn = host_call;
      hosts[i].func.ctx = &hosts[i];
      hosts[i].module = d->module;
      hosts[i].name = d->name;
      out->host = &hosts[i].func;
      return 1;
    case W2B_EXTERN_MEMORY:
      out->memory = w2b_new_memory(&d->limits);
      return out->memory != NULL;
    case W2B_EXTERN_TABLE:
      out->table = w2b_new_table(d->type, &d->limits);
      return out->table != NULL;
    case W2B_EXTERN_GLOBAL:
      out->global = calloc(1, sizeof(w2b_value));
      out->global_type = d->type;
      out->global_mutable = d->is_mutable;
      return 1;
    }
  }
  return 0;
}

int main(void) {
  const w2b_module *m = &w2b_module_m;
  setvbuf(stdout, NULL, _IOLBF, 0);
  host_import *hosts = calloc(m->num_imports + 1, sizeof(host_import));
  w2b_instance *inst = NULL;
  w2b_error err;
  w2b_status st = w2b_instantiate(m, resolve, hosts, &inst, &err);
  if (st == W2B_TRAPPED) {
    printf("instantiate trap %s\n", w2b_trap_message(err.trap));
    return 0;
  }
  if (st != W2B_OK) {
    printf("instantiate error %s\n", err.message);
    return 2;
  }
  w2b_extern hang;
  int has_hang = w2b_lookup_export(inst, "hangLimitInitializer", &hang) && hang.func &&
                 strcmp(hang.func->sig, ":") == 0;
  for (uint32_t e = 0; e < m->num_exports; ++e) {
    const w2b_export_desc *x = &m->exports[e];
    w2b_extern ext;
    if (x->kind != W2B_EXTERN_FUNC || !w2b_lookup_export(inst, x->name, &ext) || !ext.func)
      continue;
    if (has_hang && w2b_invoke(hang.func, NULL, NULL) != W2B_TRAP_NONE)
      printf("trap hangLimitInitializer\n");
    uint32_t np = 0, nr = 0;
    w2b_sig sig = ext.func->sig;
    w2b_sig_arity(sig, &np, &nr);
    w2b_value *args = calloc(np + 1, sizeof(w2b_value));
    w2b_value *results = calloc(nr + 1, sizeof(w2b_value));
    printf("call %s\n", x->name);
    w2b_trap_kind t = w2b_invoke(ext.func, args, results);
    if (t != W2B_TRAP_NONE) {
      printf("trap %s %s\n", x->name, w2b_trap_message(t));
    } else {
      printf("result %s", x->name);
      for (uint32_t i = 0; i < nr; ++i)
        print_value(w2b_sig_result(sig, i), &results[i]);
      printf("\n");
    }
    free(args);
    free(results);
  }
  return 0;
}
