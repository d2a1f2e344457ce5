// A sandboxed plugin: plain C compiled to a Wasm module with no libc. It can
// only touch its own linear memory and call what the host hands it (log).
// Built with: clang-19 --target=wasm32 -O2 -nostdlib -Wl,--no-entry
#define EXPORT(name) __attribute__((export_name(name)))
#define IMPORT(mod, name) __attribute__((import_module(mod), import_name(name)))

IMPORT("host", "log") void host_log(int code, int value);

EXPORT("checksum") unsigned checksum(const unsigned char *data, unsigned len) {
  unsigned h = 2166136261u; // FNV-1a
  for (unsigned i = 0; i < len; ++i)
    h = (h ^ data[i]) * 16777619u;
  host_log(1, (int)h);
  return h;
}

static unsigned char buffer[256];
EXPORT("buffer") unsigned char *get_buffer(void) { return buffer; }

EXPORT("divide") int divide(int a, int b) { return a / b; } // traps on b == 0
