/* Stencil: 2-D Jacobi relaxation (5-point) on an N x N grid of floats with
 * fixed boundary values, STEPS sweeps between two buffers. */
#include "common.h"

static void sweep(int n, const float *restrict src, float *restrict dst) {
  for (int i = 1; i < n - 1; ++i)
    for (int j = 1; j < n - 1; ++j)
      dst[i * n + j] = 0.2f * (src[i * n + j] + src[(i - 1) * n + j] +
                               src[(i + 1) * n + j] + src[i * n + j - 1] +
                               src[i * n + j + 1]);
}

int main(int argc, char **argv) {
  int n = 1024;
  int steps = (int)bench_arg(argc, argv, 500);
  float *a = malloc(sizeof(float) * n * n);
  float *b = malloc(sizeof(float) * n * n);
  for (int i = 0; i < n * n; ++i)
    a[i] = b[i] = 0.0f;
  for (int i = 0; i < n; ++i) { /* hot left edge, warm top edge */
    a[i * n] = b[i * n] = 100.0f;
    a[i] = b[i] = 50.0f;
  }
  for (int s = 0; s < steps; s += 2) {
    sweep(n, a, b);
    sweep(n, b, a);
  }
  uint64_t sum = 0;
  for (int i = 0; i < n * n; i += 97) {
    union { float f; uint32_t u; } v = {a[i]};
    sum = bench_mix(sum, v.u);
  }
  bench_report("stencil", sum);
  return 0;
}
