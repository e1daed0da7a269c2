// The package loads with require() in Node, without flags.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const ordergate = require("ordergate");

test("require('ordergate') decides synchronously", () => {
  const policy = ordergate.Policy.builtin("fr-backoffice");
  const d = policy.decide({
    facts: { logistics: "expediee" },
    actor: { role: "agent" },
    action: "check_cancellable",
    now: "2026-03-02T10:00:00+01:00",
  });
  assert.equal(d.outcome, "denied");
  assert.equal(d.reasons[0].message, "Impossible d’annuler la commande");
});

test("errors are OrdergateError instances under require too", () => {
  const policy = ordergate.Policy.builtin("dropi");
  assert.throws(
    () => policy.decide({ facts: { status: "x" }, actor: { role: "supplier" }, action: "cancel" }),
    (e) => e instanceof ordergate.OrdergateError && e.code === "UNKNOWN_STATUS",
  );
});
