#!/usr/bin/env bash
# Single-thread extraction throughput against a plain `scraper::Html::parse_document` of the
# same pages (issue: extraction >= 0.7 x parse-only). Both are timed inside the corpus example
# (reading files excluded); runs alternate and the fastest of ROUNDS is kept for each, which
# is robust to other load on the machine.
#   bench/speed.sh CORPUS_SET_DIR [ROUNDS]
set -euo pipefail
dir=${1:?corpus set dir}
rounds=${2:-5}
cd "$(dirname "$0")/.."
cargo build --release -q --example corpus
bin=./target/release/examples/corpus
best_e=0; best_p=0; pages=0; mb=0
for _ in $(seq "$rounds"); do
  e=$("$bin" "$dir" --repeat 3 2>&1 >/dev/null | tail -1)
  p=$("$bin" "$dir" --repeat 3 --parse-only 2>&1 >/dev/null | tail -1)
  ev=$(echo "$e" | sed -n 's/.*, \([0-9.]*\) MB\/s.*/\1/p')
  pv=$(echo "$p" | sed -n 's/.*, \([0-9.]*\) MB\/s.*/\1/p')
  best_e=$(python3 -c "print(max($best_e, $ev))")
  best_p=$(python3 -c "print(max($best_p, $pv))")
  pages=$(echo "$e" | sed -n 's/.*, \([0-9.]*\) pages\/s.*/\1/p')
done
python3 -c "
e, p = $best_e, $best_p
print(f'extract {e:.2f} MB/s, parse-only {p:.2f} MB/s, ratio {e / p:.3f} (best of $rounds rounds, single thread)')"
