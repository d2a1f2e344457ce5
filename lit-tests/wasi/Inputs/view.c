/* What a guest sees, for the grant tests. Runs its arguments as commands:
 *   preopens        "preopen FD NAME" per pre-opened directory, then the
 *                   type of the descriptors after them ("fd FD socket")
 *   env             the environment, sorted
 *   args            the arguments
 *   read PATH       the file's first line, or the error
 *   write PATH TEXT creates/truncates PATH with TEXT
 *   mkdir PATH
 *   probe           tries descriptors 3..63 and paths relative to stdio
 * Anything else is printed as "arg X" (arguments are never grants). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wasi/api.h>

extern char **environ;

static int compare(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void preopens(void) {
  int fd = 3;
  for (;; ++fd) {
    __wasi_prestat_t p;
    if (__wasi_fd_prestat_get(fd, &p) != 0)
      break;
    char name[256] = {0};
    if (p.u.dir.pr_name_len < sizeof(name) &&
        __wasi_fd_prestat_dir_name(fd, (uint8_t *)name, p.u.dir.pr_name_len) ==
            0)
      printf("preopen %d %s\n", fd, name);
  }
  for (;; ++fd) {
    __wasi_fdstat_t st;
    if (__wasi_fd_fdstat_get(fd, &st) != 0)
      break;
    printf("fd %d %s\n", fd,
           st.fs_filetype == __WASI_FILETYPE_SOCKET_STREAM ? "socket" : "other");
  }
  printf("preopens end\n");
}

static void env(void) {
  int n = 0;
  while (environ[n])
    ++n;
  qsort(environ, n, sizeof(char *), compare);
  for (int i = 0; i < n; ++i)
    printf("env %s\n", environ[i]);
  printf("env end (%d)\n", n);
}

static void probe(void) {
  int open = 0;
  for (int fd = 3; fd < 64; ++fd) {
    __wasi_fdstat_t st;
    __wasi_prestat_t p;
    if (__wasi_fd_fdstat_get(fd, &st) != __WASI_ERRNO_BADF ||
        __wasi_fd_prestat_get(fd, &p) != __WASI_ERRNO_BADF)
      ++open;
  }
  printf("probe: %d descriptors above stdio\n", open);
  for (int fd = 0; fd < 3; ++fd) {
    __wasi_fd_t out;
    __wasi_errno_t e =
        __wasi_path_open(fd, 0, "../../../../etc/passwd", 0,
                         __WASI_RIGHTS_FD_READ, 0, 0, &out);
    printf("probe: path_open relative to %d: %d\n", fd, e);
  }
  static const char *paths[] = {"/etc/passwd", "/", ".", "/proc/self/environ",
                                "/tmp"};
  for (unsigned i = 0; i < sizeof(paths) / sizeof(paths[0]); ++i) {
    struct stat st;
    printf("probe: stat %s: %s\n", paths[i],
           stat(paths[i], &st) == 0 ? "visible" : strerror(errno));
  }
}

int main(int argc, char **argv) {
  for (int i = 1; i < argc; ++i) {
    const char *cmd = argv[i];
    if (strcmp(cmd, "preopens") == 0) {
      preopens();
    } else if (strcmp(cmd, "env") == 0) {
      env();
    } else if (strcmp(cmd, "args") == 0) {
      for (int k = 0; k < argc; ++k)
        printf("argv[%d] %s\n", k, argv[k]);
    } else if (strcmp(cmd, "probe") == 0) {
      probe();
    } else if (strcmp(cmd, "read") == 0 && i + 1 < argc) {
      const char *path = argv[++i];
      FILE *f = fopen(path, "r");
      char line[256] = "";
      if (!f) {
        printf("read %s: %s\n", path, strerror(errno));
        continue;
      }
      if (!fgets(line, sizeof(line), f))
        line[0] = 0;
      line[strcspn(line, "\n")] = 0;
      fclose(f);
      printf("read %s: %s\n", path, line);
    } else if (strcmp(cmd, "write") == 0 && i + 2 < argc) {
      const char *path = argv[++i], *text = argv[++i];
      FILE *f = fopen(path, "w");
      if (!f || fputs(text, f) < 0 || fclose(f) != 0)
        printf("write %s: %s\n", path, strerror(errno));
      else
        printf("write %s: ok\n", path);
    } else if (strcmp(cmd, "mkdir") == 0 && i + 1 < argc) {
      const char *path = argv[++i];
      printf("mkdir %s: %s\n", path,
             mkdir(path, 0777) == 0 ? "ok" : strerror(errno));
    } else {
      printf("arg %s\n", cmd);
    }
  }
  return 0;
}
