#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seeds: the demo pages, the fixture pages, small adversarial
# shapes, and (optionally) the pages of corpus directories given as arguments (each
# DIR/html/*.html[.gz]). Seeds are generated, never committed (fuzz/corpus is ignored).
#   fuzz/seed.sh [CORPUS_DIR...]
set -euo pipefail
cd "$(dirname "$0")"
python3 - "$@" <<'PY'
import gzip, glob, hashlib, os, re, sys
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
for i, p in enumerate(pages):
    data = read(p)[: 1 << 20]
    put("extract_bytes", bytes([0xFF]) + data)
    put("options", data)
    put("encoding", bytes([i % 12]) + data[:4096])
    for m in ld.findall(data):
        put("json_ld", m[: 1 << 16])
for s in small:
    put("extract_bytes", bytes([0xFF]) + s)
    put("encoding", b"\x00" + s)
    put("options", s)
for t in ("extract_bytes", "encoding", "json_ld", "options"):
    print(t, len(os.listdir(f"corpus/{t}")))
PY
