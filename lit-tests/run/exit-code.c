// exit(n) from deep inside the program becomes the process's exit status,
// and buffered stdout is flushed first (wasi-libc flushes in exit).
// RUN: %clang-wasi %s -o %t.wasm
// RUN: %wasm2bin %t.wasm -o %t
// RUN: %expect-exit 42 %t | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

static void deep(int n) {
  if (n == 0) {
    printf("exiting\n");
    exit(42);
  }
  deep(n - 1);
}

int main(void) {
  deep(100);
  return 0;
}
// CHECK: exiting
