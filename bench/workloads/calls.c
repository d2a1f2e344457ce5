/* Call-heavy with indirect calls: evaluate a random expression tree whose
 * nodes carry function pointers (a "virtual" eval per node, recursive), and
 * run a table of small operations chosen by data. Every call site is indirect
 * and the targets cannot be devirtualised.
 *
 * -DWASM_TABLE (the bench's native control) calls the way a Wasm module does:
 * a function pointer is a 32-bit index into a table of 32-byte records
 * {reference, signature, code, environment} (wasm2bin's w2b_table_elem), and
 * each call checks the index against the table's size and the record's
 * signature, then passes the environment (the instance) as a first argument.
 * Without it, the source is plain C; the macros then expand to plain calls. */
#include "common.h"

typedef struct Node Node;

#ifdef WASM_TABLE
typedef struct {
  const void *ref, *sig;
  void *code, *env;
} Elem;
#define TABLE_SIZE 16
/* Not static and not const, so the compiler cannot know its contents. */
extern Elem table[TABLE_SIZE];
static const char sig_eval, sig_op; /* a signature is its record's address */
static __attribute__((noinline)) void bad_call(void) {
  fputs("indirect call to a missing element or with a wrong signature\n", stderr);
  abort();
}
static inline const Elem *checked(uint32_t ref, const void *sig) {
  if (ref >= TABLE_SIZE || table[ref].sig != sig) bad_call();
  return &table[ref];
}
/* Index 0 stays null, as in clang's wasm tables. */
enum { REF_null, REF_ev_const, REF_ev_var, REF_ev_add, REF_ev_sub, REF_ev_mul,
       REF_ev_max, REF_op_xor, REF_op_rot, REF_op_mul, REF_op_add, REF_op_sub,
       REF_op_min, REF_op_shr, REF_op_not };
#define ENV void *env,
#define FNREF(type) uint32_t
#define REF(f) REF_##f
#define CALL(type, sig, ref, ...) \
  ({ const Elem *e_ = checked(ref, &sig); ((type)e_->code)(e_->env, __VA_ARGS__); })
#else
#define ENV
#define FNREF(type) type
#define REF(f) f
#define CALL(type, sig, ref, ...) (ref)(__VA_ARGS__)
#endif

typedef int64_t (*EvalFn)(ENV const Node *, int64_t);
struct Node {
  FNREF(EvalFn) eval;
  const Node *left, *right;
  int64_t value;
};

#define NOINLINE __attribute__((noinline))
#define EVAL(n) CALL(EvalFn, sig_eval, (n)->eval, n, x)
static NOINLINE int64_t ev_const(ENV const Node *n, int64_t x) { return n->value; }
static NOINLINE int64_t ev_var(ENV const Node *n, int64_t x) { return x + n->value; }
static NOINLINE int64_t ev_add(ENV const Node *n, int64_t x) {
  return EVAL(n->left) + EVAL(n->right);
}
static NOINLINE int64_t ev_sub(ENV const Node *n, int64_t x) {
  return EVAL(n->left) - EVAL(n->right);
}
static NOINLINE int64_t ev_mul(ENV const Node *n, int64_t x) {
  return (EVAL(n->left) * EVAL(n->right)) & 0xFFFFFFFF;
}
static NOINLINE int64_t ev_max(ENV const Node *n, int64_t x) {
  int64_t a = EVAL(n->left), b = EVAL(n->right);
  return a > b ? a : b;
}

static Node *pool;
static int used;

static const Node *build(int depth) {
  Node *n = &pool[used++];
  if (depth == 0) {
    n->eval = (bench_rand() & 1) ? REF(ev_const) : REF(ev_var);
    n->value = (int64_t)(bench_rand() % 100);
    return n;
  }
  static const FNREF(EvalFn) inner[] = {REF(ev_add), REF(ev_sub), REF(ev_mul), REF(ev_max)};
  n->eval = inner[bench_rand() % 4];
  n->left = build(depth - 1);
  n->right = build(depth - 1);
  return n;
}

typedef uint32_t (*OpFn)(ENV uint32_t, uint32_t);
static NOINLINE uint32_t op_xor(ENV uint32_t a, uint32_t b) { return a ^ b; }
static NOINLINE uint32_t op_rot(ENV uint32_t a, uint32_t b) { return (a << (b & 31)) | (a >> ((32 - b) & 31)); }
static NOINLINE uint32_t op_mul(ENV uint32_t a, uint32_t b) { return a * (b | 1); }
static NOINLINE uint32_t op_add(ENV uint32_t a, uint32_t b) { return a + b + 1; }
static NOINLINE uint32_t op_sub(ENV uint32_t a, uint32_t b) { return a - (b >> 1); }
static NOINLINE uint32_t op_min(ENV uint32_t a, uint32_t b) { return (a < b ? a : b) + 7; }
static NOINLINE uint32_t op_shr(ENV uint32_t a, uint32_t b) { return (a >> 3) ^ b; }
static NOINLINE uint32_t op_not(ENV uint32_t a, uint32_t b) { return ~a + b; }

#ifdef WASM_TABLE
#define RECORD(f, sig) [REF_##f] = {(const void *)f, &sig, (void *)f, NULL}
Elem table[TABLE_SIZE] = {
    RECORD(ev_const, sig_eval), RECORD(ev_var, sig_eval), RECORD(ev_add, sig_eval),
    RECORD(ev_sub, sig_eval),   RECORD(ev_mul, sig_eval), RECORD(ev_max, sig_eval),
    RECORD(op_xor, sig_op),     RECORD(op_rot, sig_op),   RECORD(op_mul, sig_op),
    RECORD(op_add, sig_op),     RECORD(op_sub, sig_op),   RECORD(op_min, sig_op),
    RECORD(op_shr, sig_op),     RECORD(op_not, sig_op)};
#endif

int main(int argc, char **argv) {
  long iters = bench_arg(argc, argv, 1200);
  int depth = 14;
  pool = malloc(sizeof(Node) * (2u << depth));
  const Node *root = build(depth);
  uint64_t sum = 0;
  for (long i = 0; i < iters; ++i)
    sum = bench_mix(sum, (uint64_t)CALL(EvalFn, sig_eval, root->eval, root, i));

  static const FNREF(OpFn) ops[8] = {REF(op_xor), REF(op_rot), REF(op_mul), REF(op_add),
                                     REF(op_sub), REF(op_min), REF(op_shr), REF(op_not)};
  uint32_t acc = 1;
  for (long i = 0; i < iters * 20000; ++i)
    acc = CALL(OpFn, sig_op, ops[(acc ^ i) & 7], acc, (uint32_t)i);
  bench_report("calls", bench_mix(sum, acc));
  return 0;
}
