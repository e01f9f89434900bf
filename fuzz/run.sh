#!/usr/bin/env bash
# Runs every fuzz target in parallel for SECONDS each (default 900) under nice -n 19, WORKERS
# processes per target (default 1, sharing the target's corpus), then prints per target: CPU
# seconds, executions, corpus size, and crashes/timeouts/OOMs found (files in artifacts/).
#   [WORKERS=2] [MAX_LEN=131072] fuzz/run.sh [SECONDS] [TARGET...]
# (needs nightly and `cargo install cargo-fuzz`)
# Flags: -max_len=1048576 -timeout=10 -rss_limit_mb=2048. Seeds: fuzz/seed.sh.
set -uo pipefail
cd "$(dirname "$0")"
secs=${1:-900}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(extract_bytes encoding json_ld options capi)
mkdir -p logs corpus
cargo +nightly fuzz build -O "${targets[@]/#/}" >/dev/null 2>&1 || cargo +nightly fuzz build -O
workers=${WORKERS:-1}
rm -f logs/*.log
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  for w in $(seq 1 "$workers"); do
  ( /usr/bin/time -f "cpu_seconds %U %S" nice -n 19 \
      cargo +nightly fuzz run -O "$t" "corpus/$t" -- \
      -max_total_time="$secs" -max_len="${MAX_LEN:-1048576}" -timeout=10 -rss_limit_mb=2048 \
      -dict=html.dict -print_final_stats=1 -artifact_prefix="artifacts/$t/" \
      > "logs/$t.$w.log" 2>&1 ) &
  done
done
wait
printf "%-15s %10s %12s %8s %8s\n" target cpu_s execs corpus found
for t in "${targets[@]}"; do
  cpu=$(cat logs/"$t".*.log | awk '/^cpu_seconds/ {s += $2 + $3} END {print s}')
  execs=$(cat logs/"$t".*.log | awk '/stat::number_of_executed_units/ {s += $NF} END {print s}')
  corpus=$(ls "corpus/$t" | wc -l)
  found=$(ls "artifacts/$t" 2>/dev/null | wc -l)
  printf "%-15s %10s %12s %8s %8s\n" "$t" "${cpu:-?}" "${execs:-?}" "$corpus" "$found"
done
