// `npm pack` of the built package holds the expected files and nothing else: one copy of each
// WebAssembly module (the engine and the compiler), the browser and Node entry points, declarations, README and manifest.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { gzipSync } from "node:zlib";

const pkg = new URL("../pkg/", import.meta.url);

test("npm pack lists exactly the expected files, with the engine and the compiler modules", () => {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--loglevel=error"], { cwd: pkg, encoding: "utf8" });
  const [report] = JSON.parse(out);
  const files = report.files.map((f) => f.path).sort();
  assert.deepEqual(files, [
    "README.md",
    "dist/index.js",
    "dist/node.cjs",
    "dist/node.mjs",
    "dist/ordergate_bg.wasm",
    "dist/ordergate_compiler_bg.wasm",
    "dist/types/errors.d.ts",
    "dist/types/generated/Decision.d.ts",
    "dist/types/generated/Errors.d.ts",
    "dist/types/generated/Layout.d.ts",
    "dist/types/index.d.ts",
    "dist/types/node.d.ts",
    "dist/types/policy-module.d.ts",
    "dist/types/rows.d.ts",
    "dist/types/sdk.d.ts",
    "dist/types/types.d.ts",
    "dist/types/verdicts.d.ts",
    "package.json",
  ]);
  assert.equal(files.filter((f) => f.endsWith(".wasm")).length, 2);
  const wasm = readFileSync(new URL("dist/ordergate_bg.wasm", pkg));
  const js = readFileSync(new URL("dist/index.js", pkg));
  console.log(
    `npm pack: ${report.entryCount} files, tarball ${report.size} bytes, unpacked ${report.unpackedSize} bytes; ` +
      `a page of compiled policies downloads ${gzipSync(wasm, { level: 9 }).length + gzipSync(js, { level: 9 }).length} bytes gzipped (engine wasm + JS)`,
  );
});

test("the manifest has an exports map, no side effects and a files list", () => {
  const manifest = JSON.parse(readFileSync(new URL("package.json", pkg), "utf8"));
  assert.equal(manifest.name, "ordergate");
  assert.equal(manifest.sideEffects, false);
  assert.deepEqual(manifest.files, ["dist/", "README.md"]);
  const root = manifest.exports["."];
  assert.deepEqual(Object.keys(root), ["node", "types", "browser", "import", "default"]);
  assert.deepEqual(root.node, { types: "./dist/types/node.d.ts", import: "./dist/node.mjs", require: "./dist/node.cjs" });
  assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
});

test("the packed tarball installs into an empty project and works with import and require", () => {
  const dir = mkdtempSync(`${tmpdir()}/ordergate-consumer-`);
  try {
    const [report] = JSON.parse(execFileSync("npm", ["pack", "--json", "--loglevel=error", "--pack-destination", dir], { cwd: pkg, encoding: "utf8" }));
    writeFileSync(`${dir}/package.json`, JSON.stringify({ name: "consumer", private: true }));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", `./${report.filename}`], { cwd: dir, stdio: "pipe" });
    const program = (load) =>
      `${load}\nconst d = Policy.builtin("dropi").decide({ facts: { status: "en_transito" }, actor: { role: "supplier" }, action: "cancel", now: 0 });\nconsole.log(d.outcome + " " + d.alternatives[0].waitFor.status);`;
    writeFileSync(`${dir}/esm.mjs`, program(`import { Policy } from "ordergate";`));
    writeFileSync(`${dir}/cjs.cjs`, program(`const { Policy } = require("ordergate");`));
    for (const file of ["esm.mjs", "cjs.cjs"]) {
      assert.equal(execFileSync(process.execPath, [file], { cwd: dir, encoding: "utf8" }).trim(), "denied con_novedad", file);
    }
    // Node before 20.16 and 22.3 has no `process.getBuiltinModule`: the ES module imports `fs`.
    const older = ["--import", "data:text/javascript,delete process.getBuiltinModule", "esm.mjs"];
    assert.equal(execFileSync(process.execPath, older, { cwd: dir, encoding: "utf8" }).trim(), "denied con_novedad", "without getBuiltinModule");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
