"""Speed of the Python binding over a corpus directory, against the Rust core.

    python bench/python_bench.py CORPUS_DIR [--repeat N] [--workers W] [--best-of B] [--no-rust]

Needs `dechaff` importable (e.g. `.venv-test/bin/python` after scripts/test-python.sh) and,
unless --no-rust, cargo (it runs the Rust `corpus` example on the same directory).

Reads CORPUS_DIR/html/*.html and *.html.gz as bytes (decompressed up front, as the Rust
example does), then, N times, interleaved so that a change in machine load hits all of
them alike:

* python extract: `Extractor().extract(page)` for every page, each call timed alone and the
  times summed (pages/s and MB/s of extraction only, the Rust example's method);
* rust extract: `cargo run --release --example corpus -- DIR` (its stderr figure);
* serial loop: wall time of `[ex.extract(p) for p in pages]`;
* extract_many: wall time of `ex.extract_many(pages, workers=W)` (W = 2 by default);
  these two are each run B times per round (--best-of, default 3) and the fastest kept,
  as timeit does, so that a neighbour's burst does not count as our time.

Each round also prints how many cores the process kept busy (CPU time / wall time): on a
shared machine, rounds far below 1 (serial) or W (extract_many) measured the neighbours.

Prints the median of each and the two ratios: Python/Rust throughput and the speed-up of
extract_many over the serial loop.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

import dechaff

REPO = Path(__file__).resolve().parents[1]


def read_pages(corpus: Path) -> list[bytes]:
    pages = []
    for path in sorted((corpus / "html").iterdir()):
        if path.name.endswith(".html.gz"):
            pages.append(gzip.decompress(path.read_bytes()))
        elif path.name.endswith(".html"):
            pages.append(path.read_bytes())
    return pages


def python_extract_seconds(ex: dechaff.Extractor, pages: list[bytes]) -> float:
    total = 0.0
    clock = time.perf_counter
    for page in pages:
        t = clock()
        ex.extract(page)
        total += clock() - t
    return total


def best_of(n: int, run: Callable[[], object]) -> tuple[float, float]:
    """The fastest of `n` wall times of `run()`, and the cores it kept busy then."""
    best = (float("inf"), 0.0)
    for _ in range(n):
        t, c = time.perf_counter(), time.process_time()
        run()
        wall = time.perf_counter() - t
        if wall < best[0]:
            best = (wall, (time.process_time() - c) / wall)
    return best


def rust_pages_per_second(corpus: Path) -> float:
    out = subprocess.run(
        ["cargo", "run", "-q", "--release", "--example", "corpus", "--", str(corpus)],
        cwd=REPO,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    m = re.search(r"([\d.]+) pages/s", out.stderr)
    if not m:
        sys.exit(f"cannot read the Rust figure from: {out.stderr!r}")
    return float(m.group(1))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("corpus", type=Path)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--best-of", type=int, default=3)
    p.add_argument("--no-rust", action="store_true")
    args = p.parse_args()

    pages = read_pages(args.corpus)
    mb = sum(len(x) for x in pages) / 1e6
    ex = dechaff.Extractor()
    print(
        f"{len(pages)} pages, {mb:.1f} MB, dechaff {dechaff.__version__}, "
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}",
        flush=True,
    )
    if not args.no_rust:
        subprocess.run(
            ["cargo", "build", "-q", "--release", "--example", "corpus"], cwd=REPO, check=True
        )
    # Warm-up: page cache, allocator, lazy tables.
    ex.extract_many(pages, workers=args.workers)

    py_pps, rust_pps, serial_s, many_s = [], [], [], []
    for i in range(args.repeat):
        py_pps.append(len(pages) / python_extract_seconds(ex, pages))
        if not args.no_rust:
            rust_pps.append(rust_pages_per_second(args.corpus))
        serial, serial_cpu = best_of(args.best_of, lambda: [ex.extract(p) for p in pages])
        serial_s.append(serial)
        many, many_cpu = best_of(args.best_of, lambda: ex.extract_many(pages, workers=args.workers))
        many_s.append(many)
        # cores busy = CPU time / wall time: about 1 and about W on an otherwise idle
        # machine; lower means other processes took the cores and the round is noise.
        print(
            f"  round {i + 1}: python {py_pps[-1]:.1f} pages/s"
            + (f", rust {rust_pps[-1]:.1f} pages/s" if rust_pps else "")
            + f", serial loop {serial_s[-1]:.3f} s ({serial_cpu:.2f} cores busy)"
            + f", extract_many {many_s[-1]:.3f} s ({many_cpu:.2f} cores busy)",
            flush=True,
        )

    med = statistics.median
    mb_per_page = mb / len(pages)
    print(f"median of {args.repeat} rounds:")
    print(f"  python extract : {med(py_pps):.1f} pages/s, {med(py_pps) * mb_per_page:.2f} MB/s")
    if rust_pps:
        print(
            f"  rust extract   : {med(rust_pps):.1f} pages/s, "
            f"{med(rust_pps) * mb_per_page:.2f} MB/s"
        )
        print(f"  python / rust  : {med(py_pps) / med(rust_pps):.3f}")
    print(f"  serial loop    : {med(serial_s):.3f} s")
    print(f"  extract_many(workers={args.workers}): {med(many_s):.3f} s")
    print(f"  speed-up       : {med(serial_s) / med(many_s):.2f}x")


if __name__ == "__main__":
    main()
