import type { AvailableRequest, DecideRequest, Decision, Facts, Instant, PolicyDocument, PolicySummary } from "./types.js";
import { OrdergateError, toOrdergateError } from "./errors.js";
import * as glue from "./glue/ordergate.js";

let ready = false;
let memory: WebAssembly.Memory | undefined;

/** Marks the WASM module as instantiated (called by the entry points with its exports). */
export function markReady(exports: { memory: WebAssembly.Memory }): void {
  ready = true;
  memory = exports.memory;
}

/**
 * The size of the WebAssembly memory in bytes (0 before init): a diagnostic for long-running
 * services, which should see it settle after warm-up and stay flat.
 */
export function memoryBytes(): number {
  return memory?.buffer.byteLength ?? 0;
}

/** Whether `init` or `initSync` has completed. */
export function isInitialized(): boolean {
  return ready;
}

function assertReady(): void {
  if (!ready) {
    throw new OrdergateError(
      "NOT_INITIALIZED",
      "$",
      "ordergate is not initialized: `await init()` once (or call `initSync(bytes)`) before loading a policy",
    );
  }
}

function call<T>(run: () => T): T {
  try {
    return run();
  } catch (thrown) {
    throw toOrdergateError(thrown);
  }
}

/** JSON text of a request; values JSON cannot carry (BigInt, cycles) are a typed error. */
function serialize(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (e) {
    throw new OrdergateError("WRONG_TYPE", "$", `the request cannot be written as JSON (${String(e)}); give plain objects, strings, numbers and booleans`);
  }
}

function instant(now: Instant | undefined): string | number {
  if (now === undefined) return new Date().toISOString();
  if (now instanceof Date) {
    if (Number.isNaN(now.getTime())) {
      throw new OrdergateError("INVALID_TIMESTAMP", "$.now", "`now` is an invalid Date");
    }
    return now.toISOString();
  }
  return now;
}

/**
 * A validated, compiled policy. Decisions are synchronous.
 *
 * @example
 * ```ts
 * import { init, Policy } from "ordergate";
 * await init();
 * const policy = Policy.builtin("dropi");
 * const d = policy.decide({ facts: { status: "pendiente" }, actor: { role: "dropshipper" }, action: "cancel" });
 * d.outcome; // "allowed"
 * ```
 */
export class Policy {
  readonly #inner: glue.WasmPolicy;
  /** The policy id. */
  readonly id: string;
  /** The version the policy declares. */
  readonly version: string;
  /** `sha256:` and the hash of the policy's canonical JSON. */
  readonly hash: string;

  private constructor(inner: glue.WasmPolicy) {
    this.#inner = inner;
    const summary = this.describe();
    this.id = summary.id;
    this.version = summary.version;
    this.hash = summary.hash;
  }

  /** Validates and compiles a policy from JSON text. Throws an OrdergateError listing every problem. */
  static fromJson(text: string): Policy {
    assertReady();
    return new Policy(call(() => glue.WasmPolicy.fromJson(text)));
  }

  /** Validates and compiles a policy document. */
  static load(document: PolicyDocument): Policy {
    return Policy.fromJson(serialize(document));
  }

  /** A built-in policy: see {@link builtinNames}. */
  static builtin(name: string): Policy {
    assertReady();
    return new Policy(call(() => glue.WasmPolicy.builtin(name)));
  }

  /** Decides one action for one actor now. */
  decide(request: DecideRequest): Decision {
    const text = serialize({ ...request, now: instant(request.now) });
    return JSON.parse(call(() => this.#inner.decide(text))) as Decision;
  }

  /** Every action of the policy with its outcome, in declaration order, to render a UI. */
  available(request: AvailableRequest): Decision[] {
    const text = serialize({ ...request, now: instant(request.now) });
    return JSON.parse(call(() => this.#inner.available(text))) as Decision[];
  }

  /** The facts after `decision`, which must have been taken on these facts by this policy. */
  apply(facts: Facts, decision: Decision): Facts {
    const text = serialize({ facts, decision });
    return JSON.parse(call(() => this.#inner.apply(text))) as Facts;
  }

  /** Statuses, roles and actions with their labels. */
  describe(): PolicySummary {
    return JSON.parse(this.#inner.describe()) as PolicySummary;
  }

  /** Frees the WASM memory of this policy. It cannot be used afterwards. */
  free(): void {
    this.#inner.free();
  }

  /** Frees the policy at the end of a `using` block. */
  [Symbol.dispose](): void {
    this.free();
  }
}

/** The names of the built-in policies. */
export function builtinNames(): string[] {
  assertReady();
  return JSON.parse(glue.builtinNames()) as string[];
}

/** The JSON text of a built-in policy, to read or adapt. */
export function builtinSource(name: string): string | undefined {
  assertReady();
  return glue.builtinSource(name);
}
