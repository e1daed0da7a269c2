/**
 * ordergate for Node: the WebAssembly module is loaded synchronously when this module is
 * imported, so `init()` is optional and decisions are synchronous from the start.
 * @packageDocumentation
 */
import { initSync as initWasmSync } from "./glue/ordergate.js";
import { isInitialized, markReady } from "./sdk.js";

export { Policy, builtinNames, builtinSource, isInitialized, memoryBytes } from "./sdk.js";
export { PreparedRequests, Verdicts } from "./verdicts.js";
export type { Verdict, VerdictAlternative } from "./rows.js";
export { OrdergateError } from "./errors.js";
export type { ErrorCode } from "./errors.js";
export type * from "./types.js";

/** Reads the module's bytes from beside this file; defined by the build for each module format. */
declare function readWasm(): Uint8Array;

/** Instantiates the module synchronously from its bytes (already done on import in Node). */
export function initSync(module?: BufferSource | WebAssembly.Module): void {
  if (isInitialized()) return;
  markReady(initWasmSync({ module: module ?? readWasm() }));
}

/** Resolves at once in Node: the module is loaded on import. Kept for code shared with browsers. */
export async function init(): Promise<void> {
  initSync();
}

initSync();
