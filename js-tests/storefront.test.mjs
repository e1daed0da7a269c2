// The storefront example in headless Chromium, driven by Playwright: pick an order and an actor,
// read the buttons, click one, confirm, read the next state, take a screenshot.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { serve } from "./browser/server.mjs";
import { launch, CHROMIUM } from "./browser/chromium.mjs";

const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}`;
let server;
let browser;
let page;

before(async () => {
  if (skip) return;
  server = await serve({ "/": "examples/storefront/" });
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${server.url}/index.html`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 }).catch((e) => {
    throw new Error(`the storefront did not start: ${errors.join("; ") || e}`);
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("every action is a button, enabled or not, with its reason and a live countdown", { skip }, async () => {
  const change = page.locator('li[data-for="change_courier"]');
  assert.equal(await change.getAttribute("data-outcome"), "allowed");
  assert.equal(await change.locator("button").isEnabled(), true);
  assert.match(await change.locator(".clock").textContent(), /min \d\d s left/);
  assert.match(await change.locator(".badge", { hasText: "chances" }).textContent(), /chances left: 1/);
  const approve = page.locator('li[data-for="approve_refund"]');
  assert.equal(await approve.locator("button").isDisabled(), true);
  assert.ok((await approve.locator(".reason").textContent()).length > 0);
  mkdirSync(new URL("../target/", import.meta.url), { recursive: true });
  await page.screenshot({ path: new URL("../target/storefront.png", import.meta.url).pathname });
});

test("applying an action asks to confirm and shows the next state", { skip }, async () => {
  await page.click('button[data-action="change_courier"]');
  await page.waitForSelector("dialog[open]");
  assert.match(await page.textContent("#confirm-text"), /Konfirmasi Perubahan/);
  await page.click("#confirm-ok");
  await page.waitForSelector('li[data-for="change_courier"][data-outcome="denied"]');
  assert.equal(await page.textContent('dd[data-fact="awb"]'), "SCP12345");
  assert.equal(await page.getAttribute('li[data-for="change_courier"] .reason', "data-reason"), "satu_kesempatan");
  assert.match(await page.textContent("#history li"), /courier_changes: 0 → 1/);
});

test("another order and actor: the dropshipper is told to ask the supplier", { skip }, async () => {
  await page.selectOption("#order", "DR-1042");
  await page.selectOption("#actor", "dropshipper");
  const cancel = page.locator('li[data-for="cancel"]');
  assert.equal(await cancel.getAttribute("data-outcome"), "denied");
  assert.match(await cancel.locator(".alt").first().textContent(), /Detalle del proveedor/);
  await page.selectOption("#actor", "supplier");
  assert.equal(await page.getAttribute('li[data-for="cancel"]', "data-outcome"), "allowed");
});

test("approval: the seller's request waits for the admin, who approves it", { skip }, async () => {
  await page.selectOption("#order", "CL-118");
  await page.selectOption("#actor", "seller");
  await page.selectOption("#locale", "en");
  assert.match(await page.textContent('li[data-for="cancel_pickup"] .badge.approval'), /needs approval: admin/);
  await page.click('button[data-action="cancel_pickup"]');
  await page.waitForFunction(() => document.querySelector('dd[data-fact="shipping"]')?.textContent.includes("awaiting approval"));
  await page.selectOption("#actor", "admin");
  await page.click('button[data-action="approve_pickup_cancel"]');
  await page.waitForFunction(() => document.querySelector('dd[data-fact="awb"]')?.textContent === "Void");
});
