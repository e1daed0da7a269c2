// The workload as one ZEN decision table (hit policy "first"), shared by the native engine (JDM).
const columns = {
  action: "action",
  status: "order.logisticsStatus",
  role: "actor.role",
  payment: "order.paymentMethod",
  courierWindow: "order.courierChangesUsed < 1 and order.shippedAt != null and now - order.shippedAt <= 86400000",
  refundCovered: "order.inSale or order.sellerBalance >= order.refundAmount",
};
const q = (...ids) => ids.map((s) => `"${s}"`).join(", ");
const rows = [
  [{ action: q("cancel"), status: q("pending", "to_confirm", "awaiting_print") }, "allowed"],
  [{ action: q("cancel"), status: q("to_pickup"), role: q("supplier"), payment: q("cod") }, "approval_required"],
  [{ action: q("cancel"), status: q("to_pack", "to_pickup", "preparing"), role: q("supplier", "admin") }, "allowed"],
  [{ action: q("cancel"), status: q("with_issue") }, "denied:return_or_redirect"],
  [{ action: q("change_courier"), role: q("seller"), courierWindow: "true" }, "allowed"],
  [{ action: q("refund"), role: q("seller", "admin"), refundCovered: "true" }, "allowed"],
  [{}, "denied"],
];

export const jdm = {
  contentType: "application/vnd.gorules.decision",
  nodes: [
    { id: "request", type: "inputNode", name: "Request", position: { x: 0, y: 0 } },
    {
      id: "table",
      type: "decisionTableNode",
      name: "Decision",
      position: { x: 200, y: 0 },
      content: {
        hitPolicy: "first",
        inputs: Object.entries(columns).map(([id, field]) => ({ id, name: id, field })),
        outputs: [{ id: "decision", name: "decision", field: "decision" }],
        rules: rows.map(([cells, decision], i) => ({ _id: `r${i}`, ...Object.fromEntries(Object.keys(columns).map((c) => [c, cells[c] ?? ""])), decision: JSON.stringify(decision) })),
      },
    },
    { id: "response", type: "outputNode", name: "Response", position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: "e1", sourceId: "request", targetId: "table", type: "edge" },
    { id: "e2", sourceId: "table", targetId: "response", type: "edge" },
  ],
};
