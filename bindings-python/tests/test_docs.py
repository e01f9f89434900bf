"""docs/python.md (the README's Python section) runs as written and matches the module."""

from __future__ import annotations

import ast
import contextlib
import io
import re

import pytest

import dechaff
from conftest import REPO

DOC = REPO / "docs" / "python.md"


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", DOC.read_text(), flags=re.S)


def test_snippets_run_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = python_blocks()
    assert len(blocks) >= 2
    monkeypatch.chdir(REPO)  # the snippets use paths relative to the repository root
    namespace: dict[str, object] = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for block in blocks:
            exec(compile(block, str(DOC), "exec"), namespace)
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
