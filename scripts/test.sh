#!/usr/bin/env bash
# Runs every test of the project: Rust (fmt, clippy, unit, golden, doc tests), then each
# binding's suite. Each part lives in its own script under scripts/; this one only calls them.
set -euo pipefail
cd "$(dirname "$0")/.."
for part in rust python c; do
  script="scripts/test-$part.sh"
  if [ -x "$script" ]; then
    echo "== $part"
    "$script"
  fi
done
echo "== all tests passed"
