/* Shared by every workload: a deterministic PRNG, a checksum mixer and the
 * "checksum:" line the harness compares across variants. Header-only so each
 * workload stays one translation unit (the same source for every variant). */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* xorshift64*: fast, good enough for inputs, identical on every target. */
static uint64_t bench_rng_state = 0x9E3779B97F4A7C15ull;
static inline void bench_seed(uint64_t s) { bench_rng_state = s ? s : 1; }
static inline uint64_t bench_rand(void) {
  uint64_t x = bench_rng_state;
  x ^= x >> 12;
  x ^= x << 25;
  x ^= x >> 27;
  bench_rng_state = x;
  return x * 0x2545F4914F6CDD1Dull;
}

/* FNV-1a style mixing of 64-bit words into a running checksum. */
static inline uint64_t bench_mix(uint64_t h, uint64_t v) {
  h ^= v;
  h *= 0x100000001B3ull;
  return h ^ (h >> 29);
}

/* The size parameter: argv[1] if given, else the workload's full-size
 * default. The harness passes a smaller one in --quick mode. */
static inline long bench_arg(int argc, char **argv, long dflt) {
  return argc > 1 ? atol(argv[1]) : dflt;
}

static inline void bench_report(const char *name, uint64_t checksum) {
  printf("%s checksum: %016llx\n", name, (unsigned long long)checksum);
}

#endif
