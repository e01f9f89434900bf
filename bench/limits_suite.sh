#!/usr/bin/env bash
# Every adversarial case at its test size, each in child processes: result class, time and
# peak RSS of the extraction (release, 256 KiB stack), and the same for the reference, a plain
# scraper parse (the smaller of: the same input, an ordinary page of the same size).
# Prints a table and a summary line; JSON lines go to stderr.
#   bench/limits_suite.sh [2> suite.jsonl]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q --example stress
./target/release/examples/stress --suite
