// The generated vectors (a slice in every test run; ./scripts/vectors.sh for all of them) give
// the native answer byte for byte in Node, Chromium and Firefox ESR.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as ordergate from "ordergate";
import { replay, parseGenerated } from "./vectors.mjs";
import { serve } from "./browser/server.mjs";
import { launch, CHROMIUM } from "./browser/chromium.mjs";
import { firefoxSession, firefoxSkip } from "./browser/webdriver.mjs";

const file = process.env.ORDERGATE_VECTORS ?? fileURLToPath(new URL("../target/vectors/ci.jsonl", import.meta.url));
const missing = existsSync(file) ? false : `no ${file}: run \`cargo run --release --bin vectors -- --count 3000 --out target/vectors/ci.jsonl\``;
const sources = { "sample-marketplace": readFileSync(new URL("../examples/policies/sample-marketplace.json", import.meta.url), "utf8") };
const browserCode = `
  const [source, url, sources] = args;
  const ordergate = await import("/pkg/dist/index.js");
  await ordergate.init();
  const [replaySource, parseSource] = source;
  const vectors = (new Function("return " + parseSource)())(await (await fetch(url)).text());
  const hex = (buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, "0")).join("");
  const sha256 = async (s) => hex(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(s)));
  return await (new Function("return " + replaySource)())(ordergate, vectors, sources, sha256);`;

let server;
before(async () => {
  if (missing) return;
  server = await serve({ "/pkg/": "pkg/", "/vectors/": file.slice(0, file.lastIndexOf("/") + 1).replace(fileURLToPath(new URL("../", import.meta.url)), ""), "/": "js-tests/browser/" });
});
after(async () => server?.close());

const name = file.slice(file.lastIndexOf("/") + 1);

test(`Node: the generated vectors (${name}) match the native answers`, { skip: missing }, async () => {
  const sha256 = async (s) => createHash("sha256").update(s).digest("hex");
  const result = await replay(ordergate, parseGenerated(readFileSync(file, "utf8")), sources, sha256);
  console.log(`Node: ${result.count} vectors, ${result.mismatchCount} mismatches`);
  assert.ok(result.count > 0);
  assert.deepEqual(result.mismatches, []);
});

test(`Chromium: the generated vectors (${name}) match the native answers`, { skip: missing || (existsSync(CHROMIUM) ? false : "no Chromium") }, async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/blank.html`);
    const result = await page.evaluate(async ([code, args]) => new Function("args", `return (async () => { ${code} })()`)(args), [browserCode, [[replay.toString(), parseGenerated.toString()], `/vectors/${name}`, sources]]);
    console.log(`Chromium: ${result.count} vectors, ${result.mismatchCount} mismatches`);
    assert.ok(result.count > 0);
    assert.deepEqual(result.mismatches, []);
  } finally {
    await browser.close();
  }
});

test(`Firefox: the generated vectors (${name}) match the native answers`, { skip: missing || firefoxSkip }, async () => {
  const ff = await firefoxSession();
  try {
    await ff.navigate(`${server.url}/blank.html`);
    const result = await ff.run(browserCode, [replay.toString(), parseGenerated.toString()], `/vectors/${name}`, sources);
    assert.ok(result && !result.thrown, JSON.stringify(result));
    console.log(`Firefox: ${result.count} vectors, ${result.mismatchCount} mismatches`);
    assert.ok(result.count > 0);
    assert.deepEqual(result.mismatches, []);
  } finally {
    await ff.close();
  }
});
