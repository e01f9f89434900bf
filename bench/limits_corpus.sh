#!/usr/bin/env bash
# Corpus figures behind the default Limits: p50/p99/p99.9/max of page bytes, element count and
# nesting depth (parsed without limits), and the pages the defaults would change.
#   bench/limits_corpus.sh CORPUS_SET_DIR...   (each holding html/*.html[.gz])
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || { echo "usage: bench/limits_corpus.sh CORPUS_SET_DIR..." >&2; exit 2; }
cargo build --release -q --example stress
./target/release/examples/stress --measure "$@"
