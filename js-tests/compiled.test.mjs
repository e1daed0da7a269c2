// Compiled policies: `compilePolicy` writes the bytes `Policy.fromCompiled` reads with the engine
// module alone. A compiled policy answers as the policy it was compiled from; bytes that are not
// one are INVALID_COMPILED; the full module loads only when a policy is read from JSON; and the
// browser entry without the compiler decides built-in and compiled policies and says what to do
// when asked to read JSON.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as ordergate from "ordergate";

const { Policy, OrdergateError, builtinNames, builtinSource, compilePolicy, isCompilerInitialized } = ordergate;
const vectors = JSON.parse(readFileSync(new URL("../test-data/vectors.json", import.meta.url), "utf8"));
const benchPolicy = readFileSync(new URL("../bench/policies/ordergate.json", import.meta.url), "utf8");

function rejects(run, code) {
  assert.throws(run, (e) => {
    assert.ok(e instanceof OrdergateError, `expected an OrdergateError, got ${e}`);
    assert.equal(e.code, code, e.message);
    return true;
  });
}

test("built-in policies load without the compiler module, which loads with the first JSON policy", () => {
  assert.equal(isCompilerInitialized(), false);
  for (const name of builtinNames()) Policy.builtin(name);
  assert.equal(isCompilerInitialized(), false);
  Policy.fromJson(benchPolicy);
  assert.equal(isCompilerInitialized(), true);
});

test("a compiled policy answers every vector as the policy it was compiled from", () => {
  const compiled = new Map(builtinNames().map((name) => [name, Policy.fromCompiled(compilePolicy(builtinSource(name)))]));
  let answered = 0;
  for (const v of vectors) {
    const policy = compiled.get(v.policy);
    if (policy === undefined) continue;
    if (v.method !== "decide" && v.method !== "available") continue;
    let answer;
    try {
      answer = v.method === "decide" ? policy.decide(v.request) : policy.available(v.request);
    } catch (e) {
      answer = { code: e.code, path: e.path, message: e.message, issues: e.issues };
    }
    assert.equal(JSON.stringify(answer), JSON.stringify(JSON.parse(v.expected)), JSON.stringify(v.request));
    answered++;
  }
  assert.ok(answered > 20, `only ${answered} vectors`);
  for (const name of builtinNames()) {
    const fromJson = Policy.fromJson(builtinSource(name));
    assert.equal(compiled.get(name).hash, fromJson.hash);
    assert.equal(Policy.builtin(name).hash, fromJson.hash);
    assert.deepEqual(compiled.get(name).describe(), fromJson.describe());
  }
});

test("a compiled policy decides batches and prepared requests as its source", () => {
  const source = Policy.fromJson(benchPolicy);
  const compiled = Policy.fromCompiled(compilePolicy(benchPolicy));
  const requests = [];
  for (const status of ["pending", "to_pack", "to_pickup", "shipped", "with_issue"]) {
    for (const role of ["buyer", "seller", "supplier", "admin"]) {
      for (const action of ["cancel", "change_courier", "refund"]) {
        requests.push({ facts: { logistics_status: status, payment_method: "cod", payment_status: "unpaid", shipped_at: 1_772_420_400_000, courier_changes_used: 0, refund_amount: 100, seller_balance: 100, in_sale: false }, actor: { role }, action, now: 1_772_420_400_000 + 86_400_000 });
      }
    }
  }
  const a = source.verdicts(requests);
  const b = compiled.verdicts(requests);
  assert.deepEqual([...b.outcomes], [...a.outcomes]);
  for (let i = 0; i < requests.length; i++) assert.deepEqual(b.get(i), a.get(i));
  assert.deepEqual(compiled.prepare(requests).verdicts().get(7), a.get(7));
});

test("bytes that are not a compiled policy are INVALID_COMPILED", () => {
  rejects(() => Policy.fromCompiled(new TextEncoder().encode(benchPolicy)), "INVALID_COMPILED");
  const bytes = compilePolicy(benchPolicy);
  rejects(() => Policy.fromCompiled(bytes.subarray(0, bytes.length - 1)), "INVALID_COMPILED");
  const damaged = bytes.slice();
  damaged[damaged.length >> 1] ^= 1;
  rejects(() => Policy.fromCompiled(damaged), "INVALID_COMPILED");
  rejects(() => compilePolicy("{"), "NOT_JSON");
});

test("the browser entry without the compiler decides built-in and compiled policies", async () => {
  const browser = await import("../pkg/dist/index.js");
  const engine = readFileSync(new URL("../pkg/dist/ordergate_bg.wasm", import.meta.url));
  browser.initSync(engine);
  assert.equal(browser.isCompilerInitialized(), false);
  const dropi = browser.Policy.builtin("dropi");
  assert.equal(dropi.verdict({ facts: { status: "pendiente" }, actor: { role: "dropshipper" }, action: "cancel", now: 0 }).outcome, "allowed");
  const compiled = browser.Policy.fromCompiled(compilePolicy(benchPolicy));
  assert.equal(compiled.id, Policy.fromJson(benchPolicy).id);
  assert.throws(() => browser.Policy.fromJson(benchPolicy), (e) => e.code === "NOT_INITIALIZED" && /compiler: false/.test(e.message));
  browser.initSync(engine, readFileSync(new URL("../pkg/dist/ordergate_compiler_bg.wasm", import.meta.url)));
  assert.equal(browser.Policy.fromJson(benchPolicy).hash, compiled.hash);
});
