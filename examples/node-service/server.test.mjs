// Real HTTP requests to the service on 127.0.0.1.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { start } from "./server.mjs";

const samplePolicy = fileURLToPath(new URL("../policies/sample-marketplace.json", import.meta.url));
let server;
let base;

before(async () => {
  server = await start({ port: 0, files: [samplePolicy] });
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => new Promise((resolve) => server.close(resolve)));

async function call(method, path, body, headers = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

test("lists the built-in policies and one loaded from a file", async () => {
  const { status, body } = await call("GET", "/policies");
  assert.equal(status, 200);
  assert.deepEqual(body.map((p) => p.id).sort(), ["akulaku", "clodeo", "dropi", "fr-backoffice", "sample-marketplace", "whmcs"]);
});

test("what may this actor do with this order now?", async () => {
  const { status, body } = await call("POST", "/policies/dropi/available", {
    facts: { status: "por_alistar" },
    actor: { role: "dropshipper" },
    now: "2026-03-02T10:00:00-05:00",
  });
  assert.equal(status, 200);
  assert.deepEqual(body.map((d) => [d.action, d.outcome]), [["cancel", "denied"], ["return_order", "denied"], ["change_address", "denied"]]);
  assert.equal(body[0].alternatives[0].contact, "supplier");
});

test("decide this action, in the language of Accept-Language", async () => {
  const { status, body } = await call(
    "POST",
    "/policies/akulaku/decide",
    { facts: { order: "shipped", shipping_method: "self_logistics", shipped_at: "2026-03-02T10:00:00+07:00" }, actor: { role: "seller" }, action: "change_courier", params: { courier: "JNE", awb: "JNE1" }, now: "2026-03-02T20:00:00+07:00" },
    { "accept-language": "fr-FR, en;q=0.8, id;q=0.5" },
  );
  assert.equal(status, 200);
  assert.equal(body.outcome, "allowed");
  assert.equal(body.language, "en");
  assert.equal(body.validUntil, "2026-03-03T10:00:00+07:00");
});

test("a policy loaded from a file decides too, and apply gives the next facts", async () => {
  const facts = { logistics: "ready_to_ship", payment: "paid" };
  const decided = await call("POST", "/policies/sample-marketplace/decide", { facts, actor: { role: "seller" }, action: "cancel_pickup", now: 0 });
  assert.equal(decided.body.outcome, "approval_required");
  const applied = await call("POST", "/policies/sample-marketplace/apply", { facts, decision: decided.body });
  assert.equal(applied.status, 200);
  assert.equal(applied.body.logistics, "pickup_cancel_pending");
});

test("bad requests get a 400 with the engine's code and path", async () => {
  const cases = [
    [{ facts: { status: "pendiente" }, actor: { role: "dropshipper" }, action: "cancle" }, "UNKNOWN_ACTION", "$.action"],
    [{ facts: { status: "nope" }, actor: { role: "dropshipper" }, action: "cancel" }, "UNKNOWN_STATUS", "$.facts.status"],
    [{ facts: { status: "pendiente" }, actor: { role: "dropshipper" }, action: "cancel", now: "tomorrow" }, "INVALID_TIMESTAMP", "$.now"],
    [{ actor: { role: "dropshipper" }, action: "cancel" }, "MISSING_FIELD", "$.facts"],
    ["{not json", "NOT_JSON", "$"],
    [[1, 2], "WRONG_TYPE", "$"],
  ];
  for (const [body, code, path] of cases) {
    const res = await call("POST", "/policies/dropi/decide", body);
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.equal(res.body.error.code, code);
    assert.equal(res.body.error.path, path);
    assert.ok(res.body.error.message.length > 0);
  }
  const huge = await call("POST", "/policies/dropi/decide", JSON.stringify({ pad: "x".repeat(300 * 1024) }));
  assert.equal(huge.status, 413);
  assert.equal(huge.body.error.code, "TOO_LARGE");
});

test("unknown policies and routes are 404", async () => {
  assert.equal((await call("POST", "/policies/shopify/decide", {})).body.error.code, "UNKNOWN_POLICY");
  assert.equal((await call("GET", "/nothing")).status, 404);
});
