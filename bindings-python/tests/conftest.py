"""Shared helpers of the dechaff Python tests."""

from __future__ import annotations

from pathlib import Path

import pytest

#: The repository root (bindings-python/tests/conftest.py -> ../..).
REPO = Path(__file__).resolve().parents[2]

#: A sentence long enough for the core to count a paragraph as content.
SENTENCE = (
    "This is a sentence of the story, long enough to be article text, "
    "with a comma, and more words {n}."
)


def paragraph(n: int) -> str:
    return f"<p>{SENTENCE.format(n=n)}</p>"


def article_page(
    body_extra: str = "", *, paragraphs: int = 3, after: str = "", head: str = ""
) -> str:
    """A small news-like page: navigation, an article, a footer."""
    ps = "".join(paragraph(i) for i in range(paragraphs))
    return (
        f'<html lang="en"><head><meta charset="utf-8"><title>A story | Example</title>'
        f'{head}</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>A story</h1>{ps}{body_extra}{paragraph(99)}</article>{after}"
        f"<footer>Copyright Example News</footer></body></html>"
    )


def table_html(rows: int = 8) -> str:
    body = "".join(
        f"<tr><td>{2000 + i}</td><td>{i * 3}</td><td>value {i}</td></tr>" for i in range(rows)
    )
    return (
        "<table><thead><tr><th>Year</th><th>Count</th><th>Note</th></tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    return (REPO / "examples" / "pages" / "kyiv-independent.html").read_bytes()
