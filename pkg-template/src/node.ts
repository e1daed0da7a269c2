/**
 * ordergate for Node: the engine module is loaded synchronously when this module is imported, so
 * `init()` is optional and decisions are synchronous from the start; the compiler module, which
 * reads policies from JSON, is loaded the first time one is.
 * @packageDocumentation
 */
import { initSync as initWasmSync } from "./glue/ordergate.js";
import { initSync as initCompilerSync } from "./glue/ordergate_compiler.js";
import { isCompilerInitialized, isInitialized, markCompilerReady, markReady, setCompilerLoader } from "./sdk.js";

export { Policy, builtinNames, builtinSource, compilePolicy, isCompilerInitialized, isInitialized, memoryBytes } from "./sdk.js";
export { PreparedRequests, Verdicts } from "./verdicts.js";
export type { Verdict, VerdictAlternative } from "./rows.js";
export { OrdergateError } from "./errors.js";
export type { ErrorCode } from "./errors.js";
export type * from "./types.js";

/**
 * Reads a module's bytes from beside this file (`ordergate` or `ordergate_compiler`); defined by
 * the build for each module format.
 */
declare function readWasm(name?: string): Uint8Array;

/** Instantiates the compiler module synchronously, from its file unless its bytes are given. */
function loadCompiler(module?: BufferSource | WebAssembly.Module): void {
  if (isCompilerInitialized()) return;
  initCompilerSync({ module: module ?? readWasm("ordergate_compiler") });
  markCompilerReady();
}

/**
 * Instantiates the engine synchronously from its bytes (already done on import in Node), and the
 * compiler when its bytes are given (otherwise it is read from its file when first needed).
 */
export function initSync(module?: BufferSource | WebAssembly.Module, compiler?: BufferSource | WebAssembly.Module): void {
  if (!isInitialized()) markReady(initWasmSync({ module: module ?? readWasm() }));
  if (compiler !== undefined) loadCompiler(compiler);
}

/** Resolves at once in Node: the module is loaded on import. Kept for code shared with browsers. */
export async function init(): Promise<void> {
  initSync();
}

setCompilerLoader(() => loadCompiler());
initSync();
