// The package bundled by esbuild, Vite and webpack 5, each bundle run in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serve } from "./browser/server.mjs";
import { launch, CHROMIUM } from "./browser/chromium.mjs";
import { build, BUNDLERS, EXPECTED } from "./bundlers/build.mjs";

const outRoot = fileURLToPath(new URL("../target/bundles/chromium/", import.meta.url));
const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}`;

let server;
let browser;
before(async () => {
  if (skip) return;
  server = await serve({ "/": "target/bundles/chromium/" });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

for (const bundler of BUNDLERS) {
  test(`bundled by ${bundler}, it decides in Chromium`, { skip }, async () => {
    const out = build(bundler, outRoot);
    const files = readdirSync(out, { recursive: true }).map(String);
    // Vite and webpack emit both modules (the entry names both URLs); the esbuild app imports the
    // full module's URL alone.
    const modules = bundler === "esbuild" ? 1 : 2;
    assert.equal(files.filter((f) => f.endsWith(".wasm")).length, modules, `${modules} .wasm in ${files}`);
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${server.url}/${bundler}/index.html`);
    await page.waitForSelector("#out[data-outcome]", { timeout: 15000 }).catch((e) => {
      throw new Error(`${bundler}: ${errors.join("; ") || e}`);
    });
    const data = await page.$eval("#out", (n) => ({ ...n.dataset }));
    assert.deepEqual(data, EXPECTED);
    await page.close();
  });
}
