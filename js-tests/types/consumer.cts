// A CommonJS TypeScript consumer: `require` types resolve through the "node" / "require"
// conditions of the exports map.
import ordergate = require("ordergate");

const policy: ordergate.Policy = ordergate.Policy.builtin("whmcs");
const decision: ordergate.Decision = policy.decide({ facts: { order: "pending" }, actor: { role: "admin" }, action: "accept", now: 0 });
const irreversible: boolean = decision.irreversible;
const confirm: ordergate.Reason | null = decision.confirm;
export = { irreversible, confirm };
