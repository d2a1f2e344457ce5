//===- Policy.cpp - Compile-time grants merged with run-time ones ---------===//
//
// The operator adjusts the grants baked into an executable with ONE
// environment variable, WASM2BIN_GRANTS, read by Start.cpp and never shown to
// the guest. It holds the same flags as wasm2bin's command line, separated by
// white space, with '...' / "..." quoting and backslash escapes:
//
//   --dir HOST[::GUEST]  --dir-ro HOST[::GUEST]  --env KEY=VALUE  --env KEY
//   --inherit-env  --listen ADDR:PORT  --reset
//
// They apply in order on top of the baked grants: a directory granted again
// under the same guest path replaces the earlier grant (in its place, so its
// descriptor number stays), an environment variable granted again takes the
// later value, sockets add up, and --reset forgets everything granted before
// it (the baked grants included).
//
//===----------------------------------------------------------------------===//
#include "Context.h"

#include "Internal.h"

#include <string.h>

namespace w2b {
namespace wasi {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Splits `s` (modified in place) into words; returns their number, or -1 on
// an unterminated quote. words[i] point into s.
int splitWords(char *s, char **words, int max) {
  int n = 0;
  char *in = s;
  for (;;) {
    while (isSpace(*in))
      ++in;
    if (!*in)
      return n;
    char *out = in, *word = in;
    while (*in && !isSpace(*in)) {
      char c = *in++;
      if (c == '\'' || c == '"') {
        while (*in && *in != c) {
          if (c == '"' && *in == '\\' && in[1])
            ++in;
          *out++ = *in++;
        }
        if (!*in)
          return -1;
        ++in;
      } else if (c == '\\' && *in) {
        *out++ = *in++;
      } else {
        *out++ = c;
      }
    }
    bool more = *in != 0;
    *out = 0;
    if (n < max)
      words[n++] = word;
    if (!more)
      return n;
    ++in;
  }
}

void setError(char *err, size_t size, const char *a, const char *b = "",
              const char *c = "") {
  if (!size)
    return;
  err[0] = 0;
  appendString(err, size, a);
  appendString(err, size, b);
  appendString(err, size, c);
}

// "HOST::GUEST" or "HOST" (modified in place).
bool splitDir(char *spec, w2b_dir_grant *g) {
  g->host_path = spec;
  g->guest_path = spec;
  for (char *c = spec; *c; ++c)
    if (c[0] == ':' && c[1] == ':') {
      *c = 0;
      g->guest_path = c + 2;
      break;
    }
  return *g->host_path && *g->guest_path;
}

struct Builder {
  const char **env;
  w2b_dir_grant *dirs;
  const char **listen;
  uint32_t numEnv = 0, numDirs = 0, numListen = 0;
  bool inheritEnv = false;

  void addDir(const w2b_dir_grant &g) {
    for (uint32_t i = 0; i < numDirs; ++i)
      if (strcmp(dirs[i].guest_path, g.guest_path) == 0) {
        dirs[i] = g;
        return;
      }
    dirs[numDirs++] = g;
  }
};

} // namespace

void appendString(char *dst, size_t size, const char *s) {
  size_t n = strlen(dst);
  while (*s && n + 1 < size)
    dst[n++] = *s++;
  dst[n] = 0;
}

void freePolicy(Policy *p) {
  pageFree(p->block, p->blockSize);
  *p = Policy();
}

bool buildPolicy(const w2b_policy *baked, const char *grants, Policy *out,
                 char *err, size_t errSize) {
  freePolicy(out);
  static const w2b_policy none = {0, nullptr, 0, 0, nullptr, 0, nullptr};
  if (!baked)
    baked = &none;
  if (!grants) {
    // The common case: the baked policy as it is, nothing allocated.
    out->numEnv = baked->num_env;
    out->env = baked->env;
    out->inheritEnv = baked->inherit_env != 0;
    out->numDirs = baked->num_dirs;
    out->dirs = baked->dirs;
    out->numListen = baked->num_listen;
    out->listen = baked->listen;
    return true;
  }

  // Every word of the specification adds at most one grant of each kind.
  size_t len = strlen(grants), words = 0;
  for (size_t i = 0; i < len; ++i)
    words += !isSpace(grants[i]) && (i == 0 || isSpace(grants[i - 1]));
  size_t envCap = baked->num_env + words, dirCap = baked->num_dirs + words,
         listenCap = baked->num_listen + words;
  size_t size = (envCap + listenCap + words) * sizeof(char *) +
                dirCap * sizeof(w2b_dir_grant) + len + 1;
  char *block = static_cast<char *>(pageAlloc(size));
  if (!block) {
    setError(err, errSize, "out of memory");
    return false;
  }
  out->block = block;
  out->blockSize = size;
  Builder b;
  b.dirs = reinterpret_cast<w2b_dir_grant *>(block);
  b.env = reinterpret_cast<const char **>(b.dirs + dirCap);
  b.listen = b.env + envCap;
  char **argv = const_cast<char **>(b.listen + listenCap);
  char *storage = reinterpret_cast<char *>(argv + words);
  memcpy(storage, grants, len + 1);

  for (uint32_t i = 0; i < baked->num_env; ++i)
    b.env[b.numEnv++] = baked->env[i];
  b.inheritEnv = baked->inherit_env != 0;
  for (uint32_t i = 0; i < baked->num_dirs; ++i)
    b.addDir(baked->dirs[i]);
  for (uint32_t i = 0; i < baked->num_listen; ++i)
    b.listen[b.numListen++] = baked->listen[i];

  int argc = splitWords(storage, argv, int(words));
  bool ok = argc >= 0;
  if (!ok)
    setError(err, errSize, "WASM2BIN_GRANTS: unterminated quote");
  for (int i = 0; ok && i < argc; ++i) {
    char *opt = argv[i];
    // --name=value or --name value.
    char *value = nullptr;
    if (strncmp(opt, "--", 2) == 0)
      if (char *eq = strchr(opt, '=')) {
        *eq = 0;
        value = eq + 1;
      }
    bool isDir = strcmp(opt, "--dir") == 0 || strcmp(opt, "--dir-ro") == 0;
    bool takesValue =
        isDir || strcmp(opt, "--env") == 0 || strcmp(opt, "--listen") == 0;
    if (takesValue && !value) {
      if (i + 1 >= argc) {
        setError(err, errSize, "WASM2BIN_GRANTS: ", opt, " needs a value");
        ok = false;
        break;
      }
      value = argv[++i];
    } else if (!takesValue && value) {
      setError(err, errSize, "WASM2BIN_GRANTS: ", opt, " takes no value");
      ok = false;
      break;
    }
    if (isDir) {
      w2b_dir_grant g;
      g.read_only = opt[5] == '-';
      if (!splitDir(value, &g)) {
        setError(err, errSize, "WASM2BIN_GRANTS: ", opt,
                 " expects HOST[::GUEST]");
        ok = false;
        break;
      }
      b.addDir(g);
    } else if (strcmp(opt, "--env") == 0) {
      if (!*value || *value == '=') {
        setError(err, errSize,
                 "WASM2BIN_GRANTS: --env expects KEY=VALUE or KEY");
        ok = false;
        break;
      }
      b.env[b.numEnv++] = value;
    } else if (strcmp(opt, "--listen") == 0) {
      b.listen[b.numListen++] = value;
    } else if (strcmp(opt, "--inherit-env") == 0) {
      b.inheritEnv = true;
    } else if (strcmp(opt, "--reset") == 0) {
      b.numEnv = b.numDirs = b.numListen = 0;
      b.inheritEnv = false;
    } else {
      setError(err, errSize, "WASM2BIN_GRANTS: unknown option '", opt, "'");
      ok = false;
    }
  }
  out->numEnv = b.numEnv;
  out->env = b.env;
  out->inheritEnv = b.inheritEnv;
  out->numDirs = b.numDirs;
  out->dirs = b.dirs;
  out->numListen = b.numListen;
  out->listen = b.listen;
  return ok;
}

} // namespace wasi
} // namespace w2b
