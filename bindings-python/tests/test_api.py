"""The public functions and classes, and every option's effect."""

from __future__ import annotations

import datetime
import inspect
import json
import pickle

import pytest

import dechaff
from conftest import SENTENCE, article_page, table_html

# ----------------------------------------------------------------------------- extract


def test_extract_bytes_seed_page(seed_bytes: bytes) -> None:
    a = dechaff.extract(seed_bytes)
    assert isinstance(a, dechaff.Article)
    assert a.title == (
        "US-Russia talks in Istanbul meant to 'strengthen trust,' first of many, Moscow says"
    )
    assert a.has_content
    assert a.text.startswith("Russia hopes the meeting")
    assert "Subscribe" not in a.text
    assert 200 < a.word_count < 300
    assert a.diagnostics["encoding"] == "UTF-8"


def test_extract_str_and_bytes_agree_on_utf8_page() -> None:
    page = article_page()
    from_str = dechaff.extract(page)
    from_bytes = dechaff.extract(page.encode())
    assert from_str.blocks == from_bytes.blocks
    assert from_str.diagnostics["encoding_source"] == "str"
    assert from_bytes.diagnostics["encoding_source"] != "str"


def test_extract_text_is_the_article_text(seed_bytes: bytes) -> None:
    assert dechaff.extract_text(seed_bytes) == dechaff.extract(seed_bytes).text


def test_extract_text_without_content_is_empty_string() -> None:
    text = dechaff.extract_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert text == ""


def test_no_content_is_not_an_error() -> None:
    a = dechaff.extract("<html><head><title>Login</title></head><body><form></form></body></html>")
    assert not a.has_content
    assert a.blocks == []
    assert a.text == ""
    assert a.title == "Login"


def test_html_keyword_and_positional() -> None:
    page = article_page()
    assert dechaff.extract(html=page) == dechaff.extract(page)


# ----------------------------------------------------------------------------- Article


def test_article_attributes_have_their_types(seed_bytes: bytes) -> None:
    a = dechaff.extract(seed_bytes, url="https://example.com/a")
    for name in (
        "title",
        "site_name",
        "description",
        "language",
        "url",
        "image",
        "image_caption",
        "section",
        "license",
        "page_type",
    ):
        assert getattr(a, name) is None or isinstance(getattr(a, name), str), name
    for name in ("authors", "categories", "tags"):
        value = getattr(a, name)
        assert isinstance(value, list) and all(isinstance(s, str) for s in value), name
    for name in ("published", "modified"):
        value = getattr(a, name)
        assert value is None or isinstance(value, datetime.datetime), name
    assert isinstance(a.word_count, int)
    assert isinstance(a.provenance, dict)
    assert all(isinstance(v, str) for v in a.provenance.values())
    assert isinstance(a.diagnostics, dict)
    assert isinstance(a.has_content, bool)
    assert a.language == "en" and a.provenance["language"] == "dom"


def test_every_core_field_is_an_attribute(seed_bytes: bytes) -> None:
    a = dechaff.extract(seed_bytes, include_comments=True)
    d = a.to_dict()
    for key in d:
        assert hasattr(a, key), key
    assert {"title", "authors", "published", "modified", "blocks", "provenance"} <= set(d) | {
        "published",
        "modified",
    }


def test_article_is_frozen(seed_bytes: bytes) -> None:
    a = dechaff.extract(seed_bytes)
    with pytest.raises(AttributeError):
        a.title = "changed"  # type: ignore[misc]
    a.authors.append("someone")
    a.blocks.clear()
    assert "someone" not in a.authors and a.blocks


def test_renderings(seed_bytes: bytes) -> None:
    a = dechaff.extract(seed_bytes)
    md = a.markdown()
    assert md.startswith("# US-Russia talks")
    html = a.html()
    assert "<article>" in html and "Russia hopes the meeting" in html
    assert a.comments_text == ""


def test_to_json_and_to_dict(seed_bytes: bytes) -> None:
    a = dechaff.extract(seed_bytes)
    j = a.to_json()
    assert "\n" not in j
    assert json.loads(j) == a.to_dict()
    d = a.to_dict()
    assert d["has_content"] is True
    assert d["text"] == a.text
    assert d["blocks"][0]["type"] == "paragraph"


def test_from_json_round_trip_and_equality(seed_bytes: bytes) -> None:
    a = dechaff.extract(seed_bytes)
    b = dechaff.Article.from_json(a.to_json())
    assert a == b
    assert b.to_json() == a.to_json()
    assert a != dechaff.extract(article_page())
    assert a != "not an article"
    with pytest.raises(ValueError, match="not the JSON of an article"):
        dechaff.Article.from_json("{oops")


def test_pickle_round_trip(seed_bytes: bytes) -> None:
    a = dechaff.extract(seed_bytes, include_links=True)
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        b = pickle.loads(pickle.dumps(a, protocol=protocol))
        assert b == a and b.to_json() == a.to_json()


def test_repr_is_helpful(seed_bytes: bytes) -> None:
    r = repr(dechaff.extract(seed_bytes))
    assert r.startswith("<dechaff.Article title=")
    assert "blocks=" in r and "words=" in r
    assert "has_content=False" in repr(dechaff.extract(b""))


def _dated(published: str | None, modified: str | None = None) -> dechaff.Article:
    d = json.loads(dechaff.extract(b"").to_json())
    d["published"] = published
    d["modified"] = modified
    return dechaff.Article.from_json(json.dumps(d))


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("2025-02-27", datetime.datetime(2025, 2, 27)),
        ("2025-02-27T14:07", datetime.datetime(2025, 2, 27, 14, 7)),
        ("2025-02-27T14:07:05", datetime.datetime(2025, 2, 27, 14, 7, 5)),
        ("2025-02-27 14:07:05.25", datetime.datetime(2025, 2, 27, 14, 7, 5, 250000)),
        (
            "2025-02-27T14:07:00+02:00",
            datetime.datetime(
                2025, 2, 27, 14, 7, tzinfo=datetime.timezone(datetime.timedelta(hours=2))
            ),
        ),
        (
            "2025-02-27T14:07:00-0530",
            datetime.datetime(
                2025,
                2,
                27,
                14,
                7,
                tzinfo=datetime.timezone(-datetime.timedelta(hours=5, minutes=30)),
            ),
        ),
        (
            "2025-02-27T14:07:00Z",
            datetime.datetime(2025, 2, 27, 14, 7, tzinfo=datetime.timezone.utc),
        ),
        ("2025-02-30", None),
        ("27 Feb 2025", None),
        ("2025-02-27T25:00", None),
        ("2025-02-27T14:07:00+24:00", None),
        (None, None),
    ],
)
def test_dates_become_datetimes(iso: str | None, expected: datetime.datetime | None) -> None:
    a = _dated(iso, iso)
    assert a.published == expected
    assert a.modified == expected
    if expected is not None:
        # The exact offset (or its absence) is kept.
        assert a.published.utcoffset() == expected.utcoffset()  # type: ignore[union-attr]
        assert a.to_dict()["published"] == iso


# ----------------------------------------------------------------------------- blocks


def test_block_classes() -> None:
    items = "<ul><li>first item of the list</li><li>second item of the list</li></ul>"
    quote = "<blockquote>A quotation long enough to be kept as content in the article.</blockquote>"
    code = '<pre><code class="language-python">print("hello")</code></pre>'
    figure = (
        '<figure><img src="/img/a.jpg" alt="An image"><figcaption>A caption</figcaption></figure>'
    )
    page = article_page("<h2>Numbers</h2>" + table_html() + figure + items + quote + code)
    a = dechaff.extract(page, include_images=True, url="https://example.com/news/1")
    by_kind = {b.kind: b for b in a.blocks}
    assert set(by_kind) == {"paragraph", "heading", "table", "figure", "list", "quote", "code"}
    for kind, cls in [
        ("paragraph", dechaff.Paragraph),
        ("heading", dechaff.Heading),
        ("table", dechaff.Table),
        ("figure", dechaff.Figure),
        ("list", dechaff.List),
        ("quote", dechaff.Quote),
        ("code", dechaff.Code),
    ]:
        assert isinstance(by_kind[kind], cls) and isinstance(by_kind[kind], dechaff.Block)
        assert by_kind[kind].to_dict()["type"] == kind
        assert repr(by_kind[kind]).startswith(cls.__name__ + "(")
    h = by_kind["heading"]
    assert (h.level, h.text) == (2, "Numbers")
    t = by_kind["table"]
    assert t.rows[0] == ["Year", "Count", "Note"] and t.header_rows == 1 and len(t.rows) == 9
    f = by_kind["figure"]
    assert (f.src, f.alt, f.caption) == ("https://example.com/img/a.jpg", "An image", "A caption")
    lst = by_kind["list"]
    assert lst.ordered is False
    assert [(i.text, i.depth) for i in lst.items] == [
        ("first item of the list", 0),
        ("second item of the list", 0),
    ]
    assert isinstance(lst.items[0], dechaff.ListItem) and lst.items[0].links == []
    assert by_kind["quote"].text.startswith("A quotation")
    c = by_kind["code"]
    assert (c.text, c.language) == ('print("hello")', "python")
    p = next(b for b in a.blocks if b.kind == "paragraph")
    assert p.text == SENTENCE.format(n=0) and p.links == []
    # Blocks compare by value.
    assert (
        a.blocks
        == dechaff.extract(page, include_images=True, url="https://example.com/news/1").blocks
    )


# ----------------------------------------------------------------------------- options


def test_defaults_come_from_the_core() -> None:
    d = dechaff.DEFAULTS
    assert d["favor"] == "balanced"
    assert d["include_tables"] is True
    assert d["include_images"] is False
    assert d["max_input_bytes"] == 20_000_000
    assert d["on_limit"] == "degrade"
    assert d["url"] is None
    with pytest.raises(TypeError):
        d["favor"] = "recall"  # type: ignore[index]
    # Passing every default explicitly is the same as passing none.
    assert dechaff.Extractor(**d).options == dict(d) == dechaff.Extractor().options


def test_every_option_is_accepted_and_kept() -> None:
    changed = {
        "favor": "precision",
        "include_tables": False,
        "include_images": True,
        "include_links": True,
        "include_comments": True,
        "explain": True,
        "url": "https://example.com/a/b",
        "encoding": "windows-1252",
        "reference_date": "2025-03-01",
        "earliest_date": "2001-01-01",
        "max_input_bytes": 1000,
        "max_nodes": 77,
        "max_depth": 64,
        "on_limit": "error",
    }
    assert set(changed) == set(dechaff.DEFAULTS)
    ex = dechaff.Extractor(**changed)
    assert ex.options == changed
    r = repr(ex)
    assert r.startswith("Extractor(") and "favor='precision'" in r
    assert repr(dechaff.Extractor()) == "Extractor()"
    # Every option also works per call.
    for name, value in changed.items():
        dechaff.extract(b"<p>x</p>", **{name: value})


@pytest.mark.parametrize("favor", ["precision", "balanced", "recall", "Precision"])
def test_favor_values(favor: str) -> None:
    a = dechaff.extract(article_page(), favor=favor)
    assert a.has_content
    assert dechaff.Extractor(favor=favor).options["favor"] == favor.lower()


def test_include_tables() -> None:
    page = article_page(table_html())
    assert "table" in [b.kind for b in dechaff.extract(page).blocks]
    assert "table" not in [b.kind for b in dechaff.extract(page, include_tables=False).blocks]


def test_include_images() -> None:
    page = article_page('<figure><img src="a.jpg" alt="x"><figcaption>Cap</figcaption></figure>')
    assert "figure" not in [b.kind for b in dechaff.extract(page).blocks]
    assert "figure" in [b.kind for b in dechaff.extract(page, include_images=True).blocks]


def test_include_links_and_url() -> None:
    page = article_page(
        '<p>Read <a href="/more/1">the other article</a> for more detail, long enough to count.</p>'
    )
    plain = dechaff.extract(page)
    assert all(not getattr(b, "links", []) for b in plain.blocks)
    linked = dechaff.extract(page, include_links=True, url="https://example.com/news/1")
    links = [link for b in linked.blocks for link in getattr(b, "links", [])]
    assert len(links) == 1
    link = links[0]
    assert isinstance(link, dechaff.Link)
    assert link.href == "https://example.com/more/1"
    para = next(b for b in linked.blocks if getattr(b, "links", []))
    assert para.text[link.start : link.end] == "the other article"
    assert repr(link).startswith("Link(start=")


def test_include_comments() -> None:
    comments = (
        '<section id="comments" class="comments"><h3>Comments</h3><div class="comment">'
        "<p>I think this is a great article, thank you for writing it so well, really.</p>"
        "</div></section>"
    )
    page = article_page(after=comments)
    assert dechaff.extract(page).comments == []
    a = dechaff.extract(page, include_comments=True)
    assert a.comments and "great article" in a.comments_text
    assert "great article" not in a.text


def test_explain_records_a_trace() -> None:
    assert "trace" not in dechaff.extract(article_page()).diagnostics
    trace = dechaff.extract(article_page(), explain=True).diagnostics["trace"]
    assert trace and {"pass", "action", "element", "text", "reason"} <= set(trace[0])


def test_encoding_hint_for_bytes() -> None:
    page = article_page("<p>Привет, это русский текст статьи, достаточно длинный для абзаца.</p>")
    page = page.replace('<meta charset="utf-8">', "")
    raw = page.encode("windows-1251")
    a = dechaff.extract(raw, encoding="windows-1251")
    assert a.diagnostics["encoding"] == "windows-1251"
    assert a.diagnostics["encoding_source"] == "hint"
    assert "Привет" in a.text
    # The per-call override of an Extractor wins over its option.
    ex = dechaff.Extractor(encoding="iso-8859-2")
    assert ex.extract(raw, encoding="windows-1251").diagnostics["encoding"] == "windows-1251"


def test_dates_options_are_validated() -> None:
    assert dechaff.extract(article_page(), reference_date="2025-03-01", earliest_date="2000-01-01")
    with pytest.raises(dechaff.InvalidOptionError) as e:
        dechaff.extract(article_page(), reference_date="March 1st")
    assert e.value.option == "reference_date"
    with pytest.raises(dechaff.InvalidOptionError) as e:
        dechaff.extract(article_page(), earliest_date="2025-02-30")
    assert e.value.option == "earliest_date"


def test_limits_degrade_and_error() -> None:
    page = article_page(paragraphs=30)
    a = dechaff.extract(page, max_nodes=20)
    assert a.diagnostics["truncated"] is True
    assert a.diagnostics["limits_hit"] == ["nodes"]
    with pytest.raises(dechaff.DocumentTooComplexError) as e:
        dechaff.extract(page, max_nodes=20, on_limit="error")
    assert (e.value.what, e.value.limit, e.value.kind) == ("nodes", 20, "too_complex")
    deep = "<div>" * 100 + "deep" + "</div>" * 100
    assert dechaff.extract(deep, max_depth=16).diagnostics["limits_hit"] == ["depth"]
    with pytest.raises(dechaff.DocumentTooComplexError) as e:
        dechaff.extract(deep, max_depth=16, on_limit="error")
    assert (e.value.what, e.value.limit) == ("depth", 16)


def test_max_input_bytes() -> None:
    with pytest.raises(dechaff.InputTooLargeError) as e:
        dechaff.extract(b"x" * 11, max_input_bytes=10)
    assert (e.value.size, e.value.limit) == (11, 10)
    dechaff.extract(b"x" * 10, max_input_bytes=10)
    # A str is measured in UTF-8 bytes: 4 characters, 8 bytes.
    with pytest.raises(dechaff.InputTooLargeError) as e:
        dechaff.extract("éééé", max_input_bytes=5)
    assert (e.value.size, e.value.limit) == (8, 5)


# ----------------------------------------------------------------------------- Extractor


def test_extractor_reuse_and_overrides(seed_bytes: bytes) -> None:
    ex = dechaff.Extractor(include_links=True)
    a = ex.extract(seed_bytes)
    assert a == dechaff.extract(seed_bytes, include_links=True)
    assert ex.extract_text(seed_bytes) == a.text
    b = ex.extract(seed_bytes, url="https://example.org/x")
    assert b.has_content
    with pytest.raises(dechaff.InvalidOptionError) as e:
        ex.extract(seed_bytes, url="not a url")
    assert e.value.option == "url"
    with pytest.raises(dechaff.InvalidOptionError) as e:
        ex.extract(seed_bytes, encoding="no-such-charset")
    assert e.value.option == "encoding"


def test_extractor_validates_once_at_construction() -> None:
    with pytest.raises(dechaff.InvalidOptionError) as e:
        dechaff.Extractor(max_nodes=0)
    assert e.value.option == "max_nodes"
    with pytest.raises(TypeError, match="unexpected keyword argument 'favour'"):
        dechaff.Extractor(favour="recall")


def test_extractor_pickles() -> None:
    ex = dechaff.Extractor(favor="recall", max_nodes=1000)
    clone = pickle.loads(pickle.dumps(ex))
    assert isinstance(clone, dechaff.Extractor)
    assert clone.options == ex.options


# ----------------------------------------------------------------------------- extract_many


def test_extract_many_order_and_equality(seed_bytes: bytes) -> None:
    pages: list[str | bytes | tuple[str | bytes, str | None]] = [
        seed_bytes,
        article_page(),
        (seed_bytes, "https://example.com/x"),
        (article_page(paragraphs=5), None),
        b"",
    ]
    out = dechaff.extract_many(pages, workers=2)
    assert len(out) == len(pages)
    assert all(isinstance(a, dechaff.Article) for a in out)
    assert out[0] == dechaff.extract(seed_bytes)
    assert out[1] == dechaff.extract(article_page())
    assert out[2] == dechaff.extract(seed_bytes, url="https://example.com/x")
    assert out[3] == dechaff.extract(article_page(paragraphs=5))
    assert not out[4].has_content  # type: ignore[union-attr]


def test_extract_many_failures_stay_in_their_slot(seed_bytes: bytes) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    pages = [seed_bytes, png, b"x" * 200, (seed_bytes, "not a url"), "y" * 300, seed_bytes]
    out = dechaff.extract_many(pages, workers=3, max_input_bytes=100_000 + len(seed_bytes))
    assert isinstance(out[0], dechaff.Article)
    assert isinstance(out[1], dechaff.NotHtmlError) and out[1].reason == "image"
    assert isinstance(out[2], dechaff.Article)
    assert isinstance(out[3], dechaff.InvalidOptionError) and out[3].option == "url"
    assert isinstance(out[4], dechaff.Article)
    assert out[5] == out[0]
    small = dechaff.extract_many(["y" * 300, "ok"], max_input_bytes=100)
    assert isinstance(small[0], dechaff.InputTooLargeError) and small[0].size == 300
    assert isinstance(small[1], dechaff.Article)


def test_extract_many_inputs() -> None:
    assert dechaff.extract_many([]) == []
    gen = (article_page(paragraphs=n) for n in range(1, 4))
    assert [a.has_content for a in dechaff.extract_many(gen)] == [True, True, True]  # type: ignore[union-attr]
    # More workers than pages, one worker, the default.
    for workers in (1, 64, None):
        out = dechaff.extract_many([article_page()] * 3, workers=workers)
        assert len(out) == 3


def test_extract_many_options_apply_to_every_page() -> None:
    page = article_page(table_html())
    for a in dechaff.extract_many([page, page], include_tables=False):
        assert "table" not in [b.kind for b in a.blocks]  # type: ignore[union-attr]
    ex = dechaff.Extractor(include_tables=False)
    assert ex.extract_many([page], workers=1)[0] == dechaff.extract(page, include_tables=False)


def test_extract_many_argument_errors() -> None:
    with pytest.raises(TypeError, match=r"pages\[1\] must be str or bytes, not int"):
        dechaff.extract_many(["<p>a</p>", 5])
    with pytest.raises(TypeError, match=r"pages\[0\].*tuple of 3"):
        dechaff.extract_many([("<p>a</p>", None, "x")])
    with pytest.raises(TypeError, match=r"pages\[0\]: the url must be str or None"):
        dechaff.extract_many([("<p>a</p>", 5)])
    with pytest.raises(TypeError, match="pages must be an iterable"):
        dechaff.extract_many(5)  # type: ignore[arg-type]
    for one_page in ("<p>a</p>", b"<p>a</p>"):
        with pytest.raises(TypeError, match="not a single"):
            dechaff.extract_many(one_page)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="workers must be at least 1"):
        dechaff.extract_many(["<p>a</p>"], workers=0)
    with pytest.raises(TypeError, match="workers must be an int"):
        dechaff.extract_many(["<p>a</p>"], workers="2")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="workers must be an int"):
        dechaff.extract_many(["<p>a</p>"], workers=True)
    with pytest.raises(dechaff.InvalidOptionError):
        dechaff.extract_many(["<p>a</p>"], favor="fast")


# ----------------------------------------------------------------------------- module


def test_version_and_exports() -> None:
    assert dechaff.__version__ == dechaff._native.__version__
    assert dechaff.__version__.count(".") == 2
    for name in dechaff.__all__:
        assert hasattr(dechaff, name), name
    assert set(dechaff.__all__) == set(dechaff._native.__all__)


def test_docstrings_exist() -> None:
    for obj in (
        dechaff.extract,
        dechaff.extract_text,
        dechaff.extract_many,
        dechaff.Extractor,
        dechaff.Article,
        dechaff.Block,
        dechaff.DechaffError,
    ):
        assert obj.__doc__, obj
    assert "Contract" in (dechaff.extract_many.__doc__ or "")
    for cls in (
        dechaff.Article,
        dechaff.Extractor,
        dechaff.Link,
        dechaff.ListItem,
        dechaff.Block,
        dechaff.Heading,
        dechaff.Paragraph,
        dechaff.List,
        dechaff.Quote,
        dechaff.Code,
        dechaff.Table,
        dechaff.Figure,
    ):
        for name, member in vars(cls).items():
            if not name.startswith("_"):
                assert member.__doc__, f"{cls.__name__}.{name} has no docstring"
    assert str(inspect.signature(dechaff.extract)) == "(html, **options)"
