// The same browser checks in Firefox ESR, through geckodriver: a decision read off a page, the
// shared vectors byte for byte, prepared requests and batches as in Node, NOT_INITIALIZED before
// init, the storefront example clicked through, and the esbuild, Vite and webpack bundles.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serve } from "./browser/server.mjs";
import { firefoxSession, firefoxSkip } from "./browser/webdriver.mjs";
import { preparedVerdicts, replay } from "./vectors.mjs";
import { preparedGroups, sources as policySources } from "./verdict-vectors.mjs";
import { build, BUNDLERS, EXPECTED } from "./bundlers/build.mjs";

const skip = firefoxSkip;
const bundles = fileURLToPath(new URL("../target/bundles/firefox/", import.meta.url));
let server;
let ff;

before(async () => {
  if (skip) return;
  server = await serve({ "/pkg/": "pkg/", "/storefront/": "examples/storefront/", "/bundles/": "target/bundles/firefox/", "/": "js-tests/browser/" });
  ff = await firefoxSession();
  console.log(`Firefox ${ff.version}`);
});

after(async () => {
  await ff?.close();
  await server?.close();
});

test("a decision is read off the page in Firefox", { skip }, async () => {
  await ff.navigate(`${server.url}/index.html`);
  await ff.waitFor(`document.body.dataset.ready === "true"`);
  assert.equal(await ff.text("#outcome"), "denied");
  assert.match(await ff.text("#reason"), /los únicos que lo pueden hacer son los proveedores/);
});

test("Firefox answers the shared vectors byte for byte as native Rust", { skip }, async () => {
  const vectors = JSON.parse(readFileSync(new URL("../test-data/vectors.json", import.meta.url), "utf8"));
  const sources = { "sample-marketplace": readFileSync(new URL("../examples/policies/sample-marketplace.json", import.meta.url), "utf8") };
  await ff.navigate(`${server.url}/blank.html`);
  const result = await ff.run(
    `const [source, v, s] = args;
     const ordergate = await import("/pkg/dist/index.js");
     await ordergate.init();
     return new Function("return " + source)()(ordergate, v, s);`,
    replay.toString(),
    vectors,
    sources,
  );
  assert.ok(result && !result.thrown, JSON.stringify(result));
  assert.equal(result.count, vectors.length);
  assert.deepEqual(result.mismatches, []);
});

test("Firefox decides prepared requests and batches as Node does, rows decided in JavaScript included", { skip }, async () => {
  const groups = preparedGroups();
  await ff.navigate(`${server.url}/blank.html`);
  const inFirefox = await ff.run(
    `const [source, g, s] = args;
     const ordergate = await import("/pkg/dist/index.js");
     await ordergate.init();
     return new Function("return " + source)()(ordergate, g, s);`,
    preparedVerdicts.toString(),
    groups,
    policySources,
  );
  assert.ok(inFirefox && !inFirefox.thrown, JSON.stringify(inFirefox));
  assert.deepEqual(inFirefox, preparedVerdicts(await import("ordergate"), groups, policySources));
});

test("before init() Firefox gets NOT_INITIALIZED", { skip }, async () => {
  await ff.navigate(`${server.url}/blank.html`);
  const code = await ff.run(`const { Policy } = await import("/pkg/dist/index.js"); try { Policy.builtin("dropi"); return "no error"; } catch (e) { return e.code; }`);
  assert.equal(code, "NOT_INITIALIZED");
});

test("the storefront in Firefox: click, confirm, next state", { skip }, async () => {
  await ff.navigate(`${server.url}/storefront/index.html`);
  await ff.waitFor(`document.body.dataset.ready === "true"`);
  assert.match(await ff.text('li[data-for="change_courier"] .clock'), /left/);
  await ff.click('button[data-action="change_courier"]');
  await ff.waitFor(`document.querySelector("dialog[open]")`);
  await ff.click("#confirm-ok");
  await ff.waitFor(`document.querySelector('li[data-for="change_courier"]').dataset.outcome === "denied"`);
  assert.equal(await ff.text('dd[data-fact="awb"]'), "SCP12345");
  mkdirSync(new URL("../target/", import.meta.url), { recursive: true });
  await ff.screenshot(fileURLToPath(new URL("../target/storefront-firefox.png", import.meta.url)));
});

for (const bundler of BUNDLERS) {
  test(`bundled by ${bundler}, it decides in Firefox`, { skip }, async () => {
    build(bundler, bundles);
    await ff.navigate(`${server.url}/bundles/${bundler}/index.html`);
    await ff.waitFor(`document.getElementById("out").dataset.outcome`);
    const data = await ff.run(`return { ...document.getElementById("out").dataset };`);
    assert.deepEqual(data, EXPECTED);
  });
}
