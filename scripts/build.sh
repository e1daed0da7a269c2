#!/usr/bin/env bash
# Builds the npm package into pkg/: the WASM module (wasm-bindgen, then wasm-opt), the TypeScript
# SDK bundled for browsers (ESM) and Node (ESM and CommonJS), declarations, package.json, README.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
build=target/pkg-build
rm -rf "$build" pkg
mkdir -p "$build/glue" pkg/dist

step "compiling the engine and the full module to wasm32"
# Two modules from one crate (src/wasm/): the engine reads compiled policies and decides; the full
# module is the engine with the compiler, which reads JSON policies. A page that ships its
# policies compiled downloads the engine alone; a page or process that reads JSON, the full one.
# The engine is compiled for size (`opt-level = "z"`): 9.5 KB less to download gzipped (101.5 ->
# 92.0 KB), which brings a page of compiled policies under 100 KB. Verdicts, batches and prepared
# batches are decided by JavaScript the engine writes, and do not move; the full decision
# (`decide`, with texts) takes about 14 us instead of 9-10, and the rows the module decides (a
# policy's first 1,023 verdicts, windows of calendar or business days) about 20% longer
# (docs/benchmarks.md). The full module keeps the profile's `opt-level = 3`: a Node service that
# reads JSON decides with it.
CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
  cargo build --release --lib --target wasm32-unknown-unknown --no-default-features --quiet
wasm-bindgen --target web --out-dir "$build/glue" target/wasm32-unknown-unknown/release/ordergate.wasm
cargo build --release --lib --target wasm32-unknown-unknown --features wasm-compiler --quiet
wasm-bindgen --target web --out-dir "$build/glue" --out-name ordergate_compiler \
  target/wasm32-unknown-unknown/release/ordergate.wasm

step "optimizing the modules with wasm-opt"
# The JSON reader's functions stay apart (`--no-inline`, before the passes that would inline
# them): see `Reader::value` in src/json_parse/mod.rs. In the full module, the maps' functions too:
# inlined into the object reader (1.8 -> 5.6 KB), they made it move to TurboFan during a cold
# first load, a 10 ms compile competing with the load for the machine's two cores.
for module in ordergate ordergate_compiler; do
  keep_apart=('--no-inline=*json_parse*')
  [ "$module" = ordergate_compiler ] && keep_apart+=('--no-inline=*indexmap*')
  npx --no-install wasm-opt "${keep_apart[@]}" -Oz --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$build/glue/${module}_bg.wasm" -o "pkg/dist/${module}_bg.wasm"
done

step "building the TypeScript SDK"
cp -r pkg-template/src "$build/src"
mkdir -p "$build/src/glue"
cp "$build/glue/"ordergate{,_compiler}.{js,d.ts} "$build/src/glue/"
cp pkg-template/tsconfig.json "$build/tsconfig.json"
npx --no-install tsc -p "$build/tsconfig.json" --outDir pkg/dist/types
rm -rf pkg/dist/types/glue

version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
# The version is written into policy modules, which only the version that wrote them reads.
esbuild() { npx --no-install esbuild --bundle --log-level=warning --log-override:empty-import-meta=silent --define:ORDERGATE_VERSION="\"$version\"" "$@"; }
# ES2022 keeps private fields native: at ES2020 each `#field` read becomes a WeakMap lookup, several
# per verdict, and the bundle carries the helpers.
esbuild "$build/src/index.ts" --format=esm --platform=neutral --target=es2022 --outfile=pkg/dist/index.js
# Node's entries read the module with `readWasm`, defined here for each format. The ES module
# takes `fs` from `process.getBuiltinModule` (Node 20.16 and 22.3 on) rather than importing it: an
# `import` of `node:fs` builds its ES module facade, which loads all of Node's streams (about 2.8
# ms of a cold start here); older versions import it, behind a top-level `await` (`require` has its
# own entry, so nothing needs the ES module to be synchronous).
esbuild "$build/src/node.ts" --format=esm --platform=node --target=node18 --outfile=pkg/dist/node.mjs \
  --banner:js='const __fs = process.getBuiltinModule?.("node:fs") ?? await import("node:fs");
const readWasm = (name = "ordergate") => __fs.readFileSync(new URL(`./${name}_bg.wasm`, import.meta.url));'
esbuild "$build/src/node.ts" --format=cjs --platform=node --target=node18 --outfile=pkg/dist/node.cjs \
  --banner:js='const readWasm = (name = "ordergate") => require("node:fs").readFileSync(require("node:path").join(__dirname, `${name}_bg.wasm`));'

sed "s/\"version\": \"0.0.0\"/\"version\": \"$version\"/" pkg-template/package.json > pkg/package.json
cp pkg-template/README.md pkg/README.md
for f in LICENSE-MIT LICENSE-APACHE; do [ -f "$f" ] && cp "$f" pkg/; done

wasm_bytes=$(wc -c < pkg/dist/ordergate_bg.wasm)
wasm_gz=$(gzip -9 -c pkg/dist/ordergate_bg.wasm | wc -c)
compiler_gz=$(gzip -9 -c pkg/dist/ordergate_compiler_bg.wasm | wc -c)
js_gz=$(gzip -9 -c pkg/dist/index.js | wc -c)
step "built pkg/ (ordergate $version): engine wasm $wasm_bytes bytes, $wasm_gz gzipped; full wasm $compiler_gz gzipped; browser JS $js_gz gzipped"
