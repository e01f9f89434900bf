"""Extract every page of a directory on all cores, and report the refused ones.

    python examples/python/threads.py DIR

`extract_many` runs the pages on Rust threads with the GIL released and returns one entry
per page, in order: an Article, or the exception for a refused page.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import dechaff


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    paths = sorted(p for p in Path(sys.argv[1]).rglob("*.htm*") if p.is_file())
    pages = [(p.read_bytes(), None) for p in paths]
    start = time.perf_counter()
    results = dechaff.extract_many(pages)
    elapsed = time.perf_counter() - start
    words = 0
    for path, result in zip(paths, results):
        if isinstance(result, dechaff.DechaffError):
            print(f"refused {path.name}: {result}", file=sys.stderr)
        else:
            words += result.word_count
    print(f"{len(paths)} pages, {words} words of main text, {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
