#!/usr/bin/env python3
"""Error analysis: the pages where dechaff does worst on a corpus, and why.

    python3 bench/errors.py CORPUS_SET_DIR PRED.jsonl [--worst N] [--explain] [--id ID]

For each of the N lowest-F1 pages: the truth lines we lost (no token of them in our output),
the lines we wrongly kept (not in the truth), and with --explain, the pipeline's decision
(pass, element, reason) for the lost lines, from `examples/extract --explain --format json`;
at the end, the lost lines of all N pages grouped by the pass that removed them ("outside
the selection" when no pass removed them: the selected container did not hold them).
Standard library only.
"""
import argparse, gzip, json, os, re, subprocess, sys, unicodedata
from collections import Counter

W = re.compile(r"\w+")

def toks(s):
    return W.findall(unicodedata.normalize("NFC", s or "").casefold())

def f1(t, p):
    if not t and not p: return 1.0, 1.0, 1.0
    if not t or not p: return 0.0, 0.0, 0.0
    o = sum((Counter(t) & Counter(p)).values())
    pr, rc = o / len(p), o / len(t)
    return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0)

def lines(s):
    return [l.strip() for l in re.split(r"\n+", s or "") if l.strip()]

def coverage(line, bag):
    tk = toks(line)
    return sum(1 for x in tk if x in bag) / len(tk) if tk else 1.0

def page_path(corpus, pid):
    for ext in (".html", ".html.gz"):
        p = os.path.join(corpus, "html", pid + ext)
        if os.path.exists(p): return p
    return None

def explain(corpus, pid):
    path = page_path(corpus, pid)
    data = open(path, "rb").read()
    if path.endswith(".gz"): data = gzip.decompress(data)
    tmp = "/tmp/dechaff-errors-page.html"
    open(tmp, "wb").write(data)
    exe = os.path.join(os.path.dirname(__file__), "..", "target", "release", "examples", "extract")
    out = subprocess.run([exe, tmp, "--explain", "--format", "json"], capture_output=True, text=True)
    try:
        return json.loads(out.stdout)["diagnostics"].get("trace", [])
    except Exception:
        return []

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus"); ap.add_argument("pred")
    ap.add_argument("--worst", type=int, default=10)
    ap.add_argument("--explain", action="store_true")
    ap.add_argument("--id")
    ap.add_argument("--width", type=int, default=160)
    a = ap.parse_args()
    truth = {}
    for l in open(os.path.join(a.corpus, "truth.jsonl")):
        d = json.loads(l); truth[d["id"]] = d
    pred = {}
    for l in open(a.pred):
        d = json.loads(l); pred[d["id"]] = d
    rows = []
    for pid, t in truth.items():
        if a.id and pid != a.id: continue
        p = pred.get(pid, {})
        if t.get("text") is None:
            # snippet corpora: score by snippets
            txt = " ".join((p.get("text") or "").split())
            miss = [s for s in t.get("with", []) if " ".join(s.split()) not in txt]
            bad = [s for s in t.get("without", []) if " ".join(s.split()) in txt]
            score = 1 - (len(miss) + len(bad)) / max(1, len(t.get("with", [])) + len(t.get("without", [])))
            rows.append((score, pid, None, miss, bad, p))
            continue
        pr, rc, f = f1(toks(t["text"]), toks(p.get("text")))
        rows.append((f, pid, (pr, rc), None, None, p))
    rows.sort(key=lambda r: r[0])
    by_pass = {}
    for score, pid, prc, miss, bad, p in rows[: a.worst]:
        t = truth[pid]
        print("=" * 100)
        print(f"{pid}  score={score:.3f}" + (f"  P={prc[0]:.3f} R={prc[1]:.3f}" if prc else "") + f"  {t.get('url')}")
        if miss is not None:
            for s in miss: print(f"  MISSED  {s[:a.width]}")
            for s in bad: print(f"  KEPT    {s[:a.width]}")
        else:
            pbag = set(toks(p.get("text")))
            tbag = set(toks(t["text"]))
            lost = [l for l in lines(t["text"]) if coverage(l, pbag) < 0.5]
            extra = [l for l in lines(p.get("text")) if coverage(l, tbag) < 0.5]
            print(f"  lost {len(lost)} lines, kept {len(extra)} extra lines")
            for l in lost[:8]: print(f"  LOST   {l[:a.width]}")
            for l in extra[:8]: print(f"  EXTRA  {l[:a.width]}")
        if a.explain:
            trace = explain(a.corpus, pid)
            sel = [e for e in trace if e["action"] in ("selected", "joined", "empty")]
            for e in sel: print(f"  {e['action'].upper():8} {e['pass']}: {e['element']} ({e['reason']})")
            want = (miss or []) if miss is not None else [l for l in lines(t["text"]) if coverage(l, set(toks(p.get("text")))) < 0.5]
            for n, w in enumerate(want):
                wt = set(toks(w)[:12])
                hits = [e for e in trace if e["action"] == "removed" and len(wt & set(toks(e["text"]))) >= min(4, len(wt))]
                key = hits[0]["pass"] if hits else "outside the selection"
                by_pass[key] = by_pass.get(key, 0) + 1
                if n < 5:
                    for e in hits[:2]:
                        print(f"    why lost: {e['pass']} {e['element']} — {e['reason']} | {e['text'][:80]}")
    if a.explain and by_pass:
        print("=" * 100)
        print(f"lost lines of the {a.worst} worst pages, by the pass that removed them:")
        for k, v in sorted(by_pass.items(), key=lambda kv: -kv[1]):
            print(f"  {v:5}  {k}")

if __name__ == "__main__":
    main()
