// Builds the consumer in this folder with esbuild, Vite or webpack 5 into `outRoot/<bundler>/`.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL("./", import.meta.url));
const bin = (name) => fileURLToPath(new URL(`../../node_modules/.bin/${name}`, import.meta.url));

export const BUNDLERS = ["esbuild", "vite", "webpack"];

export function build(name, outRoot) {
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
    writeFileSync(`${out}index.html`, readFileSync(`${here}index.html`));
  }
  return out;
}

/** What run.js writes on the page when the bundle works. */
export const EXPECTED = { outcome: "allowed", validUntil: "2026-03-03T10:00:00+07:00", language: "en", error: "UNKNOWN_ACTION" };
