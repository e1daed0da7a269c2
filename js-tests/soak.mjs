// A long run: N decisions (default 10 million) through the npm package in Node, printing RSS and
// the WebAssembly memory every tenth of the way. `node js-tests/soak.mjs [N]`; the figures are
// reported in docs/robustness.md.
import { Policy, memoryBytes } from "ordergate";

const total = Number(process.argv[2] ?? 10_000_000);
const akulaku = Policy.builtin("akulaku");
const mb = (n) => (n / 1048576).toFixed(1);
const started = Date.now();
console.log(`decisions  rss_MiB  heap_MiB  wasm_MiB  seconds`);
for (let i = 0; i < total; i++) {
  const d = akulaku.decide({
    facts: { order: "shipped", shipping_method: "self_logistics", shipped_at: 1772420400000, courier_changes: i % 2, refund_amount: i % 200000, seller_balance: 150000, refund_request: i % 5 ? "pending" : "none" },
    actor: { role: i % 7 === 0 ? "buyer" : "seller" },
    ...(i % 2 ? { action: "change_courier", params: { courier: "JNE", awb: `JNE${i}` } } : { action: "approve_refund" }),
    now: 1772420400000 + (i % 200_000) * 1000,
  });
  if (d.outcome === undefined) throw new Error("no outcome");
  if ((i + 1) % (total / 10) === 0) {
    const m = process.memoryUsage();
    console.log(`${String(i + 1).padStart(9)}  ${mb(m.rss).padStart(7)}  ${mb(m.heapUsed).padStart(8)}  ${mb(memoryBytes()).padStart(8)}  ${((Date.now() - started) / 1000).toFixed(0).padStart(7)}`);
  }
}
