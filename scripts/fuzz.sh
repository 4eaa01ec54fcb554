#!/usr/bin/env bash
# Runs every libFuzzer target (fuzz/fuzz_targets) for a bounded time, on stable Rust, without
# cargo-fuzz: the same coverage instrumentation cargo-fuzz passes (sancov; these flags are
# stable), no AddressSanitizer (the crate forbids `unsafe`). Seeds: fuzz/corpus/<target>;
# what the fuzzer adds goes to fuzz/target/corpus/<target> (not committed); a crash is saved
# under fuzz/artifacts/<target>/ and fails this script.
#   FUZZ_SECONDS=25 bash scripts/fuzz.sh [target...]
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
secs="${FUZZ_SECONDS:-25}"
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(scan round_trip stream_restore policy)
host=$(rustc -vV | awk '/^host:/ {print $2}')
# An explicit --target keeps these flags off build scripts and proc macros.
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
cargo build --release --target "$host" --bins
for t in "${targets[@]}"; do
  mkdir -p "target/corpus/$t" "artifacts/$t"
  echo "== fuzzing $t for ${secs}s"
  status=0
  "target/$host/release/$t" -max_total_time="$secs" -dict=dict.txt -max_len=4096 \
    -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -artifact_prefix="artifacts/$t/" \
    "target/corpus/$t" "corpus/$t" > "target/$t.log" 2>&1 || status=$?
  grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|SUMMARY)|panicked|deadly signal' "target/$t.log" || true
  if [ "$status" -ne 0 ]; then
    tail -30 "target/$t.log" >&2
    echo "fuzz target $t failed (exit $status); inputs in fuzz/artifacts/$t/" >&2
    exit 1
  fi
done
