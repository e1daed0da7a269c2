// The package in headless Chromium: a page imports pkg/dist/index.js, calls init(), decides, and
// the test reads the decision off the page. The same requests give byte-identical answers in
// the browser and in Node.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { Policy, compilePolicyModule } from "ordergate";
import { serve } from "./browser/server.mjs";
import { launch, CHROMIUM } from "./browser/chromium.mjs";
import { readFileSync } from "node:fs";
import { preparedVerdicts, replay } from "./vectors.mjs";
import { preparedGroups, sources as policySources } from "./verdict-vectors.mjs";

const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (./scripts/setup.sh browser installs it)`;
let server;
let browser;
let page;
/** The WebAssembly files the page fetched. */
const fetchedWasm = [];

before(async () => {
  if (skip) return;
  server = await serve();
  browser = await launch();
  page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  page.on("request", (r) => {
    if (r.url().endsWith(".wasm")) fetchedWasm.push(new URL(r.url()).pathname.split("/").pop());
  });
  await page.goto(`${server.url}/index.html`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 }).catch((e) => {
    throw new Error(`the page did not get ready: ${errors.join("; ") || e}`);
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("a decision is read off the page in Chromium", { skip }, async () => {
  assert.equal(await page.textContent("#outcome"), "denied");
  assert.match(await page.textContent("#reason"), /los únicos que lo pueden hacer son los proveedores/);
});

test("init() fetches the full module alone, which decides and reads JSON", { skip }, async () => {
  assert.deepEqual(fetchedWasm, ["ordergate_compiler_bg.wasm"]);
  const text = readFileSync(new URL("../bench/policies/ordergate.json", import.meta.url), "utf8");
  const hash = await page.evaluate(async (source) => {
    const { Policy } = await import("/pkg/dist/index.js");
    return Policy.fromJson(source).hash;
  }, text);
  assert.equal(hash, Policy.fromJson(text).hash);
  assert.deepEqual(fetchedWasm, ["ordergate_compiler_bg.wasm"], "reading JSON fetched nothing more");
});

const requests = [
  ["dropi", "decide", { facts: { status: "pendiente" }, actor: { role: "dropshipper" }, action: "cancel", now: "2026-03-02T10:00:00-05:00" }],
  ["dropi", "decide", { facts: { status: "con_novedad", same_metro_order: true }, actor: { role: "dropshipper" }, action: "cancel", now: 1772463600000, locale: "en" }],
  ["dropi", "available", { facts: { status: "en_transito" }, actor: { role: "supplier" }, now: "2026-03-02T10:00:00Z" }],
  ["fr-backoffice", "decide", { facts: { logistics: "en_attente_impression", order_total: 4990 }, actor: { role: "agent" }, action: "cancel_order", params: { contact_channel: "email" }, now: "2026-10-25T02:30:00+02:00" }],
  ["fr-backoffice", "available", { facts: { logistics: "expediee" }, actor: { role: "agent" }, now: "2026-03-29T02:30:00+01:00" }],
  ["dropi", "decide", { facts: { status: "nope" }, actor: { role: "dropshipper" }, action: "cancel", now: "2026-03-02T10:00:00Z" }],
];

test("Chromium and Node give byte-identical answers", { skip }, async () => {
  for (const [name, method, request] of requests) {
    const inBrowser = await page.evaluate(([n, m, r]) => window.ordergateRun(n, m, r), [name, method, request]);
    let inNode;
    try {
      inNode = JSON.stringify(Policy.builtin(name)[method](request));
    } catch (e) {
      inNode = JSON.stringify({ error: { name: e.name, code: e.code, path: e.path } });
    }
    assert.equal(inBrowser, inNode, `${name} ${method}`);
  }
});

test("Chromium answers the shared vectors byte for byte as native Rust", { skip }, async () => {
  const vectors = JSON.parse(readFileSync(new URL("../test-data/vectors.json", import.meta.url), "utf8"));
  const sources = { "sample-marketplace": readFileSync(new URL("../examples/policies/sample-marketplace.json", import.meta.url), "utf8") };
  const result = await page.evaluate(
    async ([source, v, s]) => {
      const ordergate = await import("/pkg/dist/index.js");
      const run = new Function("return " + source)();
      return run(ordergate, v, s);
    },
    [replay.toString(), vectors, sources],
  );
  assert.equal(vectors.length > 40, true);
  assert.equal(result.count, vectors.length);
  assert.deepEqual(result.mismatches, []);
});

test("Chromium decides prepared requests and batches as Node does, rows decided in JavaScript included", { skip }, async () => {
  const groups = preparedGroups();
  assert.ok(groups.length >= 5);
  const inBrowser = await page.evaluate(
    async ([source, g, s]) => {
      const ordergate = await import("/pkg/dist/index.js");
      return new Function("return " + source)()(ordergate, g, s);
    },
    [preparedVerdicts.toString(), groups, policySources],
  );
  const inNode = preparedVerdicts(await import("ordergate"), groups, policySources);
  assert.deepEqual(inBrowser, inNode);
  for (const text of Object.values(inNode)) assert.ok(!("error" in JSON.parse(text)), text);
});

test("before init(), a policy call is a clear NOT_INITIALIZED error; initSync(bytes) works too", { skip }, async () => {
  const fresh = await browser.newPage();
  await fresh.goto(`${server.url}/blank.html`);
  const result = await fresh.evaluate(async () => {
    const { Policy, initSync, isInitialized } = await import("/pkg/dist/index.js");
    let before;
    try {
      Policy.builtin("dropi");
    } catch (e) {
      before = { name: e.name, code: e.code, message: e.message };
    }
    const bytes = await (await fetch("/pkg/dist/ordergate_bg.wasm")).arrayBuffer();
    initSync(bytes);
    const outcome = Policy.builtin("dropi").decide({ facts: { status: "pendiente" }, actor: { role: "supplier" }, action: "cancel", now: 0 }).outcome;
    return { before, ready: isInitialized(), outcome };
  });
  assert.equal(result.before.code, "NOT_INITIALIZED");
  assert.equal(result.before.name, "OrdergateError");
  assert.match(result.before.message, /await init\(\)/);
  assert.deepEqual([result.ready, result.outcome], [true, "allowed"]);
  await fresh.close();
});

test("a policy module answers verdicts in a page before init(), and its full decisions after init() loads the engine", { skip }, async () => {
  const text = readFileSync(new URL("../bench/policies/ordergate.json", import.meta.url), "utf8");
  const facts = { logistics_status: "to_pickup", payment_method: "cod", payment_status: "paid", shipped_at: 1_000, courier_changes_used: 0, refund_amount: 5_000, seller_balance: 4_999, in_sale: false };
  const requests = ["buyer", "seller", "supplier", "admin"].flatMap((role) =>
    ["cancel", "change_courier", "refund"].map((action) => ({ facts, actor: { role }, action, now: 1_000 + 86_400_000 })),
  );
  const fresh = await browser.newPage();
  const wasm = [];
  fresh.on("request", (r) => {
    if (r.url().endsWith(".wasm")) wasm.push(new URL(r.url()).pathname.split("/").pop());
  });
  await fresh.goto(`${server.url}/blank.html`);
  const result = await fresh.evaluate(
    async ([source, asked]) => {
      const { Policy, init, isInitialized } = await import("/pkg/dist/index.js");
      const module = await import(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
      const policy = Policy.fromModule(module);
      const verdicts = asked.map((r) => policy.verdict(r));
      const batch = [...policy.verdicts(asked)];
      let before;
      try {
        policy.decide(asked[0]);
      } catch (e) {
        before = e.code;
      }
      const initializedBefore = isInitialized();
      await init(undefined, { compiler: false });
      return { verdicts, batch, before, initializedBefore, decisions: asked.map((r) => policy.decide(r)) };
    },
    [compilePolicyModule(text), requests],
  );
  const inNode = Policy.fromJson(text);
  assert.deepEqual(result.verdicts, requests.map((r) => inNode.verdict(r)));
  assert.deepEqual(result.batch, result.verdicts);
  assert.deepEqual([result.initializedBefore, result.before], [false, "NOT_INITIALIZED"], "no module before init(): verdicts only");
  assert.equal(JSON.stringify(result.decisions), JSON.stringify(requests.map((r) => inNode.decide(r))));
  assert.deepEqual(wasm, ["ordergate_bg.wasm"], "the engine alone, fetched by init()");
  await fresh.close();
});
