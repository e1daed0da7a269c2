// @gorules/zen-engine-wasm: this package evaluates ZEN expressions (it has no decision-graph
// engine), so the workload is one ZEN expression, evaluated per input.
// Node's modules from `process.getBuiltinModule`, as the ordergate adapter takes them: an `import`
// of "node:fs" builds an ES module facade that loads Node's streams (about 1.5 ms of a cold start).
const { readFileSync } = process.getBuiltinModule?.("node:fs") ?? (await import("node:fs"));
const { createRequire } = process.getBuiltinModule?.("node:module") ?? (await import("node:module"));

export const name = "@gorules/zen-engine-wasm";
export const packages = ["@gorules/zen-engine-wasm"];
export const browserEntry = "export { default as init, evaluateExpression } from '@gorules/zen-engine-wasm';";
export const browserAssets = ["node_modules/@gorules/zen-engine-wasm/dist/zen_engine_wasm_bg.wasm"];

export const expression = [
  'action == "cancel" ? (',
  '  order.logisticsStatus in ["pending", "to_confirm", "awaiting_print"] ? "allowed" :',
  '  order.logisticsStatus == "to_pickup" and actor.role == "supplier" and order.paymentMethod == "cod" ? "approval_required" :',
  '  order.logisticsStatus in ["to_pack", "to_pickup", "preparing"] and actor.role in ["supplier", "admin"] ? "allowed" :',
  '  order.logisticsStatus == "with_issue" ? "denied:return_or_redirect" : "denied"',
  ') : action == "change_courier" ? (',
  '  actor.role == "seller" and order.courierChangesUsed < 1 and order.shippedAt != null and now - order.shippedAt <= 86400000 ? "allowed" : "denied"',
  ') : action == "refund" ? (',
  '  actor.role in ["seller", "admin"] and (order.inSale or order.sellerBalance >= order.refundAmount) ? "allowed" : "denied"',
  ') : "denied"',
].join(" ");

export async function load() {
  const zen = await import("@gorules/zen-engine-wasm");
  const wasm = createRequire(import.meta.url).resolve("@gorules/zen-engine-wasm/dist/zen_engine_wasm_bg.wasm");
  zen.initSync({ module: readFileSync(wasm) });
  return { prepare: (input) => input, decide: (input) => zen.evaluateExpression(expression, input) };
}
