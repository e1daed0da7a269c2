// The order screen: every action of the policy as a button for the chosen actor, enabled or not,
// with the reason, the approver when approval is needed and a live countdown to "valid until".
// Applying an action shows the next state. Decisions are synchronous after `await init()`.
import { init, Policy } from "ordergate";
import { exampleOrders } from "./orders.js";

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== false) node.setAttribute(k, v === true ? "" : v);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
};

await init();
const orders = exampleOrders();
const policies = new Map();
const policyOf = (name) => {
  if (!policies.has(name)) policies.set(name, Policy.builtin(name));
  return policies.get(name);
};
let current = orders[0];
// The facts shown: those the order came with, and those an action changed.
let shown = new Set(Object.keys(current.facts));
let countdowns = [];

function fill(select, options, selected) {
  select.replaceChildren(...options.map(([value, label]) => el("option", { value, selected: value === selected }, label)));
}

function label(texts, lang) {
  return texts[lang] ?? Object.values(texts)[0] ?? "";
}

function renderPickers() {
  fill($("order"), orders.map((o) => [o.id, o.title]), current.id);
  const summary = policyOf(current.policy).describe();
  fill($("actor"), current.actors.map((a) => [a.role, label(summary.roles.find((r) => r.id === a.role).label, summary.languages[0])]), $("actor").value);
  const lang = summary.languages.includes($("locale").value) ? $("locale").value : summary.languages[0];
  fill($("locale"), summary.languages.map((l) => [l, l]), lang);
}

function formatLeft(ms) {
  if (ms <= 0) return "closed";
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h > 0 ? `${h} h ` : ""}${m} min ${String(s % 60).padStart(2, "0")} s left`;
}

function render() {
  const policy = policyOf(current.policy);
  const summary = policy.describe();
  const locale = $("locale").value || summary.languages[0];
  const actor = current.actors.find((a) => a.role === $("actor").value) ?? current.actors[0];
  $("order-title").textContent = current.title;
  $("facts").replaceChildren(
    ...Object.entries(current.facts)
      .filter(([name]) => shown.has(name))
      .flatMap(([name, value]) => {
        const dim = summary.dimensions.find((d) => d.id === name);
        const fact = summary.facts.find((f) => f.id === name);
        const status = dim?.statuses.find((s) => s.id === value);
        const title = dim ? label(dim.label, locale) : fact && Object.keys(fact.label).length > 0 ? label(fact.label, locale) : name;
        const shownValue = status ? label(status.label, locale) : /^\d{4}-\d\d-\d\dT/.test(String(value)) ? new Date(value).toLocaleString(locale) : String(value);
        return [el("dt", {}, title), el("dd", { "data-fact": name }, shownValue)];
      }),
  );
  // Actions none of whose rules concern this role are left out.
  const concerns = (d) => !d.trace.every((s) => s.result === "role_mismatch" || s.result === "no_rule_matched");
  const decisions = policy.available({ facts: current.facts, actor, now: Date.now(), locale }).filter(concerns);
  countdowns = [];
  $("actions").replaceChildren(
    ...decisions.map((d) => {
      const inputs = d.requires.map((p) => el("input", { name: p, placeholder: p, value: current.params[d.action]?.[p] ?? "", "aria-label": p }));
      const button = el(
        "button",
        { class: `act ${d.outcome === "approval_required" ? "approval" : ""}`, disabled: d.outcome === "denied", "data-action": d.action, onclick: () => take(d.action, inputs) },
        d.label,
      );
      const badges = [];
      if (d.outcome === "approval_required") badges.push(el("span", { class: "badge approval" }, `needs approval: ${d.approver}`));
      if (d.remainingChances !== null) badges.push(el("span", { class: "badge" }, `chances left: ${d.remainingChances}`));
      if (d.validUntil) {
        const clock = el("span", { class: "badge clock", "data-valid-until": d.validUntil });
        countdowns.push(clock);
        badges.push(clock);
      }
      if (d.autoDecision) badges.push(el("span", { class: "badge" }, `decided automatically (${d.autoDecision.outcome}) at ${d.autoDecision.at}`));
      const reason = d.reasons[0] ? el("div", { class: "reason", "data-reason": d.reasons[0].code }, d.reasons[0].message) : null;
      const alternatives = d.alternatives.map((a) => el("div", { class: "alt" }, `→ ${a.message}`));
      return el(
        "li",
        { class: d.outcome, "data-outcome": d.outcome, "data-for": d.action },
        el("div", { class: "row" }, button, ...badges),
        inputs.length > 0 && d.outcome !== "denied" ? el("div", { class: "inputs" }, ...inputs) : null,
        reason,
        ...alternatives,
      );
    }),
  );
  tick();
}

function tick() {
  let expired = false;
  for (const clock of countdowns) {
    const left = Date.parse(clock.dataset.validUntil) + 1 - Date.now();
    clock.textContent = formatLeft(left);
    clock.classList.toggle("urgent", left < 5 * 60_000);
    if (left <= 0) expired = true;
  }
  // When a window closes, the answer changes: ask again.
  if (expired) render();
}

async function take(action, inputs) {
  const policy = policyOf(current.policy);
  const actor = current.actors.find((a) => a.role === $("actor").value) ?? current.actors[0];
  const params = Object.fromEntries(inputs.filter((i) => i.value !== "").map((i) => [i.name, i.value]));
  const locale = $("locale").value;
  let decision;
  try {
    decision = policy.decide({ facts: current.facts, actor, action, params, now: Date.now(), locale });
  } catch (e) {
    log(`${action}: ${e.code} at ${e.path}: ${e.message}`);
    return;
  }
  if (decision.outcome === "denied") return render();
  if (decision.confirm) {
    $("confirm-text").textContent = decision.confirm.message;
    $("confirm").showModal();
    const answer = await new Promise((resolve) => $("confirm").addEventListener("close", () => resolve($("confirm").returnValue), { once: true }));
    if (answer !== "ok") return;
  }
  current.facts = policy.apply(current.facts, decision);
  for (const change of decision.changes) shown.add(change.fact);
  const changes = decision.changes.map((c) => `${c.fact}: ${c.from} → ${c.to}`).join(", ");
  const effects = decision.effects.map((e) => e.label).join("; ");
  log(`${decision.label} (${decision.outcome}${decision.approver ? `, approval by ${decision.approver}` : ""}). ${changes}${effects ? `. ${effects}` : ""}`);
  render();
}

function log(text) {
  $("history").prepend(el("li", {}, `${new Date().toLocaleTimeString()} · ${text}`));
}

$("order").addEventListener("change", () => {
  current = orders.find((o) => o.id === $("order").value);
  shown = new Set(Object.keys(current.facts));
  $("history").replaceChildren();
  renderPickers();
  render();
});
$("actor").addEventListener("change", render);
$("locale").addEventListener("change", render);
renderPickers();
render();
setInterval(tick, 1000);
document.body.dataset.ready = "true";
