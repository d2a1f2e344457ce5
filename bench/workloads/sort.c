/* Sorting: an introsort-style quicksort (median of three, insertion sort for
 * small ranges) and a bottom-up merge sort over N random 32-bit keys. */
#include "common.h"
#include <string.h>

static void insertion(uint32_t *a, long lo, long hi) {
  for (long i = lo + 1; i <= hi; ++i) {
    uint32_t v = a[i];
    long j = i - 1;
    while (j >= lo && a[j] > v) {
      a[j + 1] = a[j];
      --j;
    }
    a[j + 1] = v;
  }
}

static void quicksort(uint32_t *a, long lo, long hi) {
  while (hi - lo > 16) {
    long mid = lo + (hi - lo) / 2;
    uint32_t x = a[lo], y = a[mid], z = a[hi];
    uint32_t pivot = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
    long i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) ++i;
      while (a[j] > pivot) --j;
      if (i <= j) {
        uint32_t t = a[i]; a[i] = a[j]; a[j] = t;
        ++i; --j;
      }
    }
    /* Recurse into the smaller half so the depth stays logarithmic. */
    if (j - lo < hi - i) {
      quicksort(a, lo, j);
      lo = i;
    } else {
      quicksort(a, i, hi);
      hi = j;
    }
  }
  insertion(a, lo, hi);
}

static void mergesort(uint32_t *a, uint32_t *tmp, long n) {
  for (long width = 1; width < n; width *= 2) {
    for (long lo = 0; lo < n; lo += 2 * width) {
      long mid = lo + width < n ? lo + width : n;
      long hi = lo + 2 * width < n ? lo + 2 * width : n;
      long i = lo, j = mid, k = lo;
      while (i < mid && j < hi)
        tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
      while (i < mid) tmp[k++] = a[i++];
      while (j < hi) tmp[k++] = a[j++];
    }
    uint32_t *t = a; a = tmp; tmp = t;
    memcpy(tmp, a, sizeof(uint32_t) * n); /* keep both buffers equal */
  }
}

int main(int argc, char **argv) {
  long n = bench_arg(argc, argv, 5000000);
  uint32_t *a = malloc(sizeof(uint32_t) * n);
  uint32_t *b = malloc(sizeof(uint32_t) * n);
  uint32_t *tmp = malloc(sizeof(uint32_t) * n);
  for (long i = 0; i < n; ++i)
    a[i] = b[i] = (uint32_t)bench_rand();
  quicksort(a, 0, n - 1);
  mergesort(b, tmp, n);
  uint64_t sum = 0;
  for (long i = 0; i < n; ++i) {
    if (a[i] != b[i] || (i && a[i - 1] > a[i]))
      sum = bench_mix(sum, 0xBAD);
    if ((i & 1023) == 0)
      sum = bench_mix(sum, a[i]);
  }
  bench_report("sort", sum);
  return 0;
}
