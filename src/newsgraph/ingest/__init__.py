"""Readers: every source kind becomes a stream of Article.

``read_paths`` walks files, folders and ``-`` (standard input), recognises each
file's kind from its content, and reports what it cannot read through ``on_error``
so that the rest of the batch goes on.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.ingest.text import read_text
from newsgraph.model import Article

ErrorHandler = Callable[[InputError], None]


def _raise(error: InputError) -> None:
    raise error


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and files inside folders named (recursively, sorted, hidden ones skipped)."""
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield child
        else:
            yield path


def read_paths(
    paths: Iterable[str | Path], on_error: ErrorHandler = _raise, published: str | None = None
) -> Iterator[Article]:
    """Articles from every path; '-' reads standard input."""
    for path in paths:
        if str(path) == "-":
            yield from _read_bytes(sys.stdin.buffer.read(), "<stdin>", on_error, published)
            continue
        if not Path(path).exists():
            on_error(InputError(path, "no such file or folder"))
            continue
        for file in iter_files([path]):
            try:
                data = file.read_bytes()
            except OSError as error:
                on_error(InputError(file, f"cannot read: {error.strerror}"))
                continue
            yield from _read_bytes(data, str(file), on_error, published)


def _read_bytes(data: bytes, source: str, on_error: ErrorHandler, published: str | None) -> Iterator[Article]:
    try:
        article = read_text(data, source)
    except InputError as error:
        on_error(error)
        return
    if published and not article.published:
        article.published = published
    yield article


def article_from_string(content: str, published: str | None = None, source: str | None = None) -> Article:
    """One article from a string of text (or HTML, once the HTML reader lands)."""
    article = read_text(content.encode("utf-8"), source or "<string>")
    if published:
        article.published = published
    return article
