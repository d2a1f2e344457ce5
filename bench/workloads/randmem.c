/* Memory-bound random access: pointer chasing through one random cycle of
 * 2^22 indices (Sattolo's shuffle; every load depends on the previous one),
 * then GUPS-style random read-modify-write updates of a 64 MiB table. */
#include "common.h"

int main(int argc, char **argv) {
  long hops = bench_arg(argc, argv, 20000000);
  uint32_t n = 1u << 22;
  uint32_t *next = malloc(sizeof(uint32_t) * n);
  for (uint32_t i = 0; i < n; ++i)
    next[i] = i;
  for (uint32_t i = n - 1; i > 0; --i) { /* Sattolo: a single cycle */
    uint32_t j = (uint32_t)(bench_rand() % i);
    uint32_t t = next[i]; next[i] = next[j]; next[j] = t;
  }
  uint32_t p = 0;
  uint64_t sum = 0;
  for (long h = 0; h < hops; ++h) {
    p = next[p];
    sum += p;
  }

  uint32_t tn = 1u << 23; /* 8 Mi x 8 bytes = 64 MiB */
  uint64_t *table = malloc(sizeof(uint64_t) * tn);
  for (uint32_t i = 0; i < tn; ++i)
    table[i] = i;
  uint64_t x = 1;
  for (long u = 0; u < hops; ++u) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    table[(x >> 33) & (tn - 1)] ^= x;
  }
  for (uint32_t i = 0; i < tn; i += 4099)
    sum = bench_mix(sum, table[i]);
  bench_report("randmem", bench_mix(sum, p));
  return 0;
}
