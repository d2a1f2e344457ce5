/* A bytecode interpreter loop: a small register/stack VM with a switch
 * dispatch (Wasm has no computed goto, so every variant uses the same switch)
 * running a program that counts primes below N by trial division and sums a
 * Collatz walk, so there are nested loops, calls and many opcode kinds. */
#include "common.h"

enum {
  OP_HALT, OP_PUSH, OP_LOAD, OP_STORE, OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD,
  OP_LT, OP_EQ, OP_JMP, OP_JZ, OP_JNZ, OP_DUP, OP_POP, OP_AND, OP_SHR, OP_CALL,
  OP_RET, OP_INC
};

typedef struct {
  int32_t code[256];
  int len;
} Program;

static void emit(Program *p, int32_t op, int32_t arg) {
  p->code[p->len++] = op;
  p->code[p->len++] = arg;
}

static int64_t run(const Program *p, int64_t *vars) {
  int64_t stack[64];
  int32_t rstack[16];
  int sp = 0, rsp = 0, pc = 0;
  for (;;) {
    int32_t op = p->code[pc], arg = p->code[pc + 1];
    pc += 2;
    switch (op) {
    case OP_HALT: return sp ? stack[sp - 1] : 0;
    case OP_PUSH: stack[sp++] = arg; break;
    case OP_LOAD: stack[sp++] = vars[arg]; break;
    case OP_STORE: vars[arg] = stack[--sp]; break;
    case OP_ADD: --sp; stack[sp - 1] += stack[sp]; break;
    case OP_SUB: --sp; stack[sp - 1] -= stack[sp]; break;
    case OP_MUL: --sp; stack[sp - 1] *= stack[sp]; break;
    case OP_DIV: --sp; stack[sp - 1] /= stack[sp]; break;
    case OP_MOD: --sp; stack[sp - 1] %= stack[sp]; break;
    case OP_LT: --sp; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
    case OP_EQ: --sp; stack[sp - 1] = stack[sp - 1] == stack[sp]; break;
    case OP_JMP: pc = arg; break;
    case OP_JZ: if (stack[--sp] == 0) pc = arg; break;
    case OP_JNZ: if (stack[--sp] != 0) pc = arg; break;
    case OP_DUP: stack[sp] = stack[sp - 1]; ++sp; break;
    case OP_POP: --sp; break;
    case OP_AND: --sp; stack[sp - 1] &= stack[sp]; break;
    case OP_SHR: --sp; stack[sp - 1] >>= stack[sp]; break;
    case OP_CALL: rstack[rsp++] = pc; pc = arg; break;
    case OP_RET: pc = rstack[--rsp]; break;
    case OP_INC: vars[arg] += 1; break;
    default: return -1;
    }
  }
}

/* vars: 0 = n, 1 = i (candidate), 2 = d (divisor), 3 = count, 4 = collatz x,
 * 5 = collatz steps. Labels are patched by hand: each instruction is 2 ints. */
static void build(Program *p) {
  p->len = 0;
#define AT(label) int label = p->len
  emit(p, OP_PUSH, 2); emit(p, OP_STORE, 1);          /* i = 2 */
  AT(outer);
  emit(p, OP_LOAD, 1); emit(p, OP_LOAD, 0); emit(p, OP_LT, 0);
  int jz_end = p->len; emit(p, OP_JZ, 0);              /* while i < n */
  emit(p, OP_PUSH, 2); emit(p, OP_STORE, 2);           /* d = 2 */
  AT(inner);
  emit(p, OP_LOAD, 2); emit(p, OP_LOAD, 2); emit(p, OP_MUL, 0);
  emit(p, OP_LOAD, 1); emit(p, OP_PUSH, 1); emit(p, OP_ADD, 0); emit(p, OP_LT, 0);
  int jz_prime = p->len; emit(p, OP_JZ, 0);            /* while d*d < i+1 */
  emit(p, OP_LOAD, 1); emit(p, OP_LOAD, 2); emit(p, OP_MOD, 0);
  int jz_notprime = p->len; emit(p, OP_JZ, 0);         /* i % d == 0 */
  emit(p, OP_INC, 2); emit(p, OP_JMP, inner);
  AT(prime);
  emit(p, OP_INC, 3);
  emit(p, OP_LOAD, 1); emit(p, OP_STORE, 4);
  int call_at = p->len; emit(p, OP_CALL, 0);           /* collatz(i) */
  AT(notprime);
  emit(p, OP_INC, 1); emit(p, OP_JMP, outer);
  AT(end);
  emit(p, OP_LOAD, 3); emit(p, OP_HALT, 0);
  AT(collatz);                                         /* x = vars[4] */
  emit(p, OP_LOAD, 4); emit(p, OP_PUSH, 1); emit(p, OP_EQ, 0);
  int jnz_ret = p->len; emit(p, OP_JNZ, 0);
  emit(p, OP_INC, 5);
  emit(p, OP_LOAD, 4); emit(p, OP_PUSH, 1); emit(p, OP_AND, 0);
  int jnz_odd = p->len; emit(p, OP_JNZ, 0);
  emit(p, OP_LOAD, 4); emit(p, OP_PUSH, 1); emit(p, OP_SHR, 0); emit(p, OP_STORE, 4);
  emit(p, OP_JMP, collatz);
  AT(odd);
  emit(p, OP_LOAD, 4); emit(p, OP_PUSH, 3); emit(p, OP_MUL, 0);
  emit(p, OP_PUSH, 1); emit(p, OP_ADD, 0); emit(p, OP_STORE, 4);
  emit(p, OP_JMP, collatz);
  AT(ret);
  emit(p, OP_RET, 0);
#undef AT
  p->code[jz_end + 1] = end;
  p->code[jz_prime + 1] = prime;
  p->code[jz_notprime + 1] = notprime;
  p->code[call_at + 1] = collatz;
  p->code[jnz_ret + 1] = ret;
  p->code[jnz_odd + 1] = odd;
}

int main(int argc, char **argv) {
  long n = bench_arg(argc, argv, 400000);
  Program p;
  build(&p);
  int64_t vars[8] = {0};
  vars[0] = n;
  int64_t primes = run(&p, vars);
  uint64_t sum = bench_mix(bench_mix(0, (uint64_t)primes), (uint64_t)vars[5]);
  printf("primes below %ld: %lld, collatz steps: %lld\n", n, (long long)primes,
         (long long)vars[5]);
  bench_report("interp", sum);
  return 0;
}
