// ordergate through its public npm SDK: `Policy.verdict` for one request, `Policy.verdicts` for a
// batch, and `Policy.prepare` for a batch read once and decided again. The policy is compiled
// ahead of time into a policy module (`compilePolicyModule`, by `setup`, which bench/run.mjs calls
// before any engine is measured) and read with `Policy.fromModule`, as a deployment that cares for
// its cold start ships it: the verdicts are answered in JavaScript from the first, and no
// WebAssembly is compiled until a full decision is asked (none is, here).

export const name = "ordergate";
export const packages = ["ordergate"];
export const browserEntry = "import { init, Policy } from 'ordergate'; await init(undefined, { compiler: false }); export { Policy };";
export const browserAssets = ["node_modules/ordergate/dist/ordergate_bg.wasm"];

const modulePath = new URL("../policies/ordergate.policy.mjs", import.meta.url);

/** Compiles the policy into bench/policies/ordergate.policy.mjs (a build step: not timed). */
export async function setup() {
  const { compilePolicyModule } = await import("ordergate");
  const { readFileSync, writeFileSync } = await import("node:fs");
  writeFileSync(modulePath, compilePolicyModule(readFileSync(new URL("../policies/ordergate.json", import.meta.url), "utf8")));
}

function code(v) {
  const alternative = v.alternatives[0];
  return alternative === undefined ? v.outcome : `${v.outcome}:${alternative.target}`;
}

/** The common input as an ordergate request: the order's fields as the policy's snake_case facts. */
export function request(input) {
  const o = input.order;
  return {
    facts: {
      logistics_status: o.logisticsStatus,
      payment_method: o.paymentMethod,
      payment_status: o.paymentStatus,
      shipped_at: o.shippedAt,
      courier_changes_used: o.courierChangesUsed,
      refund_amount: o.refundAmount,
      seller_balance: o.sellerBalance,
      in_sale: o.inSale,
    },
    actor: input.actor,
    action: input.action,
    now: input.now,
  };
}

export async function load() {
  const { Policy } = await import("ordergate");
  const policy = Policy.fromModule(await import(modulePath.href));
  // The timed batches read only the outcomes, and give each call the previous call's verdicts to
  // write into (`reuse`), as a loop over batches that keeps none would.
  let last;
  return {
    prepare: request,
    decide: (r) => code(policy.verdict(r)),
    batch: (requests) => Array.from(policy.verdicts(requests), code),
    batchOutcomes: (requests) => (last = policy.verdicts(requests, last)).outcomes,
    prepareBatch: (requests) => {
      const prepared = policy.prepare(requests);
      let kept;
      return {
        codes: () => Array.from(prepared.verdicts(), code),
        outcomes: () => (kept = prepared.verdicts(undefined, kept)).outcomes,
      };
    },
  };
}
