// A C program using printf, malloc, argv, a granted environment variable and
// an exit code: the native executable's stdout and exit status must be
// byte-identical to node's WASI running the same .wasm.
// RUN: %clang-wasi %s -o %t.wasm
// RUN: %wasm2bin --env GREETING=bonjour %t.wasm -o %t
// RUN: %expect-exit 3 %t one "two words" > %t.native.out
// RUN: %expect-exit 3 %node-wasi --env GREETING=bonjour %t.wasm one "two words" > %t.node.out
// RUN: diff %t.native.out %t.node.out
// RUN: FileCheck %s < %t.native.out
// REQUIRES: node
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int compare(const void *a, const void *b) {
  return *(const int *)a - *(const int *)b;
}

int main(int argc, char **argv) {
  printf("argc=%d\n", argc);
  for (int i = 1; i < argc; ++i)
    printf("argv[%d]=%s\n", i, argv[i]);
  const char *g = getenv("GREETING");
  printf("GREETING=%s\n", g ? g : "(unset)");
  const char *home = getenv("HOME");
  printf("HOME=%s\n", home ? home : "(unset)");

  int n = 100000;
  int *v = malloc(n * sizeof *v);
  unsigned x = 12345;
  for (int i = 0; i < n; ++i) {
    x = x * 1103515245u + 12345u;
    v[i] = (int)(x >> 8) % 1000;
  }
  qsort(v, n, sizeof *v, compare);
  long long sum = 0;
  for (int i = 0; i < n; ++i)
    sum += (long long)v[i] * i;
  printf("min=%d max=%d weighted=%lld\n", v[0], v[n - 1], sum);
  char *s = malloc(64);
  snprintf(s, 64, "%.3f %e %g", 3.14159265, 1e-300 * 1e-10, 2.0 / 3.0);
  printf("floats: %s\n", s);
  free(s);
  free(v);
  return 3;
}
// CHECK: argc=3
// CHECK-NEXT: argv[1]=one
// CHECK-NEXT: argv[2]=two words
// CHECK-NEXT: GREETING=bonjour
// CHECK-NEXT: HOME=(unset)
// CHECK-NEXT: min=0 max=999 weighted=
// CHECK-NEXT: floats: 3.142 1.000000e-310 0.666667
