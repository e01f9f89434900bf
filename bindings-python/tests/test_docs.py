"""docs/python.md and the README's Python snippet run as written and match the module."""

from __future__ import annotations

import ast
import contextlib
import io
import re
from pathlib import Path

import pytest

import dechaff
from conftest import REPO

DOC = REPO / "docs" / "python.md"
README = REPO / "README.md"


def python_blocks(doc: Path = DOC) -> list[str]:
    return re.findall(r"```python\n(.*?)```", doc.read_text(), flags=re.S)


@pytest.mark.parametrize("doc", [DOC, README], ids=["docs/python.md", "README.md"])
def test_snippets_run_as_written(monkeypatch: pytest.MonkeyPatch, doc: Path) -> None:
    blocks = python_blocks(doc)
    assert len(blocks) >= (2 if doc == DOC else 1)
    monkeypatch.chdir(REPO)  # the snippets use paths relative to the repository root
    namespace: dict[str, object] = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for block in blocks:
            exec(compile(block, str(doc), "exec"), namespace)
    printed = out.getvalue()
    # The outputs shown in comments are the real ones.
    for line in "".join(blocks).splitlines():
        m = re.match(r"\s*print\(.*\)\s+# (.+)$", line)
        if m:
            shown = m.group(1).rstrip(". ")
            assert shown in printed, f"documented output {shown!r} not printed"


def test_options_table_matches_defaults() -> None:
    rows = re.findall(r"^\| `(\w+)` \| `([^`]+)` \|", DOC.read_text(), flags=re.M)
    table = {name: ast.literal_eval(default) for name, default in rows}
    assert table == dict(dechaff.DEFAULTS)


def test_error_table_names_every_error() -> None:
    text = DOC.read_text()
    for name in dechaff.__all__:
        if name.endswith("Error") and name != "DechaffError":
            assert f"`{name}`" in text, name
