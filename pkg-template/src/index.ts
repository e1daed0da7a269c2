/**
 * ordergate: order-cancellation and eligibility decisions, in the browser.
 *
 * Call `await init()` once; every decision after that is synchronous. A page that loads only
 * compiled policies (`Policy.fromCompiled`) and built-in ones calls `await init(undefined,
 * { compiler: false })` and downloads the engine module alone; `init()` downloads the full
 * module, which carries the engine and the compiler in one.
 * @packageDocumentation
 */
import initEngine, { initSync as initEngineSync } from "./glue/ordergate.js";
import initFull, { initSync as initFullSync } from "./glue/ordergate_compiler.js";
import { isCompilerInitialized, isInitialized, markCompilerReady, markReady } from "./sdk.js";

export { Policy, builtinNames, builtinSource, compilePolicy, compilePolicyModule, isCompilerInitialized, isInitialized, memoryBytes } from "./sdk.js";
export type { PolicyModule, PolicyModuleFormat, PolicyModuleOptions } from "./policy-module.js";
export { PreparedRequests, Verdicts } from "./verdicts.js";
export type { Verdict, VerdictAlternative } from "./rows.js";
export { OrdergateError } from "./errors.js";
export type { ErrorCode } from "./errors.js";
export type * from "./types.js";

/** What `init` accepts: the module's URL, a Response, its bytes, or a compiled module. */
export type WasmSource = URL | string | Response | BufferSource | WebAssembly.Module;

/** Which module `init` loads. */
export interface InitOptions {
  /**
   * The full module, which decides and also reads policies from JSON (`Policy.fromJson`,
   * `compilePolicy`, `builtinSource`): its URL, Response, bytes or compiled module; fetched next
   * to this file (`ordergate_compiler_bg.wasm`) when not given. `false` loads the engine module
   * alone, for pages whose policies are compiled or built in (about half the download).
   */
  compiler?: WasmSource | Promise<Response> | false;
}

/**
 * Loads the WebAssembly module: the full module (engine and compiler), or with
 * `{ compiler: false }` the engine module alone, from `source` or fetched next to this file
 * (`ordergate_bg.wasm`). After the engine module, a later `init()` adds the full module as the
 * compiler: policies read from JSON are then compiled there and read by the engine. Safe to call
 * more than once.
 */
export async function init(source?: WasmSource | Promise<Response>, options: InitOptions = {}): Promise<void> {
  const { compiler } = options;
  if (compiler === false) {
    if (!isInitialized()) markReady(await initEngine(source === undefined ? undefined : { module_or_path: source }));
    return;
  }
  if (!isCompilerInitialized()) {
    markCompilerReady(await initFull(compiler === undefined ? undefined : { module_or_path: compiler }));
  }
}

/**
 * Instantiates synchronously from bytes or a compiled module: the full module when `compiler` is
 * given (it decides too, so the engine's bytes are then used only if the engine was not loaded
 * before), otherwise the engine module.
 */
export function initSync(module: BufferSource | WebAssembly.Module, compiler?: BufferSource | WebAssembly.Module): void {
  if (compiler !== undefined && !isCompilerInitialized()) markCompilerReady(initFullSync({ module: compiler }));
  if (!isInitialized()) markReady(initEngineSync({ module }));
}
