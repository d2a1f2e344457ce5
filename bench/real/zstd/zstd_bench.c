/* The zstd workload: compress a generated, text-like buffer with the stock
 * libzstd (levels 3 and 9, one-shot API), decompress it again, check the
 * round trip and print sizes and a checksum. argv[1] is the size in MiB. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zstd.h"

static uint64_t rng = 88172645463325252ull;
static uint32_t next(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (uint32_t)rng;
}

/* Words from a small random vocabulary with skewed frequencies: compresses
 * about 3:1, like logs or text, so both the matchers and entropy coding work. */
static void generate(char *buf, size_t size) {
  static char vocab[1024][10];
  for (int v = 0; v < 1024; ++v) {
    int len = 2 + next() % 8;
    for (int k = 0; k < len; ++k)
      vocab[v][k] = 'a' + next() % 26;
    vocab[v][len] = 0;
  }
  size_t n = 0;
  while (n < size) {
    uint32_t r = next();
    const char *w = vocab[(r & 1023) * ((r >> 10) & 1023) / 1024];
    size_t len = strlen(w);
    for (size_t k = 0; k < len && n < size; ++k)
      buf[n++] = w[k];
    if (n < size)
      buf[n++] = (r >> 20) % 13 ? ' ' : '\n';
  }
}

static uint64_t checksum(const unsigned char *p, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; ++i)
    h = (h ^ p[i]) * 1099511628211ull;
  return h;
}

int main(int argc, char **argv) {
  size_t size = (size_t)(argc > 1 ? atoi(argv[1]) : 24) << 20;
  char *src = malloc(size), *back = malloc(size);
  size_t cap = ZSTD_compressBound(size);
  unsigned char *dst = malloc(cap);
  generate(src, size);
  uint64_t sum = checksum((unsigned char *)src, size);
  static const int levels[] = {3, 9};
  for (int i = 0; i < 2; ++i) {
    size_t csize = ZSTD_compress(dst, cap, src, size, levels[i]);
    if (ZSTD_isError(csize)) {
      printf("compress: %s\n", ZSTD_getErrorName(csize));
      return 1;
    }
    size_t dsize = ZSTD_decompress(back, size, dst, csize);
    if (ZSTD_isError(dsize) || dsize != size || memcmp(src, back, size) != 0) {
      printf("round trip failed at level %d\n", levels[i]);
      return 1;
    }
    printf("level %d: %zu -> %zu bytes\n", levels[i], size, csize);
    sum = sum * 31 + checksum(dst, csize);
  }
  printf("zstd checksum: %016llx\n", (unsigned long long)sum);
  return 0;
}
