/* Dynamic programming: Levenshtein edit distance between pairs of generated
 * strings (two-row table), and a longest-common-subsequence pass. */
#include "common.h"
#include <string.h>

static int edit_distance(const char *s, int n, const char *t, int m, int *prev,
                         int *cur) {
  for (int j = 0; j <= m; ++j)
    prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    char si = s[i - 1];
    for (int j = 1; j <= m; ++j) {
      int sub = prev[j - 1] + (si != t[j - 1]);
      int del = prev[j] + 1;
      int ins = cur[j - 1] + 1;
      int best = sub < del ? sub : del;
      cur[j] = best < ins ? best : ins;
    }
    int *tmp = prev;
    prev = cur;
    cur = tmp;
  }
  return prev[m];
}

static int lcs(const char *s, int n, const char *t, int m, int *prev, int *cur) {
  memset(prev, 0, sizeof(int) * (m + 1));
  for (int i = 1; i <= n; ++i) {
    cur[0] = 0;
    for (int j = 1; j <= m; ++j) {
      if (s[i - 1] == t[j - 1])
        cur[j] = prev[j - 1] + 1;
      else
        cur[j] = prev[j] > cur[j - 1] ? prev[j] : cur[j - 1];
    }
    int *tmp = prev;
    prev = cur;
    cur = tmp;
  }
  return prev[m];
}

int main(int argc, char **argv) {
  int n = (int)bench_arg(argc, argv, 9000);
  char *s = malloc(n), *t = malloc(n);
  for (int i = 0; i < n; ++i) {
    s[i] = 'a' + bench_rand() % 4;
    /* t is s with ~1/8 of the letters changed */
    t[i] = (bench_rand() % 8) ? s[i] : 'a' + bench_rand() % 4;
  }
  int *prev = malloc(sizeof(int) * (n + 1)), *cur = malloc(sizeof(int) * (n + 1));
  uint64_t sum = 0;
  sum = bench_mix(sum, edit_distance(s, n, t, n, prev, cur));
  sum = bench_mix(sum, lcs(s, n, t + n / 3, n - n / 3, prev, cur));
  bench_report("dp", sum);
  return 0;
}
