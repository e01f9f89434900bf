"""``python -m dechaff`` and the ``dechaff`` console script."""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

import dechaff
from conftest import REPO

SEED = REPO / "examples" / "pages" / "kyiv-independent.html"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "dechaff", *args], input=stdin, capture_output=True
    )


def test_text_format_is_title_then_body() -> None:
    out = run(str(SEED))
    assert out.returncode == 0, out.stderr
    a = dechaff.extract(SEED.read_bytes())
    assert out.stdout.decode() == f"{a.title}\n\n{a.text}\n"


def test_json_format_is_to_json() -> None:
    out = run(str(SEED), "--format", "json")
    assert out.returncode == 0
    assert out.stdout.decode() == dechaff.extract(SEED.read_bytes()).to_json() + "\n"


def test_markdown_and_html_formats() -> None:
    a = dechaff.extract(SEED.read_bytes())
    assert run(str(SEED), "-f", "markdown").stdout.decode() == a.markdown()
    assert run(str(SEED), "-f", "html").stdout.decode() == a.html()


def test_stdin_and_options() -> None:
    out = run(
        "-",
        "--format",
        "json",
        "--links",
        "--url",
        "https://example.com/x",
        stdin=SEED.read_bytes(),
    )
    assert out.returncode == 0
    expected = dechaff.extract(SEED.read_bytes(), include_links=True, url="https://example.com/x")
    assert json.loads(out.stdout) == expected.to_dict()


def test_refused_page_exits_1_with_message(tmp_path: Path) -> None:
    png = tmp_path / "x.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    out = run(str(png))
    assert out.returncode == 1
    assert b"not HTML (image)" in out.stderr and out.stdout == b""


def test_missing_file_and_bad_usage() -> None:
    out = run("/no/such/file.html")
    assert out.returncode == 1 and b"cannot read" in out.stderr
    assert run().returncode == 2
    assert run(str(SEED), "--format", "yaml").returncode == 2
    out = run(str(SEED), "--favor", "fast")
    assert out.returncode == 1 and b"favor" in out.stderr


def test_version() -> None:
    out = run("--version")
    assert out.stdout.decode().strip() == f"dechaff {dechaff.__version__}"


def test_console_script_is_installed() -> None:
    script = Path(sysconfig.get_path("scripts")) / "dechaff"
    if not script.exists():
        pytest.fail(f"console script missing: {script}")
    out = subprocess.run([str(script), str(SEED), "-f", "json"], capture_output=True)
    assert out.returncode == 0
    assert out.stdout.decode() == dechaff.extract(SEED.read_bytes()).to_json() + "\n"
