// What every bundled consumer does once initialized; the test reads the result off the page.
export function run(Policy, OrdergateError) {
  const policy = Policy.builtin("akulaku");
  const d = policy.decide({
    facts: { order: "shipped", shipping_method: "self_logistics", shipped_at: "2026-03-02T10:00:00+07:00" },
    actor: { role: "seller" },
    action: "change_courier",
    params: { courier: "JNE", awb: "JNE1" },
    now: "2026-03-03T10:00:00+07:00",
    locale: ["en-GB", "id"],
  });
  let errorCode = "";
  try {
    policy.decide({ facts: { order: "shipped", shipping_method: "via_akulaku" }, actor: { role: "seller" }, action: "nope", now: 0 });
  } catch (e) {
    errorCode = e instanceof OrdergateError ? e.code : `not an OrdergateError: ${e}`;
  }
  const out = document.getElementById("out");
  out.dataset.outcome = d.outcome;
  out.dataset.validUntil = d.validUntil;
  out.dataset.language = d.language;
  out.dataset.error = errorCode;
  out.textContent = `${d.label}: ${d.outcome}`;
}
