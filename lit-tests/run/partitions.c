// A module large enough to be compiled in partitions (compiler/backend/
// Partitions.cpp): with two jobs its functions are lowered, optimised and
// compiled on two threads, each partition importing the small functions it
// calls from the other (the program calls libc, at the other end of the
// module) so that they can still be inlined. The output must be node's with
// one job and with two, and the same executable must come out every time.
// RUN: %clang-wasi %s -o %t.wasm
// RUN: %wasm2bin -v --jobs 2 %t.wasm -o %t.two 2> %t.two.log
// RUN: FileCheck --check-prefix=TWO %s < %t.two.log
// RUN: %wasm2bin --jobs 2 %t.wasm -o %t.again
// RUN: cmp %t.two %t.again
// RUN: %wasm2bin -v --jobs 1 %t.wasm -o %t.one 2> %t.one.log
// RUN: FileCheck --check-prefix=ONE %s < %t.one.log
// RUN: %wasm2bin -O0 -v --jobs 2 %t.wasm -o %t.O0 2> %t.O0.log
// RUN: FileCheck --check-prefix=O0 %s < %t.O0.log
// RUN: %node-wasi %t.wasm > %t.node.out
// RUN: %t.two > %t.two.out
// RUN: diff %t.two.out %t.node.out
// RUN: %t.one > %t.one.out
// RUN: diff %t.one.out %t.node.out
// RUN: %t.O0 > %t.O0.out
// RUN: diff %t.O0.out %t.node.out
// A module larger than --partition-max-bytes gets more partitions than jobs,
// which the threads compile in turn (and one job compiles one after the
// other); the executable is again the same every time.
// RUN: %wasm2bin -v --jobs 2 --partition-max-bytes 4000 %t.wasm -o %t.many 2> %t.many.log
// RUN: FileCheck --check-prefix=MANY %s < %t.many.log
// RUN: %wasm2bin --jobs 2 --partition-max-bytes 4000 %t.wasm -o %t.many2
// RUN: cmp %t.many %t.many2
// RUN: %t.many > %t.many.out
// RUN: diff %t.many.out %t.node.out
// RUN: %wasm2bin -v --jobs 1 --partition-max-bytes 4000 %t.wasm -o %t.many1 2> %t.many1.log
// RUN: FileCheck --check-prefix=MANY %s < %t.many1.log
// RUN: cmp %t.many %t.many1
// Library mode: the partitions' objects merge into one (lld -r) in which no
// reference between them is left unresolved.
// RUN: %wasm2bin --emit=obj --module-name=first --jobs 2 %t.wasm -o %t.o
// RUN: llvm-nm %t.o | FileCheck --check-prefix=OBJ %s
// RUN: llvm-nm -u %t.o | FileCheck --check-prefix=UNDEF --allow-empty %s
// REQUIRES: node
//
// TWO: wasm2bin: partitions
// TWO: partition 0: {{[0-9]+}} functions, {{[1-9][0-9]*}} imported, lower
// TWO-NEXT: partition 1: {{[0-9]+}} functions, {{[0-9]+}} imported, lower
// TWO-NOT: partition 2
// One job: the module is lowered, optimised and compiled whole.
// ONE: wasm2bin: lower
// ONE-NEXT: wasm2bin: optimize
// ONE-NEXT: wasm2bin: codegen
// ONE-NOT: partition
// MANY: wasm2bin: partitions
// MANY: partition 0: {{[0-9]+}} functions, {{[0-9]+}} imported, lower
// MANY-NEXT: partition 1:
// MANY-NEXT: partition 2:
// -O0 inlines nothing, so it imports nothing.
// O0: partition 0: {{[0-9]+}} functions, 0 imported
// O0-NEXT: partition 1: {{[0-9]+}} functions, 0 imported
// OBJ: R w2b_module_first
// UNDEF-NOT: .first
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int byValue(const void *a, const void *b) {
  long x = *(const long *)a, y = *(const long *)b;
  return (x > y) - (x < y);
}

static const char *const words[] = {"partition", "import", "inline",
                                    "available", "externally", "thread"};

int main(void) {
  // Small libc callees in a loop: strlen, toupper, abs, memcmp, memchr.
  unsigned long sum = 0;
  char buf[64];
  for (int i = 0; i < 20000; ++i) {
    const char *w = words[i % 6];
    size_t n = strlen(w);
    for (size_t k = 0; k < n; ++k)
      buf[k] = (char)toupper((unsigned char)w[k]);
    buf[n] = 0;
    sum += n + (unsigned)abs(i - 10000) +
           (unsigned)(memcmp(buf, w, n) > 0) + (memchr(w, 'e', n) != 0);
  }
  printf("sum %lu\n", sum);

  // Larger ones: qsort with a callback, snprintf, strtol.
  long v[1000];
  unsigned x = 2463534242u;
  for (int i = 0; i < 1000; ++i) {
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;
    v[i] = (long)(x % 100000) - 50000;
  }
  qsort(v, 1000, sizeof v[0], byValue);
  long back = 0;
  for (int i = 0; i < 1000; i += 111) {
    snprintf(buf, sizeof buf, "%ld", v[i]);
    back += strtol(buf, NULL, 10);
    printf("v[%d] = %s\n", i, buf);
  }
  printf("back %ld\n", back);
  return 0;
}
