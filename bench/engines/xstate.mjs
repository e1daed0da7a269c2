// xstate: the order as a state machine (one state per logistics status); each action is an event
// whose guarded transitions lead to the state that names the decision. No transition: denied.
export const name = "xstate";
export const packages = ["xstate"];
export const browserEntry = "export { createMachine, transition } from 'xstate';";

const STATUSES = ["pending", "to_confirm", "awaiting_print", "to_pack", "to_pickup", "preparing", "printing", "shipped", "in_transit", "delivered", "with_issue"];
const OUTCOME = { cancelled: "allowed", cancel_requested: "approval_required", return_or_redirect: "denied:return_or_redirect", courier_changed: "allowed", refunded: "allowed" };

function cancelTransitions(status) {
  switch (status) {
    case "pending":
    case "to_confirm":
    case "awaiting_print":
      return [{ target: "cancelled" }];
    case "to_pack":
    case "preparing":
      return [{ target: "cancelled", guard: "supplierOrAdmin" }];
    case "to_pickup":
      return [{ target: "cancel_requested", guard: "supplierCod" }, { target: "cancelled", guard: "supplierOrAdmin" }];
    case "with_issue":
      return [{ target: "return_or_redirect" }];
    default:
      return [];
  }
}

export async function load() {
  const { setup, transition } = await import("xstate");
  const machine = setup({
    guards: {
      supplierOrAdmin: ({ event }) => event.role === "supplier" || event.role === "admin",
      supplierCod: ({ context, event }) => event.role === "supplier" && context.paymentMethod === "cod",
      courierWindow: ({ context, event }) => event.role === "seller" && context.courierChangesUsed < 1 && context.shippedAt !== null && event.now - context.shippedAt <= 86_400_000,
      refundCovered: ({ context, event }) => (event.role === "seller" || event.role === "admin") && (context.inSale || context.sellerBalance >= context.refundAmount),
    },
  }).createMachine({
    id: "order",
    initial: "pending",
    context: ({ input }) => input,
    on: {
      change_courier: { target: ".courier_changed", guard: "courierWindow" },
      refund: { target: ".refunded", guard: "refundCovered" },
    },
    states: {
      ...Object.fromEntries(STATUSES.map((s) => [s, { on: { cancel: cancelTransitions(s) } }])),
      ...Object.fromEntries(Object.keys(OUTCOME).map((s) => [s, {}])),
    },
  });
  return {
    prepare: (input) => ({ snapshot: machine.resolveState({ value: input.order.logisticsStatus, context: input.order }), event: { type: input.action, role: input.actor.role, now: input.now } }),
    decide: ({ snapshot, event }) => {
      const [next] = transition(machine, snapshot, event);
      return next === snapshot || next.value === snapshot.value ? "denied" : (OUTCOME[next.value] ?? "denied");
    },
  };
}
