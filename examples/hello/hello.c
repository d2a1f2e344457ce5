// The README's first example: a WASI command built with clang-19 for
// wasm32-wasi, then compiled by wasm2bin into a static native executable.
#include <stdio.h>

int main(int argc, char **argv) {
  printf("Hello from WebAssembly, compiled to native code by wasm2bin!\n");
  for (int i = 1; i < argc; ++i)
    printf("  argument %d: %s\n", i, argv[i]);
  return 0;
}
