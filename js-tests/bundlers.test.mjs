// The package bundled by esbuild, Vite and webpack 5, each bundle run in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serve } from "./browser/server.mjs";
import { launch, CHROMIUM } from "./browser/chromium.mjs";

const here = fileURLToPath(new URL("./bundlers/", import.meta.url));
const outRoot = fileURLToPath(new URL("../target/bundles/", import.meta.url));
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));
const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}`;

function build(name) {
  const out = `${outRoot}${name}/`;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: here, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (name === "esbuild") {
    run(bin("esbuild"), ["app-esbuild.js", "--bundle", "--format=esm", "--target=es2022", "--loader:.wasm=file", "--asset-names=[name]-[hash]", `--outfile=${out}app.js`, "--log-level=warning"]);
    writeFileSync(`${out}index.html`, readFileSync(`${here}index.html`));
  } else if (name === "vite") {
    run(bin("vite"), ["build", "--config", "vite.config.mjs", "--outDir", out, "--emptyOutDir"]);
  } else {
    run(bin("webpack"), ["--config", "webpack.config.cjs", "--env", `out=${out}`]);
    writeFileSync(`${out}index.html`, readFileSync(`${here}index.html`, "utf8"));
  }
  return out;
}

let server;
let browser;
before(async () => {
  if (skip) return;
  server = await serve({ "/": "target/bundles/" });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

for (const bundler of ["esbuild", "vite", "webpack"]) {
  test(`bundled by ${bundler}, it decides in Chromium`, { skip }, async () => {
    const out = build(bundler);
    const files = readdirSync(out, { recursive: true }).map(String);
    assert.equal(files.filter((f) => f.endsWith(".wasm")).length, 1, `one .wasm in ${files}`);
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${server.url}/${bundler}/index.html`);
    await page.waitForSelector("#out[data-outcome]", { timeout: 15000 }).catch((e) => {
      throw new Error(`${bundler}: ${errors.join("; ") || e}`);
    });
    const data = await page.$eval("#out", (n) => ({ ...n.dataset }));
    assert.deepEqual(data, { outcome: "allowed", validUntil: "2026-03-03T10:00:00+07:00", language: "en", error: "UNKNOWN_ACTION" });
    await page.close();
  });
}
