"""Writes a large, deterministic C program for compile-time measurements.

NFILES translation units of NFUNCS functions each; every function mixes the
shapes a compiler spends its time on: counted loops over a global array,
switches, conditional direct calls to later functions (so chains end), indirect calls through
a 256-entry table (at most 8 deep), rotates and multiplies, and
data-dependent while loops. main calls them all through a function table, so
nothing is dead. 84 files x 500 functions make a .wasm of about 29 MB.
"""
import random
import sys
from pathlib import Path


def statement(r, i, total):
    kind = r.randint(0, 5)
    c1, c2 = r.getrandbits(16) | 1, r.randint(1, 31)
    if kind == 0:
        return (f"  for (uint32_t j = 0; j < (y & 63); ++j) {{ x += g_mem[(x + j * {c1}u) & 65535]"
                f" ^ (y >> {c2 % 8}); g_mem[(j + {c1}u) & 65535] = x; }}")
    if kind == 1:
        cases = " ".join(f"case {c}: x = x * {r.getrandbits(8) | 1}u + {r.getrandbits(12)}u; break;"
                         for c in range(r.randint(3, 12)))
        return f"  switch ((x >> {c2}) & 15) {{ {cases} default: y ^= x; }}"
    if kind == 2 and i + 1 < total:
        callee = r.randint(i + 1, min(total - 1, i + 200))
        return f"  if ((x & 7) == {r.randint(0, 7)}) x += f{callee}(y, x >> 3);"
    if kind == 3:
        return ("  if (g_depth < 8) { ++g_depth; y = g_table[(x ^ y) & 255](x & 1023, y);"
                " --g_depth; }")
    if kind == 4:
        return f"  x = (x << {c2}) | (x >> (32 - {c2})); y += x * {c1}u; x ^= y >> 7;"
    return f"  while (x > {c1}u && y) {{ x = (x >> 1) ^ (y & {c1}u); y--; }}"


def generate(out, nfiles, nfuncs):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    r = random.Random(7)
    total = nfiles * nfuncs
    (out / "decls.h").write_text(
        "".join(f"uint32_t f{i}(uint32_t, uint32_t);\n" for i in range(total)))
    prelude = ["#include <stdint.h>", '#include "decls.h"', "extern uint32_t g_mem[65536], g_depth;",
               "typedef uint32_t (*fn_t)(uint32_t, uint32_t);", "extern fn_t g_table[];"]
    files = []
    for f in range(nfiles):
        lines = list(prelude)
        for i in range(f * nfuncs, (f + 1) * nfuncs):
            lines.append(f"uint32_t f{i}(uint32_t a, uint32_t b) {{")
            lines.append(f"  uint32_t x = a ^ {r.getrandbits(32)}u, y = b + {r.getrandbits(16)}u;")
            lines += [statement(r, i, total) for _ in range(r.randint(4, 9))]
            lines.append("  return x ^ y;\n}")
        files.append(out / f"gen{f}.c")
        files[-1].write_text("\n".join(lines) + "\n")
    table = ", ".join(f"f{r.randrange(total)}" for _ in range(256))
    every = ", ".join(f"f{i}" for i in range(total))
    (out / "main.c").write_text(f"""#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "decls.h"
typedef uint32_t (*fn_t)(uint32_t, uint32_t);
uint32_t g_mem[65536], g_depth;
fn_t g_table[256] = {{{table}}};
static fn_t all[] = {{{every}}};
int main(int argc, char **argv) {{
  uint32_t n = argc > 1 ? (uint32_t)atoi(argv[1]) : 1000, s = 0;
  for (uint32_t i = 0; i < n; ++i)
    s += all[(i * 2654435761u) % (sizeof all / sizeof *all)](i, s);
  printf("%u\\n", s);
  return 0;
}}
""")
    return files + [out / "main.c"]


if __name__ == "__main__":
    generate(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
