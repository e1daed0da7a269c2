// ordergate through its public npm SDK: `Policy.verdict` for one request, `Policy.verdicts` for a
// batch, and `Policy.prepare` for a batch read once and decided again. The policy is compiled
// ahead of time (`compilePolicy`, by `setup`, which bench/run.mjs calls before any engine is
// measured) and read with the engine module alone (`Policy.fromCompiled`), as a deployment that
// cares for its cold start and its download ships it; a page then fetches no compiler module.
// `fs` from `process.getBuiltinModule` rather than an `import` of "node:fs", whose ES module facade
// loads Node's streams (about 1.5 ms of a cold start): the other engines' rules are written in
// their adapters, and reading this one's from a file should not cost its cold start more.
const { readFileSync, writeFileSync } = process.getBuiltinModule?.("node:fs") ?? (await import("node:fs"));

export const name = "ordergate";
export const packages = ["ordergate"];
export const browserEntry = "import { init, Policy } from 'ordergate'; await init(undefined, { compiler: false }); export { Policy };";
export const browserAssets = ["node_modules/ordergate/dist/ordergate_bg.wasm"];

const policyText = readFileSync(new URL("../policies/ordergate.json", import.meta.url), "utf8");
const compiledPath = new URL("../policies/ordergate.ogpc", import.meta.url);

/** Compiles the policy into bench/policies/ordergate.ogpc (a build step: not timed). */
export async function setup() {
  const { compilePolicy } = await import("ordergate");
  writeFileSync(compiledPath, compilePolicy(policyText));
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
  const policy = Policy.fromCompiled(readFileSync(compiledPath));
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
