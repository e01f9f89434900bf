#!/usr/bin/env bash
# Scores dechaff on every corpus set under CORPUS_ROOT (default ../shared/corpus).
#   bench/eval.sh [CORPUS_ROOT] [extra corpus-example flags, e.g. --favor precision]
# Writes out/<set>.jsonl (predictions) and out/<set>.score.json, prints one summary line per set.
set -euo pipefail
root=${1:-../shared/corpus}
shift || true
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
scorer=${SCORER:-$root/../tools/score.py}
mkdir -p out
cargo build --release -q --example corpus --example extract
for set in scrapinghub-dev wcxb-dev readability trafilatura-dev; do
  [ -d "$root/$set" ] || continue
  tag=${TAG:-}
  ./target/release/examples/corpus "$root/$set" "$@" > "out/$set$tag.jsonl" 2> "out/$set$tag.speed.txt"
  python3 "$scorer" --corpus "$root/$set" --pred "out/$set$tag.jsonl" --json "out/$set$tag.score.json" > "out/$set$tag.score.txt"
  python3 - "$set" "out/$set$tag.score.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[2]))
def g(*keys):
    d = s
    for k in keys:
        if not isinstance(d, dict) or k not in d: return None
        d = d[k]
    return d
parts = [sys.argv[1].ljust(16)]
t = s.get("text") or {}
if t.get("n"):
    parts.append(f"F1 {t['f1']:.4f} P {t['precision']:.4f} R {t['recall']:.4f} <0.5: {t['n_f1_below_0.5']}")
sn = s.get("snippets") or {}
if sn.get("n"):
    parts.append(f"snipF1 {sn['f1']:.4f}")
for k in ("title", "author", "date"):
    m = s.get(k) or {}
    if m.get("n"):
        parts.append(f"{k} {m['match']:.3f}" + (f" sim {m['sim']:.3f}" if k == "title" else ""))
print("  ".join(parts))
PY
done
