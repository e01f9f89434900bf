"""Every error kind, and bad input from Python: never a crash, always the documented outcome."""

from __future__ import annotations

import gzip
import pickle

import pytest

import dechaff
from conftest import article_page

ERRORS = [
    dechaff.InputTooLargeError,
    dechaff.DocumentTooComplexError,
    dechaff.NotHtmlError,
    dechaff.InvalidOptionError,
    dechaff.InternalError,
]


def test_hierarchy() -> None:
    assert issubclass(dechaff.DechaffError, Exception)
    for cls in ERRORS:
        assert issubclass(cls, dechaff.DechaffError)
        assert cls.__module__ == "dechaff"
        assert cls.__doc__
    assert issubclass(dechaff.InvalidOptionError, ValueError)
    assert not issubclass(dechaff.InputTooLargeError, ValueError)


# ----------------------------------------------------------------------------- bad html


@pytest.mark.parametrize("value", [None, 42, 4.2, ["<p>"], bytearray(b"<p>"), object()])
def test_wrong_html_type_is_type_error(value: object) -> None:
    with pytest.raises(TypeError, match="html must be str or bytes"):
        dechaff.extract(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="html must be str or bytes"):
        dechaff.extract_text(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="html must be str or bytes"):
        dechaff.Extractor().extract(value)  # type: ignore[arg-type]


def test_missing_html_is_type_error() -> None:
    with pytest.raises(TypeError):
        dechaff.extract()  # type: ignore[call-arg]


@pytest.mark.parametrize("empty", [b"", "", b"   ", "\n\n"])
def test_empty_input_gives_empty_article(empty: str | bytes) -> None:
    a = dechaff.extract(empty)
    assert not a.has_content and a.text == "" and a.title is None


def test_invalid_utf8_bytes_are_replaced_not_raised() -> None:
    page = article_page(
        "<p>broken \xff\xfe bytes \xc3\x28 here, in a long enough paragraph of text.</p>"
    )
    raw = page.encode("utf-8").replace(b"\xc3\xbf\xc3\xbe", b"\xff\xfe\xc3\x28")
    a = dechaff.extract(raw)
    assert a.has_content
    assert isinstance(a.to_json(), str)
    assert a.diagnostics["decode_errors"] in (True, False)
    junk = bytes(range(0x80, 0x100)) * 50
    a = dechaff.extract(junk)
    assert isinstance(a, dechaff.Article)


def test_lone_surrogates_in_str_are_replaced() -> None:
    page = article_page(
        "<p>A lone \ud800 surrogate and \udfff another, in a paragraph long enough.</p>"
    )
    a = dechaff.extract(page)
    assert "\ufffd" in a.text
    assert "\ud800" not in a.text


def test_100_mb_string_is_refused_before_copying() -> None:
    huge = "x" * 100_000_000
    with pytest.raises(dechaff.InputTooLargeError) as e:
        dechaff.extract(huge)
    assert e.value.size == 100_000_000
    assert e.value.limit == dechaff.DEFAULTS["max_input_bytes"]
    assert e.value.kind == "input_too_large"
    assert "20000000" in str(e.value)
    out = dechaff.extract_many([huge, "<p>fine</p>"])
    assert isinstance(out[0], dechaff.InputTooLargeError)
    assert isinstance(out[1], dechaff.Article)


def test_100_mb_bytes_are_refused() -> None:
    with pytest.raises(dechaff.InputTooLargeError) as e:
        dechaff.extract(b"x" * 100_000_000)
    assert e.value.size == 100_000_000


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image"),
        (b"%PDF-1.7\n" + b"\x00\x01" * 100, "pdf"),
        (gzip.compress(b"<html><body><p>hello</p></body></html>" * 20), "compressed"),
        (b"PK\x03\x04" + b"\x00" * 100, "archive"),
        (bytes(range(0, 9)) * 200, "binary"),
    ],
)
def test_not_html(data: bytes, reason: str) -> None:
    with pytest.raises(dechaff.NotHtmlError) as e:
        dechaff.extract(data)
    assert e.value.reason == reason
    assert e.value.kind == "not_html"
    assert reason in str(e.value)


# ----------------------------------------------------------------------------- bad options


def test_unknown_option_name_is_type_error() -> None:
    for call in (dechaff.extract, dechaff.extract_text):
        with pytest.raises(TypeError, match="unexpected keyword argument 'include_table'") as e:
            call("<p>x</p>", include_table=False)
        assert "include_tables" in str(e.value)  # the message lists the real names
    with pytest.raises(TypeError, match="unexpected keyword argument 'threads'"):
        dechaff.extract_many([], threads=2)


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("include_tables", 1, "a bool"),
        ("include_images", "yes", "a bool"),
        ("include_links", None, "a bool"),
        ("include_comments", 0.0, "a bool"),
        ("explain", [], "a bool"),
        ("favor", 3, "a str"),
        ("on_limit", None, "a str"),
        ("url", 5, "a str or None"),
        ("encoding", b"utf-8", "a str or None"),
        ("reference_date", 20250101, "a str or None"),
        ("earliest_date", 1.5, "a str or None"),
        ("max_input_bytes", "10", "an int"),
        ("max_nodes", 1.0, "an int"),
        ("max_depth", True, "an int"),
    ],
)
def test_wrong_option_type_is_type_error(option: str, value: object, expected: str) -> None:
    with pytest.raises(TypeError, match=f"option '{option}' must be {expected}"):
        dechaff.extract("<p>x</p>", **{option: value})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=f"option '{option}'"):
        dechaff.Extractor(**{option: value})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("favor", "fast"),
        ("on_limit", "explode"),
        ("url", "not a url"),
        ("url", "/relative/path"),
        ("encoding", "klingon-8"),
        ("reference_date", "yesterday"),
        ("earliest_date", "2024-13-01"),
        ("max_input_bytes", 0),
        ("max_input_bytes", -5),
        ("max_nodes", 0),
        ("max_nodes", 10**30),
        ("max_depth", 1),
    ],
)
def test_bad_option_value_is_invalid_option_error(option: str, value: object) -> None:
    with pytest.raises(dechaff.InvalidOptionError) as e:
        dechaff.extract("<p>x</p>", **{option: value})  # type: ignore[arg-type]
    err = e.value
    assert isinstance(err, ValueError)
    assert err.option == option
    assert err.reason and err.kind == "invalid_option"
    assert f"`{option}`" in str(err)


# ----------------------------------------------------------------------------- panics


def test_a_panic_becomes_internal_error() -> None:
    with pytest.raises(dechaff.InternalError) as e:
        dechaff._native._raise_caught_panic()
    assert "test panic" in str(e.value)
    assert e.value.kind == "internal"
    # And it is an ordinary Exception: batch code with `except Exception` survives it.
    assert isinstance(e.value, Exception)


# ----------------------------------------------------------------------------- pickling


def test_errors_pickle_with_their_attributes() -> None:
    errors: list[dechaff.DechaffError] = []
    for call in (
        lambda: dechaff.extract(b"x" * 11, max_input_bytes=10),
        lambda: dechaff.extract("<div>" * 50, max_depth=8, on_limit="error"),
        lambda: dechaff.extract(b"%PDF-1.4" + b"\x00" * 50),
        lambda: dechaff.extract("<p>x</p>", favor="fast"),
    ):
        with pytest.raises(dechaff.DechaffError) as e:
            call()
        errors.append(e.value)
    for err in errors:
        clone = pickle.loads(pickle.dumps(err))
        assert type(clone) is type(err)
        assert str(clone) == str(err)
        assert clone.__dict__ == err.__dict__
    assert pickle.loads(pickle.dumps(errors[0])).size == 11  # type: ignore[attr-defined]
