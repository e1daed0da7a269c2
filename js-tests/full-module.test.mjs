// The full module (engine and compiler in one) as the module that decides. In Node, a process
// whose first policy is read from JSON loads the full module alone and every later policy
// (compiled, built-in) lives in the same instance, whose memory the row views read; the browser
// entry given both modules at once instantiates the full one alone. Each test file runs in its
// own process, so the first call below is the process's first use of ordergate.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as ordergate from "ordergate";

const { Policy, builtinNames, builtinSource, compilePolicy, isCompilerInitialized, isInitialized, memoryBytes } = ordergate;
const vectors = JSON.parse(readFileSync(new URL("../test-data/vectors.json", import.meta.url), "utf8"));
const benchPolicy = readFileSync(new URL("../bench/policies/ordergate.json", import.meta.url), "utf8");

/** Every decide and available vector of the built-in policies, asked of `load(name)`. */
function answersEveryVector(load) {
  const builtins = new Set(builtinNames());
  const policies = new Map();
  let answered = 0;
  for (const v of vectors) {
    if (!builtins.has(v.policy) || (v.method !== "decide" && v.method !== "available")) continue;
    if (!policies.has(v.policy)) policies.set(v.policy, load(v.policy));
    const policy = policies.get(v.policy);
    let answer;
    try {
      answer = v.method === "decide" ? policy.decide(v.request) : policy.available(v.request);
    } catch (e) {
      answer = { code: e.code, path: e.path, message: e.message, issues: e.issues };
    }
    assert.equal(JSON.stringify(answer), JSON.stringify(JSON.parse(v.expected)), `${v.policy}: ${JSON.stringify(v.request)}`);
    answered++;
  }
  assert.ok(answered > 20, `only ${answered} vectors`);
}

/** The bench workload's questions across statuses, roles and actions, at an edge of the 24 h window. */
function requests() {
  const out = [];
  for (const status of ["pending", "to_pack", "to_pickup", "shipped", "with_issue"]) {
    for (const role of ["buyer", "seller", "supplier", "admin"]) {
      for (const action of ["cancel", "change_courier", "refund"]) {
        out.push({ facts: { logistics_status: status, payment_method: "cod", payment_status: "unpaid", shipped_at: 1_772_420_400_000, courier_changes_used: 0, refund_amount: 100, seller_balance: 100, in_sale: false }, actor: { role }, action, now: 1_772_420_400_000 + 86_400_000 });
      }
    }
  }
  return out;
}

test("in Node, a policy read from JSON first loads the full module, which then holds every policy", () => {
  assert.equal(isInitialized(), false, "nothing is loaded before the first use");
  const fromJson = Policy.fromJson(benchPolicy);
  assert.equal(isCompilerInitialized(), true);
  assert.equal(isInitialized(), true);
  const compiled = Policy.fromCompiled(compilePolicy(benchPolicy));
  assert.equal(compiled.hash, fromJson.hash);
  const asked = requests();
  const a = fromJson.verdicts(asked);
  const b = compiled.verdicts(asked);
  for (let i = 0; i < asked.length; i++) assert.deepEqual(b.get(i), a.get(i));
  // The bench workload's rules, read from the source: COD in to_pickup needs admin approval, a
  // shipped order is not cancelled, with_issue points to return_or_redirect.
  const at = (status, role, action) => asked.findIndex((r) => r.facts.logistics_status === status && r.actor.role === role && r.action === action);
  assert.equal(a.get(at("to_pickup", "supplier", "cancel")).outcome, "approval_required");
  assert.equal(a.get(at("pending", "buyer", "cancel")).outcome, "allowed");
  assert.equal(a.get(at("shipped", "admin", "cancel")).outcome, "denied");
  assert.equal(a.get(at("with_issue", "buyer", "cancel")).alternatives[0].target, "return_or_redirect");
  answersEveryVector((name) => Policy.fromJson(builtinSource(name)));
  answersEveryVector((name) => Policy.builtin(name));
});

test("verdicts stay right after the full module's memory grows", () => {
  const policy = Policy.fromJson(benchPolicy);
  const asked = requests();
  const before = policy.verdicts(asked).outcomes.slice();
  const size = memoryBytes();
  const held = [];
  while (memoryBytes() === size) held.push(Policy.fromJson(builtinSource(builtinNames()[held.length % 5])));
  assert.deepEqual([...policy.verdicts(asked).outcomes], [...before]);
  assert.deepEqual(policy.verdict(asked[0]), policy.verdicts(asked).get(0));
});

test("the browser entry given both modules instantiates the full module alone and decides with it", async () => {
  const browser = await import("../pkg/dist/index.js");
  const full = readFileSync(new URL("../pkg/dist/ordergate_compiler_bg.wasm", import.meta.url));
  // Bytes that are not a module: instantiating the engine from them would throw.
  browser.initSync(new Uint8Array([0, 1, 2, 3]), full);
  assert.equal(browser.isInitialized(), true);
  assert.equal(browser.isCompilerInitialized(), true);
  const asked = requests();
  const inBrowser = browser.Policy.fromJson(benchPolicy).verdicts(asked);
  const inNode = Policy.fromJson(benchPolicy).verdicts(asked);
  for (let i = 0; i < asked.length; i++) assert.deepEqual(inBrowser.get(i), inNode.get(i));
  answersEveryVector((name) => browser.Policy.builtin(name));
});
