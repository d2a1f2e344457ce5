/* The one VFS for sqlite's speedtest1 in the benchmark, built into every
 * variant (native too) so they all run the same code. sqlite 3.40's unix VFS
 * does not build for WASI, so sqlite is configured with SQLITE_OS_OTHER and
 * this file supplies sqlite3_os_init. speedtest1 runs with --memdb; the few
 * files sqlite still opens (VACUUM's temporary database, journals) live in
 * malloc'd buffers that vanish on close. Randomness is deterministic so every
 * variant makes the same choices; the clock is real (speedtest1 prints
 * timings, which the harness ignores). */
#include "sqlite3.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
  sqlite3_file base;
  unsigned char *data;
  sqlite3_int64 size, capacity;
} MemFile;

static int mf_close(sqlite3_file *f) {
  free(((MemFile *)f)->data);
  return SQLITE_OK;
}
static int mf_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off) {
  MemFile *m = (MemFile *)f;
  if (off >= m->size) {
    memset(buf, 0, n);
    return SQLITE_IOERR_SHORT_READ;
  }
  sqlite3_int64 avail = m->size - off;
  if (avail < n) {
    memcpy(buf, m->data + off, avail);
    memset((char *)buf + avail, 0, n - avail);
    return SQLITE_IOERR_SHORT_READ;
  }
  memcpy(buf, m->data + off, n);
  return SQLITE_OK;
}
static int mf_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off) {
  MemFile *m = (MemFile *)f;
  if (off + n > m->capacity) {
    sqlite3_int64 cap = m->capacity ? m->capacity : 65536;
    while (cap < off + n)
      cap *= 2;
    unsigned char *p = realloc(m->data, cap);
    if (!p)
      return SQLITE_IOERR_WRITE;
    memset(p + m->capacity, 0, cap - m->capacity);
    m->data = p;
    m->capacity = cap;
  }
  memcpy(m->data + off, buf, n);
  if (off + n > m->size)
    m->size = off + n;
  return SQLITE_OK;
}
static int mf_truncate(sqlite3_file *f, sqlite3_int64 size) {
  MemFile *m = (MemFile *)f;
  if (size < m->size)
    m->size = size;
  return SQLITE_OK;
}
static int mf_sync(sqlite3_file *f, int flags) { return SQLITE_OK; }
static int mf_file_size(sqlite3_file *f, sqlite3_int64 *out) {
  *out = ((MemFile *)f)->size;
  return SQLITE_OK;
}
static int mf_lock(sqlite3_file *f, int level) { return SQLITE_OK; }
static int mf_check_reserved(sqlite3_file *f, int *out) {
  *out = 0;
  return SQLITE_OK;
}
static int mf_file_control(sqlite3_file *f, int op, void *arg) {
  return SQLITE_NOTFOUND;
}
static int mf_sector_size(sqlite3_file *f) { return 512; }
static int mf_device_characteristics(sqlite3_file *f) { return 0; }

static const sqlite3_io_methods mem_file_methods = {
    1, mf_close, mf_read, mf_write, mf_truncate, mf_sync, mf_file_size,
    mf_lock, mf_lock, mf_check_reserved, mf_file_control, mf_sector_size,
    mf_device_characteristics};

static int mv_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file,
                   int flags, int *out_flags) {
  MemFile *m = (MemFile *)file;
  memset(m, 0, sizeof *m);
  m->base.pMethods = &mem_file_methods;
  if (out_flags)
    *out_flags = flags;
  return SQLITE_OK;
}
static int mv_delete(sqlite3_vfs *vfs, const char *name, int sync_dir) {
  return SQLITE_OK;
}
static int mv_access(sqlite3_vfs *vfs, const char *name, int flags, int *out) {
  *out = 0;
  return SQLITE_OK;
}
static int mv_full_pathname(sqlite3_vfs *vfs, const char *name, int n, char *out) {
  sqlite3_snprintf(n, out, "%s", name);
  return SQLITE_OK;
}
static int mv_randomness(sqlite3_vfs *vfs, int n, char *out) {
  for (int i = 0; i < n; ++i)
    out[i] = (char)(i * 131 + 7);
  return n;
}
static int mv_sleep(sqlite3_vfs *vfs, int us) { return us; }
static int mv_current_time_int64(sqlite3_vfs *vfs, sqlite3_int64 *out) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  /* Julian day in milliseconds, as sqlite expects */
  *out = 210866760000000LL + (sqlite3_int64)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
  return SQLITE_OK;
}
static int mv_current_time(sqlite3_vfs *vfs, double *out) {
  sqlite3_int64 ms;
  mv_current_time_int64(vfs, &ms);
  *out = ms / 86400000.0;
  return SQLITE_OK;
}
static int mv_get_last_error(sqlite3_vfs *vfs, int n, char *out) { return 0; }

static sqlite3_vfs mem_vfs = {
    2, sizeof(MemFile), 512, 0, "bench-mem", 0,
    mv_open, mv_delete, mv_access, mv_full_pathname,
    0, 0, 0, 0, /* no extension loading */
    mv_randomness, mv_sleep, mv_current_time, mv_get_last_error,
    mv_current_time_int64};

int sqlite3_os_init(void) { return sqlite3_vfs_register(&mem_vfs, 1); }
int sqlite3_os_end(void) { return SQLITE_OK; }
