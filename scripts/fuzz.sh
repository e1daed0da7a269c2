#!/usr/bin/env bash
# Coverage-guided fuzzing with cargo-fuzz (libFuzzer) of policy loading (JSON and compiled) and of
# questions to every built-in policy. Usage: ./scripts/fuzz.sh [SECONDS per target, default 300]
# The seed corpora in fuzz/corpus/ stay untouched: new inputs go to target/fuzz-corpus/. A crash
# is saved under target/fuzz-artifacts/; copy it into fuzz/regressions/<target>/ so that
# `cargo test --test fuzz_regressions` replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
if ! command -v cargo-fuzz >/dev/null; then
  echo "==> installing cargo-fuzz from crates.io"
  cargo install cargo-fuzz --locked 2>/dev/null || cargo install cargo-fuzz
fi
# cargo-fuzz needs unstable compiler flags; only the stable toolchain installs here.
export RUSTC_BOOTSTRAP=1
for target in load_policy load_compiled decide; do
  work="target/fuzz-corpus/$target"
  mkdir -p "$work" target/fuzz-artifacts
  echo "==> fuzzing $target for ${seconds}s"
  (cd fuzz && cargo fuzz run -O "$target" "../$work" "corpus/$target" -- \
    -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="../target/fuzz-artifacts/$target-" -print_final_stats=1 2>&1 | grep -E "^(Done|stat::number_of_executed_units|==|SUMMARY)" || true)
  if ls target/fuzz-artifacts/"$target"-* >/dev/null 2>&1; then
    echo "fuzzing $target found a crash: target/fuzz-artifacts/" >&2
    exit 1
  fi
done
