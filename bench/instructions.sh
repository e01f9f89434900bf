#!/usr/bin/env bash
# Instruction counts (valgrind/callgrind: repeatable whatever the machine's load) of
# extraction versus a plain scraper parse of the same pages.
#   bench/instructions.sh CORPUS_SET_DIR
set -euo pipefail
dir=${1:?corpus set dir}
cd "$(dirname "$0")/.."
cargo build --release -q --example corpus
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null ./target/release/examples/corpus "$dir" "$@" 2>&1 >/dev/null \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
ext=$(count)
parse=$(count --parse-only)
python3 -c "import sys; e,p=int(sys.argv[1]),int(sys.argv[2]); print(f'extract {e:,} instr, parse-only {p:,} instr, parse/extract = {p/e:.3f}')" "$ext" "$parse"
