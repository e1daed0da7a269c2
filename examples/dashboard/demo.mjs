// For a set of example orders, print what each actor may do now, through the npm package:
// outcome, approver, reason, deadline and chances left. Run by ./scripts/demo.sh.
import { readFileSync } from "node:fs";
import { Policy } from "ordergate";

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
const bold = paint("1");
const dim = paint("2");
const green = paint("32");
const yellow = paint("33");
const red = paint("31");
const cyan = paint("36");

const sample = Policy.fromJson(readFileSync(new URL("../policies/sample-marketplace.json", import.meta.url), "utf8"));

const scenes = [
  {
    policy: Policy.builtin("dropi"),
    title: "Dropi · order DR-1042, waiting to be picked up by the carrier",
    facts: { status: "por_recolectar", dropshipper_id: "ds-17" },
    actors: [{ role: "dropshipper", id: "ds-17" }, { role: "supplier" }],
    now: "2026-03-02T10:00:00-05:00",
    locale: "es",
  },
  {
    policy: Policy.builtin("dropi"),
    title: "Dropi · order DR-1077, refused by the customer (another order nearby)",
    facts: { status: "con_novedad", same_metro_order: true },
    actors: [{ role: "dropshipper" }],
    now: "2026-03-02T10:00:00-05:00",
    locale: "en",
  },
  {
    policy: Policy.builtin("fr-backoffice"),
    title: "Back office · commande 88412, en attente d'impression, 49,90 €",
    facts: { logistics: "en_attente_impression", order_total: 4990 },
    actors: [{ role: "agent" }],
    now: "2026-03-02T10:00:00+01:00",
    locale: "fr",
  },
  {
    policy: Policy.builtin("fr-backoffice"),
    title: "Back office · order 88415, already shipped",
    facts: { logistics: "expediee" },
    actors: [{ role: "agent" }],
    now: "2026-03-02T10:00:00+01:00",
    locale: "en",
  },
  {
    policy: Policy.builtin("clodeo"),
    title: "Clodeo · COD order ready for pickup, the seller wants to cancel the pickup",
    facts: { shipping: "siap_dikirim", payment: "cod" },
    actors: [{ role: "seller" }, { role: "admin" }],
    now: "2026-03-02T10:00:00+07:00",
    locale: "id",
  },
  {
    policy: Policy.builtin("clodeo"),
    title: "Clodeo · paid order whose pickup cancellation waits for the admin",
    facts: { shipping: "menunggu_persetujuan", payment: "lunas", payment_record: "telah_digunakan", cancel_request: "menunggu" },
    actors: [{ role: "seller" }, { role: "admin" }],
    now: "2026-03-02T10:00:00+07:00",
    locale: "en",
  },
  {
    policy: Policy.builtin("whmcs"),
    title: "WHMCS · order flagged as fraud (score 8.2 over 5), merchant gateway",
    facts: { order: "fraud", services: "terminated", invoice: "cancelled", fraud_score: 8.2, fraud_threshold: 5, merchant_gateway: true },
    actors: [{ role: "admin" }, { role: "client" }],
    now: "2026-03-02T10:00:00Z",
    locale: "en",
  },
  {
    policy: Policy.builtin("akulaku"),
    title: "Akulaku · shipped through a logistics company 20 hours ago, courier never changed",
    facts: { order: "shipped", shipping_method: "self_logistics", shipped_at: "2026-03-02T10:00:00+07:00", courier_changes: 0 },
    actors: [{ role: "seller" }],
    now: "2026-03-03T06:00:00+07:00",
    locale: "en",
  },
  {
    policy: Policy.builtin("akulaku"),
    title: "Akulaku · after-sale refund of Rp150.000 requested on Wednesday before Nyepi and Idul Fitri",
    facts: { order: "delivered", shipping_method: "via_akulaku", refund_request: "pending", refund_requested_at: "2026-03-18T10:00:00+07:00", refund_amount: 150000, seller_balance: 120000 },
    actors: [{ role: "seller" }, { role: "system" }],
    now: "2026-03-23T09:00:00+07:00",
    locale: "id",
  },
  {
    policy: sample,
    title: "A policy loaded from a file (examples/policies/sample-marketplace.json) · refund waiting, balance short",
    facts: { logistics: "delivered", payment: "paid", refund_request: "pending", refund_requested_at: "2026-03-18T10:00:00+07:00", refund_amount: 150000, seller_balance: 120000 },
    actors: [{ role: "seller" }],
    now: "2026-03-23T09:00:00+07:00",
    locale: "en",
  },
];

function outcomeText(d) {
  switch (d.outcome) {
    case "allowed":
      return green("✔ allowed");
    case "approval_required":
      return yellow(`⧗ needs approval by ${d.approver}`);
    default:
      return red("✘ denied");
  }
}

function details(d) {
  const lines = [];
  for (const r of d.reasons) lines.push(r.message);
  if (d.requires.length > 0) lines.push(dim(`asks for: ${d.requires.join(", ")}`));
  if (d.validUntil) lines.push(cyan(`valid until ${d.validUntil}`));
  if (d.autoDecision) lines.push(cyan(`decided automatically (${d.autoDecision.outcome}) at ${d.autoDecision.at}`));
  if (d.remainingChances !== null) lines.push(dim(`chances left: ${d.remainingChances}`));
  for (const a of d.alternatives) {
    const what = a.action ?? (a.contact ? `contact ${a.contact}` : `wait for ${a.waitFor.label}`);
    lines.push(`→ ${what}: ${a.message}`);
  }
  if (d.effects.length > 0) lines.push(dim(`then: ${d.effects.map((e) => e.label).join("; ")}`));
  return lines;
}

let count = 0;
for (const scene of scenes) {
  console.log(`\n${bold(scene.title)}`);
  console.log(dim(`  policy ${scene.policy.id} ${scene.policy.version} · now ${scene.now}`));
  for (const actor of scene.actors) {
    console.log(`  ${bold(actor.role)}${actor.id ? dim(` (${actor.id})`) : ""}`);
    const list = scene.policy.available({ facts: scene.facts, actor, now: scene.now, locale: scene.locale });
    // An action none of whose rules names this role is not this actor's business: list it apart.
    const notForRole = (d) => d.trace.every((s) => s.result === "role_mismatch" || s.result === "no_rule_matched");
    const mine = list.filter((d) => !notForRole(d));
    const others = list.filter(notForRole).map((d) => d.label);
    const width = Math.max(...mine.map((d) => d.label.length));
    for (const d of mine) {
      count++;
      const [first = "", ...rest] = details(d);
      console.log(`    ${d.label.padEnd(width)}  ${outcomeText(d).padEnd(color ? 40 : 31)} ${first}`);
      for (const line of rest) console.log(`    ${" ".repeat(width)}  ${" ".repeat(31)} ${line}`);
    }
    if (others.length > 0) console.log(dim(`    not for a ${actor.role}: ${others.join(", ")}`));
  }
}
console.log(`\n${dim(`${count} decisions from ${scenes.length} orders.`)}`);
