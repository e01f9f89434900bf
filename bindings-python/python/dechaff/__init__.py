"""dechaff: turn a web page into a clean article.

The main text without the boilerplate (navigation, teasers, cookie banners, footers,
comment widgets) and the page's metadata, extracted by a Rust core::

    import dechaff

    article = dechaff.extract(html_bytes, url="https://example.com/news/1")
    print(article.title, article.published)
    print(article.text)

* ``extract(html, **options) -> Article`` for one page (``bytes`` or ``str``);
* ``extract_text(html, **options) -> str`` for the text alone (``""`` without content);
* ``Extractor(**options)`` to validate options once and extract many pages;
* ``extract_many(pages, workers=None, **options)`` for a batch on Rust threads.

The option names and their defaults are in ``DEFAULTS``. A page without main content is
not an error (``Article.has_content`` is ``False``); errors derive from ``DechaffError``.
Every extraction releases the GIL.
"""

from dechaff._native import (
    DEFAULTS,
    Article,
    Block,
    Code,
    DechaffError,
    DocumentTooComplexError,
    Extractor,
    Figure,
    Heading,
    InputTooLargeError,
    InternalError,
    InvalidOptionError,
    Link,
    List,
    ListItem,
    NotHtmlError,
    Paragraph,
    Quote,
    Table,
    __version__,
    extract,
    extract_many,
    extract_text,
)

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
