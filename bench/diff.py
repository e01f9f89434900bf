#!/usr/bin/env python3
"""Per-page F1 differences between two score.py --json outputs: which pages a change helped or hurt.

    python3 bench/diff.py OLD.score.json NEW.score.json [--min 0.01]
"""
import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
mn = float(sys.argv[4]) if len(sys.argv) > 4 else 0.01
def per(s):
    return {d["id"]: d.get("f1", d.get("snippet_score")) for d in s.get("docs", [])}
pa, pb = per(a), per(b)
rows = [(pb[k] - pa[k], k, pa[k], pb[k]) for k in pa if k in pb and pa[k] is not None and pb[k] is not None and abs(pb[k] - pa[k]) >= mn]
rows.sort()
for d, k, x, y in rows:
    print(f"{d:+.3f}  {x:.3f} -> {y:.3f}  {k}")
print(f"{sum(1 for r in rows if r[0] > 0)} better, {sum(1 for r in rows if r[0] < 0)} worse")
