// @cedar-policy/cedar-wasm: the workload as Cedar policies, parsed once (preparsePolicySet) and
// asked with statefulIsAuthorized. Cedar answers allow or deny; the determining policy says which
// allow needs approval and which deny carries the alternative.
export const name = "@cedar-policy/cedar-wasm";
export const packages = ["@cedar-policy/cedar-wasm"];
export const browserEntry = "export { isAuthorized } from '@cedar-policy/cedar-wasm/web';";
export const browserAssets = ["node_modules/@cedar-policy/cedar-wasm/web/cedar_wasm_bg.wasm"];

const status = (...ids) => `(${ids.map((s) => `context.status == "${s}"`).join(" || ")})`;
export const policies = {
  cancel_early: `permit(principal, action == Action::"cancel", resource) when { ${status("pending", "to_confirm", "awaiting_print")} };`,
  cancel_packing: `permit(principal, action == Action::"cancel", resource) when { (context.role == "supplier" || context.role == "admin") && (${status("to_pack", "preparing")} || (context.status == "to_pickup" && !(context.role == "supplier" && context.paymentMethod == "cod"))) };`,
  cancel_cod_needs_admin: `permit(principal, action == Action::"cancel", resource) when { context.role == "supplier" && context.status == "to_pickup" && context.paymentMethod == "cod" };`,
  cancel_with_issue: `forbid(principal, action == Action::"cancel", resource) when { context.status == "with_issue" };`,
  change_courier: `permit(principal, action == Action::"change_courier", resource) when { context.role == "seller" && context.courierChangesUsed < 1 && context has shippedAt && context.now - context.shippedAt <= 86400000 };`,
  refund: `permit(principal, action == Action::"refund", resource) when { (context.role == "seller" || context.role == "admin") && (context.inSale || context.sellerBalance >= context.refundAmount) };`,
};

export async function load() {
  const cedar = await import("@cedar-policy/cedar-wasm/nodejs");
  const parsed = cedar.preparsePolicySet("workload", { staticPolicies: policies });
  if (parsed.type !== "success") throw new Error(JSON.stringify(parsed.errors));
  return {
    prepare: (input) => {
      const o = input.order;
      const context = { status: o.logisticsStatus, paymentMethod: o.paymentMethod, paymentStatus: o.paymentStatus, courierChangesUsed: o.courierChangesUsed, refundAmount: o.refundAmount, sellerBalance: o.sellerBalance, inSale: o.inSale, role: input.actor.role, now: input.now };
      if (o.shippedAt !== null) context.shippedAt = o.shippedAt;
      return { principal: { type: "User", id: input.actor.role }, action: { type: "Action", id: input.action }, resource: { type: "Order", id: "order" }, context, entities: [], preparsedPolicySetId: "workload" };
    },
    decide: (call) => {
      const answer = cedar.statefulIsAuthorized(call);
      if (answer.type !== "success") throw new Error(JSON.stringify(answer.errors));
      const { decision, diagnostics } = answer.response;
      if (decision === "allow") return diagnostics.reason.includes("cancel_cod_needs_admin") ? "approval_required" : "allowed";
      return diagnostics.reason.includes("cancel_with_issue") ? "denied:return_or_redirect" : "denied";
    },
  };
}
