/* Two C library functions Lua references that wasi-libc (2022) lacks. The
 * benchmark never calls them (io.tmpfile, os.execute); they fail as POSIX
 * allows when there is no temporary file or shell. */
#include <errno.h>
#include <stdio.h>

FILE *tmpfile(void) {
  errno = ENOTSUP;
  return NULL;
}

int system(const char *command) { return command ? -1 : 0; /* no shell */ }
