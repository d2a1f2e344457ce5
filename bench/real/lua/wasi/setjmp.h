/* Stands in for <setjmp.h> when Lua is built for wasm32-wasi: Debian's
 * wasi-libc (2022) has no setjmp/longjmp and its header does not compile.
 * the harness defines LUAI_TRY/LUAI_THROW/luai_jmpbuf so ldo.c never uses it; a
 * Lua error then aborts, which the benchmark script never raises. */
