#!/usr/bin/env bash
# Scores `dechaff --format jsonl CORPUS_DIR/html` and the corpus example on the same corpus,
# and checks that both give the same figures (the command is a thin driver of the library).
#
#   bench/cli_score.sh CORPUS_DIR [SCORER]
#
# CORPUS_DIR holds html/ and truth.jsonl (e.g. ../shared/corpus/wcxb-dev); SCORER defaults to
# CORPUS_DIR/../../tools/score.py. Writes out/cli-<set>.jsonl and out/example-<set>.jsonl.
set -euo pipefail
corpus=$(cd "${1:?usage: bench/cli_score.sh CORPUS_DIR [SCORER]}" && pwd)
scorer=${2:-$corpus/../../tools/score.py}
set_name=$(basename "$corpus")
cd "$(dirname "$0")/.."
cargo build --release -q -p dechaff-cli
cargo build --release -q --example corpus
mkdir -p out
cli=out/cli-$set_name.jsonl
example=out/example-$set_name.jsonl
./target/release/dechaff --format jsonl "$corpus/html" > "$cli"
./target/release/examples/corpus "$corpus" > "$example"
echo "== corpus example: cargo run --release --example corpus -- $corpus"
python3 "$scorer" --corpus "$corpus" --pred "$example" --json "out/example-$set_name.score.json"
echo "== command: dechaff --format jsonl $corpus/html"
python3 "$scorer" --corpus "$corpus" --pred "$cli" --json "out/cli-$set_name.score.json"
python3 - "$example" "$cli" "out/example-$set_name.score.json" "out/cli-$set_name.score.json" <<'PY'
import json, sys
def pages(path):
    return {d["id"]: (d.get("text"), d.get("title"), d.get("author"), d.get("date"))
            for d in map(json.loads, open(path, encoding="utf-8"))}
def score(path):
    return {k: v for k, v in json.load(open(path)).items() if k != "pred"}
same_pages = pages(sys.argv[1]) == pages(sys.argv[2])
same_score = score(sys.argv[3]) == score(sys.argv[4])
print(f"== same text/title/author/date on every page: {same_pages}; same score: {same_score}")
sys.exit(0 if same_pages and same_score else 1)
PY
