#!/usr/bin/env bash
# C: builds libdechaff (release) and the Rust reference program, runs the C tests of
# bindings-c/tests normally, under AddressSanitizer + UBSan and under valgrind, then installs
# into a temporary prefix and builds and runs the C example as docs/c.md shows.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
pages=examples/pages
seed_title="US-Russia talks in Istanbul meant to 'strengthen trust,' first of many, Moscow says"

echo "-- build libdechaff and the reference extractor (release)"
# Two commands: `make -C bindings-c install` runs the first one again, which is then a no-op.
cargo build --release -p dechaff-c
cargo build --release -p dechaff-examples --example extract

echo "-- C tests"
make -s -C bindings-c/tests check

checked=0
if echo 'int main(void){return 0;}' |
  ${CC:-cc} -x c -fsanitize=address,undefined - -o /dev/null 2>/dev/null; then
  echo "-- C tests under AddressSanitizer + UBSan"
  make -s -C bindings-c/tests asan
  checked=$((checked + 1))
else
  echo "-- skip AddressSanitizer: ${CC:-cc} cannot link -fsanitize=address,undefined" >&2
fi
if command -v valgrind >/dev/null; then
  echo "-- C tests under valgrind (errors and definite/indirect leaks fail)"
  make -s -C bindings-c/tests valgrind
  checked=$((checked + 1))
else
  echo "-- skip valgrind: not installed" >&2
fi
if [ "$checked" -eq 0 ]; then
  echo "neither AddressSanitizer nor valgrind is available: memory checks cannot run" >&2
  exit 1
fi

echo "-- example, built as docs/c.md shows"
make -s -C examples/c
./examples/c/extract "$pages/kyiv-independent.html" > target/c-tests/example.out
grep -qxF "Title:   $seed_title" target/c-tests/example.out
grep -qF "Russia hopes the meeting" target/c-tests/example.out

echo "-- make install into a temporary prefix, then build the example with pkg-config"
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
make -s -C bindings-c install PREFIX="$prefix" >/dev/null
for f in include/dechaff.h lib/libdechaff.so lib/libdechaff.a lib/pkgconfig/dechaff.pc; do
  test -f "$prefix/$f" || { echo "make install did not install $f" >&2; exit 1; }
done
if command -v pkg-config >/dev/null; then
  export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
  test "$(pkg-config --modversion dechaff)" = "$(cargo pkgid -p dechaff-c | sed 's/.*[@#]//')"
  make -s -C examples/c USE_PKG_CONFIG=1 OUT="$prefix/extract-shared"
  make -s -C examples/c USE_PKG_CONFIG=1 STATIC=1 OUT="$prefix/extract-static"
  LD_LIBRARY_PATH="$prefix/lib" "$prefix/extract-shared" "$pages/kyiv-independent.html" |
    grep -qxF "Title:   $seed_title"
  # The static binary needs no libdechaff.so at run time.
  if ldd "$prefix/extract-static" | grep -q libdechaff; then
    echo "extract-static is linked to libdechaff.so" >&2
    exit 1
  fi
  "$prefix/extract-static" "$pages/kyiv-independent.html" | grep -qxF "Title:   $seed_title"
else
  echo "-- skip the pkg-config build: pkg-config is not installed" >&2
fi
cd "$root"
echo "-- C: all passed"
