#!/usr/bin/env python3
"""Runs ONE Python extraction library over a corpus set and prints score.py predictions.

    python_peers.py NAME SET_DIR [--timeout SECONDS]

NAME is one of: trafilatura, trafilatura-defaults, readability-lxml, newspaper4k, goose3, resiliparse, justext.
Runs inside bench/.venv-peers (made by bench/compare.py); started once per extractor and set,
so that the caller can measure this process's peak RSS on its own.

Reads SET_DIR/html/*.html and *.html.gz, sorted by id, all into memory first (as dechaff's
`corpus` example does), then extracts each page and prints one line per page:
{"id", "text", "title", "author", "date"}. The last stderr line has the same shape as the
`corpus` example's: "extract: N pages, X MB, T s, P pages/s, R MB/s[, E errors]", timing only
the extraction calls (reading and gunzipping excluded). Every tool gets the page's raw bytes
where it accepts bytes, so each decodes the page its own way; no tool gets the page URL
(dechaff's corpus runner passes none either).
"""
from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import re
import signal
import sys
import time

EXTRACTORS = {}


def extractor(name):
    def register(factory):
        EXTRACTORS[name] = factory
        return factory

    return register


# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}


def html_fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: one line per block element, spaces collapsed.

    For extractors that return HTML (readability-lxml's `summary()`): a bare
    `text_content()` would glue the last word of one paragraph to the first of the next.
    """
    import lxml.html

    if not fragment or not fragment.strip():
        return ""
    root = lxml.html.fromstring(fragment)
    for el in root.iter():
        if not isinstance(el.tag, str):  # comments, processing instructions
            continue
        if el.tag in ("script", "style", "noscript", "template"):
            el.text = ""
            continue
        if el.tag in _BLOCK_TAGS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
        elif el.tag in ("td", "th"):
            el.tail = "\t" + (el.tail or "")
    lines = (re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def iso_date(value) -> str | None:
    """A datetime/date or string as ISO text (score.py reads a leading YYYY-MM-DD)."""
    if value is None or value == "":
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def join_authors(value) -> str | None:
    if not value:
        return None
    if isinstance(value, (list, tuple)):
        names = [str(a).strip() for a in value if str(a).strip()]
        return "; ".join(names) or None
    return str(value).strip() or None


# ---------------------------------------------------------------------------------------------
# extractors: each factory returns a function bytes -> (text, title, author, date)
# ---------------------------------------------------------------------------------------------
@extractor("trafilatura")
def make_trafilatura():
    from trafilatura import bare_extraction

    def run(data: bytes):
        # The settings of trafilatura's own evaluation (tests/comparison_small.py: comments
        # off, tables on, fallbacks on), plus metadata. bare_extraction gives the same body
        # text as extract(output_format="txt") - both are xmltotxt(body) - and the metadata
        # in one pass, so the page is not extracted twice.
        doc = bare_extraction(data, with_metadata=True, include_comments=False, include_tables=True)
        if doc is None:
            return "", None, None, None
        return doc.text or "", doc.title, join_authors(doc.author), iso_date(doc.date)

    return run


@extractor("trafilatura-defaults")
def make_trafilatura_defaults():
    from trafilatura import extract

    def run(data: bytes):
        # trafilatura.extract() with the library's defaults, as most users call it. Unlike the
        # "trafilatura" row it keeps comments (include_comments=True is the default), which
        # costs precision on article truth; not in compare.py's default list.
        return extract(data) or "", None, None, None

    return run


@extractor("readability-lxml")
def make_readability():
    from readability import Document

    def run(data: bytes):
        doc = Document(data)  # bytes: readability-lxml detects the encoding itself
        text = html_fragment_to_text(doc.summary())
        author = doc.author() if hasattr(doc, "author") else None
        if author == "[no-author]":
            author = None
        return text, doc.short_title(), join_authors(author), None

    return run


@extractor("newspaper4k")
def make_newspaper():
    # newspaper4k calls tldextract, which would try to download the public-suffix list on
    # first use; make it use the snapshot bundled with the package instead (no network).
    import tldextract
    import tldextract.tldextract as tld_mod

    offline = tldextract.TLDExtract(suffix_list_urls=())
    tld_mod.TLD_EXTRACTOR = offline
    tld_mod.extract = offline
    tldextract.extract = offline

    from newspaper import Article, Config

    config = Config()
    config.fetch_images = False  # never go to the network for images
    config.memorize_articles = False

    def run(data: bytes):
        # No URL is known to the runner; newspaper needs one, so give a neutral placeholder.
        art = Article("http://localhost/article.html", config=config)
        art.download(input_html=data)  # sets html (bytes are decoded by newspaper) + state
        art.parse()
        return art.text or "", art.title, join_authors(art.authors), iso_date(art.publish_date)

    return run


@extractor("goose3")
def make_goose():
    from goose3 import Goose

    g = Goose({"enable_image_fetching": False, "http_timeout": 1})

    def run(data: bytes):
        art = g.extract(raw_html=data)
        date = art.publish_datetime_utc or art.publish_date
        return art.cleaned_text or "", art.title, join_authors(art.authors), iso_date(date)

    return run


@extractor("resiliparse")
def make_resiliparse():
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import detect_encoding
    from resiliparse.parse.html import HTMLTree

    def run(data: bytes):
        tree = HTMLTree.parse_from_bytes(data, detect_encoding(data))
        text = extract_plain_text(tree, main_content=True)
        return text or "", tree.title or None, None, None

    return run


# ISO 639-1 -> jusText stop-list name, for the languages of the dev sets (else English).
_JUSTEXT_LANG = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "ru": "Russian", "cs": "Czech",
    "sv": "Swedish", "da": "Danish", "fi": "Finnish", "no": "Norwegian_Bokmal",
    "nb": "Norwegian_Bokmal", "tr": "Turkish", "hu": "Hungarian", "uk": "Ukrainian",
    "el": "Greek", "ro": "Romanian", "id": "Indonesian", "ca": "Catalan", "sk": "Slovak",
}
_LANG_ATTR = re.compile(rb"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2})", re.I)


@extractor("justext")
def make_justext():
    import justext

    stoplists = {}

    def stoplist_for(data: bytes):
        m = _LANG_ATTR.search(data[:8192])
        name = _JUSTEXT_LANG.get(m.group(1).decode().lower(), "English") if m else "English"
        if name not in stoplists:
            try:
                stoplists[name] = justext.get_stoplist(name)
            except (ValueError, OSError):
                stoplists[name] = justext.get_stoplist("English")
        return stoplists[name]

    def run(data: bytes):
        # jusText needs a stop list; take the page's <html lang> (English when absent).
        paragraphs = justext.justext(data, stoplist_for(data))
        text = "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
        return text, None, None, None

    return run


# ---------------------------------------------------------------------------------------------
# driver
# ---------------------------------------------------------------------------------------------
def read_pages(html_dir: str) -> list[tuple[str, bytes]]:
    pages = []
    for name in os.listdir(html_dir):
        if name.endswith(".html.gz"):
            with gzip.open(os.path.join(html_dir, name), "rb") as f:
                pages.append((name[: -len(".html.gz")], f.read()))
        elif name.endswith(".html"):
            with open(os.path.join(html_dir, name), "rb") as f:
                pages.append((name[: -len(".html")], f.read()))
    pages.sort()
    return pages


class PageTimeout(Exception):
    pass


def _alarm(signum, frame):
    raise PageTimeout()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("name", choices=sorted(EXTRACTORS))
    ap.add_argument("set_dir")
    ap.add_argument("--timeout", type=int, default=60, help="seconds per page before giving up (empty prediction)")
    a = ap.parse_args(argv)
    logging.disable(logging.CRITICAL)  # the libraries log warnings per page; keep stderr readable
    import warnings

    warnings.filterwarnings("ignore")

    run = EXTRACTORS[a.name]()
    pages = read_pages(os.path.join(a.set_dir, "html"))
    total_bytes = sum(len(b) for _, b in pages)
    signal.signal(signal.SIGALRM, _alarm)
    elapsed = 0.0
    errors = timeouts = 0
    out = sys.stdout
    for pid, data in pages:
        t = time.perf_counter()
        signal.alarm(a.timeout)
        try:
            text, title, author, date = run(data)
        except PageTimeout:
            timeouts += 1
            text, title, author, date = "", None, None, None
        except Exception as e:  # a peer's crash on one page is that page's empty prediction
            errors += 1
            print(f"{a.name}: {pid}: {type(e).__name__}: {str(e)[:200]}", file=sys.stderr)
            text, title, author, date = "", None, None, None
        finally:
            signal.alarm(0)
        elapsed += time.perf_counter() - t
        out.write(json.dumps({"id": pid, "text": text, "title": title or None,
                              "author": author, "date": date}, ensure_ascii=False) + "\n")
    n = len(pages)
    secs = max(elapsed, 1e-9)
    extra = "".join([f", {errors} errors" if errors else "", f", {timeouts} timeouts" if timeouts else ""])
    print(f"extract: {n} pages, {total_bytes / 1e6:.1f} MB, {secs:.3f} s, {n / secs:.1f} pages/s, "
          f"{total_bytes / 1e6 / secs:.2f} MB/s{extra}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
