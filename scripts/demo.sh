#!/usr/bin/env bash
# The main job: builds the npm package, then, through it in Node, loads the built-in policies and
# prints what each actor may do now with a set of example orders.
set -euo pipefail
cd "$(dirname "$0")/.."
export NPM_CONFIG_LOGLEVEL=error NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
./scripts/build.sh
(cd examples/dashboard && npm install --no-package-lock --install-links=false >/dev/null)
node examples/dashboard/demo.mjs
