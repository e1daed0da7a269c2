// json-rules-engine: the workload as prioritized rules (the highest-priority success decides); the
// courier window's age is a dynamic fact. Its `run` is asynchronous.
export const name = "json-rules-engine";
export const packages = ["json-rules-engine"];
export const browserEntry = "export { Engine } from 'json-rules-engine';";

const fact = (name, operator, value) => ({ fact: name, operator, value });
const rules = [
  ["allowed", [fact("action", "equal", "cancel"), fact("status", "in", ["pending", "to_confirm", "awaiting_print"])]],
  ["approval_required", [fact("action", "equal", "cancel"), fact("status", "equal", "to_pickup"), fact("role", "equal", "supplier"), fact("paymentMethod", "equal", "cod")]],
  ["allowed", [fact("action", "equal", "cancel"), fact("status", "in", ["to_pack", "to_pickup", "preparing"]), fact("role", "in", ["supplier", "admin"])]],
  ["denied:return_or_redirect", [fact("action", "equal", "cancel"), fact("status", "equal", "with_issue")]],
  ["allowed", [fact("action", "equal", "change_courier"), fact("role", "equal", "seller"), fact("courierChangesUsed", "lessThan", 1), fact("shippedAge", "lessThanInclusive", 86_400_000)]],
  ["allowed", [fact("action", "equal", "refund"), fact("role", "in", ["seller", "admin"]), fact("inSale", "equal", true)]],
  ["allowed", [fact("action", "equal", "refund"), fact("role", "in", ["seller", "admin"]), fact("sellerBalance", "greaterThanInclusive", { fact: "refundAmount" })]],
].map(([decision, all], i, list) => ({ priority: list.length - i, conditions: { all }, event: { type: decision } }));

export async function load() {
  const { Engine } = await import("json-rules-engine");
  const engine = new Engine(rules, { allowUndefinedFacts: true });
  engine.addFact("shippedAge", (_params, almanac) =>
    Promise.all([almanac.factValue("now"), almanac.factValue("shippedAt")]).then(([now, at]) => (at === null ? Infinity : now - at)),
  );
  return {
    prepare: (input) => ({ ...input.order, status: input.order.logisticsStatus, role: input.actor.role, action: input.action, now: input.now }),
    decide: async (facts) => {
      const { results } = await engine.run(facts);
      let best;
      for (const r of results) if (best === undefined || r.priority > best.priority) best = r;
      return best === undefined ? "denied" : best.event.type;
    },
  };
}
