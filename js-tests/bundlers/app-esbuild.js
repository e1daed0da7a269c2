// esbuild does not turn `new URL("x.wasm", import.meta.url)` into an asset: the consumer imports
// the module's URL (with `--loader:.wasm=file`) and hands it to init(): here the full module,
// which decides and reads JSON.
import { init, Policy, OrdergateError } from "ordergate";
import compilerUrl from "ordergate/ordergate_compiler_bg.wasm";
import { run } from "./run.js";

await init(undefined, { compiler: new URL(compilerUrl, import.meta.url) });
run(Policy, OrdergateError);
