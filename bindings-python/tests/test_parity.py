"""Parity: the Python binding gives byte-for-byte the Rust JSON.

The reference is the Rust example, run as documented:
``cargo run -q --release --example extract -- FILE --format json`` (bytes through
``extract_bytes`` with default options), its trailing newline stripped.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import dechaff
from conftest import REPO

PAGES = sorted((REPO / "examples" / "pages").glob("*.html")) + sorted(
    (REPO / "tests" / "fixtures" / "corpus").glob("*.html")
)


def rust_json(path: Path, *flags: str) -> str:
    out = subprocess.run(
        [
            "cargo",
            "run",
            "-q",
            "--release",
            "--example",
            "extract",
            "--",
            str(path),
            "--format",
            "json",
            *flags,
        ],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    return out.stdout.decode("utf-8").removesuffix("\n")


def test_the_corpus_is_there() -> None:
    assert len(PAGES) >= 14, PAGES


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_python_json_equals_rust_json(path: Path) -> None:
    expected = rust_json(path)
    assert dechaff.extract(path.read_bytes()).to_json() == expected
    # The same through the other entry points.
    assert dechaff.Extractor().extract(path.read_bytes()).to_json() == expected
    assert dechaff.extract_many([path.read_bytes()])[0].to_json() == expected  # type: ignore[union-attr]


def test_parity_with_options() -> None:
    path = REPO / "examples" / "pages" / "kyiv-independent.html"
    url = "https://example.com/news/1"
    expected = rust_json(path, "--url", url, "--explain", "--images", "--links")
    got = dechaff.extract(
        path.read_bytes(), url=url, explain=True, include_images=True, include_links=True
    )
    assert got.to_json() == expected
