#!/usr/bin/env bash
# Runs every fuzz target in parallel for SECONDS each (default 900) under nice -n 19, then
# prints per target: CPU seconds, executions, corpus size, and crashes/timeouts/OOMs found.
#   fuzz/run.sh [SECONDS] [TARGET...]      (needs nightly and cargo-fuzz: cargo install cargo-fuzz)
# Flags: -max_len=1048576 -timeout=10 -rss_limit_mb=2048. Seeds: fuzz/seed.sh.
set -uo pipefail
cd "$(dirname "$0")"
secs=${1:-900}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(extract_bytes encoding json_ld options)
mkdir -p logs corpus
cargo +nightly fuzz build -O "${targets[@]/#/}" >/dev/null 2>&1 || cargo +nightly fuzz build -O
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  ( /usr/bin/time -f "cpu_seconds %U %S" nice -n 19 \
      cargo +nightly fuzz run -O "$t" "corpus/$t" -- \
      -max_total_time="$secs" -max_len=1048576 -timeout=10 -rss_limit_mb=2048 \
      -dict=html.dict -print_final_stats=1 -artifact_prefix="artifacts/$t/" \
      > "logs/$t.log" 2>&1 ) &
done
wait
printf "%-15s %10s %12s %8s %8s\n" target cpu_s execs corpus found
for t in "${targets[@]}"; do
  log="logs/$t.log"
  cpu=$(awk '/^cpu_seconds/ {print $2 + $3}' "$log" | tail -1)
  execs=$(awk -F: '/stat::number_of_executed_units/ {gsub(/ /,"",$2); print $2}' "$log" | tail -1)
  corpus=$(ls "corpus/$t" | wc -l)
  found=$(ls "artifacts/$t" 2>/dev/null | wc -l)
  printf "%-15s %10s %12s %8s %8s\n" "$t" "${cpu:-?}" "${execs:-?}" "$corpus" "$found"
done
