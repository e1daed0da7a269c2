// Bad input of every kind gets a typed OrdergateError with a code and a path, and the same
// instance keeps deciding correctly afterwards.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Policy, OrdergateError, builtinSource } from "ordergate";

const dropi = Policy.builtin("dropi");
const good = { facts: { status: "pendiente" }, actor: { role: "dropshipper" }, action: "cancel", now: "2026-03-02T10:00:00-05:00" };

function rejects(run, code, path) {
  assert.throws(run, (e) => {
    assert.ok(e instanceof OrdergateError, `expected an OrdergateError, got ${e}`);
    assert.equal(e.code, code, e.message);
    if (path !== undefined) assert.equal(e.path, path);
    assert.ok(e.message.length > 10);
    return true;
  });
  // The instance still answers correctly after the error.
  assert.equal(dropi.decide(good).outcome, "allowed");
}

const cases = [
  ["an unknown status", { ...good, facts: { status: "pendiete" } }, "UNKNOWN_STATUS", "$.facts.status"],
  ["an unknown fact", { ...good, facts: { status: "pendiente", colour: "red" } }, "UNKNOWN_FACT", "$.facts.colour"],
  ["a missing fact", { ...good, facts: {} }, "MISSING_FACT", "$.facts.status"],
  ["a fact of the wrong type", { ...good, facts: { status: "pendiente", same_metro_order: "yes" } }, "WRONG_TYPE", "$.facts.same_metro_order"],
  ["an unknown role", { ...good, actor: { role: "buyer" } }, "UNKNOWN_ROLE", "$.actor.role"],
  ["an actor without a role", { ...good, actor: {} }, "MISSING_FIELD", "$.actor.role"],
  ["an unknown actor field", { ...good, actor: { role: "supplier", name: "x" } }, "UNKNOWN_FIELD", "$.actor.name"],
  ["an unknown action", { ...good, action: "refund" }, "UNKNOWN_ACTION", "$.action"],
  ["an unknown parameter", { ...good, params: { reason: "x" } }, "UNKNOWN_PARAM", "$.params.reason"],
  ["a timestamp without offset", { ...good, now: "2026-03-02T10:00:00" }, "INVALID_TIMESTAMP", "$.now"],
  ["a timestamp that is not one", { ...good, now: "yesterday" }, "INVALID_TIMESTAMP", "$.now"],
  ["a fractional epoch", { ...good, now: 1.5 }, "INVALID_TIMESTAMP", "$.now"],
];
for (const [name, request, code, path] of cases) {
  test(`decide refuses ${name} with ${code}`, () => rejects(() => dropi.decide(request), code, path));
}

test("values JSON cannot carry are WRONG_TYPE, not a TypeError", () => {
  rejects(() => dropi.decide({ ...good, facts: { status: "pendiente", same_metro_order: 1n } }), "WRONG_TYPE", "$");
  const cyclic = { status: "pendiente" };
  cyclic.self = cyclic;
  rejects(() => dropi.decide({ ...good, facts: cyclic }), "WRONG_TYPE", "$");
  rejects(() => dropi.decide({ ...good, now: new Date("nonsense") }), "INVALID_TIMESTAMP", "$.now");
});

test("a missing required parameter is MISSING_PARAM", () => {
  rejects(
    () => dropi.decide({ ...good, facts: { status: "con_novedad", same_metro_order: true }, action: "change_address" }),
    "MISSING_PARAM",
    "$.params.target_order",
  );
});

test("an invalid policy lists every problem at once", () => {
  const doc = JSON.parse(builtinSource("dropi"));
  doc.calendar.timeZone = "America/Atlantis";
  doc.rules[2].when = { in: { status: ["pendiente", "cancelled"] } };
  doc.rules[3].roles = ["dropshiper"];
  delete doc.messages.pedido_cerrado.en;
  assert.throws(() => Policy.load(doc), (e) => {
    assert.ok(e instanceof OrdergateError);
    const codes = e.issues.map((i) => `${i.code} ${i.path}`);
    assert.deepEqual(codes.sort(), [
      "MISSING_TRANSLATION $.messages.pedido_cerrado",
      "UNKNOWN_ROLE $.rules[3].roles[0]",
      "UNKNOWN_STATUS $.rules[2].when.in.status[1]",
      "UNKNOWN_TIME_ZONE $.calendar.timeZone",
    ]);
    assert.match(e.issues.find((i) => i.code === "UNKNOWN_ROLE").message, /Did you mean 'dropshipper'/);
    return true;
  });
  assert.equal(dropi.decide(good).outcome, "allowed");
});

test("text that is not JSON is NOT_JSON; a policy too deep is refused", () => {
  rejects(() => Policy.fromJson("{"), "NOT_JSON", "$");
  rejects(() => Policy.fromJson("[".repeat(10000) + "]".repeat(10000)), "TOO_DEEP", "$");
});

test("an unknown built-in policy is UNKNOWN_POLICY", () => rejects(() => Policy.builtin("shopify"), "UNKNOWN_POLICY", "$"));

test("a decision from another policy cannot be applied", () => {
  const fr = Policy.builtin("fr-backoffice");
  const d = fr.decide({ facts: { logistics: "en_attente_impression" }, actor: { role: "agent" }, action: "check_cancellable", now: "2026-03-02T10:00:00+01:00" });
  rejects(() => dropi.apply({ status: "pendiente" }, d), "INVALID_DECISION", "$.decision.policy.hash");
});

test("thousands of bad requests leave the instance deciding correctly", () => {
  for (let i = 0; i < 2000; i++) {
    try {
      dropi.decide({ ...good, facts: { status: `s${i}` } });
      assert.fail("should have thrown");
    } catch (e) {
      assert.equal(e.code, "UNKNOWN_STATUS");
    }
  }
  assert.equal(dropi.decide(good).outcome, "allowed");
});
