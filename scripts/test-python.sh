#!/usr/bin/env bash
# Python: builds the package exactly as a user would (`pip install ./bindings-python`, a
# release build by maturin) into a fresh virtual environment, then runs the pytest suite
# (API, errors, threads/GIL, Rust parity, CLI, docs snippets), mypy.stubtest on the
# hand-written stubs, mypy --strict on the package and the Python examples, and ruff.
#
# Needs only python3 (>= 3.9, with venv and pip) and the Rust toolchain; pip fetches maturin,
# pytest, mypy and ruff from PyPI. PYTHON=python3.9 ./scripts/test-python.sh tests another
# interpreter (the wheel is abi3: one build serves every CPython >= 3.9).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
VENV=.venv-test
# Pinned so that the stub check does not change under us with a new mypy release.
MYPY="mypy==2.4.1"
RUFF="ruff==0.17.6"
PY_SOURCES=(bindings-python/python bindings-python/tests examples/python bench/python_bench.py)

rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
PY="$PWD/$VENV/bin/python"
# mypy (pinned) needs Python >= 3.10: on an older interpreter the stub checks are skipped.
if "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
  TOOLS=("pytest>=8,<10" "$MYPY" "$RUFF")
  CHECK_STUBS=1
else
  TOOLS=("pytest>=8,<9")
  CHECK_STUBS=0
fi
"$PY" -m pip install -q --disable-pip-version-check "${TOOLS[@]}"
# The build requirements (maturin) come from bindings-python/pyproject.toml, as for a user.
"$PY" -m pip install -q --disable-pip-version-check ./bindings-python

# The parity tests compare with the Rust example's output; build it once up front.
cargo build -q --release --example extract

export MYPY_CACHE_DIR="$PWD/$VENV/mypy-cache"
(cd bindings-python && "$PY" -m pytest -q -p no:cacheprovider tests)
if [ "$CHECK_STUBS" = 1 ]; then
  # Run outside bindings-python so that the installed package (not the source tree) is checked.
  (cd "$VENV" && "$PY" -m mypy.stubtest dechaff)
  "$PY" -m mypy --strict --no-error-summary bindings-python/python/dechaff examples/python
  "$VENV/bin/ruff" check --no-cache --config bindings-python/pyproject.toml "${PY_SOURCES[@]}"
  "$VENV/bin/ruff" format --check --no-cache --config bindings-python/pyproject.toml "${PY_SOURCES[@]}"
else
  echo "stub checks and lints skipped: $MYPY needs Python >= 3.10"
fi
