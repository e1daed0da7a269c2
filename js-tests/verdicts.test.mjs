// Policy.verdict and Policy.verdicts (the row fast path) give the same outcome, rule, reason,
// approver, alternatives, validity and chances as Policy.decide, and throw the same errors, on
// every committed and generated vector, with instants as epoch milliseconds so that the rows carry
// them. A batch answers as the single calls do.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Policy, OrdergateError, memoryBytes } from "ordergate";
import { answer, countingGeneratedCode, decideVectors, expectedVerdict, policyOf, sources, withMillis } from "./verdict-vectors.mjs";

/** Every vector's verdict, as text and epoch ms, against its full decision. */
function agreeOnVectors(policyFor) {
  let checked = 0;
  for (const v of decideVectors) {
    const policy = policyFor(v.policy);
    for (const request of [v.request, withMillis(v.request)]) {
      const decided = answer(() => expectedVerdict(policy.decide(request)));
      assert.deepEqual(answer(() => policy.verdict(request)), decided, `${v.policy} ${JSON.stringify(request)}`);
      checked++;
    }
  }
  return checked;
}

test(`verdict agrees with decide on ${decideVectors.length} vectors, instants as text and as epoch ms`, () => {
  assert.ok(decideVectors.length > 50, "the vectors are there");
  assert.equal(agreeOnVectors(policyOf), decideVectors.length * 2);
});

test("where code cannot be generated (a CSP without 'unsafe-eval'), the generic row writer agrees too", () => {
  const generate = globalThis.Function;
  const fresh = new Map();
  let refused = 0;
  globalThis.Function = function forbidden() {
    refused++;
    throw new EvalError("Refused to evaluate a string as JavaScript");
  };
  try {
    const policyFor = (name) => {
      if (!fresh.has(name)) fresh.set(name, sources[name] ? Policy.fromJson(sources[name]) : Policy.builtin(name));
      return fresh.get(name);
    };
    assert.equal(agreeOnVectors(policyFor), decideVectors.length * 2);
  } finally {
    globalThis.Function = generate;
  }
  assert.ok(refused >= 5, "every policy tried to generate its writer and fell back");
});

test("once a policy's rows are decided in JavaScript (after 1,024 verdicts), its verdicts and batches still agree with decide", () => {
  const tiered = new Map();
  countingGeneratedCode((generated) => {
    const policyFor = (name) => {
      if (!tiered.has(name)) {
        const policy = sources[name] ? Policy.fromJson(sources[name]) : Policy.builtin(name);
        const first = withMillis(decideVectors.find((v) => v.policy === name).request);
        const before = generated();
        answer(() => policy.verdict(first));
        assert.equal(generated(), before, `${name}: the first request is written by the generic writer`);
        answer(() => policy.verdict(first));
        assert.equal(generated(), before + 1, `${name}: the second generates the row writer`);
        for (let i = 2; i < 1023; i++) answer(() => policy.verdict(first));
        assert.equal(generated(), before + 1, `${name}: the module answers the first 1,023 verdicts`);
        answer(() => policy.verdict(first));
        assert.equal(generated(), before + 2, `${name}: the 1,024th generates the row decider`);
        tiered.set(name, policy);
      }
      return tiered.get(name);
    };
    assert.equal(agreeOnVectors(policyFor), decideVectors.length * 2);
  });
  // Batches mixing rows decided in JavaScript with actions only the module decides (windows of
  // business days) and with requests only JSON carries.
  for (const [name, policy] of tiered) {
    const requests = decideVectors.filter((v) => v.policy === name).map((v) => withMillis(v.request)).filter((r) => !answer(() => policy.verdict(r)).error);
    const batch = policy.verdicts(requests);
    requests.forEach((request, i) => assert.deepEqual(batch.get(i), policy.verdict(request), `${name} #${i}`));
  }
});

test("a batch answers as the single calls do, per policy", () => {
  const byPolicy = new Map();
  for (const v of decideVectors) {
    const request = withMillis(v.request);
    const policy = policyOf(v.policy);
    if (answer(() => policy.verdict(request)).error) continue;
    if (!byPolicy.has(v.policy)) byPolicy.set(v.policy, []);
    byPolicy.get(v.policy).push(request);
  }
  assert.ok(byPolicy.size >= 5);
  for (const [name, requests] of byPolicy) {
    const policy = policyOf(name);
    const batch = policy.verdicts(requests);
    assert.equal(batch.length, requests.length);
    requests.forEach((request, i) => {
      const single = policy.verdict(request);
      assert.deepEqual(batch.get(i), single, `${name} #${i}`);
      assert.equal(batch.outcome(i), single.outcome);
      assert.equal(batch.outcomes[i], ["allowed", "approval_required", "denied"].indexOf(single.outcome));
    });
    assert.equal([...batch].length, requests.length);
  }
});

test("a batch written into an earlier batch's memory answers as a new batch, and takes that memory only when it fits", () => {
  const names = [...new Set(decideVectors.map((v) => v.policy))];
  assert.ok(names.length >= 5);
  // Instants as text (asked through JSON) and as epoch ms (rows).
  const answerable = (name) =>
    decideVectors
      .filter((v) => v.policy === name)
      .flatMap((v) => [v.request, withMillis(v.request)])
      .filter((r) => !answer(() => policyOf(name).verdict(r)).error);
  for (const name of names) {
    const policy = policyOf(name);
    const requests = answerable(name);
    // Past 1,024 verdicts, so that rows are decided in JavaScript too.
    const many = Array.from({ length: Math.ceil(1100 / requests.length) }, () => requests).flat();
    const agree = (verdicts, asked, what) => {
      assert.equal(verdicts.length, asked.length, what);
      asked.forEach((r, i) => assert.deepEqual(verdicts.get(i), policy.verdict(r), `${name} ${what} #${i}`));
      assert.equal([...verdicts].length, asked.length, what);
    };
    const first = policy.verdicts(many);
    agree(first, many, "first");
    const fewer = [...requests].reverse();
    const again = policy.verdicts(fewer, first);
    assert.equal(again.outcomes.buffer, first.outcomes.buffer, `${name}: the earlier memory is taken`);
    agree(again, fewer, "in the earlier memory");
    const more = [...many, ...requests];
    const grown = policy.verdicts(more, again);
    assert.notEqual(grown.outcomes.buffer, first.outcomes.buffer, `${name}: too small, new memory`);
    agree(grown, more, "in new memory");
    const otherName = names.find((n) => n !== name);
    const other = policyOf(otherName).verdicts(Array.from({ length: requests.length }, () => answerable(otherName)).flat());
    const notTaken = policy.verdicts(requests, other);
    assert.notEqual(notTaken.outcomes.buffer, other.outcomes.buffer, `${name}: another policy's memory is not taken`);
    agree(notTaken, requests, "with another policy's batch given");
  }
});

test("a batch larger than one call into the module keeps order", () => {
  const policy = Policy.fromJson(readFileSync(new URL("../bench/policies/ordergate.json", import.meta.url), "utf8"));
  const statuses = ["pending", "to_pack", "to_pickup", "shipped", "with_issue"];
  const requests = Array.from({ length: 10_000 }, (_, i) => ({
    facts: { logistics_status: statuses[i % 5], payment_method: i % 2 ? "cod" : "prepaid", payment_status: "paid", shipped_at: null },
    actor: { role: ["buyer", "supplier", "admin"][i % 3] },
    action: "cancel",
    now: 1_772_420_400_000,
  }));
  const batch = policy.verdicts(requests);
  requests.forEach((r, i) => assert.equal(batch.outcome(i), policy.verdict(r).outcome));
});

test("rows carry numbers, booleans, statuses and epoch ms without JSON", () => {
  const policy = Policy.fromJson(readFileSync(new URL("../bench/policies/ordergate.json", import.meta.url), "utf8"));
  const request = {
    facts: { logistics_status: "shipped", payment_method: "cod", payment_status: "paid", shipped_at: 1_772_420_400_000, courier_changes_used: 0, refund_amount: 5, seller_balance: 5, in_sale: false },
    actor: { role: "seller" },
    action: "change_courier",
    now: 1_772_420_400_000 + 86_400_000,
  };
  const expected = expectedVerdict(policy.decide(request));
  policy.decide = () => {
    throw new Error("the row path asked through JSON");
  };
  assert.deepEqual(policy.verdict(request), expected);
  assert.equal(policy.verdict(request).validUntil, 1_772_420_400_000 + 86_400_000);
  assert.equal(policy.verdicts([request, request]).get(1).outcome, "allowed");
});

test("after the module memory grows, a verdict still takes the row path and reads the new memory", () => {
  const policy = Policy.fromJson(readFileSync(new URL("../bench/policies/ordergate.json", import.meta.url), "utf8"));
  const request = {
    facts: { logistics_status: "to_pickup", payment_method: "cod", payment_status: "unpaid", shipped_at: null, courier_changes_used: 0, refund_amount: 0, seller_balance: 0, in_sale: false },
    actor: { role: "supplier" },
    action: "cancel",
    now: 1_772_420_400_000,
  };
  const expected = expectedVerdict(policy.decide(request));
  assert.deepEqual(policy.verdict(request), expected);
  const before = memoryBytes();
  const held = [];
  while (memoryBytes() === before) held.push(Policy.builtin("akulaku"));
  policy.decide = () => {
    throw new Error("the row path asked through JSON");
  };
  assert.deepEqual(policy.verdict(request), expected);
  assert.deepEqual(policy.verdict({ ...request, actor: { role: "buyer" } }).outcome, "denied");
  held.forEach((p) => p.free());
});

test("a batch names the failing request in the error path", () => {
  const policy = Policy.builtin("dropi");
  const good = { facts: { status: "pendiente" }, actor: { role: "dropshipper" }, action: "cancel", now: 1_772_463_600_000 };
  const bad = { ...good, facts: { status: "pendient" } };
  assert.throws(() => policy.verdicts([good, bad]), (e) => e instanceof OrdergateError && e.code === "UNKNOWN_STATUS" && e.path === "$[1].facts.status");
});
