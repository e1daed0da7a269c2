// The common workload: seeded inputs weighted to the edges, and the decision every engine must
// return. A decision is one string: "allowed", "approval_required", "denied", or
// "denied:return_or_redirect" (denied with that alternative).

export const HOUR = 3_600_000;
export const STATUSES = ["pending", "to_confirm", "awaiting_print", "to_pack", "to_pickup", "preparing", "printing", "shipped", "in_transit", "delivered", "with_issue"];
export const ROLES = ["buyer", "seller", "supplier", "admin"];
export const ACTIONS = ["cancel", "change_courier", "refund"];

/** mulberry32: a small seeded generator, the same sequence in every runtime. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` inputs from `seed`: every status, role and action, windows at exactly 24 h and 1 ms either side, equal balances. */
export function inputs(count = 10_000, seed = 20261122) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const base = Date.UTC(2026, 2, 2, 3, 0, 0);
  const out = [];
  for (let i = 0; i < count; i++) {
    const now = base + Math.floor(next() * 30 * 24) * HOUR + Math.floor(next() * HOUR);
    const age = pick([24 * HOUR, 24 * HOUR + 1, 24 * HOUR - 1, 0, 1, Math.floor(next() * 72 * HOUR), Math.floor(next() * 48 * HOUR)]);
    const amount = 1_000 * (1 + Math.floor(next() * 500));
    const balance = pick([amount, amount - 1, amount + 1, 0, Math.floor(next() * 1_000_000)]);
    out.push({
      order: {
        logisticsStatus: pick(STATUSES),
        paymentMethod: pick(["cod", "prepaid"]),
        paymentStatus: pick(["unpaid", "paid", "refunded"]),
        shippedAt: next() < 0.15 ? null : now - age,
        courierChangesUsed: pick([0, 0, 0, 1, 1, 2]),
        refundAmount: amount,
        sellerBalance: balance,
        inSale: next() < 0.3,
      },
      actor: { role: pick(ROLES) },
      action: pick(ACTIONS),
      now,
    });
  }
  return out;
}

/** The hand-written decision: the limit every engine is measured against. */
export function baseline(input) {
  const order = input.order;
  const role = input.actor.role;
  switch (input.action) {
    case "cancel":
      switch (order.logisticsStatus) {
        case "pending":
        case "to_confirm":
        case "awaiting_print":
          return "allowed";
        case "to_pack":
        case "preparing":
          return role === "supplier" || role === "admin" ? "allowed" : "denied";
        case "to_pickup":
          if (role === "supplier") return order.paymentMethod === "cod" ? "approval_required" : "allowed";
          return role === "admin" ? "allowed" : "denied";
        case "with_issue":
          return "denied:return_or_redirect";
        default:
          return "denied";
      }
    case "change_courier":
      return role === "seller" && order.courierChangesUsed < 1 && order.shippedAt !== null && input.now - order.shippedAt <= 24 * HOUR ? "allowed" : "denied";
    case "refund":
      if (role !== "seller" && role !== "admin") return "denied";
      return order.inSale || order.sellerBalance >= order.refundAmount ? "allowed" : "denied";
    default:
      return "denied";
  }
}
