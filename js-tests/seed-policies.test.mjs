// Clodeo, WHMCS and Akulaku through the npm package: their rules and procedures, walked with
// decide and apply as a storefront or a service would.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Policy, builtinNames } from "ordergate";

const JAKARTA = "2026-03-02T10:00:00+07:00";

test("all five seed systems are built in", () => {
  assert.deepEqual(builtinNames().sort(), ["akulaku", "clodeo", "dropi", "fr-backoffice", "whmcs"]);
});

test("clodeo: request, admin approval, then Atur Pengiriman with a new airway bill", () => {
  const p = Policy.builtin("clodeo");
  let facts = { shipping: "siap_dikirim", payment: "cod" };
  const request = p.decide({ facts, actor: { role: "seller" }, action: "cancel_pickup", params: { reason: "salah alamat" }, now: JAKARTA });
  assert.equal(request.outcome, "approval_required");
  assert.equal(request.approver, "admin");
  assert.equal(request.alternatives[0].contact, "customer_service");
  facts = p.apply(facts, request);
  const second = p.decide({ facts, actor: { role: "seller" }, action: "cancel_pickup", params: { reason: "lagi" }, now: JAKARTA });
  assert.equal(second.reasons[0].code, "sudah_diajukan");
  const approve = p.decide({ facts, actor: { role: "admin" }, action: "approve_pickup_cancel", now: JAKARTA });
  assert.deepEqual(approve.effects.map((e) => e.effect), ["invoice_cancelled", "payment_cancelled", "awb_voided", "notify_seller"]);
  facts = p.apply(facts, approve);
  assert.equal(facts.awb, "hangus");
  const arrange = p.decide({ facts, actor: { role: "seller" }, action: "arrange_shipping", params: { pickup_time: "2026-03-03T09:00:00+07:00" }, now: JAKARTA });
  assert.deepEqual(arrange.effects.map((e) => e.effect), ["new_awb_issued", "cod_booked"]);
});

test("clodeo: a rejected request lets the order go on and can be asked again", () => {
  const p = Policy.builtin("clodeo");
  let facts = { shipping: "siap_dikirim", payment: "lunas", payment_record: "telah_digunakan" };
  facts = p.apply(facts, p.decide({ facts, actor: { role: "seller" }, action: "cancel_pickup", now: JAKARTA }));
  facts = p.apply(facts, p.decide({ facts, actor: { role: "admin" }, action: "reject_pickup_cancel", params: { reason: "sudah dijemput" }, now: JAKARTA }));
  assert.equal(facts.shipping, "siap_dikirim");
  assert.equal(facts.payment_record, "telah_digunakan");
  assert.equal(p.decide({ facts, actor: { role: "seller" }, action: "cancel_pickup", now: JAKARTA }).outcome, "approval_required");
});

test("whmcs: fraud above the threshold, back to pending with an unpaid invoice, accept", () => {
  const p = Policy.builtin("whmcs");
  let facts = { order: "new", fraud_score: 7.5, fraud_threshold: 7.5 };
  assert.equal(p.decide({ facts, actor: { role: "system" }, action: "place_order", now: 0 }).nextState.order, "pending", "equal is not above");
  facts = { ...facts, fraud_score: 7.6, invoice: "unpaid" };
  facts = p.apply(facts, p.decide({ facts, actor: { role: "system" }, action: "place_order", now: 0 }));
  assert.equal(facts.order, "fraud");
  facts = p.apply(facts, p.decide({ facts, actor: { role: "admin" }, action: "back_to_pending", now: 0 }));
  assert.equal(facts.invoice, "unpaid");
  const accept = p.decide({ facts, actor: { role: "admin" }, action: "accept", params: { run_module_create: true }, now: 0 });
  assert.deepEqual(accept.effects.map((e) => e.effect), ["module_create"]);
  const del = p.decide({ facts, actor: { role: "admin" }, action: "delete", now: 0, locale: "en" });
  assert.equal(del.irreversible, true);
  assert.match(del.confirm.message, /cannot be undone/);
  assert.equal(p.decide({ facts, actor: { role: "client" }, action: "cancel", now: 0 }).outcome, "denied");
});

test("akulaku: courier change within 24 hours, once, with valid until and chances left", () => {
  const p = Policy.builtin("akulaku");
  const facts = { order: "shipped", shipping_method: "self_logistics", shipped_at: JAKARTA };
  const params = { courier: "SiCepat", awb: "SC123" };
  const d = p.decide({ facts, actor: { role: "seller" }, action: "change_courier", params, now: "2026-03-03T10:00:00+07:00" });
  assert.equal(d.outcome, "allowed");
  assert.equal(d.validUntil, "2026-03-03T10:00:00+07:00");
  assert.equal(d.remainingChances, 1);
  const late = p.decide({ facts, actor: { role: "seller" }, action: "change_courier", params, now: Date.parse("2026-03-03T03:00:00.001Z") });
  assert.equal(late.outcome, "denied");
  const next = p.apply(facts, d);
  const again = p.decide({ facts: next, actor: { role: "seller" }, action: "change_courier", params, now: "2026-03-02T12:00:00+07:00" });
  assert.equal(again.reasons[0].code, "satu_kesempatan");
  assert.equal(again.remainingChances, 0);
});

test("akulaku: 3 working days in Asia/Jakarta across a weekend and holidays, then auto-approval", () => {
  const p = Policy.builtin("akulaku");
  let facts = { order: "delivered", shipping_method: "via_akulaku", refund_amount: 150000, seller_balance: 150000 };
  const request = p.decide({ facts, actor: { role: "buyer" }, action: "request_refund", now: "2026-03-18T10:00:00+07:00" });
  assert.deepEqual(request.autoDecision, { at: "2026-03-25T10:00:00+07:00", outcome: "allowed" });
  facts = p.apply(facts, request);
  const reject = p.decide({ facts, actor: { role: "seller" }, action: "reject_refund", now: "2026-03-24T10:00:00+07:00" });
  assert.equal(reject.validUntil, "2026-03-25T09:59:59.999+07:00");
  const tooLate = p.decide({ facts, actor: { role: "seller" }, action: "reject_refund", now: "2026-03-25T10:00:00+07:00" });
  assert.equal(tooLate.reasons[0].code, "batas_waktu_lewat");
  const approve = p.decide({ facts, actor: { role: "seller" }, action: "approve_refund", now: "2026-03-24T10:00:00+07:00" });
  assert.deepEqual(approve.effects.map((e) => [e.effect, e.args.amount]), [["balance_debited", 150000], ["refund_to_buyer", 150000]]);
});

test("akulaku: three evidence submissions in a dispute, the fourth denied", () => {
  const p = Policy.builtin("akulaku");
  let facts = { order: "delivered", shipping_method: "via_akulaku", dispute: "open" };
  for (let i = 1; i <= 3; i++) {
    const d = p.decide({ facts, actor: { role: "seller" }, action: "submit_evidence", params: { evidence: `bukti-${i}` }, now: JAKARTA });
    assert.equal(d.outcome, "allowed");
    facts = p.apply(facts, d);
  }
  const fourth = p.decide({ facts, actor: { role: "seller" }, action: "submit_evidence", params: { evidence: "bukti-4" }, now: JAKARTA });
  assert.equal(fourth.outcome, "denied");
  assert.equal(fourth.remainingChances, 0);
});
