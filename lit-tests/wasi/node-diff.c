// A well-behaved program using the file system through wasi-libc: its output
// (and the files it leaves) must be the same natively and under node's WASI.
// RUN: %clang-wasi %s -o %t.wasm
// RUN: %wasm2bin --dir %t.native::/work --env MODE=test %t.wasm -o %t
// RUN: rm -rf %t.native %t.node && mkdir %t.native %t.node
// RUN: %t > %t.native.out
// RUN: FileCheck %s < %t.native.out
// RUN: %if node %{ %nodefs --dir %t.node::/work --env MODE=test %t.wasm > %t.node.out %}
// RUN: %if node %{ diff %t.native.out %t.node.out %}
// RUN: %if node %{ diff -r %t.native %t.node %}
// CHECK: MODE=test
// CHECK: lines: 100 bytes: 2790
// CHECK: readlink: a.txt
// CHECK: listing: a.txt b.txt c.txt link sub
// CHECK: done
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int compare(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void) {
  printf("MODE=%s\n", getenv("MODE"));
  FILE *f = fopen("/work/a.txt", "w");
  for (int i = 0; i < 100; ++i)
    fprintf(f, "line %d of the file, padded\n", i);
  fclose(f);
  f = fopen("/work/a.txt", "r");
  char line[128];
  int lines = 0;
  long bytes = 0;
  while (fgets(line, sizeof(line), f)) {
    ++lines;
    bytes += strlen(line);
  }
  printf("lines: %d bytes: %ld\n", lines, bytes);
  fseek(f, 50, SEEK_SET);
  printf("tell: %ld\n", ftell(f));
  printf("at 50: %s", fgets(line, sizeof(line), f));
  fclose(f);

  int fd = open("/work/b.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  printf("write: %zd\n", write(fd, "0123456789", 10));
  printf("lseek end: %ld\n", (long)lseek(fd, 0, SEEK_END));
  close(fd);
  fd = open("/work/b.txt", O_WRONLY | O_APPEND);
  write(fd, "abc", 3);
  close(fd);
  truncate("/work/b.txt", 12);
  struct stat st;
  stat("/work/b.txt", &st);
  printf("b size: %lld regular: %d\n", (long long)st.st_size, S_ISREG(st.st_mode));
  f = fopen("/work/b.txt", "r");
  printf("b: %s\n", fgets(line, sizeof(line), f));
  fclose(f);

  mkdir("/work/sub", 0755);
  mkdir("/work/sub/deeper", 0755);
  printf("rmdir: %d\n", rmdir("/work/sub/deeper"));
  rename("/work/b.txt", "/work/c.txt");
  printf("b gone: %d\n", access("/work/b.txt", F_OK) != 0);
  f = fopen("/work/tmp.txt", "w");
  fclose(f);
  printf("unlink: %d\n", unlink("/work/tmp.txt"));
  f = fopen("/work/b.txt", "w");
  fputs("second b\n", f);
  fclose(f);
  symlink("a.txt", "/work/link");
  char target[64] = {0};
  readlink("/work/link", target, sizeof(target) - 1);
  printf("readlink: %s\n", target);
  stat("/work/sub", &st);
  printf("sub is dir: %d\n", S_ISDIR(st.st_mode));

  DIR *d = opendir("/work");
  char *names[16];
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) && n < 16)
    if (e->d_name[0] != '.')
      names[n++] = strdup(e->d_name);
  closedir(d);
  qsort(names, n, sizeof(char *), compare);
  printf("listing:");
  for (int i = 0; i < n; ++i)
    printf(" %s", names[i]);
  printf("\n");
  printf("missing: %d %s\n", open("/work/nope", O_RDONLY), strerror(errno));
  printf("done\n");
  return 0;
}
