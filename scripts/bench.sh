#!/usr/bin/env bash
# The benchmark of docs/benchmarks.md: builds the package, installs the peers (bench/package-lock.json)
# and runs every engine on the common workload. Arguments go to bench/run.mjs:
#   --runs 3  --decisions 1000000  --cold-runs 15  --only baseline,ordergate,json-logic  --write
set -euo pipefail
cd "$(dirname "$0")/.."
export NPM_CONFIG_LOGLEVEL=error NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
./scripts/build.sh
step "installing the peers"
# `npm ci` refuses this lock file: @gorules/zen-engine lists its platform packages without versions.
(cd bench && npm install)
step "running the benchmark"
node bench/run.mjs "$@"
