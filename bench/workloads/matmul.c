/* Dense linear algebra: C = A * B for N x N doubles, i-k-j loop order (the
 * inner loop is a contiguous axpy that a compiler can vectorise when it can
 * prove the three rows do not alias), repeated REPS times. */
#include "common.h"

static void matmul(int n, const double *a, const double *b, double *c) {
  for (int i = 0; i < n * n; ++i)
    c[i] = 0.0;
  for (int i = 0; i < n; ++i)
    for (int k = 0; k < n; ++k) {
      double aik = a[i * n + k];
      const double *brow = b + k * n;
      double *crow = c + i * n;
      for (int j = 0; j < n; ++j)
        crow[j] += aik * brow[j];
    }
}

int main(int argc, char **argv) {
  int n = (int)bench_arg(argc, argv, 640);
  double *a = malloc(sizeof(double) * n * n);
  double *b = malloc(sizeof(double) * n * n);
  double *c = malloc(sizeof(double) * n * n);
  for (int i = 0; i < n * n; ++i) {
    a[i] = (double)(bench_rand() % 1000) / 256.0;
    b[i] = (double)(bench_rand() % 1000) / 512.0;
  }
  uint64_t sum = 0;
  for (int rep = 0; rep < 2; ++rep) {
    matmul(n, a, b, c);
    /* Feed the result back so repetitions are not redundant. */
    for (int i = 0; i < n * n; i += 7)
      a[i] = c[i] / (double)(n * 1000);
    for (int i = 0; i < n * n; i += n + 1) {
      union { double d; uint64_t u; } v = {c[i]};
      sum = bench_mix(sum, v.u);
    }
  }
  bench_report("matmul", sum);
  return 0;
}
