import type { AvailableRequest, DecideRequest, Decision, Facts, Instant, Outcome, PolicyDocument, PolicySummary } from "./types.js";
import { OrdergateError, toOrdergateError } from "./errors.js";
import * as engineGlue from "./glue/ordergate.js";
import * as fullGlue from "./glue/ordergate_compiler.js";
import type { Layout } from "./generated/Layout.js";
import { MAX_MILLIS, MIN_MILLIS, OUTCOMES, RowCodec, VERDICT_WIDTH, compileRowDecider, localeFits, rowWriterSource, type RowDecider, type Verdict } from "./rows.js";
import { policyModuleSource, readPolicyModule, type PolicyModule, type PolicyModuleOptions, type ReadModule } from "./policy-module.js";
import { PreparedRequests, Verdicts, type VerdictBuffers } from "./verdicts.js";

/** The engine module's bindings: compiled policies in, decisions out. */
type EngineBindings = Pick<typeof engineGlue, "WasmPolicy" | "builtinNames">;
/** The full module's bindings: the engine's, and the compiler's (JSON policies in). */
type FullBindings = typeof fullGlue;

/**
 * The module every policy is created in: the engine module, or the full module when it was
 * loaded first (it carries the engine too). Policies share its memory, which the row views read.
 */
let engine: EngineBindings | undefined;
/** The full module, once loaded: it reads JSON policies and compiles them. */
let full: FullBindings | undefined;
let memory: WebAssembly.Memory | undefined;

/** Loads a module synchronously where the entry point can (Node); none in browsers. */
interface Loaders {
  engine: () => void;
  full: () => void;
}
let loaders: Loaders | undefined;

/** How the entry point loads the modules on first use, synchronously (Node). */
export function setLoaders(load: Loaders): void {
  loaders = load;
}

/** Marks the engine module as instantiated (called by the entry points with its exports). */
export function markReady(exports: { memory: WebAssembly.Memory }): void {
  if (engine !== undefined) return;
  engine = engineGlue;
  memory = exports.memory;
}

/**
 * Marks the full module as instantiated. Loaded before the engine, it is the engine too: one
 * instance, and JSON policies read in place rather than compiled and read back.
 */
export function markCompilerReady(exports: { memory: WebAssembly.Memory }): void {
  full = fullGlue;
  if (engine !== undefined) return;
  engine = fullGlue;
  memory = exports.memory;
}

/**
 * The size of the WebAssembly memory in bytes (0 before init): a diagnostic for long-running
 * services, which should see it settle after warm-up and stay flat.
 */
export function memoryBytes(): number {
  return memory?.buffer.byteLength ?? 0;
}

/** Whether a module that decides is instantiated (`init`, `initSync`, or in Node a first use). */
export function isInitialized(): boolean {
  return engine !== undefined;
}

/**
 * Whether the module that reads policies from JSON is loaded. Compiled policies
 * ({@link Policy.fromCompiled}) and built-in ones load without it.
 */
export function isCompilerInitialized(): boolean {
  return full !== undefined;
}

function requireFull(): FullBindings {
  if (full === undefined) loaders?.full();
  if (full !== undefined) return full;
  throw new OrdergateError(
    "NOT_INITIALIZED",
    "$",
    "the policy compiler is not loaded: `await init()` without `{ compiler: false }` (or call `initSync(bytes, compilerBytes)`) before reading a policy from JSON; compiled policies (`Policy.fromCompiled`) and built-in ones load without it",
  );
}

function requireEngine(): EngineBindings {
  if (engine === undefined) loaders?.engine();
  if (engine !== undefined) return engine;
  throw new OrdergateError(
    "NOT_INITIALIZED",
    "$",
    "ordergate is not initialized: `await init()` once (or call `initSync(bytes)`) before loading a policy",
  );
}

/**
 * Validates and compiles a policy from JSON text into the bytes {@link Policy.fromCompiled}
 * reads: compile at build time, ship the bytes, and a page loads only the engine module (about
 * half as much to download, and a shorter cold start). Throws an OrdergateError listing every
 * problem of the policy.
 *
 * @example
 * ```ts
 * import { writeFileSync, readFileSync } from "node:fs";
 * import { compilePolicy } from "ordergate";
 * writeFileSync("policy.ogpc", compilePolicy(readFileSync("policy.json", "utf8")));
 * ```
 */
export function compilePolicy(text: string): Uint8Array {
  const compiler = requireFull();
  return call(() => compiler.compile(text));
}

/**
 * Compiles a policy from JSON text into the source of a policy module, JavaScript to bundle with
 * an application and read with {@link Policy.fromModule}. Besides the compiled bytes, the module
 * carries the policy's row layout, row writer and row decider as code: its verdicts are answered
 * from the first one without compiling or instantiating any WebAssembly (the shortest cold start)
 * and without `new Function` (under a Content Security Policy without 'unsafe-eval', too), and the
 * engine module is loaded only when a full decision, or a verdict only it decides, is first asked.
 * A policy module is code: ship it as part of the application, never fetch it as data (ship
 * {@link compilePolicy}'s bytes for that). Read by the version of ordergate that wrote it.
 *
 * @example
 * ```ts
 * import { readFileSync, writeFileSync } from "node:fs";
 * import { compilePolicyModule } from "ordergate";
 * writeFileSync("policy.mjs", compilePolicyModule(readFileSync("policy.json", "utf8")));
 * // in the application:
 * import { Policy } from "ordergate";
 * import * as policyModule from "./policy.mjs";
 * const policy = Policy.fromModule(policyModule);
 * ```
 */
export function compilePolicyModule(text: string, options: PolicyModuleOptions = {}): string {
  const format = options.format ?? "esm";
  if (format !== "esm" && format !== "cjs") throw new OrdergateError("WRONG_TYPE", "$.format", 'a policy module\'s format is "esm" or "cjs"');
  const compiler = requireFull();
  const compiled = call(() => compiler.compile(text));
  // Read back from the bytes, so that the module's layout and functions are those of the bytes.
  const policy = call(() => compiler.WasmPolicy.fromCompiled(compiled));
  try {
    const layout = policy.layout();
    const parts = { id: policy.id(), version: policy.version(), hash: policy.hash(), layout, compiled };
    return policyModuleSource({ ...parts, deciderSource: policy.verdictScript(), writerSource: rowWriterSource(JSON.parse(layout) as Layout) }, format);
  } finally {
    policy.free();
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

/** Epoch milliseconds of a `now` given as a number or a `Date`. */
function millis(now: number | Date): number {
  if (typeof now === "number") return now;
  const time = now instanceof Date ? now.getTime() : NaN;
  if (Number.isNaN(time)) throw new OrdergateError("INVALID_TIMESTAMP", "$.now", "`now` must be epoch milliseconds or a valid Date");
  return time;
}

/** The indexes of two ascending lists, in ascending order: errors are thrown for the first request. */
function inOrder(a: readonly number[], b: readonly number[]): readonly number[] {
  return a.length === 0 ? b : b.length === 0 ? a : a.concat(b).sort((x, y) => x - y);
}

/** Writes request `index` as a row at `numbers[at]`; false when only JSON can carry it. */
type RowSource = (index: number, numbers: Float64Array, at: number) => boolean;

/** Requests read once by {@link Policy.prepare}, and what their calls have learnt of them. */
interface PreparedRows {
  /** The requests as given (asked through JSON where a row cannot carry one). */
  requests: readonly DecideRequest[];
  /** One row per request; its action marked -1 where only JSON can carry the request. */
  rows: Float64Array;
  actions: Uint16Array;
  /** Each request's own `now`, or NaN when it had none (the clock's time at each call). */
  times: Float64Array;
  /** Per request: {@link UNCHECKED}, {@link CHECKED} or {@link STEADY}. */
  checked: Uint8Array;
  /** The outcomes and verdicts of the rows marked {@link STEADY}, zero elsewhere. */
  steadyOutcomes: Uint8Array;
  steadyResults: Float64Array;
}

/** A prepared row no call has decided in JavaScript yet. */
const UNCHECKED = 0;
/** A prepared row whose values the row decider has accepted: later calls skip their checks. */
const CHECKED = 1;
/**
 * A prepared row decided in JavaScript whose action reads no window (`timed` in the layout): its
 * verdict is the same at every instant, so it is kept and not decided again.
 */
const STEADY = 3;

/** A `now` the module accepts: a whole number of milliseconds within years 1 to 9999. */
function isInstant(ms: number): boolean {
  return Number.isInteger(ms) && ms >= MIN_MILLIS && ms <= MAX_MILLIS;
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
  /** The policy in the WebAssembly module; a policy module's until it is first needed: none. */
  #inner: engineGlue.WasmPolicy | undefined;
  /** A policy module's compiled bytes, read into the WebAssembly module when first needed. */
  readonly #compiled: () => Uint8Array = NO_BYTES;
  readonly #codec: RowCodec;
  /** The module memory as numbers, and where the single-request row starts in it. */
  #numbers: Float64Array = new Float64Array(0);
  #row = 0;
  /** Rows decided in JavaScript: not generated yet (undefined), or unavailable (null). */
  #decideRow: RowDecider | null | undefined;
  /** Verdicts asked so far, until the row decider is generated. */
  #asked = 0;
  /** A single request's row and verdict, for the JavaScript decider. */
  #scratch: Float64Array;
  #id: string | undefined;
  #version: string | undefined;
  #hash: string | undefined;

  private constructor(inner: engineGlue.WasmPolicy | undefined, layout: Layout, module?: ReadModule) {
    this.#inner = inner;
    this.#codec = new RowCodec(layout, module?.writer);
    this.#scratch = new Float64Array(this.#codec.rowLength + VERDICT_WIDTH);
    if (module !== undefined) {
      this.#compiled = module.compiled;
      this.#decideRow = module.decider;
      this.#id = module.id;
      this.#version = module.version;
      this.#hash = module.hash;
    } else {
      this.#rows(1);
    }
  }

  /** A policy of the WebAssembly module. */
  static #wrap(inner: engineGlue.WasmPolicy): Policy {
    return new Policy(inner, JSON.parse(inner.layout()) as Layout);
  }

  /**
   * The policy in the WebAssembly module: a policy module's is read there when first needed (a
   * full decision, or a row only the module decides), and must be the policy the module names.
   */
  #wasm(): engineGlue.WasmPolicy {
    const inner = this.#inner;
    if (inner !== undefined) return inner;
    const module = requireEngine();
    const compiled = this.#compiled();
    const read = call(() => module.WasmPolicy.fromCompiled(compiled));
    if (read.hash() !== this.#hash) {
      read.free();
      throw new OrdergateError("INVALID_COMPILED", "$", "the policy module's compiled bytes are not the policy it names (their hash differs): generate the module again");
    }
    this.#inner = read;
    this.#rows(1);
    return read;
  }

  /**
   * The row decider for the next `count` verdicts, or null while the module decides them. A call
   * into WebAssembly and back costs more than deciding a row, so rows are decided in JavaScript by
   * code the module writes from the compiled policy (tested to write the module's very numbers);
   * writing and compiling it takes about 2 ms, which only many verdicts repay, so it is
   * generated once {@link TIER_UP} verdicts have been asked.
   */
  #rowDecider(count: number): RowDecider | null {
    if (this.#decideRow !== undefined) return this.#decideRow;
    this.#asked += count;
    if (this.#asked < TIER_UP) return null;
    this.#decideRow = compileRowDecider(this.#wasm().verdictScript());
    return this.#decideRow;
  }

  /** Room for `count` rows; returns the index of the first in `#numbers`. */
  #rows(count: number): number {
    const at = this.#wasm().rows(count) / 8;
    if (count === 1) this.#row = at;
    this.#view();
    return at;
  }

  /** A view of the module memory; a grown memory detaches the old one. With `stale`, a new view. */
  #view(stale = false): Float64Array {
    if ((stale || this.#numbers.byteLength === 0) && memory !== undefined) this.#numbers = new Float64Array(memory.buffer);
    return this.#numbers;
  }

  /** The policy id (read from the module when first asked, not at every load). */
  get id(): string {
    this.#id ??= this.#wasm().id();
    return this.#id;
  }

  /** The version the policy declares (read when first asked). */
  get version(): string {
    this.#version ??= this.#wasm().version();
    return this.#version;
  }

  /** `sha256:` and the hash of the policy's canonical JSON (computed when first read). */
  get hash(): string {
    this.#hash ??= this.#wasm().hash();
    return this.#hash;
  }

  /**
   * Validates and compiles a policy from JSON text. Throws an OrdergateError listing every problem.
   * Needs the full module (see {@link compilePolicy}); in Node it is loaded on first use, and
   * when it is the first module loaded it holds the policy itself, without a compiled copy.
   */
  static fromJson(text: string): Policy {
    if (engine === undefined) loaders?.full();
    const module = requireEngine();
    const compiler = full;
    if (compiler !== undefined && module === compiler) {
      return Policy.#wrap(call(() => compiler.WasmPolicy.fromJson(text)));
    }
    return Policy.fromCompiled(compilePolicy(text));
  }

  /**
   * Reads a policy compiled by {@link compilePolicy}, with the engine module alone. Bytes of
   * another version of ordergate, damaged or cut short are refused with `INVALID_COMPILED`.
   *
   * @example
   * ```ts
   * import { init, Policy } from "ordergate";
   * await init(undefined, { compiler: false });
   * const policy = Policy.fromCompiled(new Uint8Array(await (await fetch("/policy.ogpc")).arrayBuffer()));
   * ```
   */
  static fromCompiled(bytes: Uint8Array): Policy {
    const module = requireEngine();
    return Policy.#wrap(call(() => module.WasmPolicy.fromCompiled(bytes)));
  }

  /**
   * Reads a policy module ({@link compilePolicyModule}): its verdicts are answered in JavaScript
   * from the first, with no WebAssembly loaded (nor, in browsers, `init` awaited) until a full
   * decision or a row only the module decides is asked. A module written by another version of
   * ordergate, or not by it, is refused with `INVALID_COMPILED`.
   *
   * @example
   * ```ts
   * import * as policyModule from "./policy.mjs";
   * const policy = Policy.fromModule(policyModule);
   * policy.verdict({ facts: { status: "pendiente" }, actor: { role: "dropshipper" }, action: "cancel", now: Date.now() });
   * ```
   */
  static fromModule(module: PolicyModule): Policy {
    const read = readPolicyModule(module, localeFits);
    return new Policy(undefined, read.layout, read);
  }

  /** Validates and compiles a policy document. */
  static load(document: PolicyDocument): Policy {
    return Policy.fromJson(serialize(document));
  }

  /** A built-in policy: see {@link builtinNames}. */
  static builtin(name: string): Policy {
    const module = requireEngine();
    return Policy.#wrap(call(() => module.WasmPolicy.builtin(name)));
  }

  /** Decides one action for one actor now. */
  decide(request: DecideRequest): Decision {
    const text = serialize({ ...request, now: instant(request.now) });
    return JSON.parse(call(() => this.#wasm().decide(text))) as Decision;
  }

  /**
   * The outcome of {@link Policy.decide} without its texts, trace or changes: outcome, rule,
   * reason code, approver, alternatives, validity and chances. The same choice as `decide`,
   * made without JSON when the request holds only numbers, booleans, statuses and epoch-millisecond
   * instants; otherwise (text values, `actor.id`, RFC 3339 strings) it is asked through JSON.
   * Throws what `decide` throws.
   *
   * @example
   * ```ts
   * const v = policy.verdict({ facts: { status: "pendiente" }, actor: { role: "dropshipper" }, action: "cancel", now: Date.now() });
   * if (v.outcome === "denied") showReason(v.reason);
   * ```
   */
  verdict(request: DecideRequest): Verdict {
    const decideRow = this.#rowDecider(1);
    if (decideRow !== null) {
      const row = this.#scratch;
      const width = this.#codec.rowLength;
      if (!this.#codec.encode(request, row, 0)) return verdictOf(this.decide(request));
      const decided = decideRow(row, 0, row, width, false);
      if (decided === 1) {
        const verdict = this.#codec.verdict(row, width, row[0] as number);
        if (verdict !== undefined) return verdict;
      }
      if (decided !== 2) return verdictOf(this.decide(request));
    }
    // No check that the memory view is current (it costs more than deciding): a grown memory
    // detaches the view, whose writes are then dropped and whose reads are undefined, so a stale
    // view shows as an undefined outcome, and the request is written again through a new view.
    const inner = this.#wasm();
    for (let attempt = 0; attempt < 2; attempt++) {
      const numbers = this.#numbers;
      const at = this.#row;
      if (!this.#codec.encode(request, numbers, at)) break;
      inner.verdicts(1);
      const verdictAt = at + this.#codec.rowLength;
      if (numbers[verdictAt] === undefined) {
        this.#view(true);
        continue;
      }
      const verdict = this.#codec.verdict(numbers, verdictAt, numbers[at] as number);
      if (verdict !== undefined) return verdict;
      break;
    }
    return verdictOf(this.decide(request));
  }

  /**
   * Verdicts for many requests in one call: the fastest way to decide a list of orders once.
   * Throws the first error `decide` would throw, with the request's index in its path.
   *
   * With `reuse`, the verdicts of an earlier batch of this policy, the answers are written into
   * its memory when it is large enough: a loop that decides batch after batch then takes no new
   * memory per call, which costs a loop of large batches a fifth of its speed until the garbage
   * collector frees the earlier ones (docs/benchmarks.md). That memory then holds these answers
   * only: neither `reuse` nor any batch written into its memory before may be read afterwards.
   *
   * @example
   * ```ts
   * let verdicts: Verdicts | undefined;
   * for (const page of pages) {
   *   verdicts = policy.verdicts(page, verdicts);
   *   show(page, verdicts.outcomes);
   * }
   * ```
   */
  verdicts(requests: readonly DecideRequest[], reuse?: Verdicts): Verdicts {
    const count = requests.length;
    const buffers = Verdicts.buffers(this.#codec, count, reuse);
    const { outcomes, results, actions } = buffers;
    const decideRow = this.#rowDecider(count);
    const codec = this.#codec;
    // Each request through one small row that stays in the cache; the module decides only the
    // actions it alone decides exactly (every one without a row decider), and JSON the requests
    // a row cannot carry.
    const row = this.#scratch;
    const forModule: number[] = [];
    const unread: number[] = [];
    for (let i = 0; i < count; i++) {
      if (decideRow === null) {
        forModule.push(i);
        continue;
      }
      const o = i * VERDICT_WIDTH;
      if (!codec.encode(requests[i] as DecideRequest, row, 0)) {
        results[o] = -1;
        unread.push(i);
        continue;
      }
      actions[i] = row[0] as number;
      const decided = decideRow(row, 0, results, o, false);
      if (decided === 1) outcomes[i] = results[o] as number;
      else if (decided === 2) forModule.push(i);
      else unread.push(i);
    }
    const write: RowSource = (index, numbers, at) => codec.encode(requests[index] as DecideRequest, numbers, at);
    return this.#finish(forModule, unread, write, buffers, count, (index) => requests[index] as DecideRequest);
  }

  /**
   * Reads `requests` once, as rows, to decide them again and again with
   * {@link PreparedRequests.verdicts}: re-deciding skips reading the objects, most of a batch's
   * time, and keeps the verdicts of actions no time window decides, which are the same at every
   * instant. Requests only JSON can carry (text values, for instance) are kept as they are and
   * asked through JSON at each call. Throws nothing: errors come from `verdicts`, as from
   * {@link Policy.verdicts}.
   */
  prepare(requests: readonly DecideRequest[]): PreparedRequests {
    const count = requests.length;
    const width = this.#codec.rowLength;
    const prepared: PreparedRows = {
      requests: requests.slice(),
      rows: new Float64Array(count * width),
      actions: new Uint16Array(count),
      times: new Float64Array(count),
      checked: new Uint8Array(count),
      steadyOutcomes: new Uint8Array(count),
      steadyResults: new Float64Array(count * VERDICT_WIDTH),
    };
    for (let i = 0; i < count; i++) {
      const at = i * width;
      const request = prepared.requests[i] as DecideRequest;
      if (!this.#codec.encode(request, prepared.rows, at)) {
        prepared.rows[at] = -1;
        continue;
      }
      prepared.actions[i] = prepared.rows[at] as number;
      prepared.times[i] = request.now === undefined ? NaN : (prepared.rows[at + 2] as number);
    }
    return new PreparedRequests(count, (now, reuse) => this.#preparedVerdicts(prepared, now, reuse));
  }

  /**
   * The verdicts of prepared rows at `now`, or each at its own instant (the clock's when it had
   * none), in `reuse`'s memory when it can hold them.
   */
  #preparedVerdicts(prepared: PreparedRows, now: number | Date | undefined, reuse: Verdicts | undefined): Verdicts {
    const { requests, rows, times, checked } = prepared;
    const count = requests.length;
    const width = this.#codec.rowLength;
    const timed = this.#codec.timed;
    const given = now === undefined ? NaN : millis(now);
    const clock = Date.now();
    // Kept verdicts hold at every valid instant; an invalid one is refused row by row, as before.
    const keep = given !== given || isInstant(given);
    // The kept verdicts in place, the rest written over them.
    const buffers = Verdicts.buffers(this.#codec, count, reuse);
    const { outcomes, results, actions } = buffers;
    outcomes.set(prepared.steadyOutcomes);
    results.set(prepared.steadyResults);
    actions.set(prepared.actions);
    const decideRow = this.#rowDecider(count);
    const request = (index: number): DecideRequest => {
      const kept = requests[index] as DecideRequest;
      return now === undefined ? kept : { ...kept, now };
    };
    const forModule: number[] = [];
    const unread: number[] = [];
    // One pass: each row's instant, its verdict, its outcome.
    for (let i = 0; i < count; i++) {
      const mark = checked[i] as number;
      if (mark === STEADY && keep) continue;
      const row = i * width;
      const own = times[i] as number;
      rows[row + 2] = given === given ? given : own === own ? own : clock;
      if (decideRow === null) {
        forModule.push(i);
        continue;
      }
      const o = i * VERDICT_WIDTH;
      const decided = decideRow(rows, row, results, o, mark !== UNCHECKED);
      if (decided === 1) {
        outcomes[i] = results[o] as number;
        if (mark !== STEADY && timed[actions[i] as number] === 0) {
          // An action no window decides answers the same at every instant: kept for later calls.
          checked[i] = STEADY;
          prepared.steadyOutcomes[i] = outcomes[i] as number;
          for (let k = 0; k < VERDICT_WIDTH; k++) prepared.steadyResults[o + k] = results[o + k] as number;
          continue;
        }
      } else if (decided === 2) forModule.push(i);
      else unread.push(i);
      if (decided !== 0 && mark === UNCHECKED) checked[i] = CHECKED;
    }
    const copy: RowSource = (index, numbers, to) => {
      const from = index * width;
      for (let k = 0; k < width; k++) numbers[to + k] = rows[from + k] as number;
      return true;
    };
    return this.#finish(forModule, unread, copy, buffers, count, request);
  }

  /**
   * The end of a batch: the module decides the requests of `forModule`, each written as a row by
   * `write`, JSON those whose rows are marked -1 (`unread`, and the module's refusals), and the
   * outcomes of both are filled in.
   */
  #finish(forModule: readonly number[], unread: readonly number[], write: RowSource, buffers: VerdictBuffers, count: number, request: (index: number) => DecideRequest): Verdicts {
    const { outcomes, results, actions } = buffers;
    if (forModule.length > 0) this.#moduleVerdicts(forModule, write, results, actions);
    const slow = new Map<number, Verdict>();
    // In request order: the first error `decide` would throw is the one thrown.
    for (const i of inOrder(unread, forModule)) {
      const outcome = results[i * VERDICT_WIDTH] as number;
      if (outcome >= 0) {
        outcomes[i] = outcome;
        continue;
      }
      const verdict = this.#slowVerdict(request(i), i);
      slow.set(i, verdict);
      outcomes[i] = OUTCOMES.indexOf(verdict.outcome);
    }
    return new Verdicts(this.#codec, buffers, count, slow);
  }

  /**
   * Verdicts from the module for the requests at `indexes`, each written as a row by `write`, in
   * calls of at most {@link BATCH_ROWS} rows; the verdicts go to `results` at each request's
   * index, -1 marking a request only JSON can carry.
   */
  #moduleVerdicts(indexes: readonly number[], write: RowSource, results: Float64Array, actions: Uint16Array): void {
    const count = indexes.length;
    const width = this.#codec.rowLength;
    const chunk = Math.min(count, BATCH_ROWS);
    for (let start = 0; start < count; start += chunk) {
      const size = Math.min(chunk, count - start);
      const at = this.#rows(size);
      let numbers = this.#view();
      for (let i = 0; i < size; i++) {
        const index = indexes[start + i] as number;
        const row = at + i * width;
        if (!write(index, numbers, row)) numbers[row] = -1;
        actions[index] = numbers[row] as number;
      }
      this.#wasm().verdicts(size);
      numbers = this.#view();
      const first = at + size * width;
      // Scattered to each request's place, number by number (a subarray per row would allocate).
      for (let i = 0; i < size; i++) {
        const to = (indexes[start + i] as number) * VERDICT_WIDTH;
        for (let k = 0; k < VERDICT_WIDTH; k++) results[to + k] = numbers[first + i * VERDICT_WIDTH + k] as number;
      }
    }
    if (chunk > 1) this.#rows(1);
  }

  #slowVerdict(request: DecideRequest, index: number): Verdict {
    try {
      return verdictOf(this.decide(request));
    } catch (e) {
      if (e instanceof OrdergateError) throw new OrdergateError(e.code, `$[${index}]${e.path.slice(1)}`, e.message, e.issues);
      throw e;
    }
  }

  /** Every action of the policy with its outcome, in declaration order, to render a UI. */
  available(request: AvailableRequest): Decision[] {
    const text = serialize({ ...request, now: instant(request.now) });
    return JSON.parse(call(() => this.#wasm().available(text))) as Decision[];
  }

  /** The facts after `decision`, which must have been taken on these facts by this policy. */
  apply(facts: Facts, decision: Decision): Facts {
    const text = serialize({ facts, decision });
    return JSON.parse(call(() => this.#wasm().apply(text))) as Facts;
  }

  /** Statuses, roles and actions with their labels. */
  describe(): PolicySummary {
    return JSON.parse(this.#wasm().describe()) as PolicySummary;
  }

  /**
   * Frees the WASM memory of this policy. It cannot be used afterwards. (A policy module's policy
   * holds none until it first needs the module.)
   */
  free(): void {
    const inner = this.#inner;
    if (inner === undefined) return;
    // The id and the version stay readable, as when they were read at construction.
    this.#id ??= inner.id();
    this.#version ??= inner.version();
    inner.free();
  }

  /** Frees the policy at the end of a `using` block. */
  [Symbol.dispose](): void {
    this.free();
  }
}

/**
 * Verdicts a policy answers through the module before its rows are decided in JavaScript
 * (docs/benchmarks.md: generating the function added 2.3 ms to a first verdict).
 */
const TIER_UP = 1024;

/** What a policy of the WebAssembly module reads when it needs it: nothing (it is there). */
const NO_BYTES = (): Uint8Array => new Uint8Array(0);

/** Rows per call into the module in {@link Policy.verdicts}: bounds the memory a batch takes. */
const BATCH_ROWS = 4096;


/** The verdict of a full decision. */
function verdictOf(d: Decision): Verdict {
  return {
    outcome: d.outcome,
    rule: d.rule,
    reason: d.reasons[0]?.code ?? null,
    approver: d.approver,
    alternatives: d.alternatives.map((a) => ({ kind: a.kind, target: a.action ?? a.contact ?? a.waitFor?.status ?? "", code: a.code })),
    validUntil: d.validUntil === null ? null : Date.parse(d.validUntil),
    remainingChances: d.remainingChances,
  };
}

/** The names of the built-in policies. */
export function builtinNames(): string[] {
  return JSON.parse(requireEngine().builtinNames()) as string[];
}

/** The JSON text of a built-in policy, to read or adapt (from the full module). */
export function builtinSource(name: string): string | undefined {
  return requireFull().builtinSource(name);
}
