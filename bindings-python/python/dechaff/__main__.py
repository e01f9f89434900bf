"""Command line: ``python -m dechaff FILE|-`` (also installed as the ``dechaff`` script).

Reads one page (a file, or standard input for ``-``) as bytes, so the encoding is detected
as for ``dechaff.extract(bytes)``, and prints its article as text, Markdown, HTML or JSON.
Exit status: 0 on success (also for a page without main content), 1 when the page is
refused or cannot be read, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

import dechaff


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="dechaff",
        description="Extract the main text and metadata of a web page.",
    )
    p.add_argument("file", metavar="FILE", help="an HTML file, or - for standard input")
    p.add_argument(
        "-f",
        "--format",
        choices=["text", "markdown", "json", "html"],
        default="text",
        help="output format (default: text, the title then the body)",
    )
    p.add_argument("--url", help="address of the page (base for links, hint for dates)")
    p.add_argument(
        "--favor",
        help="precision, balanced or recall: lean towards less boilerplate or towards "
        f"less lost text (default: {dechaff.DEFAULTS['favor']})",
    )
    p.add_argument("--encoding", help="charset label of the input, e.g. from HTTP")
    p.add_argument("--no-tables", action="store_true", help="drop data tables")
    p.add_argument("--images", action="store_true", help="keep images as figures")
    p.add_argument("--links", action="store_true", help="keep link targets (JSON)")
    p.add_argument("--comments", action="store_true", help="keep the comment section")
    p.add_argument(
        "--explain",
        action="store_true",
        help="record each decision in the JSON diagnostics",
    )
    p.add_argument("--version", action="version", version=f"dechaff {dechaff.__version__}")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line with ``argv`` (default ``sys.argv[1:]``); returns the exit status."""
    args = _parser().parse_args(argv)
    options: dict[str, object] = {}
    if args.url is not None:
        options["url"] = args.url
    if args.favor is not None:
        options["favor"] = args.favor
    if args.encoding is not None:
        options["encoding"] = args.encoding
    if args.no_tables:
        options["include_tables"] = False
    if args.images:
        options["include_images"] = True
    if args.links:
        options["include_links"] = True
    if args.comments:
        options["include_comments"] = True
    if args.explain:
        options["explain"] = True

    name = "<stdin>" if args.file == "-" else args.file
    try:
        if args.file == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(args.file, "rb") as f:
                data = f.read()
    except OSError as e:
        print(f"dechaff: cannot read {name}: {e.strerror or e}", file=sys.stderr)
        return 1

    try:
        article = dechaff.extract(data, **options)  # type: ignore[arg-type]
    except (dechaff.DechaffError, ValueError) as e:
        print(f"dechaff: {name}: {e}", file=sys.stderr)
        return 1

    if args.format == "json":
        out = article.to_json() + "\n"
    elif args.format == "markdown":
        out = article.markdown()
    elif args.format == "html":
        out = article.html()
    else:
        out = (f"{article.title}\n\n" if article.title else "") + article.text + "\n"
    try:
        sys.stdout.write(out)
        sys.stdout.flush()
    except BrokenPipeError:
        # `dechaff page.html | head`: the reader left; that is not an error. Point stdout
        # at /dev/null so the interpreter's final flush does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
