/**
 * The fast path under the plain-object API: a request is written as numbers into a row of a
 * `Float64Array` that lives in the WebAssembly memory, using the indexes of the compiled policy
 * (its {@link Layout}). No JSON text, no allocation in the module. A request the row cannot carry
 * exactly (text values, values JSON input would refuse, unknown names) is refused here, and the SDK
 * asks it through JSON instead, which gives the same answer or the precise error.
 * @packageDocumentation
 */
import type { AlternativeLayout, Layout, SlotKind, SlotLayout } from "./generated/Layout.js";
import type { DecideRequest, Outcome } from "./types.js";

/** Numbers before the facts: action, role, now. */
const HEADER = 3;

/** Numbers per verdict: outcome, rule, reason, alternatives mask, valid-until, remaining chances. @internal */
export const VERDICT_WIDTH = 6;

/** The first and last instants a request may carry (years 1 to 9999), in epoch milliseconds. @internal */
export const MIN_MILLIS = -62_135_596_800_000;
/** @internal */
export const MAX_MILLIS = 253_402_300_799_999;

/** The longest locale tag the row path accepts without asking JSON. */
const MAX_LOCALE_CHARS = 256;

/** The answer without its texts: what a hot loop, a list of orders or a batch needs. */
export interface Verdict {
  /** Allowed, allowed after approval, or denied. */
  outcome: Outcome;
  /** The id of the deciding rule (none when no rule matched or a limit was reached). */
  rule: string | null;
  /** The code of the reason's message, as in `Decision.reasons[0].code`. */
  reason: string | null;
  /** The role that must approve, when the outcome is `approval_required`. */
  approver: string | null;
  /** What else can be done, as in `Decision.alternatives` without the texts. */
  alternatives: readonly VerdictAlternative[];
  /** The last instant (epoch ms) at which this answer holds, when time can change it. */
  validUntil: number | null;
  /** Chances left (before this action) where a counter limits the action. */
  remainingChances: number | null;
}

/** An alternative without its text: its kind, what it names (action, contact or status) and its message code. */
export type VerdictAlternative = Readonly<AlternativeLayout>;

/** The outcomes by their code in a verdict row (and in `Verdicts.outcomes`). @internal */
export const OUTCOMES: readonly Outcome[] = ["allowed", "approval_required", "denied"];
const NO_ALTERNATIVES: readonly VerdictAlternative[] = Object.freeze([]);

/** One fact, attribute or parameter: how its value becomes a number. */
interface Slot {
  kind: SlotKind;
  /** For statuses and enums: id -> index. */
  values: Map<string, number> | null;
}

/** Declared values (facts, attributes or parameters): name -> slot, and the slots. */
interface Declared {
  index: Map<string, number>;
  slots: Slot[];
}

function slots(list: Layout["facts"]): Declared {
  return {
    index: new Map(list.map((s, i) => [s.name, i])),
    slots: list.map((s) => ({ kind: s.kind, values: s.kind === "status" ? new Map(s.values.map((v, i) => [v, i])) : null })),
  };
}

/** The number for a value, or undefined when only JSON can carry it. `null` is absent (NaN). */
function number(slot: Slot, v: unknown): number | undefined {
  if (v === null || v === undefined) return NaN;
  switch (slot.kind) {
    case "boolean":
      return typeof v === "boolean" ? (v ? 1 : 0) : undefined;
    case "status":
      return typeof v === "string" ? slot.values?.get(v) : undefined;
    case "string":
      return undefined;
    default:
      // Counters, numbers, money, timestamps: the module checks wholeness and range.
      return typeof v === "number" && Number.isFinite(v) ? v : undefined;
  }
}


/** The JavaScript that writes one present value `v` of `slot` to `target`, or gives up. */
function valueCode(slot: SlotLayout, target: string): string {
  switch (slot.kind) {
    case "boolean":
      return `if (v === true) ${target} = 1; else if (v === false) ${target} = 0; else return false;`;
    case "status":
      return indexCode("v", slot.values, target);
    case "string":
      return "return false;";
    default:
      return `if (typeof v === "number" && v - v === 0) ${target} = v; else return false;`;
  }
}

/** Writes a request at `at`; false when only JSON can carry it. @internal */
export type RowWriter = (request: DecideRequest, out: Float64Array, at: number) => boolean;

/** A `switch` that sets `target` to the index of `value` among `ids`, or gives up. */
function indexCode(value: string, ids: readonly string[], target: string): string {
  return `switch (${value}) { ${ids.map((id, i) => `case ${JSON.stringify(id)}: ${target} = ${i}; break;`).join(" ")} default: return false; }`;
}

/**
 * The JavaScript that writes the declared values of object `obj` from `out[base]` on: every
 * declared name read as a constant, and a count of the object's keys to refuse unknown ones.
 */
function namedCode(obj: string, declared: readonly SlotLayout[], base: string): string {
  const lines = ["{ let keys = 0, found = 0, v;", `for (const k in ${obj}) keys++;`];
  declared.forEach((slot, i) => {
    const target = `out[${base} + ${i}]`;
    lines.push(`v = ${obj}[${JSON.stringify(slot.name)}];`);
    lines.push(`if (v !== undefined) { found++; if (v === null) ${target} = NaN; else { ${valueCode(slot, target)} } } else ${target} = NaN;`);
  });
  lines.push("if (keys !== found) return false; }");
  return lines.join("\n");
}

/**
 * The source of a row writer specialised to one policy: the body of a function of `localeFits`
 * that returns `writeRow(r, out, at)`. Property reads by constant names and `switch`es over
 * constant ids let the JavaScript engine's inline caches work, which a loop over names and `Map`
 * lookups cannot (measured in docs/benchmarks.md). Every name and id is written as a JSON string
 * literal. Compiled at run time by {@link compileRowWriter}, or written into a policy module. @internal
 */
export function rowWriterSource(layout: Layout): string {
  const facts = HEADER;
  const attributes = facts + layout.facts.length;
  const params = attributes + layout.attributes.length;
  const nan = (from: number, count: number) => Array.from({ length: count }, (_, i) => `out[at + ${from + i}] = NaN;`).join(" ");
  const code = [
    'if (typeof r !== "object" || r === null) return false;',
    'for (const k in r) { switch (k) { case "facts": case "actor": case "action": case "params": case "now": case "locale": continue; default: return false; } }',
    "let action, role, ms;",
    indexCode("r.action", layout.actions.map((a) => a.name), "action"),
    "const actor = r.actor;",
    'if (typeof actor !== "object" || actor === null) return false;',
    'for (const k in actor) { if (k === "role" || k === "attributes") continue; if (k === "id" && (actor.id === null || actor.id === undefined)) continue; return false; }',
    indexCode("actor.role", layout.roles, "role"),
    "const now = r.now;",
    'if (typeof now === "number") ms = now; else if (now === undefined) ms = Date.now(); else if (now instanceof Date) ms = now.getTime(); else return false;',
    "if (r.locale !== undefined && !localeFits(r.locale)) return false;",
    "out[at] = action; out[at + 1] = role; out[at + 2] = ms;",
    "const f = r.facts;",
    'if (typeof f !== "object" || f === null || Array.isArray(f)) return false;',
    namedCode("f", layout.facts, `at + ${facts}`),
    "const a = actor.attributes;",
    `if (a === undefined || a === null) { ${nan(attributes, layout.attributes.length)} } else {`,
    'if (typeof a !== "object" || Array.isArray(a)) return false;',
    namedCode("a", layout.attributes, `at + ${attributes}`),
    "}",
    nan(params, layout.maxParams),
    "const p = r.params;",
    "if (p === undefined || p === null) return true;",
    'if (typeof p !== "object" || Array.isArray(p)) return false;',
    `switch (action) { ${layout.actions.map((act, i) => `case ${i}: ${namedCode("p", act.params, `at + ${params}`)} break;`).join("\n")} }`,
    "return true;",
  ].join("\n");
  return `return function writeRow(r, out, at) {\n${code}\n};`;
}

/**
 * The row writer of {@link rowWriterSource}, compiled. Where `new Function` is forbidden (a Content
 * Security Policy without 'unsafe-eval'), undefined: the generic writer is used.
 */
function compileRowWriter(layout: Layout): RowWriter | undefined {
  try {
    return new Function("localeFits", rowWriterSource(layout))(localeFits) as RowWriter;
  } catch {
    return undefined;
  }
}

/**
 * Decides the row at `row[at]` in JavaScript and writes its verdict at `out[o]`, as the module
 * would: 1 decided, 0 only JSON can carry the row (marked -1), 2 only the module decides this
 * action exactly (nothing written). `checked` skips the checks of the row's values (not of its
 * header) for a row an earlier call answered 1 or 2, decided again at another instant.
 */
export type RowDecider = (row: Float64Array, at: number, out: Float64Array, o: number, checked: boolean) => 0 | 1 | 2;

/**
 * The row decider the module generated for its policy (`WasmPolicy.verdictScript`), or null where
 * `new Function` is forbidden: verdicts are then asked from the module.
 */
export function compileRowDecider(body: string): RowDecider | null {
  try {
    return new Function(body)() as RowDecider;
  } catch {
    return null;
  }
}

/** Marks `count` values from `start` absent (a loop: `fill` costs a call even for none). */
function nan(out: Float64Array, start: number, count: number): void {
  for (let i = 0; i < count; i++) out[start + i] = NaN;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Whether a request's `locale` fits a row (the row writers' check). @internal */
export function localeFits(locale: unknown): boolean {
  if (locale === undefined || locale === null) return true;
  if (typeof locale === "string") return locale.length <= MAX_LOCALE_CHARS;
  if (!Array.isArray(locale) || locale.length > 16) return false;
  for (const tag of locale) {
    if (typeof tag !== "string" || tag.length > MAX_LOCALE_CHARS) return false;
  }
  return true;
}

/** Writes requests as rows and reads verdicts back, for one policy. @internal */
export class RowCodec {
  readonly rowLength: number;
  /** Per action, 1 where a window can change its verdicts (`timed` in the layout), else 0. */
  readonly timed: Uint8Array;
  readonly #actions: Map<string, number>;
  readonly #roles: Map<string, number>;
  readonly #facts: Declared;
  /**
   * The writer generated for this policy: not yet (undefined) until a second request is written,
   * or unavailable (null). Generating and compiling it takes about 0.3 ms, which one request does
   * not repay: a process that answers one request and ends (a serverless function's cold start)
   * writes it with the generic writer.
   */
  #writeRow: RowWriter | null | undefined;
  /** Requests written so far, until the writer is generated. */
  #written = 0;
  readonly #attributes: Declared;
  readonly #params: Declared[];
  readonly #maxParams: number;
  readonly #layout: Layout;
  /** Frozen alternative lists, per rule (then the fallback of each action) and mask. */
  readonly #alternatives: Map<number, readonly VerdictAlternative[]>[];

  /** `writer`: the policy's row writer generated ahead of time (a policy module's). */
  constructor(layout: Layout, writer?: RowWriter) {
    this.#layout = layout;
    if (writer !== undefined) this.#writeRow = writer;
    this.rowLength = layout.rowLength;
    this.timed = Uint8Array.from(layout.actions, (a) => (a.timed ? 1 : 0));
    this.#actions = new Map(layout.actions.map((a, i) => [a.name, i]));
    this.#roles = new Map(layout.roles.map((r, i) => [r, i]));
    this.#facts = slots(layout.facts);
    this.#attributes = slots(layout.attributes);
    this.#params = layout.actions.map((a) => slots(a.params));
    this.#maxParams = layout.maxParams;
    this.#alternatives = Array.from({ length: layout.rules.length + layout.actions.length }, () => new Map());
  }

  /** Writes `request` at `at`; false when only JSON can carry it. */
  encode(request: DecideRequest, out: Float64Array, at: number): boolean {
    const writeRow = this.#writeRow;
    return writeRow !== undefined && writeRow !== null ? writeRow(request, out, at) : this.#encodeUntilGenerated(request, out, at);
  }

  /** Writes `request` with the generic writer, or with the generated one from the second request on. */
  #encodeUntilGenerated(request: DecideRequest, out: Float64Array, at: number): boolean {
    if (this.#writeRow === undefined && ++this.#written > 1) {
      const writeRow = compileRowWriter(this.#layout) ?? null;
      this.#writeRow = writeRow;
      if (writeRow !== null) return writeRow(request, out, at);
    }
    return this.#encodeGeneric(request, out, at);
  }

  /** The writer where code cannot be generated: the same checks through `Map`s and loops. */
  #encodeGeneric(request: DecideRequest, out: Float64Array, at: number): boolean {
    if (!isRecord(request)) return false;
    for (const key in request) {
      switch (key) {
        case "facts":
        case "actor":
        case "action":
        case "params":
        case "now":
        case "locale":
          continue;
        default:
          return false;
      }
    }
    const action = this.#actions.get(request.action);
    if (action === undefined) return false;
    const actor: unknown = request.actor;
    if (!isRecord(actor)) return false;
    for (const key in actor) {
      if (key === "role" || key === "attributes") continue;
      if (key === "id" && (actor.id === null || actor.id === undefined)) continue;
      return false;
    }
    const role = typeof actor.role === "string" ? this.#roles.get(actor.role) : undefined;
    if (role === undefined) return false;
    const now: unknown = request.now;
    let millis: number;
    if (now === undefined) millis = Date.now();
    else if (typeof now === "number") millis = now;
    else if (now instanceof Date) millis = now.getTime();
    else return false;
    if (!localeFits(request.locale)) return false;
    out[at] = action;
    out[at + 1] = role;
    out[at + 2] = millis;
    let start = at + HEADER;
    const facts: unknown = request.facts;
    if (!isRecord(facts)) return false;
    if (!this.#named(this.#facts, facts, out, start)) return false;
    start += this.#facts.slots.length;
    const attributes: unknown = actor.attributes;
    if (attributes === undefined || attributes === null) nan(out, start, this.#attributes.slots.length);
    else if (!isRecord(attributes) || !this.#named(this.#attributes, attributes, out, start)) return false;
    start += this.#attributes.slots.length;
    const params: unknown = request.params;
    nan(out, start, this.#maxParams);
    const declared = this.#params[action];
    if (params === undefined || params === null || declared === undefined) return true;
    return isRecord(params) && this.#named(declared, params, out, start);
  }

  #named(declared: Declared, values: Record<string, unknown>, out: Float64Array, start: number): boolean {
    const count = declared.slots.length;
    for (let i = 0; i < count; i++) out[start + i] = NaN;
    for (const name in values) {
      const i = declared.index.get(name);
      if (i === undefined) return false;
      const slot = declared.slots[i];
      const n = slot === undefined ? undefined : number(slot, values[name]);
      if (n === undefined) return false;
      out[start + i] = n;
    }
    return true;
  }

  /** The verdict written at `at`, or undefined when the row must be asked through JSON. */
  verdict(out: Float64Array, at: number, action: number): Verdict | undefined {
    const outcome = OUTCOMES[out[at] as number];
    if (outcome === undefined) return undefined;
    const rule = out[at + 1] as number;
    const reason = out[at + 2] as number;
    const mask = out[at + 3] as number;
    const validUntil = out[at + 4] as number;
    const remaining = out[at + 5] as number;
    const ruleLayout = rule >= 0 ? this.#layout.rules[rule] : undefined;
    return {
      outcome,
      rule: ruleLayout?.id ?? null,
      reason: reason >= 0 ? (this.#layout.messages[reason] ?? null) : null,
      approver: outcome !== "denied" ? (ruleLayout?.approver ?? null) : null,
      alternatives: mask === 0 ? NO_ALTERNATIVES : this.#alternativesOf(rule, action, mask),
      validUntil: Number.isNaN(validUntil) ? null : validUntil,
      remainingChances: remaining >= 0 ? remaining : null,
    };
  }

  #alternativesOf(rule: number, action: number, mask: number): readonly VerdictAlternative[] {
    const key = rule >= 0 ? rule : this.#layout.rules.length + action;
    const cache = this.#alternatives[key];
    const hit = cache?.get(mask);
    if (hit !== undefined) return hit;
    const all = rule >= 0 ? this.#layout.rules[rule]?.alternatives : this.#layout.actions[action]?.fallbackAlternatives;
    const list = Object.freeze((all ?? []).filter((_, n) => n < 32 && (mask & (1 << n)) !== 0).map((a) => Object.freeze({ ...a })));
    cache?.set(mask, list);
    return list;
  }
}
