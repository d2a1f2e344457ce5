/* String processing: generate a text from a random vocabulary, split it into
 * words, count them in a string-keyed open-addressing hash table, then build
 * an upper-cased, reversed copy and count occurrences of a few patterns with a
 * hand-written search. Uses libc's strlen/memcmp/memcpy as programs do. */
#include "common.h"
#include <string.h>

#define VOCAB 5000
#define TABLE (1 << 14)

typedef struct {
  const char *word;
  int len;
  int count;
} Entry;

static uint32_t hash(const char *s, int len) {
  uint32_t h = 2166136261u;
  for (int i = 0; i < len; ++i)
    h = (h ^ (uint8_t)s[i]) * 16777619u;
  return h;
}

static Entry table[TABLE];

static void count_word(const char *w, int len) {
  uint32_t i = hash(w, len) & (TABLE - 1);
  while (table[i].word) {
    if (table[i].len == len && memcmp(table[i].word, w, len) == 0) {
      table[i].count++;
      return;
    }
    i = (i + 1) & (TABLE - 1);
  }
  table[i].word = w;
  table[i].len = len;
  table[i].count = 1;
}

static long count_pattern(const char *text, long n, const char *pat) {
  long m = (long)strlen(pat), hits = 0;
  for (long i = 0; i + m <= n; ++i)
    if (text[i] == pat[0] && memcmp(text + i, pat, m) == 0)
      ++hits;
  return hits;
}

int main(int argc, char **argv) {
  long words = bench_arg(argc, argv, 3000000);
  static char vocab[VOCAB][12];
  for (int v = 0; v < VOCAB; ++v) {
    int len = 2 + bench_rand() % 9;
    for (int k = 0; k < len; ++k)
      vocab[v][k] = 'a' + bench_rand() % 26;
    vocab[v][len] = 0;
  }
  char *text = malloc(words * 12 + 1);
  long n = 0;
  for (long w = 0; w < words; ++w) {
    /* skewed choice so some words are frequent */
    uint64_t r = bench_rand();
    int v = (int)((r % VOCAB) * ((r >> 32) % VOCAB) / VOCAB);
    size_t len = strlen(vocab[v]);
    memcpy(text + n, vocab[v], len);
    n += len;
    text[n++] = (w % 17 == 16) ? '\n' : ' ';
  }
  text[n] = 0;

  for (long i = 0; i < n;) {
    while (i < n && (text[i] == ' ' || text[i] == '\n')) ++i;
    long start = i;
    while (i < n && text[i] != ' ' && text[i] != '\n') ++i;
    if (i > start)
      count_word(text + start, (int)(i - start));
  }
  uint64_t sum = 0;
  int distinct = 0, best = 0;
  for (int i = 0; i < TABLE; ++i)
    if (table[i].word) {
      ++distinct;
      if (table[i].count > table[best].count || !table[best].word) best = i;
      sum = bench_mix(sum, (uint64_t)table[i].count * hash(table[i].word, table[i].len));
    }

  char *rev = malloc(n + 1);
  for (long i = 0; i < n; ++i) {
    char c = text[n - 1 - i];
    rev[i] = (c >= 'a' && c <= 'z') ? c - 32 : c;
  }
  rev[n] = 0;
  sum = bench_mix(sum, count_pattern(text, n, "ab"));
  sum = bench_mix(sum, count_pattern(text, n, vocab[3]));
  sum = bench_mix(sum, count_pattern(rev, n, "XQ"));
  sum = bench_mix(sum, distinct);
  printf("distinct words: %d, most frequent: %.*s (%d)\n", distinct,
         table[best].len, table[best].word, table[best].count);
  bench_report("strings", sum);
  return 0;
}
