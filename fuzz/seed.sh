#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seeds: the demo pages, the fixture pages, small adversarial
# shapes, and (optionally) the pages of corpus directories given as arguments (each
# DIR/html/*.html[.gz]). Seeds are generated, never committed (fuzz/corpus is ignored).
#   fuzz/seed.sh [CORPUS_DIR...]
set -euo pipefail
cd "$(dirname "$0")"
python3 - "$@" <<'PY'
import gzip, glob, hashlib, os, re, struct, sys
root = os.path.abspath("..")
pages = sorted(glob.glob(f"{root}/examples/pages/*.html") + glob.glob(f"{root}/tests/fixtures/corpus/*.html"))
for d in sys.argv[1:]:
    pages += sorted(glob.glob(f"{d}/html/*.html") + glob.glob(f"{d}/html/*.html.gz"))
def read(p):
    b = open(p, "rb").read()
    return gzip.decompress(b) if p.endswith(".gz") else b
def put(target, data):
    os.makedirs(f"corpus/{target}", exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(f"corpus/{target}/{name}", "wb") as f:
        f.write(data)
ld = re.compile(rb'<script[^>]*application/ld\+json[^>]*>(.*?)</script>', re.S | re.I)
small = [b"", b"<html></html>", b"\xef\xbb\xbf<p>bom</p>", b"\xff\xfe<\x00p\x00>\x00",
         b"<meta charset=koi8-r><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>", b"<div>" * 600 + b"x",
         b"<b>" * 600, b"<a><i>" * 300, b"<table><tr><td>" * 200, b"<template>" * 600,
         b"<svg>" + b"<g>" * 600, b"<div" + b"".join(b" a%d" % i for i in range(300)) + b">"]
# capi: the `arbitrary` encoding of the target's `Input` fields (arbitrary 1.5: enum variant
# = u32 LE scaled to the variant count, bool = low bit, Vec = a 1 byte before each element),
# then the page. One of nine setter sets per page, so that runs start with every setter used.
def var(k, n): return struct.pack("<I", -(-k * 2**32 // n))
def setter(k, payload=b""): return b"\x01" + var(k, 14) + payload
def text(k, payload=b""): return var(k, 5) + payload
def size_small(n): return var(0, 2) + struct.pack("<H", n)
def date(y, m, d): return text(3, bytes([y - 1980, m, d]))
URL = text(4, b"\x00")  # https://example.com/
SETS = [
    b"",
    setter(5, b"\x01") + setter(3, b"\x01") + setter(2, b"\x01") + setter(4, b"\x01"),
    setter(0, struct.pack("<i", 0)) + setter(6, URL),
    setter(0, struct.pack("<i", 2)) + setter(7, text(2, b"\x14")),  # windows-1251
    setter(8, date(2025, 6, 15)) + setter(9, date(2000, 1, 1)),
    setter(11, size_small(200)) + setter(13, struct.pack("<i", 1)),
    setter(12, struct.pack("<H", 16)) + setter(13, struct.pack("<i", 0)),
    setter(10, size_small(4096)),
    setter(1, b"\x00"),
]
def capi(i, page):
    url = URL if i % 9 == 8 else text(0)
    head = b"\x00" + SETS[i % 9] + b"\x00" + bytes([5, 0xFF]) + bytes(8) + url
    return head + b"\x00\x00" + bytes([i % 256]) + page
for i, p in enumerate(pages):
    data = read(p)[: 1 << 20]
    put("extract_bytes", bytes([0xFF]) + data)
    put("options", data)
    put("encoding", bytes([i % 12]) + data[:4096])
    put("capi", capi(i, data))
    for m in ld.findall(data):
        put("json_ld", m[: 1 << 16])
for i, s in enumerate(small):
    put("capi", capi(i, s))
    put("extract_bytes", bytes([0xFF]) + s)
    put("encoding", b"\x00" + s)
    put("options", s)
for t in ("extract_bytes", "encoding", "json_ld", "options", "capi"):
    print(t, len(os.listdir(f"corpus/{t}")))
PY
