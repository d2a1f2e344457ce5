/* A hand-written stand-in for a module compiled by wasm2bin, linked with
 * libw2brt.a and musl exactly like a command executable (runtime_link_smoke
 * in runtime/CMakeLists.txt). Its `_start` calls the bound WASI imports
 * through its funcs[] table: fd_write("hello\n") to stdout, then
 * proc_exit(42). Exit status 42 and that output mean main(), instantiation
 * (memory, data segments, bound imports), w2b_invoke and proc_exit work. */
#include "abi.h"
#include "policy.h"
#include "wasi.h"

#include <stddef.h>
#include <string.h>

struct smoke_instance {
  w2b_instance header;
  w2b_funcref *funcs[3]; /* fd_write, proc_exit (imported), _start */
  w2b_funcref own_funcs[1];
  uint8_t dropped[2];
};

typedef int32_t (*fd_write_fn)(void *, int32_t, int32_t, int32_t, int32_t);
typedef void (*proc_exit_fn)(void *, int32_t);

static void start(w2b_instance *inst) {
  struct smoke_instance *self = (struct smoke_instance *)inst;
  w2b_funcref *fd_write = self->funcs[0], *proc_exit = self->funcs[1];
  int32_t err = ((fd_write_fn)fd_write->code)(fd_write->env, 1, 16, 1, 24);
  uint32_t written;
  memcpy(&written, inst->mem_base + 24, 4);
  ((proc_exit_fn)proc_exit->code)(proc_exit->env,
                                  err == 0 && written == 6 ? 42 : 1);
}

static void thunk_iiii_i(void *code, void *env, const w2b_value *a,
                         w2b_value *r) {
  r[0].i32 = ((fd_write_fn)code)(env, a[0].i32, a[1].i32, a[2].i32, a[3].i32);
}
static void thunk_i_(void *code, void *env, const w2b_value *a, w2b_value *r) {
  (void)r;
  ((proc_exit_fn)code)(env, a[0].i32);
}
static void thunk__(void *code, void *env, const w2b_value *a, w2b_value *r) {
  (void)a;
  (void)r;
  ((void (*)(void *))code)(env);
}

static const w2b_import_desc imports[] = {
    {"wasi_snapshot_preview1",
     "fd_write",
     W2B_EXTERN_FUNC,
     0,
     0,
     {0, 0, 0},
     "iiii:i",
     (void *)w2b_wasi_fd_write,
     NULL,
     thunk_iiii_i},
    {"wasi_snapshot_preview1",
     "proc_exit",
     W2B_EXTERN_FUNC,
     0,
     0,
     {0, 0, 0},
     "i:",
     (void *)w2b_wasi_proc_exit,
     NULL,
     thunk_i_},
};
static const w2b_func_desc funcs[] = {{":", (void *)start, thunk__}};
static const w2b_export_desc exports[] = {{"_start", W2B_EXTERN_FUNC, 2, 6}};
static const uint8_t iovec[8] = {0, 0, 0, 0, 6, 0, 0, 0};
static const w2b_data_desc datas[] = {
    {W2B_SEGMENT_ACTIVE,
     {W2B_CONST_VALUE, W2B_I32, 0, {0, 0}},
     6,
     (const uint8_t *)"hello\n"},
    {W2B_SEGMENT_ACTIVE, {W2B_CONST_VALUE, W2B_I32, 0, {16, 0}}, 8, iovec},
};

const w2b_module w2b_main_module = {
    .name = "smoke",
    .layout = {offsetof(struct smoke_instance, funcs),
               offsetof(struct smoke_instance, own_funcs),
               offsetof(struct smoke_instance, dropped),
               offsetof(struct smoke_instance, dropped),
               offsetof(struct smoke_instance, dropped),
               offsetof(struct smoke_instance, dropped),
               sizeof(struct smoke_instance)},
    .num_imports = 2,
    .imports = imports,
    .num_funcs = 3,
    .num_imported_funcs = 2,
    .funcs = funcs,
    .has_memory = 1,
    .memory_limits = {1, 1, 1},
    .num_exports = 1,
    .exports = exports,
    .num_datas = 2,
    .datas = datas,
    .start = -1,
};

const w2b_policy w2b_main_policy = {0, NULL, 0, 0, NULL};
