// The vectors of `decide` and what a verdict of each must be, shared by the verdict tests.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Policy, OrdergateError } from "ordergate";
import { parseGenerated } from "./vectors.mjs";

export const sources = { "sample-marketplace": readFileSync(new URL("../examples/policies/sample-marketplace.json", import.meta.url), "utf8") };
const cache = new Map();
/** The policy a vector names, loaded once. */
export const policyOf = (name) => {
  if (!cache.has(name)) cache.set(name, sources[name] ? Policy.fromJson(sources[name]) : Policy.builtin(name));
  return cache.get(name);
};

const committed = JSON.parse(readFileSync(new URL("../test-data/vectors.json", import.meta.url), "utf8"));
const generatedFile = fileURLToPath(new URL("../target/vectors/ci.jsonl", import.meta.url));
const generated = existsSync(generatedFile) ? parseGenerated(readFileSync(generatedFile, "utf8")) : [];

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;
/** The request with every RFC 3339 instant written as epoch milliseconds. */
export function withMillis(request) {
  const convert = (v) => (typeof v === "string" && RFC3339.test(v) ? Date.parse(v) : v);
  const map = (o) => (o && typeof o === "object" && !Array.isArray(o) ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k, convert(v)])) : o);
  const out = { ...request, facts: map(request.facts), now: convert(request.now) };
  if (request.params !== undefined) out.params = map(request.params);
  return out;
}

/** What the verdict must be, read from the full decision. */
export function expectedVerdict(d) {
  return {
    outcome: d.outcome,
    rule: d.rule,
    reason: d.reasons.length > 0 ? d.reasons[0].code : null,
    approver: d.approver,
    alternatives: d.alternatives.map((a) => ({ kind: a.kind, target: a.kind === "action" ? a.action : a.kind === "contact" ? a.contact : a.waitFor.status, code: a.code })),
    validUntil: d.validUntil === null ? null : new Date(d.validUntil).getTime(),
    remainingChances: d.remainingChances,
  };
}

/** The value `run` returns, or the code and path of the OrdergateError it throws. */
export function answer(run) {
  try {
    return { ok: run() };
  } catch (e) {
    assert.ok(e instanceof OrdergateError, String(e));
    return { error: e.code, path: e.path };
  }
}

/** Every committed and generated vector of `decide`. */
export const decideVectors = [...committed, ...generated].filter((v) => v.method === "decide");

/**
 * Runs `run(generated)` while counting the functions generated from text (row writers and row
 * deciders): `generated()` is the count so far.
 */
export function countingGeneratedCode(run) {
  const generate = globalThis.Function;
  let generated = 0;
  globalThis.Function = new Proxy(generate, {
    construct(target, args) {
      generated++;
      return Reflect.construct(target, args);
    },
  });
  try {
    run(() => generated);
  } finally {
    globalThis.Function = generate;
  }
}

/**
 * Requests that decide answers, per policy, with instants as epoch ms, and a few instants to
 * decide them at: the groups of `preparedVerdicts` (./vectors.mjs). From the decide vectors (up
 * to 200 per policy) and the committed `available` vectors asked for each action.
 */
export function preparedGroups() {
  const asked = decideVectors.map((v) => [v.policy, v.request]);
  for (const v of committed.filter((c) => c.method === "available")) {
    for (const action of policyOf(v.policy).describe().actions) asked.push([v.policy, { ...v.request, action: action.id }]);
  }
  const groups = new Map();
  for (const [name, asRequested] of asked) {
    const request = withMillis(asRequested);
    if (!groups.has(name)) groups.set(name, { policy: name, requests: [], instants: [] });
    const group = groups.get(name);
    if (group.requests.length >= 200 || answer(() => policyOf(name).decide(request)).ok === undefined) continue;
    group.requests.push(request);
    if (typeof request.now === "number" && group.instants.length < 6) group.instants.push(request.now - 1, request.now + 1);
  }
  return [...groups.values()].filter((g) => g.requests.length > 0);
}
