// esbuild does not turn `new URL("x.wasm", import.meta.url)` into an asset: the consumer imports
// the modules' URLs (with `--loader:.wasm=file`) and hands them to init().
import { init, Policy, OrdergateError } from "ordergate";
import wasmUrl from "ordergate/ordergate_bg.wasm";
import compilerUrl from "ordergate/ordergate_compiler_bg.wasm";
import { run } from "./run.js";

await init(new URL(wasmUrl, import.meta.url), { compiler: new URL(compilerUrl, import.meta.url) });
run(Policy, OrdergateError);
