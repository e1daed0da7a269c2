// Policy modules (compilePolicyModule, Policy.fromModule): a policy read from its module answers
// every vector as the policy read from JSON or built in does, verdicts and batches in JavaScript
// from the first request without loading any WebAssembly or generating code from text, and full
// decisions once the module is loaded on first need. Modules of another version, incomplete or
// inconsistent ones are refused with INVALID_COMPILED.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Policy, builtinSource, compilePolicyModule } from "ordergate";
import { answer, countingGeneratedCode, decideVectors, expectedVerdict, policyOf, sources, withMillis } from "./verdict-vectors.mjs";

const dir = mkdtempSync(join(tmpdir(), "ordergate-modules-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
const benchPolicy = readFileSync(new URL("../bench/policies/ordergate.json", import.meta.url), "utf8");
const sourceOf = (name) => sources[name] ?? builtinSource(name);

let written = 0;
/** Writes `text` as a module file and imports it (ESM) or requires it (CommonJS). */
async function load(text, format = "esm") {
  const file = join(dir, `policy-${written++}.${format === "esm" ? "mjs" : "cjs"}`);
  writeFileSync(file, text);
  return format === "esm" ? import(pathToFileURL(file).href) : createRequire(import.meta.url)(file);
}

const names = [...new Set(decideVectors.map((v) => v.policy))];
const modules = new Map();
for (const name of names) modules.set(name, await load(compilePolicyModule(sourceOf(name))));

test(`a policy module's verdicts, batches and decisions agree with its source's on ${decideVectors.length} vectors`, () => {
  assert.ok(names.length >= 6, `policies: ${names}`);
  countingGeneratedCode((generated) => {
    let checked = 0;
    for (const name of names) {
      const reference = policyOf(name);
      const fromModule = Policy.fromModule(modules.get(name));
      assert.equal(fromModule.id, reference.id);
      assert.equal(fromModule.version, reference.version);
      assert.equal(fromModule.hash, reference.hash);
      const requests = [];
      for (const v of decideVectors.filter((d) => d.policy === name)) {
        for (const request of [v.request, withMillis(v.request)]) {
          const expected = answer(() => expectedVerdict(reference.decide(request)));
          assert.deepEqual(answer(() => fromModule.verdict(request)), expected, `${name} ${JSON.stringify(request)}`);
          assert.deepEqual(answer(() => fromModule.decide(request)), answer(() => reference.decide(request)), `${name} decide ${JSON.stringify(request)}`);
          if (expected.ok !== undefined) requests.push(request);
          checked++;
        }
      }
      const batch = fromModule.verdicts(requests);
      requests.forEach((request, i) => assert.deepEqual(batch.get(i), expectedVerdict(reference.decide(request)), `${name} batch #${i}`));
      const prepared = fromModule.prepare(requests).verdicts();
      requests.forEach((request, i) => assert.deepEqual(prepared.get(i), batch.get(i), `${name} prepared #${i}`));
    }
    assert.equal(checked, decideVectors.length * 2);
    assert.equal(generated(), 0, "no code generated from text: the module carries the row writer and decider");
  });
});

test("a fresh process answers a policy module's verdicts with no WebAssembly and no code from strings, and loads the module for a full decision", () => {
  const file = join(dir, "bench.mjs");
  writeFileSync(file, compilePolicyModule(benchPolicy));
  const script = `
    import { Policy, isInitialized, memoryBytes } from "ordergate";
    const policy = Policy.fromModule(await import(${JSON.stringify(pathToFileURL(file).href)}));
    const request = (status, role, i, action = i % 2 ? "cancel" : "refund") => ({ facts: { logistics_status: status, payment_method: "cod", payment_status: "paid", shipped_at: 1_000_000 - i, courier_changes_used: 0, refund_amount: 5000, seller_balance: i, in_sale: false }, actor: { role }, action, now: 1_000_000 + 86_400_000 });
    const outcomes = [];
    for (let i = 0; i < 3000; i++) outcomes.push(policy.verdict(request(i % 3 ? "to_pickup" : "pending", ["buyer", "supplier", "seller"][i % 3], i)).outcome);
    const batch = policy.verdicts(Array.from({ length: 100 }, (_, i) => request("to_pack", "admin", i, "cancel")));
    const before = [isInitialized(), memoryBytes()];
    const decision = policy.decide(request("to_pickup", "supplier", 1, "cancel"));
    console.log(JSON.stringify({ before, after: isInitialized(), counts: [...new Set(outcomes)].sort(), batch: batch.outcome(0), decision: decision.outcome, rule: decision.rule }));
  `;
  const out = execFileSync(process.execPath, ["--disallow-code-generation-from-strings", "--input-type=module", "-e", script], { cwd: fileURLToPath(new URL(".", import.meta.url)), encoding: "utf8" });
  const seen = JSON.parse(out.trim().split("\n").pop());
  assert.deepEqual(seen.before, [false, 0], "no WebAssembly before the full decision");
  assert.equal(seen.after, true, "the full decision loaded the engine module");
  assert.deepEqual(seen.counts, ["allowed", "approval_required", "denied"]);
  assert.equal(seen.batch, "allowed");
  assert.equal(seen.decision, "approval_required");
  assert.equal(seen.rule, "cancel-cod-awaiting-pickup-needs-admin");
});

test("a CommonJS policy module reads and decides as the ES module does", async () => {
  const cjs = await load(compilePolicyModule(benchPolicy, { format: "cjs" }), "cjs");
  const esm = await load(compilePolicyModule(benchPolicy));
  const [a, b] = [Policy.fromModule(cjs), Policy.fromModule(esm)];
  const facts = { logistics_status: "with_issue", payment_method: "cod", payment_status: "paid", shipped_at: null, courier_changes_used: 0, refund_amount: 0, seller_balance: 0, in_sale: false };
  const request = { facts, actor: { role: "buyer" }, action: "cancel", now: 0 };
  assert.deepEqual(a.verdict(request), b.verdict(request));
  assert.equal(a.verdict(request).alternatives[0].target, "return_or_redirect");
  assert.deepEqual(a.decide(request), b.decide(request));
  assert.throws(() => compilePolicyModule(benchPolicy, { format: "amd" }), { code: "WRONG_TYPE", path: "$.format" });
});

test("modules of another version, incomplete or whose bytes are another policy are refused with INVALID_COMPILED", async () => {
  const good = { ...modules.get("dropi") };
  const refused = (module, pattern) => assert.throws(() => Policy.fromModule(module), (e) => e.code === "INVALID_COMPILED" && pattern.test(e.message), pattern.source);
  refused({ ...good, ordergate: "0.0.1" }, /generated by ordergate 0\.0\.1.*generate it again/);
  refused({ ...good, layout: undefined }, /export 'layout' is missing/);
  refused({ ...good, rowDecider: "no" }, /must be functions/);
  refused({ ...good, layout: "{" }, /layout is not JSON/);
  refused({ ...good, rowDecider: () => { throw new Error("edited"); } }, /functions fail/);
  refused({ ...good, rowWriter: () => 42 }, /must return functions/);
  refused(null, /not a policy module/);
  // Bytes are read into the module on first need, and checked then.
  const request = { facts: { status: "pendiente" }, actor: { role: "dropshipper" }, action: "cancel" };
  const damaged = Policy.fromModule({ ...good, compiled: "not base64!" });
  assert.throws(() => damaged.decide(request), { code: "INVALID_COMPILED" });
  const swapped = Policy.fromModule({ ...good, compiled: modules.get("whmcs").compiled });
  assert.throws(() => swapped.decide(request), (e) => e.code === "INVALID_COMPILED" && /hash differs/.test(e.message));
  const cut = Policy.fromModule({ ...good, compiled: good.compiled.slice(0, 40) });
  assert.throws(() => cut.decide(request), { code: "INVALID_COMPILED" });
  assert.equal(Policy.fromModule(good).decide(request).outcome, "allowed");
});

test("a policy module's policy frees its module memory once loaded, and holds none before", () => {
  const unused = Policy.fromModule(modules.get("dropi"));
  unused.free();
  const used = Policy.fromModule(modules.get("dropi"));
  used.decide({ facts: { status: "pendiente" }, actor: { role: "dropshipper" }, action: "cancel" });
  used.free();
  assert.equal(used.id, "dropi");
  assert.throws(() => used.describe());
});

test("a policy's free text cannot break out of the module's literals or comments", async () => {
  const version = "1.0\u2028globalThis.ordergateInjected = 1; //\u2029\n*/ \"'`${x}";
  const text = compilePolicyModule(JSON.stringify({ ...JSON.parse(benchPolicy), version }));
  assert.ok(!/[\u2028\u2029]/.test(text), "line separators are escaped");
  const policy = Policy.fromModule(await load(text));
  assert.equal(globalThis.ordergateInjected, undefined);
  assert.equal(policy.version, version);
  assert.equal(policy.decide({ facts: { logistics_status: "pending", payment_method: "cod", payment_status: "paid", shipped_at: null, courier_changes_used: 0, refund_amount: 0, seller_balance: 0, in_sale: false }, actor: { role: "buyer" }, action: "cancel", now: 0 }).policy.version, version);
});
