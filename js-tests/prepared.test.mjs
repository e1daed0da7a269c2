// Policy.prepare: requests read once and decided again at every call of `verdicts`, at their own
// `now`, at a given instant or at the clock's time, answer as Policy.decide answers each request
// at that instant, through the module and through rows decided in JavaScript alike.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Policy, OrdergateError } from "ordergate";
import { answer, countingGeneratedCode, decideVectors, expectedVerdict, sources, withMillis } from "./verdict-vectors.mjs";

const names = [...new Set(decideVectors.map((v) => v.policy))];
const load = (name) => (sources[name] ? Policy.fromJson(sources[name]) : Policy.builtin(name));

/** The requests of a policy's vectors that decide answers, instants as text and as epoch ms. */
function answerable(policy, name) {
  const requests = decideVectors.filter((v) => v.policy === name).flatMap((v) => [v.request, withMillis(v.request)]);
  return requests.filter((r) => answer(() => policy.decide(r)).ok !== undefined);
}

/**
 * What `verdicts` must give for `requests` at `now` (each its own when undefined): every verdict
 * from the full decision, or the first request's error with its index in the path.
 */
function expected(policy, requests, now) {
  const verdicts = [];
  for (const [i, r] of requests.entries()) {
    const got = answer(() => expectedVerdict(policy.decide(now === undefined ? r : { ...r, now })));
    if (got.error !== undefined) return { error: got.error, path: `$[${i}]${got.path.slice(1)}` };
    verdicts.push(got.ok);
  }
  return { ok: verdicts };
}

function decided(prepared, now) {
  return answer(() => [...prepared.verdicts(now)]);
}

/** Eight of the requests' distinct `now`s (epoch ms) spread over their range, each with a millisecond either side. */
function instantsOf(requests) {
  const nows = [...new Set(requests.map((r) => (typeof r.now === "number" ? r.now : Date.parse(r.now))).filter(Number.isFinite))].sort((a, b) => a - b);
  const picked = new Set(Array.from({ length: Math.min(8, nows.length) }, (_, k) => nows[Math.floor((k * (nows.length - 1)) / 7)]));
  return [...picked].flatMap((ms) => [ms - 1, ms, ms + 1]);
}

const benchPolicy = () => Policy.fromJson(readFileSync(new URL("../bench/policies/ordergate.json", import.meta.url), "utf8"));
const SHIPPED = 1_772_420_400_000;
const DAY = 86_400_000;
const courierChange = (now) => ({
  facts: { logistics_status: "shipped", payment_method: "cod", payment_status: "paid", shipped_at: SHIPPED, courier_changes_used: 0, refund_amount: 5, seller_balance: 5, in_sale: false },
  actor: { role: "seller" },
  action: "change_courier",
  ...(now === undefined ? {} : { now }),
});

test("prepared requests answer as decide, at their own now and at other instants, before and after rows are decided in JavaScript", () => {
  assert.ok(names.length >= 6, "every policy with vectors");
  countingGeneratedCode((generatedSoFar) => {
    for (const name of names) {
      const before = generatedSoFar();
      const policy = load(name);
      const requests = answerable(policy, name);
      assert.ok(requests.length > 0, name);
      const prepared = policy.prepare(requests);
      assert.equal(prepared.length, requests.length);
      const own = expected(policy, requests, undefined);
      // Each call counts its requests towards the 1,024 verdicts after which rows are decided in
      // JavaScript: the first calls go through the module, the later ones through the decider.
      const calls = Math.ceil(1024 / requests.length) + 1;
      for (let call = 0; call < calls; call++) assert.deepEqual(decided(prepared), own, `${name}, call ${call}`);
      assert.equal(generatedSoFar(), before + 2, `${name}: the writer and then the row decider were generated`);
      for (const now of instantsOf(requests)) assert.deepEqual(decided(prepared, now), expected(policy, requests, now), `${name} at ${now}`);
      assert.deepEqual(decided(prepared), own, `${name}: a given instant does not stay`);
    }
  });
});

test("where code cannot be generated, prepared requests are decided by the module and agree too", () => {
  const generate = globalThis.Function;
  globalThis.Function = function forbidden() {
    throw new EvalError("Refused to evaluate a string as JavaScript");
  };
  try {
    for (const name of names) {
      const policy = load(name);
      const requests = answerable(policy, name);
      const prepared = policy.prepare(requests);
      for (let call = 0; call < 3; call++) assert.deepEqual(decided(prepared), expected(policy, requests, undefined), name);
      const [now] = instantsOf(requests);
      assert.deepEqual(decided(prepared, now), expected(policy, requests, now), `${name} at ${now}`);
    }
    // Every number of a row reaches the module: the last one here (in_sale) turns a refund.
    const policy = benchPolicy();
    const refunds = Array.from({ length: 50 }, (_, i) => {
      const r = courierChange(SHIPPED);
      return { ...r, action: "refund", facts: { ...r.facts, refund_amount: 10, in_sale: i % 3 === 0 } };
    });
    assert.deepEqual(decided(policy.prepare(refunds)), expected(policy, refunds, undefined));
  } finally {
    globalThis.Function = generate;
  }
});

test("a request without `now` is decided at the clock's time of each call, not of prepare", () => {
  const policy = benchPolicy();
  const realNow = Date.now;
  try {
    Date.now = () => SHIPPED + 1000;
    const prepared = policy.prepare([courierChange(undefined), courierChange(SHIPPED)]);
    for (const clock of [SHIPPED + DAY, SHIPPED + DAY + 1, SHIPPED + 1000]) {
      Date.now = () => clock;
      const verdicts = prepared.verdicts();
      assert.deepEqual(verdicts.get(0), expectedVerdict(policy.decide(courierChange(clock))), `clock at ${clock}`);
      assert.deepEqual(verdicts.get(1), expectedVerdict(policy.decide(courierChange(SHIPPED))), "its own now");
    }
    assert.equal(prepared.verdicts().outcome(0), "allowed");
    Date.now = () => SHIPPED + DAY + 1;
    assert.equal(prepared.verdicts().outcome(0), "denied", "the window closed since the last call");
  } finally {
    Date.now = realNow;
  }
});

test("deciding prepared requests again does not read the request objects", () => {
  const policy = benchPolicy();
  let reads = 0;
  const request = courierChange(SHIPPED + DAY);
  const facts = request.facts;
  const counted = {
    ...request,
    get facts() {
      reads++;
      return facts;
    },
  };
  const prepared = policy.prepare(Array.from({ length: 2000 }, () => counted));
  const afterPrepare = reads;
  assert.ok(afterPrepare > 0);
  for (let call = 0; call < 3; call++) assert.equal(prepared.verdicts().outcome(1999), "allowed");
  assert.equal(prepared.verdicts(SHIPPED + DAY + 1).outcome(0), "denied");
  assert.equal(reads, afterPrepare, "no request was read again");
});

test("prepared verdicts written into an earlier batch's memory answer as new ones", () => {
  const policy = benchPolicy();
  const requests = Array.from({ length: 1500 }, (_, i) => courierChange(i % 3 === 0 ? undefined : SHIPPED + (i % 5) * DAY));
  requests.push({ ...courierChange(SHIPPED), now: new Date(SHIPPED).toISOString() });
  const prepared = policy.prepare(requests);
  const fresh = (now) => [...prepared.verdicts(now)];
  let last = prepared.verdicts();
  for (const now of [SHIPPED, SHIPPED + DAY, SHIPPED + DAY + 1, undefined]) {
    const expectedNow = fresh(now);
    const again = prepared.verdicts(now, last);
    assert.equal(again.outcomes.buffer, last.outcomes.buffer, "the earlier memory is taken");
    assert.deepEqual([...again], expectedNow, `at ${now}`);
    last = again;
  }
  // A plain batch's memory and a prepared call's, each given to the other.
  const batch = policy.verdicts(requests);
  const expectedBatch = [...policy.verdicts(requests)];
  assert.deepEqual([...prepared.verdicts(SHIPPED, batch)], fresh(SHIPPED));
  assert.deepEqual([...policy.verdicts(requests, last)], expectedBatch);
});

test("prepared requests throw decide's errors with the request's index, and refuse an invalid Date", () => {
  const policy = Policy.builtin("dropi");
  const good = { facts: { status: "pendiente" }, actor: { role: "dropshipper" }, action: "cancel", now: 1_772_463_600_000 };
  const prepared = policy.prepare([good, { ...good, facts: { status: "pendient" } }]);
  assert.throws(() => prepared.verdicts(), (e) => e instanceof OrdergateError && e.code === "UNKNOWN_STATUS" && e.path === "$[1].facts.status");
  const fine = policy.prepare([good]);
  assert.throws(() => fine.verdicts(new Date(Number.NaN)), (e) => e instanceof OrdergateError && e.code === "INVALID_TIMESTAMP");
  assert.throws(() => fine.verdicts(1.5), (e) => e instanceof OrdergateError && e.path === "$[0].now");
  assert.equal(fine.verdicts(new Date(1_772_463_600_000)).outcome(0), "allowed");
  assert.equal(policy.prepare([]).verdicts().length, 0);
});

test("verdicts of actions no window decides are kept from call to call; the others are decided at every call", () => {
  let rowsDecided = 0;
  const generate = globalThis.Function;
  // Counts the calls of the generated row decider (the one function of five arguments).
  globalThis.Function = new Proxy(generate, {
    construct(target, args) {
      const factory = Reflect.construct(target, args);
      return (...outer) => {
        const made = factory(...outer);
        if (made.length !== 5) return made;
        return (...row) => {
          rowsDecided++;
          return made(...row);
        };
      };
    },
  });
  try {
    const policy = benchPolicy();
    const kinds = [
      { ...courierChange(SHIPPED + 1000), action: "cancel" },
      courierChange(SHIPPED + 1000),
      { ...courierChange(SHIPPED + 1000), action: "refund" },
    ];
    const requests = Array.from({ length: 3000 }, (_, i) => kinds[i % 3]);
    const prepared = policy.prepare(requests);
    const own = expected(policy, requests, undefined);
    assert.deepEqual(decided(prepared), own);
    assert.equal(rowsDecided, 3000, "the first call decides every row");
    assert.deepEqual(decided(prepared), own);
    assert.equal(rowsDecided, 4000, "a later call decides only the courier changes, which a window bounds");
    const later = SHIPPED + DAY + 1;
    assert.deepEqual(decided(prepared, later), expected(policy, requests, later));
    assert.equal(rowsDecided, 5000);
    // An instant no request may carry is refused for every row, kept verdicts included.
    const invalid = 1e300;
    assert.deepEqual(decided(prepared, invalid), expected(policy, requests, invalid));
    assert.ok(decided(prepared, invalid).error !== undefined);
    assert.deepEqual(decided(prepared), own, "the kept verdicts still answer afterwards");
  } finally {
    globalThis.Function = generate;
  }
});
