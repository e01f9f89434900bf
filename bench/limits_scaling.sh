#!/usr/bin/env bash
# Scaling: every adversarial shape timed at n and 4n (best of RUNS child-process runs each),
# exponent k = log(t(4n)/t(n)) / log 4. Then the reference: scraper's plain parse of nested
# <div>s at 10 000, 20 000 and 40 000 levels, which is what the depth guard avoids.
#   bench/limits_scaling.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
cargo build --release -q --example stress
./target/release/examples/stress --scaling --runs "$runs"
echo
echo "plain scraper::Html::parse_document on deep_div (no guard):"
for n in 10000 20000 40000; do
  ./target/release/examples/stress --case deep_div --n "$n" --plain
done
echo "dechaff on the same pages, and at 100 000 deep:"
for n in 10000 20000 40000 100000; do
  ./target/release/examples/stress --case deep_div --n "$n"
done
