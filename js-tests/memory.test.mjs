// No per-call growth: after warm-up, many decisions (and many errors) leave the WebAssembly
// memory exactly as large as it was. A count, not a timing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Policy, memoryBytes } from "ordergate";

const akulaku = Policy.builtin("akulaku");
const request = (i) => ({
  facts: { order: "shipped", shipping_method: "self_logistics", shipped_at: 1772420400000, courier_changes: i % 2, refund_amount: i, seller_balance: 150000 },
  actor: { role: i % 3 === 0 ? "buyer" : "seller" },
  ...(i % 2 ? { action: "change_courier", params: { courier: "JNE", awb: `JNE${i}` } } : { action: "approve_refund" }),
  now: 1772420400000 + (i % 100_000) * 1000,
});

test("100,000 decisions and 20,000 errors after warm-up do not grow the wasm memory", () => {
  for (let i = 0; i < 20_000; i++) akulaku.decide(request(i));
  for (let i = 0; i < 2_000; i++) assert.throws(() => akulaku.decide({ ...request(i), action: `x${i}` }));
  const before = memoryBytes();
  assert.ok(before > 0);
  for (let i = 0; i < 100_000; i++) akulaku.decide(request(i));
  for (let i = 0; i < 20_000; i++) {
    try {
      akulaku.decide({ ...request(i), facts: { order: `bad${i}` } });
    } catch {
      // expected
    }
  }
  assert.equal(memoryBytes(), before);
});

test("loading and freeing policies many times does not grow the wasm memory", () => {
  for (let i = 0; i < 200; i++) Policy.builtin("whmcs").free();
  const before = memoryBytes();
  for (let i = 0; i < 2_000; i++) Policy.builtin("whmcs").free();
  assert.equal(memoryBytes(), before);
});

test("verdicts, batches and prepared requests decided again do not grow the wasm memory", () => {
  // Akulaku's windows of business days keep some rows with the module after the tier-up; the
  // params carry text (the airway bill), so those requests go through JSON.
  const requests = Array.from({ length: 5_000 }, (_, i) => request(i));
  const prepared = akulaku.prepare(requests);
  const round = (k) => {
    for (let i = 0; i < 2_000; i++) akulaku.verdict(request(i + k));
    akulaku.verdicts(requests);
    prepared.verdicts();
    prepared.verdicts(1772420400000 + k * 3_600_000);
  };
  for (let k = 0; k < 3; k++) round(k);
  const before = memoryBytes();
  for (let k = 3; k < 23; k++) round(k);
  assert.equal(memoryBytes(), before);
});
