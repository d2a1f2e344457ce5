// Runs a WASI preview1 command under node's WASI, as a reference for
// differential tests: node-wasi.mjs [--env K=V]... app.wasm [args...]
// Exit code and stdout/stderr are the program's. Node's WASI is not a sandbox
// (see GUIDE.md); it is only used to compare output on well-behaved programs.
import { readFileSync } from "node:fs";
import { WASI } from "node:wasi";
import { argv, exit } from "node:process";

const env = {};
let i = 2;
while (argv[i] === "--env") {
  const kv = argv[i + 1];
  const eq = kv.indexOf("=");
  env[kv.slice(0, eq)] = kv.slice(eq + 1);
  i += 2;
}
const file = argv[i];
const wasi = new WASI({ version: "preview1", args: argv.slice(i), env, returnOnExit: true });
const module = await WebAssembly.compile(readFileSync(file));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
exit(wasi.start(instance));
