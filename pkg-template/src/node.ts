/**
 * ordergate for Node: nothing to initialize. The first call that needs a module loads it
 * synchronously: the engine module for compiled and built-in policies, or the full module
 * (engine and compiler) when a policy is first read from JSON, which then holds every policy.
 * `init()` and `initSync()` are kept for code shared with browsers.
 * @packageDocumentation
 */
import { initSync as initEngineSync } from "./glue/ordergate.js";
import { initSync as initFullSync } from "./glue/ordergate_compiler.js";
import { isCompilerInitialized, isInitialized, markCompilerReady, markReady, setLoaders } from "./sdk.js";

export { Policy, builtinNames, builtinSource, compilePolicy, compilePolicyModule, isCompilerInitialized, isInitialized, memoryBytes } from "./sdk.js";
export type { PolicyModule, PolicyModuleFormat, PolicyModuleOptions } from "./policy-module.js";
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

/** Instantiates the engine module, from its file unless its bytes are given. */
function loadEngine(module?: BufferSource | WebAssembly.Module): void {
  if (isInitialized()) return;
  markReady(initEngineSync({ module: module ?? readWasm() }));
}

/** Instantiates the full module, from its file unless its bytes are given. */
function loadFull(module?: BufferSource | WebAssembly.Module): void {
  if (isCompilerInitialized()) return;
  markCompilerReady(initFullSync({ module: module ?? readWasm("ordergate_compiler") }));
}

/**
 * Instantiates the modules given: the full module (`compiler`) first, so that when both are given
 * before any use it decides too and the engine's bytes go unused. Nothing needs this in Node.
 */
export function initSync(module?: BufferSource | WebAssembly.Module, compiler?: BufferSource | WebAssembly.Module): void {
  if (compiler !== undefined) loadFull(compiler);
  loadEngine(module);
}

/**
 * Resolves at once: in Node each module loads on first use (see above), so that a policy read
 * from JSON first finds the full module alone. Kept for code shared with browsers.
 */
export async function init(): Promise<void> {}

setLoaders({ engine: () => loadEngine(), full: () => loadFull() });
