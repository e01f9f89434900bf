"""The hand-written stubs name exactly the runtime options.

``mypy.stubtest`` (run by scripts/test-python.sh) checks the stubs against the module, but
the option functions take ``**options`` at runtime, so it cannot see a misspelt or missing
option keyword in the stubs. This test does: every option keyword of every stub signature
is a name of DEFAULTS, and every name of DEFAULTS is in every signature.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import dechaff

STUB = Path(dechaff._native.__file__).with_name("_native.pyi")
if not STUB.exists():  # an editable install keeps the stub in the source tree
    STUB = Path(__file__).resolve().parents[1] / "python" / "dechaff" / "_native.pyi"

#: Keywords of the option-taking functions that are not options.
NOT_OPTIONS = {"workers"}


def stub_functions() -> dict[str, ast.FunctionDef]:
    tree = ast.parse(STUB.read_text())
    found: dict[str, ast.FunctionDef] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            found[node.name] = node
        if isinstance(node, ast.ClassDef) and node.name == "Extractor":
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == "__new__":
                    found["Extractor"] = item
    return found


@pytest.mark.parametrize("name", ["extract", "extract_text", "extract_many", "Extractor"])
def test_stub_option_keywords_are_the_runtime_options(name: str) -> None:
    fn = stub_functions()[name]
    keywords = {a.arg for a in fn.args.kwonlyargs} - NOT_OPTIONS
    assert keywords == set(dechaff.DEFAULTS)


def test_stub_ships_with_py_typed() -> None:
    assert STUB.exists()
    assert STUB.with_name("py.typed").exists()
