"""Extract one page and show its metadata and the start of its text.

    python examples/python/extract.py [PAGE.html] [URL]

Without arguments it reads the bundled demo page.
"""

from __future__ import annotations

import sys
from pathlib import Path

import dechaff

DEMO = Path(__file__).resolve().parents[1] / "pages" / "kyiv-independent.html"


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEMO
    url = sys.argv[2] if len(sys.argv) > 2 else None
    try:
        article = dechaff.extract(path.read_bytes(), url=url)
    except dechaff.DechaffError as e:
        print(f"{path}: {e}", file=sys.stderr)
        return 1
    print("title:    ", article.title)
    print("authors:  ", ", ".join(article.authors) or "-")
    print("published:", article.published.isoformat() if article.published else "-")
    print("language: ", article.language or "-")
    print("blocks:   ", ", ".join(b.kind for b in article.blocks) or "(no main content)")
    print()
    print(article.text[:500])
    return 0


if __name__ == "__main__":
    sys.exit(main())
