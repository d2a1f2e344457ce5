/* Call-heavy with indirect calls: evaluate a random expression tree whose
 * nodes carry function pointers (a "virtual" eval per node, recursive), and
 * run a table of small operations chosen by data. Every call site is indirect
 * and the targets cannot be devirtualised. */
#include "common.h"

typedef struct Node Node;
typedef int64_t (*EvalFn)(const Node *, int64_t);
struct Node {
  EvalFn eval;
  const Node *left, *right;
  int64_t value;
};

#define NOINLINE __attribute__((noinline))
static NOINLINE int64_t ev_const(const Node *n, int64_t x) { return n->value; }
static NOINLINE int64_t ev_var(const Node *n, int64_t x) { return x + n->value; }
static NOINLINE int64_t ev_add(const Node *n, int64_t x) {
  return n->left->eval(n->left, x) + n->right->eval(n->right, x);
}
static NOINLINE int64_t ev_sub(const Node *n, int64_t x) {
  return n->left->eval(n->left, x) - n->right->eval(n->right, x);
}
static NOINLINE int64_t ev_mul(const Node *n, int64_t x) {
  return (n->left->eval(n->left, x) * n->right->eval(n->right, x)) & 0xFFFFFFFF;
}
static NOINLINE int64_t ev_max(const Node *n, int64_t x) {
  int64_t a = n->left->eval(n->left, x), b = n->right->eval(n->right, x);
  return a > b ? a : b;
}

static Node *pool;
static int used;

static const Node *build(int depth) {
  Node *n = &pool[used++];
  if (depth == 0) {
    n->eval = (bench_rand() & 1) ? ev_const : ev_var;
    n->value = (int64_t)(bench_rand() % 100);
    return n;
  }
  static const EvalFn inner[] = {ev_add, ev_sub, ev_mul, ev_max};
  n->eval = inner[bench_rand() % 4];
  n->left = build(depth - 1);
  n->right = build(depth - 1);
  return n;
}

typedef uint32_t (*OpFn)(uint32_t, uint32_t);
static NOINLINE uint32_t op_xor(uint32_t a, uint32_t b) { return a ^ b; }
static NOINLINE uint32_t op_rot(uint32_t a, uint32_t b) { return (a << (b & 31)) | (a >> ((32 - b) & 31)); }
static NOINLINE uint32_t op_mul(uint32_t a, uint32_t b) { return a * (b | 1); }
static NOINLINE uint32_t op_add(uint32_t a, uint32_t b) { return a + b + 1; }
static NOINLINE uint32_t op_sub(uint32_t a, uint32_t b) { return a - (b >> 1); }
static NOINLINE uint32_t op_min(uint32_t a, uint32_t b) { return (a < b ? a : b) + 7; }
static NOINLINE uint32_t op_shr(uint32_t a, uint32_t b) { return (a >> 3) ^ b; }
static NOINLINE uint32_t op_not(uint32_t a, uint32_t b) { return ~a + b; }

int main(int argc, char **argv) {
  long iters = bench_arg(argc, argv, 1200);
  int depth = 14;
  pool = malloc(sizeof(Node) * (2u << depth));
  const Node *root = build(depth);
  uint64_t sum = 0;
  for (long i = 0; i < iters; ++i)
    sum = bench_mix(sum, (uint64_t)root->eval(root, i));

  static const OpFn ops[8] = {op_xor, op_rot, op_mul, op_add,
                              op_sub, op_min, op_shr, op_not};
  uint32_t acc = 1;
  for (long i = 0; i < iters * 20000; ++i)
    acc = ops[(acc ^ i) & 7](acc, (uint32_t)i);
  bench_report("calls", bench_mix(sum, acc));
  return 0;
}
