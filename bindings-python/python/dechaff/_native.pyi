# Hand-written stubs of the extension module `dechaff._native` (the Rust binding).
# Checked against the built module by `python -m mypy.stubtest dechaff._native`
# (scripts/test-python.sh); the option keywords are checked against DEFAULTS by
# tests/test_stubs.py.

import datetime
from collections.abc import Iterable, Mapping
from typing import Literal, final

from typing_extensions import disjoint_base

__all__ = [
    "DEFAULTS",
    "Article",
    "Block",
    "Code",
    "DechaffError",
    "DocumentTooComplexError",
    "Extractor",
    "Figure",
    "Heading",
    "InputTooLargeError",
    "InternalError",
    "InvalidOptionError",
    "Link",
    "List",
    "ListItem",
    "NotHtmlError",
    "Paragraph",
    "Quote",
    "Table",
    "__version__",
    "extract",
    "extract_many",
    "extract_text",
]

__version__: str
DEFAULTS: Mapping[str, object]

_Favor = Literal["precision", "balanced", "recall"]
_OnLimit = Literal["degrade", "error"]
_Page = str | bytes | tuple[str | bytes, str | None]

# ---------------------------------------------------------------------------- errors

class DechaffError(Exception):
    kind: str

class InputTooLargeError(DechaffError):
    size: int
    limit: int

class DocumentTooComplexError(DechaffError):
    what: str
    limit: int

class NotHtmlError(DechaffError):
    reason: str

class InvalidOptionError(DechaffError, ValueError):
    option: str
    reason: str

class InternalError(DechaffError): ...

# ---------------------------------------------------------------------------- results

@final
class Link:
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def href(self) -> str: ...

@final
class ListItem:
    @property
    def text(self) -> str: ...
    @property
    def depth(self) -> int: ...
    @property
    def links(self) -> list[Link]: ...

@disjoint_base
class Block:
    @property
    def kind(self) -> str: ...
    def to_dict(self) -> dict[str, object]: ...

@final
class Heading(Block):
    @property
    def level(self) -> int: ...
    @property
    def text(self) -> str: ...

@final
class Paragraph(Block):
    @property
    def text(self) -> str: ...
    @property
    def links(self) -> list[Link]: ...

@final
class List(Block):
    @property
    def ordered(self) -> bool: ...
    @property
    def items(self) -> list[ListItem]: ...

@final
class Quote(Block):
    @property
    def text(self) -> str: ...

@final
class Code(Block):
    @property
    def text(self) -> str: ...
    @property
    def language(self) -> str | None: ...

@final
class Table(Block):
    @property
    def rows(self) -> list[list[str]]: ...
    @property
    def header_rows(self) -> int: ...

@final
class Figure(Block):
    @property
    def src(self) -> str | None: ...
    @property
    def alt(self) -> str | None: ...
    @property
    def caption(self) -> str | None: ...

@final
class Article:
    @property
    def title(self) -> str | None: ...
    @property
    def authors(self) -> list[str]: ...
    @property
    def published(self) -> datetime.datetime | None: ...
    @property
    def modified(self) -> datetime.datetime | None: ...
    @property
    def site_name(self) -> str | None: ...
    @property
    def description(self) -> str | None: ...
    @property
    def language(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def image(self) -> str | None: ...
    @property
    def image_caption(self) -> str | None: ...
    @property
    def section(self) -> str | None: ...
    @property
    def categories(self) -> list[str]: ...
    @property
    def tags(self) -> list[str]: ...
    @property
    def license(self) -> str | None: ...
    @property
    def page_type(self) -> str | None: ...
    @property
    def word_count(self) -> int: ...
    @property
    def provenance(self) -> dict[str, str]: ...
    @property
    def blocks(self) -> list[Block]: ...
    @property
    def comments(self) -> list[Block]: ...
    @property
    def diagnostics(self) -> dict[str, object]: ...
    @property
    def has_content(self) -> bool: ...
    @property
    def text(self) -> str: ...
    @property
    def comments_text(self) -> str: ...
    def markdown(self) -> str: ...
    def html(self) -> str: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, object]: ...
    @staticmethod
    def from_json(json: str) -> Article: ...

# ---------------------------------------------------------------------------- extraction
# Every option keyword defaults to the value in DEFAULTS (the Rust core's Options::default()).

def extract(
    html: str | bytes,
    *,
    url: str | None = ...,
    favor: _Favor = ...,
    include_tables: bool = ...,
    include_images: bool = ...,
    include_links: bool = ...,
    include_comments: bool = ...,
    encoding: str | None = ...,
    explain: bool = ...,
    reference_date: str | None = ...,
    earliest_date: str | None = ...,
    max_input_bytes: int = ...,
    max_nodes: int = ...,
    max_depth: int = ...,
    on_limit: _OnLimit = ...,
) -> Article: ...
def extract_text(
    html: str | bytes,
    *,
    url: str | None = ...,
    favor: _Favor = ...,
    include_tables: bool = ...,
    include_images: bool = ...,
    include_links: bool = ...,
    include_comments: bool = ...,
    encoding: str | None = ...,
    explain: bool = ...,
    reference_date: str | None = ...,
    earliest_date: str | None = ...,
    max_input_bytes: int = ...,
    max_nodes: int = ...,
    max_depth: int = ...,
    on_limit: _OnLimit = ...,
) -> str: ...
def extract_many(
    pages: Iterable[_Page],
    *,
    workers: int | None = None,
    url: str | None = ...,
    favor: _Favor = ...,
    include_tables: bool = ...,
    include_images: bool = ...,
    include_links: bool = ...,
    include_comments: bool = ...,
    encoding: str | None = ...,
    explain: bool = ...,
    reference_date: str | None = ...,
    earliest_date: str | None = ...,
    max_input_bytes: int = ...,
    max_nodes: int = ...,
    max_depth: int = ...,
    on_limit: _OnLimit = ...,
) -> list[Article | DechaffError]: ...

@final
class Extractor:
    def __new__(
        cls,
        *,
        url: str | None = ...,
        favor: _Favor = ...,
        include_tables: bool = ...,
        include_images: bool = ...,
        include_links: bool = ...,
        include_comments: bool = ...,
        encoding: str | None = ...,
        explain: bool = ...,
        reference_date: str | None = ...,
        earliest_date: str | None = ...,
        max_input_bytes: int = ...,
        max_nodes: int = ...,
        max_depth: int = ...,
        on_limit: _OnLimit = ...,
    ) -> Extractor: ...
    @property
    def options(self) -> dict[str, object]: ...
    def extract(
        self, html: str | bytes, *, url: str | None = None, encoding: str | None = None
    ) -> Article: ...
    def extract_text(
        self, html: str | bytes, *, url: str | None = None, encoding: str | None = None
    ) -> str: ...
    def extract_many(
        self, pages: Iterable[_Page], *, workers: int | None = None
    ) -> list[Article | DechaffError]: ...

# Test hook: a panic through the extraction guard, which must surface as InternalError.
def _raise_caught_panic() -> None: ...
