// The built-in policies through the npm package (ESM import), one test per rule of
// shared/seed-rules.md, named after it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Policy, builtinNames } from "ordergate";

const dropi = Policy.builtin("dropi");
const fr = Policy.builtin("fr-backoffice");
const BOGOTA = "2026-03-02T10:00:00-05:00";
const PARIS = "2026-03-02T10:00:00+01:00";

const cancel = (status, role, extra = {}) =>
  dropi.decide({ facts: { status, ...extra }, actor: { role }, action: "cancel", now: BOGOTA });

test("dropi and the French back office are embedded", () => {
  assert.ok(builtinNames().includes("dropi") && builtinNames().includes("fr-backoffice"));
  assert.match(dropi.hash, /^sha256:[0-9a-f]{64}$/);
});

test("a policy's id, version and hash (computed when first read) are those its summary and decisions carry", () => {
  const fresh = Policy.builtin("dropi");
  const summary = fresh.describe();
  const stamp = { id: fresh.id, version: fresh.version, hash: fresh.hash };
  assert.deepEqual(stamp, { id: summary.id, version: summary.version, hash: summary.hash });
  assert.deepEqual(cancel("pendiente", "dropshipper").policy, stamp);
  assert.equal(fresh.hash, dropi.hash);
});

test("dropi: por confirmar and pendiente, the dropshipper may cancel", () => {
  for (const status of ["por_confirmar", "pendiente"]) {
    const d = cancel(status, "dropshipper");
    assert.equal(d.outcome, "allowed");
    assert.equal(d.rule, "cancel-while-por-confirmar-or-pendiente");
    assert.equal(d.nextState.status, "cancelado");
  }
});

test("dropi: decision, the supplier may also cancel por confirmar and pendiente", () => {
  for (const status of ["por_confirmar", "pendiente"]) assert.equal(cancel(status, "supplier").outcome, "allowed");
});

test("dropi: por alistar and por recolectar, only the supplier may cancel; the dropshipper asks the supplier", () => {
  for (const status of ["por_alistar", "por_recolectar"]) {
    assert.equal(cancel(status, "supplier").outcome, "allowed");
    const d = cancel(status, "dropshipper");
    assert.equal(d.outcome, "denied");
    assert.equal(d.reasons[0].code, "solo_proveedor_cancela");
    assert.equal(d.alternatives[0].kind, "contact");
    assert.equal(d.alternatives[0].contact, "supplier");
    assert.match(d.alternatives[0].message, /Detalle del proveedor/);
  }
});

test("dropi: en tránsito, nobody can act; wait until con novedad", () => {
  for (const role of ["dropshipper", "supplier"]) {
    const d = cancel("en_transito", role);
    assert.equal(d.outcome, "denied");
    assert.deepEqual(d.alternatives[0].waitFor, { fact: "status", status: "con_novedad", label: "Con novedad" });
  }
});

test("dropi: con novedad, a return or an address change in the same metropolitan area", () => {
  const d = cancel("con_novedad", "dropshipper", { same_metro_order: true });
  assert.equal(d.outcome, "denied");
  assert.equal(d.alternatives[0].contact, "customer");
  assert.deepEqual(d.alternatives.flatMap((a) => a.action ?? []), ["return_order", "change_address"]);
  const onlyReturn = cancel("con_novedad", "dropshipper");
  assert.deepEqual(onlyReturn.alternatives.flatMap((a) => a.action ?? []), ["return_order"]);
  const change = dropi.decide({
    facts: { status: "con_novedad", same_metro_order: true },
    actor: { role: "dropshipper" },
    action: "change_address",
    params: { target_order: "DR-2291" },
    now: BOGOTA,
  });
  assert.equal(change.outcome, "allowed");
  assert.equal(change.effects[0].args.target_order, "DR-2291");
});

test("fr-backoffice: cancellable only while en attente d'impression", () => {
  const ok = fr.decide({ facts: { logistics: "en_attente_impression" }, actor: { role: "agent" }, action: "check_cancellable", now: PARIS });
  assert.equal(ok.outcome, "allowed");
  assert.equal(ok.reasons[0].message, "Commande annulable");
  for (const logistics of ["impression_en_cours", "en_preparation", "expediee", "livree", "retournee"]) {
    const no = fr.decide({ facts: { logistics }, actor: { role: "agent" }, action: "check_cancellable", now: PARIS });
    assert.equal(no.outcome, "denied", logistics);
    assert.equal(no.reasons[0].message, "Impossible d’annuler la commande");
  }
});

test("fr-backoffice: the whole procedure, check, confirmed cancel with refund, confirmation e-mail", () => {
  let facts = { logistics: "en_attente_impression", order_total: 12990 };
  const steps = [
    ["check_cancellable", {}],
    ["cancel_order", { contact_channel: "email" }],
    ["record_refund_done", {}],
  ];
  const effects = [];
  for (const [action, params] of steps) {
    const d = fr.decide({ facts, actor: { role: "agent" }, action, params, now: PARIS });
    assert.equal(d.outcome, "allowed", action);
    if (action === "cancel_order") assert.equal(d.confirm.code, "confirmer_annulation");
    effects.push(...d.effects.map((e) => e.effect));
    facts = fr.apply(facts, d);
  }
  assert.deepEqual(effects, ["refund_through_payment_link", "send_email"]);
  assert.equal(facts.order, "annulee");
  assert.equal(facts.refund, "effectue");
});

test("available lists every action with its outcome for a dashboard", () => {
  const list = dropi.available({ facts: { status: "por_alistar" }, actor: { role: "dropshipper" }, now: BOGOTA, locale: "en" });
  assert.deepEqual(list.map((d) => [d.action, d.outcome]), [["cancel", "denied"], ["return_order", "denied"], ["change_address", "denied"]]);
  assert.equal(list[0].label, "Cancel");
  assert.equal(list[0].language, "en");
});

test("now defaults to the current time and accepts a Date", () => {
  const d = dropi.decide({ facts: { status: "pendiente" }, actor: { role: "dropshipper" }, action: "cancel" });
  assert.equal(d.outcome, "allowed");
  const at = dropi.decide({ facts: { status: "pendiente" }, actor: { role: "dropshipper" }, action: "cancel", now: new Date("2026-03-02T15:00:00Z") });
  assert.equal(at.at, "2026-03-02T10:00:00-05:00");
});

test("answers in the first language of a fallback chain the policy has", () => {
  const request = { facts: { status: "por_alistar" }, actor: { role: "dropshipper" }, action: "cancel", now: BOGOTA };
  assert.equal(dropi.decide({ ...request, locale: ["pt-BR", "es-CO", "en"] }).language, "es");
  assert.equal(dropi.decide({ ...request, locale: ["de", "EN-us"] }).language, "en");
  assert.equal(dropi.decide({ ...request, locale: "ja" }).language, "es", "falls back to the policy's default");
  const en = dropi.decide({ ...request, locale: "en" });
  assert.equal(en.alternatives[0].message.startsWith("Go to the product"), true);
});

test("a policy's id and version are read when first asked, and stay readable after it is freed", () => {
  const policy = Policy.builtin("dropi");
  const summary = policy.describe();
  policy.free();
  assert.equal(policy.id, summary.id);
  assert.equal(policy.version, summary.version);
  const read = Policy.builtin("whmcs");
  const [id, version] = [read.id, read.version];
  read.free();
  assert.deepEqual([read.id, read.version], [id, version]);
});
