/*===- driver.c - Runs one converted .wast script against compiled modules -===*
 *
 * The spec runner (run_spec.py) compiles every module of a .wast file with
 * `wasm2bin --emit=obj`, generates a table of their descriptors
 * (spec_modules[], see run_spec.py) and links both with this driver through
 * `wasm2bin --link`. The driver then reads the script that run_spec.py wrote
 * (argv[1]), one command per line:
 *
 *   ID LINE module N NAME             instantiate spec_modules[N]; NAME or -
 *   ID LINE register AS NAME          make NAME's (or -: the current) exports
 *                                     importable as module AS
 *   ID LINE action INST ACTION        the action must not trap
 *   ID LINE return INST ACTION -> V*  results must match the expected values
 *   ID LINE trap INST ACTION MESSAGE  must trap with MESSAGE
 *   ID LINE exhaustion INST ACTION MESSAGE
 *   ID LINE unlinkable N MESSAGE      instantiation must fail to link
 *   ID LINE uninstantiable N MESSAGE  instantiation must trap with MESSAGE
 *
 * where INST is - (the current module) or a module NAME, and ACTION is
 * `invoke FIELD NARGS ARG*` or `get FIELD`. Names, fields and messages are
 * a quote followed by the text percent-encoded (no spaces; ' alone is the
 * empty string). Values are TYPE:BITS with BITS in hex
 * (i32, i64, f32, f64, externref, funcref; `null` for a null reference),
 * `f32:nan:canonical` and `f32:nan:arithmetic` (likewise f64) as expected
 * values, and `v128:LANE:L0,L1,...` with LANE in i8 i16 i32 i64 f32 f64;
 * an expected value may list alternatives separated by `|`.
 *
 * For every command it prints `ID ok` or `ID fail REASON` on stdout, flushed,
 * so that run_spec.py can tell which command a crash interrupted.
 *
 * The `spectest` module is provided here as the spec interpreter defines it:
 * print functions, global_i32/i64 (666), global_f32/f64 (666.6), a funcref
 * table (10, max 20) and a memory (1 page, max 2).
 *
 * Built for musl like the runtime; instances are never freed, since a module
 * that failed to instantiate may have written references to its functions
 * into another module's table (the spec's partially initialised state).
 *===----------------------------------------------------------------------===*/
#include "w2b.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const w2b_module *const spec_modules[];
extern const uint32_t spec_num_modules;

enum { MAX_TOKENS = 4096, MAX_NAMED = 256, MAX_VALUES = 64 };

/* --- Instances and registered names ------------------------------------- */

typedef struct named_instance {
  char *name;
  w2b_instance *inst;
} named_instance;

static named_instance named[MAX_NAMED];     /* $name -> instance */
static uint32_t num_named;
static named_instance registered[MAX_NAMED]; /* register "as" -> instance */
static uint32_t num_registered;
static w2b_instance *current;

static w2b_instance *find(named_instance *list, uint32_t n, const char *name) {
  for (uint32_t i = n; i-- > 0;) /* the latest binding wins */
    if (strcmp(list[i].name, name) == 0)
      return list[i].inst;
  return NULL;
}

static void bind(named_instance *list, uint32_t *n, const char *name,
                 w2b_instance *inst) {
  if (*n == MAX_NAMED) {
    fprintf(stderr, "driver: too many names\n");
    exit(2);
  }
  list[*n].name = strdup(name);
  list[*n].inst = inst;
  ++*n;
}

/* --- The spectest module ---------------------------------------------------- */

static void host_print(void *ctx, const w2b_value *args, w2b_value *results) {
  (void)ctx, (void)args, (void)results; /* output is not checked */
}

static const struct {
  const char *name;
  w2b_host_func func;
} spectest_funcs[] = {
    {"print", {":", host_print, NULL}},
    {"print_i32", {"i:", host_print, NULL}},
    {"print_i64", {"I:", host_print, NULL}},
    {"print_f32", {"f:", host_print, NULL}},
    {"print_f64", {"F:", host_print, NULL}},
    {"print_i32_f32", {"if:", host_print, NULL}},
    {"print_f64_f64", {"FF:", host_print, NULL}},
};

static w2b_value global_i32, global_i64, global_f32, global_f64;
static w2b_table *spectest_table;
static w2b_memory *spectest_memory;

static void init_spectest(void) {
  global_i32.i32 = 666;
  global_i64.i64 = 666;
  global_f32.f32 = 666.6f;
  global_f64.f64 = 666.6;
  w2b_limits table_limits = {10, 20, 1}, memory_limits = {1, 2, 1};
  spectest_table = w2b_new_table(W2B_FUNCREF, &table_limits);
  spectest_memory = w2b_new_memory(&memory_limits);
  if (!spectest_table || !spectest_memory) {
    fprintf(stderr, "driver: cannot create the spectest table and memory\n");
    exit(2);
  }
}

static int resolve_spectest(const char *name, w2b_extern *out) {
  for (size_t i = 0; i < sizeof spectest_funcs / sizeof spectest_funcs[0]; ++i)
    if (strcmp(name, spectest_funcs[i].name) == 0) {
      out->kind = W2B_EXTERN_FUNC;
      out->host = (w2b_host_func *)&spectest_funcs[i].func;
      return 1;
    }
  static const struct {
    const char *name;
    w2b_value *cell;
    uint8_t type;
  } globals[] = {{"global_i32", &global_i32, W2B_I32},
                 {"global_i64", &global_i64, W2B_I64},
                 {"global_f32", &global_f32, W2B_F32},
                 {"global_f64", &global_f64, W2B_F64}};
  for (size_t i = 0; i < sizeof globals / sizeof globals[0]; ++i)
    if (strcmp(name, globals[i].name) == 0) {
      out->kind = W2B_EXTERN_GLOBAL;
      out->global = globals[i].cell;
      out->global_type = globals[i].type;
      out->global_mutable = 0;
      return 1;
    }
  if (strcmp(name, "table") == 0) {
    out->kind = W2B_EXTERN_TABLE;
    out->table = spectest_table;
    return 1;
  }
  if (strcmp(name, "memory") == 0) {
    out->kind = W2B_EXTERN_MEMORY;
    out->memory = spectest_memory;
    return 1;
  }
  return 0;
}

static int resolve(void *ctx, const char *module, const char *name,
                   w2b_extern *out) {
  (void)ctx;
  memset(out, 0, sizeof *out);
  w2b_instance *inst = find(registered, num_registered, module);
  if (inst)
    return w2b_lookup_export(inst, name, out);
  if (strcmp(module, "spectest") == 0)
    return resolve_spectest(name, out);
  return 0;
}

/* --- Values ------------------------------------------------------------------ */

/* Host references `ref.extern N`: any non-null pointer unique to N. */
static void *host_ref(uint64_t n) { return (void *)(uintptr_t)(n + 1); }

static uint8_t type_of(const char *t, size_t len) {
  static const struct {
    const char *name;
    uint8_t type;
  } types[] = {{"i32", W2B_I32},       {"i64", W2B_I64},
               {"f32", W2B_F32},       {"f64", W2B_F64},
               {"v128", W2B_V128},     {"funcref", W2B_FUNCREF},
               {"externref", W2B_EXTERNREF}};
  for (size_t i = 0; i < sizeof types / sizeof types[0]; ++i)
    if (strlen(types[i].name) == len && memcmp(types[i].name, t, len) == 0)
      return types[i].type;
  return 0;
}

static const char *type_name(uint8_t type) {
  switch (type) {
  case W2B_I32: return "i32";
  case W2B_I64: return "i64";
  case W2B_F32: return "f32";
  case W2B_F64: return "f64";
  case W2B_V128: return "v128";
  case W2B_FUNCREF: return "funcref";
  case W2B_EXTERNREF: return "externref";
  default: return "?";
  }
}

/* Parses an argument value (no NaN patterns, no alternatives). */
static int parse_arg(const char *s, uint8_t *type, w2b_value *v) {
  const char *colon = strchr(s, ':');
  if (!colon)
    return 0;
  memset(v, 0, sizeof *v);
  *type = type_of(s, (size_t)(colon - s));
  const char *bits = colon + 1;
  switch (*type) {
  case W2B_I32:
  case W2B_F32: {
    uint32_t x = (uint32_t)strtoull(bits, NULL, 16);
    memcpy(v, &x, 4);
    return 1;
  }
  case W2B_I64:
  case W2B_F64: {
    uint64_t x = strtoull(bits, NULL, 16);
    memcpy(v, &x, 8);
    return 1;
  }
  case W2B_FUNCREF:
  case W2B_EXTERNREF:
    v->ref = strcmp(bits, "null") == 0 ? NULL
                                       : host_ref(strtoull(bits, NULL, 16));
    return 1;
  case W2B_V128: {
    /* v128:LANE:l0,l1,... */
    const char *lanes = strchr(bits, ':');
    if (!lanes)
      return 0;
    int width = atoi(bits + 1); /* i8 -> 8, f32 -> 32, ... */
    int n = 128 / width;
    const char *p = lanes + 1;
    for (int i = 0; i < n; ++i) {
      uint64_t x = strtoull(p, (char **)&p, 16);
      memcpy(v->v128 + i * (width / 8), &x, (size_t)(width / 8));
      if (*p == ',')
        ++p;
    }
    return 1;
  }
  default:
    return 0;
  }
}

static int is_nan_pattern(const char *bits, int width, uint64_t got) {
  uint64_t exp_mask = width == 32 ? 0x7f800000u : 0x7ff0000000000000ull;
  uint64_t quiet = width == 32 ? 0x00400000u : 0x0008000000000000ull;
  uint64_t sign = width == 32 ? 0x80000000u : 0x8000000000000000ull;
  if (strcmp(bits, "nan:canonical") == 0)
    return (got & ~sign) == (exp_mask | quiet);
  /* nan:arithmetic: a NaN with the quiet bit set, any payload */
  return (got & (exp_mask | quiet)) == (exp_mask | quiet);
}

/* Does one lane (or scalar) of `width` bits match the expected text? */
static int lane_matches(const char *bits, int is_float, int width,
                        uint64_t got) {
  if (is_float && strncmp(bits, "nan:", 4) == 0)
    return is_nan_pattern(bits, width, got);
  uint64_t want = strtoull(bits, NULL, 16);
  uint64_t mask = width == 64 ? ~0ull : (1ull << width) - 1;
  return (got & mask) == (want & mask);
}

/* Does the value (of type `type`) match one expected alternative? */
static int matches_one(const char *exp, size_t len, uint8_t type,
                       const w2b_value *v) {
  char buf[1024];
  if (len >= sizeof buf)
    return 0;
  memcpy(buf, exp, len);
  buf[len] = '\0';
  char *colon = strchr(buf, ':');
  if (!colon || type_of(buf, (size_t)(colon - buf)) != type)
    return 0;
  const char *bits = colon + 1;
  switch (type) {
  case W2B_I32:
  case W2B_F32: {
    uint32_t x;
    memcpy(&x, v, 4);
    return lane_matches(bits, type == W2B_F32, 32, x);
  }
  case W2B_I64:
  case W2B_F64: {
    uint64_t x;
    memcpy(&x, v, 8);
    return lane_matches(bits, type == W2B_F64, 64, x);
  }
  case W2B_FUNCREF:
  case W2B_EXTERNREF:
    if (strcmp(bits, "null") == 0)
      return v->ref == NULL;
    if (type == W2B_FUNCREF)
      return v->ref != NULL; /* any non-null function reference */
    return v->ref == host_ref(strtoull(bits, NULL, 16));
  case W2B_V128: {
    char *lanes = strchr(bits, ':');
    if (!lanes)
      return 0;
    *lanes++ = '\0';
    int is_float = bits[0] == 'f';
    int width = atoi(bits + 1);
    int n = 128 / width;
    char *p = lanes;
    for (int i = 0; i < n; ++i) {
      char *end = strchr(p, ',');
      if (end)
        *end = '\0';
      uint64_t got = 0;
      memcpy(&got, v->v128 + i * (width / 8), (size_t)(width / 8));
      if (!lane_matches(p, is_float, width, got))
        return 0;
      if (!end) {
        if (i != n - 1)
          return 0;
        break;
      }
      p = end + 1;
    }
    return 1;
  }
  default:
    return 0;
  }
}

static int matches(const char *exp, uint8_t type, const w2b_value *v) {
  for (;;) {
    const char *bar = strchr(exp, '|');
    size_t len = bar ? (size_t)(bar - exp) : strlen(exp);
    if (matches_one(exp, len, type, v))
      return 1;
    if (!bar)
      return 0;
    exp = bar + 1;
  }
}

/* Formats a result for failure messages. */
static void format_value(char *out, size_t size, uint8_t type,
                         const w2b_value *v) {
  switch (type) {
  case W2B_I32:
  case W2B_F32: {
    uint32_t x;
    memcpy(&x, v, 4);
    snprintf(out, size, "%s:%x", type_name(type), x);
    break;
  }
  case W2B_I64:
  case W2B_F64: {
    uint64_t x;
    memcpy(&x, v, 8);
    snprintf(out, size, "%s:%llx", type_name(type), (unsigned long long)x);
    break;
  }
  case W2B_V128: {
    uint32_t l[4];
    memcpy(l, v->v128, 16);
    snprintf(out, size, "v128:i32:%x,%x,%x,%x", l[0], l[1], l[2], l[3]);
    break;
  }
  case W2B_FUNCREF:
  case W2B_EXTERNREF:
    if (!v->ref)
      snprintf(out, size, "%s:null", type_name(type));
    else
      snprintf(out, size, "%s:%p", type_name(type), v->ref);
    break;
  default:
    snprintf(out, size, "?");
  }
}

/* --- Script ------------------------------------------------------------------ */

/* Decodes a string token in place: a quote, then the text with %XX escapes
 * (so that the empty string is a token too). The length is the result of
 * unescape_n: Wasm names may contain NUL. */
static size_t unescape_n(char *s) {
  char *w = s;
  for (const char *r = s + (*s == '\''); *r; ++r) {
    if (r[0] == '%' && r[1] && r[2]) {
      char hex[3] = {r[1], r[2], 0};
      *w++ = (char)strtoul(hex, NULL, 16);
      r += 2;
    } else {
      *w++ = *r;
    }
  }
  *w = '\0';
  return (size_t)(w - s);
}

static char *unescape(char *s) {
  unescape_n(s);
  return s;
}

typedef struct command {
  char *id;
  char **tok; /* after ID LINE KIND */
  int ntok;
} command;

static char reason[4096];

static int failf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int failf(const char *fmt, ...) {
  __builtin_va_list ap;
  __builtin_va_start(ap, fmt);
  vsnprintf(reason, sizeof reason, fmt, ap);
  __builtin_va_end(ap);
  return 0;
}

/* The spec's messages and ours differ in detail ("unreachable" vs
 * "unreachable executed", "uninitialized element 2" vs "uninitialized
 * element"): they match if one is a prefix of the other. */
static int messages_match(const char *expected, const char *got) {
  size_t e = strlen(expected), g = strlen(got);
  size_t n = e < g ? e : g;
  return n > 0 && strncmp(expected, got, n) == 0;
}

static w2b_instance *instance_ref(const char *ref) {
  if (strcmp(ref, "-") == 0)
    return current;
  return find(named, num_named, unescape(ref));
}

/* Runs the action at tok[*i...]; on success fills results/types. Returns 0
 * (with reason set) if the action could not be performed, else 1 with
 * *trap set. */
static int run_action(command *c, int *i, w2b_trap_kind *trap,
                      w2b_value *results, uint8_t *types, uint32_t *nresults) {
  if (*i + 2 > c->ntok)
    return failf("malformed action");
  const char *inst_name = c->tok[(*i)++];
  const char *verb = c->tok[(*i)++];
  char *field = c->tok[(*i)++];
  size_t field_len = unescape_n(field);
  w2b_instance *inst = instance_ref(inst_name);
  if (!inst)
    return failf("no module %s", inst_name);
  w2b_extern ext;
  if (!w2b_lookup_export_n(inst, field, field_len, &ext))
    return failf("no export \"%s\"", field);
  *trap = W2B_TRAP_NONE;
  if (strcmp(verb, "get") == 0) {
    if (ext.kind != W2B_EXTERN_GLOBAL)
      return failf("export \"%s\" is not a global", field);
    results[0] = *ext.global;
    types[0] = ext.global_type;
    *nresults = 1;
    return 1;
  }
  if (ext.kind != W2B_EXTERN_FUNC)
    return failf("export \"%s\" is not a function", field);
  int nargs = atoi(c->tok[(*i)++]);
  w2b_value args[MAX_VALUES];
  uint32_t np, nr;
  if (nargs > MAX_VALUES || !w2b_sig_arity(ext.func->sig, &np, &nr) ||
      np != (uint32_t)nargs || nr > MAX_VALUES)
    return failf("export \"%s\" has signature %s, called with %d arguments",
                 field, ext.func->sig, nargs);
  for (int k = 0; k < nargs; ++k) {
    uint8_t t;
    if (*i >= c->ntok || !parse_arg(c->tok[(*i)++], &t, &args[k]))
      return failf("bad argument %d", k);
    if (t != w2b_sig_param(ext.func->sig, (uint32_t)k))
      return failf("argument %d has type %s, \"%s\" takes %s", k, type_name(t),
                   field, ext.func->sig);
  }
  memset(results, 0, sizeof(w2b_value) * MAX_VALUES);
  *trap = w2b_invoke(ext.func, args, results);
  *nresults = nr;
  for (uint32_t k = 0; k < nr; ++k)
    types[k] = w2b_sig_result(ext.func->sig, k);
  return 1;
}

static const w2b_module *module_at(const char *index) {
  long n = atol(index);
  if (n < 0 || (uint32_t)n >= spec_num_modules)
    return NULL;
  return spec_modules[n];
}

static int run_command(const char *kind, command *c) {
  w2b_value results[MAX_VALUES];
  uint8_t types[MAX_VALUES];
  uint32_t nresults = 0;
  w2b_trap_kind trap;
  int i = 0;

  if (strcmp(kind, "module") == 0) {
    const w2b_module *m = module_at(c->tok[0]);
    current = NULL; /* commands after a failed module have none */
    if (!m)
      return failf("module was not compiled");
    w2b_instance *inst;
    w2b_error err;
    w2b_status s = w2b_instantiate(m, resolve, NULL, &inst, &err);
    if (s != W2B_OK)
      return failf("instantiation failed: %s", err.message);
    current = inst;
    if (strcmp(c->tok[1], "-") != 0)
      bind(named, &num_named, unescape(c->tok[1]), inst);
    return 1;
  }
  if (strcmp(kind, "register") == 0) {
    const char *as = unescape(c->tok[0]);
    w2b_instance *inst = instance_ref(c->tok[1]);
    if (!inst)
      return failf("no module %s to register", c->tok[1]);
    bind(registered, &num_registered, as, inst);
    return 1;
  }
  if (strcmp(kind, "unlinkable") == 0 || strcmp(kind, "uninstantiable") == 0) {
    const w2b_module *m = module_at(c->tok[0]);
    const char *expected = unescape(c->tok[1]);
    if (!m)
      return failf("module was not compiled");
    w2b_instance *inst;
    w2b_error err;
    w2b_status s = w2b_instantiate(m, resolve, NULL, &inst, &err);
    w2b_status want = kind[2] == 'l' ? W2B_LINK_ERROR : W2B_TRAPPED;
    if (s == W2B_OK)
      return failf("instantiated, expected \"%s\"", expected);
    if (s != want)
      return failf("instantiation failed with status %d (%s), expected \"%s\"",
                   (int)s, err.message, expected);
    if (!messages_match(expected, err.message))
      return failf("failed with \"%s\", expected \"%s\"", err.message, expected);
    return 1;
  }
  if (strcmp(kind, "action") == 0) {
    if (!run_action(c, &i, &trap, results, types, &nresults))
      return 0;
    if (trap)
      return failf("trapped: %s", w2b_trap_message(trap));
    return 1;
  }
  if (strcmp(kind, "return") == 0) {
    if (!run_action(c, &i, &trap, results, types, &nresults))
      return 0;
    if (trap)
      return failf("trapped: %s", w2b_trap_message(trap));
    if (i >= c->ntok || strcmp(c->tok[i++], "->") != 0)
      return failf("malformed assert_return");
    uint32_t nexp = (uint32_t)(c->ntok - i);
    if (nexp != nresults)
      return failf("%u results, expected %u", nresults, nexp);
    for (uint32_t k = 0; k < nexp; ++k) {
      if (!matches(c->tok[i + k], types[k], &results[k])) {
        char got[128];
        format_value(got, sizeof got, types[k], &results[k]);
        return failf("result %u is %s, expected %s", k, got, c->tok[i + k]);
      }
    }
    return 1;
  }
  if (strcmp(kind, "trap") == 0 || strcmp(kind, "exhaustion") == 0) {
    if (!run_action(c, &i, &trap, results, types, &nresults))
      return 0;
    const char *expected = i < c->ntok ? unescape(c->tok[i]) : "";
    if (!trap)
      return failf("returned, expected trap \"%s\"", expected);
    if (!messages_match(expected, w2b_trap_message(trap)))
      return failf("trapped with \"%s\", expected \"%s\"",
                   w2b_trap_message(trap), expected);
    return 1;
  }
  return failf("unknown command %s", kind);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s SCRIPT\n", argv[0]);
    return 2;
  }
  FILE *f = fopen(argv[1], "r");
  if (!f) {
    perror(argv[1]);
    return 2;
  }
  init_spectest();
  static char line[1 << 20];
  static char *tok[MAX_TOKENS];
  while (fgets(line, sizeof line, f)) {
    int n = 0;
    for (char *p = strtok(line, " \n"); p && n < MAX_TOKENS;
         p = strtok(NULL, " \n"))
      tok[n++] = p;
    if (n < 3)
      continue;
    command c = {tok[0], tok + 3, n - 3};
    reason[0] = '\0';
    if (run_command(tok[2], &c))
      printf("%s ok\n", tok[0]);
    else
      printf("%s fail %s\n", tok[0], reason);
    fflush(stdout);
  }
  fclose(f);
  return 0;
}
