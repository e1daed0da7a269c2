// json-logic-js: the workload as one JsonLogic rule.
export const name = "json-logic-js";
export const packages = ["json-logic-js"];
export const browserEntry = "export { default } from 'json-logic-js';";

const v = (path) => ({ var: path });
const is = (path, value) => ({ "==": [v(path), value] });
const among = (path, values) => ({ in: [v(path), values] });
const role = (...roles) => among("actor.role", roles);

export const rule = {
  if: [
    is("action", "cancel"),
    {
      if: [
        among("order.logisticsStatus", ["pending", "to_confirm", "awaiting_print"]), "allowed",
        { and: [is("order.logisticsStatus", "to_pickup"), is("actor.role", "supplier"), is("order.paymentMethod", "cod")] }, "approval_required",
        { and: [among("order.logisticsStatus", ["to_pack", "to_pickup", "preparing"]), role("supplier", "admin")] }, "allowed",
        is("order.logisticsStatus", "with_issue"), "denied:return_or_redirect",
        "denied",
      ],
    },
    is("action", "change_courier"),
    {
      if: [
        { and: [is("actor.role", "seller"), { "<": [v("order.courierChangesUsed"), 1] }, { "!=": [v("order.shippedAt"), null] }, { "<=": [{ "-": [v("now"), v("order.shippedAt")] }, 86_400_000] }] },
        "allowed",
        "denied",
      ],
    },
    is("action", "refund"),
    { if: [{ and: [role("seller", "admin"), { or: [v("order.inSale"), { ">=": [v("order.sellerBalance"), v("order.refundAmount")] }] }] }, "allowed", "denied"] },
    "denied",
  ],
};

export async function load() {
  const { default: jsonLogic } = await import("json-logic-js");
  return { prepare: (input) => input, decide: (input) => jsonLogic.apply(rule, input) };
}
