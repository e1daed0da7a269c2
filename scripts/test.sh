#!/usr/bin/env bash
# Runs every test: native Rust (unit, policies, doc tests, vectors, reference pages),
# wasm-bindgen-test in Node, headless Chromium and headless Firefox ESR, the node:test tests
# against the built npm package (ESM, CommonJS, npm pack, esbuild/Vite/webpack bundles, the
# storefront, in Chromium through Playwright and in Firefox through geckodriver), a `tsc --strict`
# consumer, and the examples.
set -euo pipefail
cd "$(dirname "$0")/.."
export NPM_CONFIG_LOGLEVEL=error NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

./scripts/setup.sh browser

step "cargo fmt and clippy"
cargo fmt --all -- --check
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --target wasm32-unknown-unknown --quiet -- -D warnings
# The two modules the package ships: the engine (no compiler) and the compiler.
cargo clippy --target wasm32-unknown-unknown --quiet --no-default-features -- -D warnings
cargo clippy --target wasm32-unknown-unknown --quiet --features wasm-compiler -- -D warnings

step "native tests (cargo test)"
cargo test --quiet

step "generated TypeScript declarations are up to date"
if ! git diff --exit-code --stat -- pkg-template/src/generated; then
  echo "pkg-template/src/generated changed: commit the regenerated files" >&2
  exit 1
fi

step "wasm-bindgen-test in Node"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
cargo test --target wasm32-unknown-unknown --test wasm

step "wasm-bindgen-test in headless Chromium"
WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --target wasm32-unknown-unknown --test wasm

step "wasm-bindgen-test in headless Firefox ESR"
env -u CHROMEDRIVER WASM_BINDGEN_USE_BROWSER=1 GECKODRIVER="$(command -v geckodriver)" \
  cargo test --target wasm32-unknown-unknown --test wasm

step "building the npm package"
./scripts/build.sh

step "generating a slice of the test vectors natively (./scripts/vectors.sh checks all of them)"
cargo run --release --quiet --bin vectors -- --count 3000 --out target/vectors/ci.jsonl

step "installing the package into the JS tests and the examples"
(cd js-tests && npm ci >/dev/null)
for example in dashboard node-service storefront; do
  (cd "examples/$example" && npm install --no-package-lock >/dev/null)
done

step "JS tests against the built package (ESM, CommonJS, npm pack, bundlers, storefront, Chromium and Firefox)"
(cd js-tests && node --test)

step "tsc --strict on a TypeScript consumer"
(cd js-tests && npx --no-install tsc -p types/tsconfig.json)

step "fuzzing: a bounded run of each cargo-fuzz target (./scripts/fuzz.sh for longer runs)"
./scripts/fuzz.sh "${ORDERGATE_FUZZ_SECONDS:-20}"

step "examples: the node service with real requests, the dashboard demo"
(cd examples/node-service && node --test)
node examples/dashboard/demo.mjs > /dev/null
echo "examples/dashboard ran"

step "all tests passed"
