/**
 * ordergate: order-cancellation and eligibility decisions, in the browser.
 *
 * Call `await init()` once; every decision after that is synchronous.
 * @packageDocumentation
 */
import initWasm, { initSync as initWasmSync } from "./glue/ordergate.js";
import { isInitialized, markReady } from "./sdk.js";

export { Policy, builtinNames, builtinSource, isInitialized, memoryBytes } from "./sdk.js";
export { PreparedRequests, Verdicts } from "./verdicts.js";
export type { Verdict, VerdictAlternative } from "./rows.js";
export { OrdergateError } from "./errors.js";
export type { ErrorCode } from "./errors.js";
export type * from "./types.js";

/** What `init` accepts: the module's URL, a Response, its bytes, or a compiled module. */
export type WasmSource = URL | string | Response | BufferSource | WebAssembly.Module;

/**
 * Loads the WebAssembly module. Without an argument it is fetched next to this file
 * (`ordergate_bg.wasm`). Safe to call more than once.
 */
export async function init(source?: WasmSource | Promise<Response>): Promise<void> {
  if (isInitialized()) return;
  markReady(await initWasm(source === undefined ? undefined : { module_or_path: source }));
}

/** Instantiates the module synchronously from its bytes or a compiled module. */
export function initSync(module: BufferSource | WebAssembly.Module): void {
  if (isInitialized()) return;
  markReady(initWasmSync({ module }));
}
