/**
 * ordergate: order-cancellation and eligibility decisions, in the browser.
 *
 * Call `await init()` once; every decision after that is synchronous. A page that loads only
 * compiled policies (`Policy.fromCompiled`) and built-in ones calls `await init(undefined,
 * { compiler: false })` and downloads the engine module alone.
 * @packageDocumentation
 */
import initWasm, { initSync as initWasmSync } from "./glue/ordergate.js";
import initCompiler, { initSync as initCompilerSync } from "./glue/ordergate_compiler.js";
import { isCompilerInitialized, isInitialized, markCompilerReady, markReady } from "./sdk.js";

export { Policy, builtinNames, builtinSource, compilePolicy, isCompilerInitialized, isInitialized, memoryBytes } from "./sdk.js";
export { PreparedRequests, Verdicts } from "./verdicts.js";
export type { Verdict, VerdictAlternative } from "./rows.js";
export { OrdergateError } from "./errors.js";
export type { ErrorCode } from "./errors.js";
export type * from "./types.js";

/** What `init` accepts: the module's URL, a Response, its bytes, or a compiled module. */
export type WasmSource = URL | string | Response | BufferSource | WebAssembly.Module;

/** Which modules `init` loads besides the engine. */
export interface InitOptions {
  /**
   * The compiler module, which reads policies from JSON (`Policy.fromJson`, `compilePolicy`,
   * `builtinSource`): its URL, Response, bytes or compiled module; fetched next to this file
   * (`ordergate_compiler_bg.wasm`) when not given; `false` not to load it.
   */
  compiler?: WasmSource | Promise<Response> | false;
}

/**
 * Loads the WebAssembly modules: the engine and, unless `options.compiler` is `false`, the
 * compiler. Without a source each is fetched next to this file (`ordergate_bg.wasm`,
 * `ordergate_compiler_bg.wasm`). Safe to call more than once.
 */
export async function init(source?: WasmSource | Promise<Response>, options: InitOptions = {}): Promise<void> {
  const { compiler } = options;
  const engine = isInitialized()
    ? undefined
    : initWasm(source === undefined ? undefined : { module_or_path: source }).then(markReady);
  const compilerLoaded =
    compiler === false || isCompilerInitialized()
      ? undefined
      : initCompiler(compiler === undefined ? undefined : { module_or_path: compiler }).then(markCompilerReady);
  await Promise.all([engine, compilerLoaded]);
}

/**
 * Instantiates the engine synchronously from its bytes or a compiled module, and the compiler
 * too when its bytes or module are given.
 */
export function initSync(module: BufferSource | WebAssembly.Module, compiler?: BufferSource | WebAssembly.Module): void {
  if (!isInitialized()) markReady(initWasmSync({ module }));
  if (compiler !== undefined && !isCompilerInitialized()) {
    initCompilerSync({ module: compiler });
    markCompilerReady();
  }
}
