// node's WASI with directory grants, as a reference for differential tests:
//   node-wasi-fs.mjs [--env K=V]... [--dir HOST::GUEST]... app.wasm [args...]
// Not a sandbox (node follows symbolic links out of a pre-opened directory):
// only for comparing output on well-behaved programs.
import { readFileSync } from "node:fs";
import { WASI } from "node:wasi";
import { argv, exit } from "node:process";

const env = {};
const preopens = {};
let i = 2;
for (;;) {
  if (argv[i] === "--env") {
    const kv = argv[i + 1];
    const eq = kv.indexOf("=");
    env[kv.slice(0, eq)] = kv.slice(eq + 1);
  } else if (argv[i] === "--dir") {
    const spec = argv[i + 1];
    const sep = spec.indexOf("::");
    preopens[sep < 0 ? spec : spec.slice(sep + 2)] = sep < 0 ? spec : spec.slice(0, sep);
  } else {
    break;
  }
  i += 2;
}
const file = argv[i];
const wasi = new WASI({ version: "preview1", args: argv.slice(i), env, preopens, returnOnExit: true });
const module = await WebAssembly.compile(readFileSync(file));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
exit(wasi.start(instance));
