#!/usr/bin/env bash
# Generates the full set of test vectors natively (default 100,000, seeded) and checks that Node,
# headless Chromium and headless Firefox ESR give the native answer to every one, byte for byte.
# Usage: ./scripts/vectors.sh [COUNT] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
export NPM_CONFIG_LOGLEVEL=error NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
count="${1:-100000}"
seed="${2:-20260302}"
./scripts/setup.sh browser
./scripts/build.sh
(cd js-tests && npm ci >/dev/null)
cargo run --release --quiet --bin vectors -- --count "$count" --seed "$seed" --out target/vectors/all.jsonl
ORDERGATE_VECTORS="$PWD/target/vectors/all.jsonl" node --test js-tests/generated-vectors.test.mjs
