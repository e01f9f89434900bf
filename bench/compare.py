#!/usr/bin/env python3
"""compare.py - dechaff side by side with other main-text extractors on a corpus.

    python3 bench/compare.py CORPUS [--only NAME,...] [--reuse] [--scorer PATH] [--out DIR]

CORPUS is one set directory (holding truth.jsonl and html/) or a directory of sets (every
subdirectory with a truth.jsonl is run). For each set, every extractor runs over every page in
its own process, sequentially, under `nice -n 19`; its predictions are scored with score.py and
one Markdown table per set is printed:

    extractor | F1 | P | R | F1<0.5 | [snippet F1] | title exact / sim | author | date | pages/s
              | peak MB | peak - pages MB

F1/P/R are the mean per-page token figures, or the pooled snippet figures on sets that only
have with/without snippets (trafilatura-dev); the heading says which.

Extractors: dechaff (the repo's `corpus` example: built with `cargo build --release --example
corpus`, then its binary is run directly so that cargo's own memory is not measured),
trafilatura, readability-lxml,
newspaper4k, goose3, jusText, resiliparse (pinned in bench/requirements-peers.txt, installed on
first use into bench/.venv-peers) and dom_smoothie (bench/peers/dom_smoothie_runner, a small
Rust crate outside the workspace; skipped with a note if it does not build). Also available
with --only: trafilatura-defaults (trafilatura.extract() with the library defaults, comments
included).

pages/s times extraction only (each runner reads and gunzips all pages first, as the corpus
example does); peak MB is the maximum resident set size of that runner's process (wait4
rusage), so it includes the interpreter, the libraries and the set's pages held in memory.

--reuse keeps, for every default extractor not named by --only, its rows from the previous
run's summary.json in --out (e.g. `--only dechaff --reuse` refreshes dechaff's figures after a
change without rerunning the peers, whose results do not depend on dechaff); the footer says
which rows were reused and from which date.

Needs: Python >= 3.10 (stdlib only; the peers live in their venv), cargo, and PyPI / crates.io.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
REQUIREMENTS = os.path.join(HERE, "requirements-peers.txt")
PY_RUNNER = os.path.join(HERE, "peers", "python_peers.py")
DS_CRATE = os.path.join(HERE, "peers", "dom_smoothie_runner")
PIP_VERSION = "26.3"  # a resolver that handles lxml's duplicated extra (pip 23.2 crashes on it)

# name -> (kind, PyPI/crate distribution whose version is reported)
EXTRACTORS = {
    "dechaff": ("rust", None),
    "trafilatura": ("python", "trafilatura"),
    "trafilatura-defaults": ("python", "trafilatura"),
    "readability-lxml": ("python", "readability-lxml"),
    "newspaper4k": ("python", "newspaper4k"),
    "dom_smoothie": ("rust", "dom_smoothie"),
    "goose3": ("python", "goose3"),
    "justext": ("python", "jusText"),
    "resiliparse": ("python", "resiliparse"),
}
# Run when --only is not given: each library once, with its natural article settings.
DEFAULT = [n for n in EXTRACTORS if n != "trafilatura-defaults"]
# Sets in the order of the README table; other sets found under a root follow alphabetically.
SET_ORDER = ["scrapinghub-dev", "wcxb-dev", "readability", "trafilatura-dev"]


def log(msg: str) -> None:
    print(f"[compare] {msg}", file=sys.stderr, flush=True)


def run_checked(cmd: list[str], what: str, cwd: str | None = None, quiet: bool = True) -> bool:
    log(f"{what}: {' '.join(cmd)}")
    r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE if quiet else None,
                       stderr=subprocess.STDOUT if quiet else None, text=True)
    if r.returncode != 0:
        if quiet and r.stdout:
            sys.stderr.write(r.stdout[-4000:])
        log(f"{what} failed (exit {r.returncode})")
        return False
    return True


# ---------------------------------------------------------------------------------------------
# setup: venv for the Python peers, builds for the Rust runners
# ---------------------------------------------------------------------------------------------
def venv_python(venv: str) -> str:
    return os.path.join(venv, "bin", "python")


def ensure_venv(venv: str, nice: list[str]) -> bool:
    """Create the peers' venv and install the pinned requirements (again if the file changed)."""
    with open(REQUIREMENTS, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    stamp = os.path.join(venv, ".requirements.sha256")
    py = venv_python(venv)
    if os.path.exists(stamp) and os.path.exists(py):
        with open(stamp) as f:
            if f.read().strip() == digest:
                return True
    if not os.path.exists(py):
        if not run_checked([sys.executable, "-m", "venv", venv], "create venv"):
            log("(on Debian/Ubuntu's system Python, `apt-get install python3-venv` provides the venv module)")
            return False
    pip = [py, "-m", "pip", "--disable-pip-version-check", "-q"]
    if not run_checked(nice + pip + ["install", f"pip=={PIP_VERSION}"], "upgrade pip"):
        return False
    if not run_checked(nice + pip + ["install", "-r", REQUIREMENTS], "install peers"):
        return False
    with open(stamp, "w") as f:
        f.write(digest + "\n")
    return True


def cargo_target_dir(manifest_dir: str) -> str:
    r = subprocess.run(["cargo", "metadata", "--format-version", "1", "--no-deps"], cwd=manifest_dir,
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, check=True)
    return json.loads(r.stdout)["target_directory"]


def build_dechaff(nice: list[str]) -> str | None:
    if not run_checked(nice + ["cargo", "build", "--release", "--example", "corpus"],
                       "build dechaff corpus example", cwd=REPO):
        return None
    return os.path.join(cargo_target_dir(REPO), "release", "examples", "corpus")


def build_dom_smoothie(nice: list[str]) -> str | None:
    if not run_checked(nice + ["cargo", "build", "--release", "--locked"], "build dom_smoothie runner",
                       cwd=DS_CRATE):
        return None
    return os.path.join(cargo_target_dir(DS_CRATE), "release", "dom_smoothie_runner")


# ---------------------------------------------------------------------------------------------
# versions and machine notes
# ---------------------------------------------------------------------------------------------
def python_versions(venv: str, names: list[str]) -> dict[str, str]:
    dists = [EXTRACTORS[n][1] for n in names if EXTRACTORS[n][0] == "python"]
    if not dists:
        return {}
    code = ("import importlib.metadata as m, json, sys\n"
            "print(json.dumps({d: m.version(d) for d in sys.argv[1:]}))")
    r = subprocess.run([venv_python(venv), "-c", code, *dists], stdout=subprocess.PIPE, text=True)
    by_dist = json.loads(r.stdout) if r.returncode == 0 else {}
    return {n: by_dist.get(EXTRACTORS[n][1], "?") for n in names if EXTRACTORS[n][0] == "python"}


def crate_version(lockfile: str, crate: str) -> str:
    try:
        text = open(lockfile, encoding="utf-8").read()
    except OSError:
        return "?"
    m = re.search(r'name = "%s"\nversion = "([^"]+)"' % re.escape(crate), text)
    return m.group(1) if m else "?"


def dechaff_version() -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=REPO, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", "core", "examples"],
                               cwd=REPO, stdout=subprocess.PIPE, text=True).stdout.strip()
        return f"commit {rev}{' + uncommitted changes' if dirty else ''}"
    except (OSError, subprocess.CalledProcessError):
        return "commit unknown"


def machine_notes() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal"):
                mem = f", {int(line.split()[1]) / 1048576:.0f} GiB RAM"
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores{mem}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


# ---------------------------------------------------------------------------------------------
# running one extractor on one set
# ---------------------------------------------------------------------------------------------
_SPEED = re.compile(r"extract: (\d+) pages, ([\d.]+) MB, ([\d.]+) s, ([\d.]+) pages/s")


def run_extractor(cmd: list[str], pred_path: str, err_path: str) -> dict:
    """Run cmd with stdout -> pred_path; return exit code, wall time, peak RSS, speed line."""
    load = os.getloadavg()[0]
    t = time.perf_counter()
    with open(pred_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t
    with open(err_path, encoding="utf-8", errors="replace") as f:
        err_text = f.read()
    m = None
    for m in _SPEED.finditer(err_text):
        pass
    errors = re.search(r", (\d+) errors", err_text)
    timeouts = re.search(r", (\d+) timeouts", err_text)
    return {
        "exit": proc.returncode,
        "wall_s": wall,
        # ru_maxrss is in KiB on Linux (bytes on macOS); MB here = 10^6 bytes, as for page sizes
        "peak_mb": usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024) / 1e6,
        "pages_per_s": float(m.group(4)) if m else None,
        "extract_s": float(m.group(3)) if m else None,
        "errors": int(errors.group(1)) if errors else 0,
        "timeouts": int(timeouts.group(1)) if timeouts else 0,
        "load_before": load,
    }


def score(scorer: str, set_dir: str, pred: str, out_json: str) -> dict | None:
    r = subprocess.run([sys.executable, scorer, "--corpus", set_dir, "--pred", pred, "--json", out_json],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        log(f"score.py failed on {pred}: {r.stderr.strip()[-500:]}")
        return None
    with open(out_json, encoding="utf-8") as f:
        res = json.load(f)
    res.pop("docs", None)
    return res


# ---------------------------------------------------------------------------------------------
# table
# ---------------------------------------------------------------------------------------------
def f3(x) -> str:
    return "-" if x is None else f"{x:.3f}"


def set_kind(res: dict) -> str:
    return "text" if res.get("text", {}).get("n") else "snippets"


def table(set_name: str, rows: list[tuple[str, dict]], info: dict) -> str:
    scored = [r for _, r in rows if r.get("score")]
    kind = set_kind(scored[0]["score"]) if scored else "text"
    both = kind == "text" and any(r["score"].get("snippets", {}).get("n") for r in scored)
    metric = ("mean per-page token F1 / P / R" if kind == "text"
              else "pooled snippet F1 / P / R (with/without snippets, score.py default folding)")
    head = [f"#### {set_name} - {info['pages']} pages, {info['mb']:.1f} MB of HTML - {metric}", "",
            f"Every runner holds the set's {info['mb']:.1f} MB of pages in memory (as dechaff's corpus "
            f"example does), so peak MB includes them; peak - pages MB is what is left: runtime, "
            f"libraries and extraction.", ""]
    cols = ["extractor", "F1", "P", "R"]
    if kind == "text":
        cols.append("F1<0.5")
    if both:
        cols.append("snippet F1")
    cols += ["title exact / sim", "author", "date", "pages/s", "peak MB", "peak - pages MB"]
    lines = ["| " + " | ".join(cols) + " |", "|" + "|".join(["---"] + ["---:"] * (len(cols) - 1)) + "|"]
    for name, r in rows:
        s = r.get("score")
        if not s:
            lines.append(f"| {name} | " + " | ".join(["n/a"] * (len(cols) - 1)) + " |")
            continue
        m = s["text"] if kind == "text" else s["snippets"]
        cells = [name, f3(m["f1"]), f3(m["precision"]), f3(m["recall"])]
        if kind == "text":
            cells.append(str(m["n_f1_below_0.5"]))
        if both:
            cells.append(f3(s.get("snippets", {}).get("f1")))
        t = s.get("title")
        cells.append(("n/a" if not t["coverage"] else f"{f3(t['match'])} / {f3(t['sim'])}") if t else "-")
        for k in ("author", "date"):
            m = s.get(k)
            cells.append(("n/a" if not m["coverage"] else f3(m["match"])) if m else "-")
        run = r["run"]
        cells.append(f"{run['pages_per_s']:.1f}" if run.get("pages_per_s") else "-")
        cells.append(f"{run['peak_mb']:.0f}")
        cells.append(f"{run['peak_mb'] - info['mb']:.0f}")
        lines.append("| " + " | ".join(cells) + " |")
    notes = []
    for name, r in rows:
        run = r.get("run") or {}
        bits = []
        if r.get("note"):
            bits.append(r["note"])
        if run.get("exit"):
            bits.append(f"exit status {run['exit']}")
        if run.get("errors"):
            bits.append(f"{run['errors']} page{'s' if run['errors'] > 1 else ''} raised (empty prediction)")
        if run.get("timeouts"):
            bits.append(f"{run['timeouts']} page{'s' if run['timeouts'] > 1 else ''} timed out (empty prediction)")
        if bits:
            notes.append(f"{name}: {'; '.join(bits)}")
    if any(r.get("score") and any(r["score"].get(k, {}).get("n") and not r["score"][k]["coverage"]
                                  for k in ("title", "author", "date")) for _, r in rows):
        notes.append("n/a: the extractor gave no value for that field on any page of the set")
    loads = [r["run"]["load_before"] for _, r in rows if r.get("run")]
    if loads:
        notes.append(f"1-min load average before the runs: {min(loads):.1f}-{max(loads):.1f}")
    return "\n".join(head + lines + ([""] + [f"- {n}" for n in notes] if notes else []))


def overview(all_rows: dict[str, list[tuple[str, dict]]]) -> str:
    """One line per extractor, the main accuracy figure of every set (for the README)."""
    sets = list(all_rows)
    names = list(dict.fromkeys(n for rows in all_rows.values() for n, _ in rows))
    head = []
    for sn in sets:
        kinds = {set_kind(r["score"]) for _, r in all_rows[sn] if r.get("score")}
        head.append(f"{sn} {'snippet F1' if kinds == {'snippets'} else 'F1'}")
    lines = ["#### Overview - main accuracy figure per set (details in the tables above)", "",
             "| extractor | " + " | ".join(head) + " |", "|---|" + "---:|" * len(sets)]
    for n in names:
        cells = []
        for sn in sets:
            r = dict(all_rows[sn]).get(n) or {}
            sc = r.get("score")
            cells.append(f3((sc["text"] if set_kind(sc) == "text" else sc["snippets"])["f1"]) if sc else "n/a")
        lines.append(f"| {n} | " + " | ".join(cells) + " |")
    best = []
    for sn in sets:
        figs = [((sc["text"] if set_kind(sc) == "text" else sc["snippets"])["f1"], n)
                for n, r in all_rows[sn] if n != "dechaff" and (sc := r.get("score"))]
        best.append(f"{f3(max(figs)[0])} ({max(figs)[1]})" if figs else "n/a")
    lines.append("| best peer | " + " | ".join(best) + " |")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------------------------
def find_sets(path: str) -> list[str]:
    if os.path.isfile(os.path.join(path, "truth.jsonl")):
        return [path]
    subs = [d for d in os.listdir(path) if os.path.isfile(os.path.join(path, d, "truth.jsonl"))]
    subs.sort(key=lambda d: (SET_ORDER.index(d) if d in SET_ORDER else len(SET_ORDER), d))
    return [os.path.join(path, d) for d in subs]


def set_info(set_dir: str) -> dict:
    html = os.path.join(set_dir, "html")
    names = [n for n in os.listdir(html) if n.endswith((".html", ".html.gz"))]
    size = 0
    for n in names:
        p = os.path.join(html, n)
        if n.endswith(".gz"):
            with open(p, "rb") as f:  # gzip trailer: uncompressed size mod 2^32
                f.seek(-4, os.SEEK_END)
                size += int.from_bytes(f.read(4), "little")
        else:
            size += os.path.getsize(p)
    return {"pages": len(names), "mb": size / 1e6}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", help="a set directory (with truth.jsonl) or a directory of sets")
    ap.add_argument("--only", help=f"comma-separated extractors out of {', '.join(EXTRACTORS)} "
                         f"(default: all but trafilatura-defaults)")
    ap.add_argument("--scorer", default=os.path.join(REPO, "..", "shared", "tools", "score.py"),
                    help="path to score.py (default: ../shared/tools/score.py from the repo root)")
    ap.add_argument("--venv", default=os.path.join(HERE, ".venv-peers"), help="venv for the Python peers")
    ap.add_argument("--out", default=os.path.join(REPO, "out", "compare"),
                    help="where predictions, scores and the tables go (default out/compare)")
    ap.add_argument("--reuse", action="store_true",
                    help="keep the other default extractors' rows from the previous summary.json in --out")
    ap.add_argument("--nice", type=int, default=19, help="niceness of builds and runs (0: none)")
    ap.add_argument("--timeout", type=int, default=60, help="seconds per page for the Python peers")
    a = ap.parse_args(argv)

    names = list(DEFAULT)
    if a.only:
        names = [n.strip() for n in a.only.split(",") if n.strip()]
        unknown = [n for n in names if n not in EXTRACTORS]
        if unknown:
            ap.error(f"unknown extractor(s) {', '.join(unknown)}; known: {', '.join(EXTRACTORS)}")
    scorer = os.path.abspath(a.scorer)
    if not os.path.isfile(scorer):
        ap.error(f"scorer not found: {scorer} (pass --scorer)")
    if not os.path.isdir(a.corpus):
        ap.error(f"not a directory: {a.corpus}")
    sets = find_sets(os.path.abspath(a.corpus))
    if not sets:
        ap.error(f"no set (directory with truth.jsonl) in {a.corpus}")
    nice = ["nice", "-n", str(a.nice)] if a.nice and shutil.which("nice") else []

    # setup
    commands: dict[str, list[str]] = {}
    skipped: dict[str, str] = {}
    if "dechaff" in names:
        exe = build_dechaff(nice)
        if exe:
            commands["dechaff"] = [exe]
        else:
            skipped["dechaff"] = "build failed"
    if "dom_smoothie" in names:
        exe = shutil.which("cargo") and build_dom_smoothie(nice)
        if exe:
            commands["dom_smoothie"] = [exe]
        else:
            skipped["dom_smoothie"] = "bench/peers/dom_smoothie_runner did not build: skipped"
    py_names = [n for n in names if EXTRACTORS[n][0] == "python"]
    if py_names:
        if ensure_venv(a.venv, nice):
            for n in py_names:
                commands[n] = [venv_python(a.venv), PY_RUNNER, n, "--timeout", str(a.timeout)]
        else:
            for n in py_names:
                skipped[n] = "pip install of bench/requirements-peers.txt failed: skipped"

    versions = {"dechaff": dechaff_version()}
    versions.update(python_versions(a.venv, [n for n in py_names if n in commands]))
    if "dom_smoothie" in names:
        versions["dom_smoothie"] = crate_version(os.path.join(DS_CRATE, "Cargo.lock"), "dom_smoothie")

    previous: dict = {}
    reused: list[str] = []
    if a.reuse:
        try:
            with open(os.path.join(a.out, "summary.json"), encoding="utf-8") as f:
                previous = json.load(f)
        except (OSError, ValueError) as e:
            ap.error(f"--reuse: no previous summary.json in {a.out} ({e})")
        reused = [n for n in DEFAULT if n not in names]
        for n in reused:
            if n in previous.get("versions", {}):
                versions[n] = previous["versions"][n]
        names = [n for n in DEFAULT if n in names or n in reused] + [n for n in names if n not in DEFAULT]

    started = dt.datetime.now(dt.timezone.utc)
    tables = []
    all_rows: dict[str, list[tuple[str, dict]]] = {}
    summary = {"date": started.isoformat(timespec="seconds"), "machine": machine_notes(),
               "versions": versions, "sets": {}}
    for set_dir in sets:
        set_name = os.path.basename(set_dir.rstrip("/"))
        out_dir = os.path.join(a.out, set_name)
        os.makedirs(out_dir, exist_ok=True)
        info = set_info(set_dir)
        rows = []
        for n in names:
            if n in reused:
                old = previous.get("sets", {}).get(set_name, {}).get("results", {}).get(n)
                rows.append((n, old if old else {"note": "not in the reused summary"}))
                continue
            if n not in commands:
                rows.append((n, {"note": skipped.get(n, "not run")}))
                continue
            pred = os.path.join(out_dir, f"{n}.jsonl")
            log(f"{set_name}: {n} ...")
            run = run_extractor(nice + commands[n] + [set_dir], pred, os.path.join(out_dir, f"{n}.stderr.txt"))
            res = score(scorer, set_dir, pred, os.path.join(out_dir, f"{n}.score.json"))
            log(f"{set_name}: {n}: {run['wall_s']:.1f} s wall, peak {run['peak_mb']:.0f} MB, "
                f"{run['pages_per_s'] or 0:.1f} pages/s, exit {run['exit']}")
            rows.append((n, {"run": run, "score": res}))
        t = table(set_name, rows, info)
        tables.append(t)
        print(t + "\n", flush=True)
        summary["sets"][set_name] = {"info": info, "results": {n: r for n, r in rows}}
        all_rows[set_name] = rows
    if len(all_rows) > 1:
        tables.append(overview(all_rows))
        print(tables[-1] + "\n", flush=True)

    ver = ", ".join(f"{k} {v}" for k, v in versions.items())
    footer = (f"Measured {started:%Y-%m-%d} on {summary['machine']}; one process per extractor and set, "
              f"run one after another{' under nice -n ' + str(a.nice) if nice else ''}. Versions: {ver}.")
    if reused:
        footer += (f" Rows of {', '.join(reused)} reused from the run of {previous.get('date', '?')[:10]}"
                   f" (on {previous.get('machine', '?')}).")
        summary["reused"] = {"from": previous.get("date"), "extractors": reused}
    print(footer)
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "tables.md"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(tables) + "\n\n" + footer + "\n")
    with open(os.path.join(a.out, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1)
    log(f"predictions, scores and tables in {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
