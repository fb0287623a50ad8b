"""Readers: every source kind becomes a stream of Article.

``read_paths`` walks files, folders and ``-`` (standard input), recognises each
file's kind from its content (the suffix is only a hint), and reports what it cannot
read through ``on_error`` so that the rest of the batch goes on. Files are opened as
streams: record formats are read record by record, and a single article is read only
after its size was checked against ``Settings.max_chars``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from fnmatch import fnmatch
from pathlib import Path
from typing import BinaryIO

from newsgraph.clean import clean_text
from newsgraph.errors import InputError
from newsgraph.ingest.encoding import decode
from newsgraph.ingest.feeds import read_feed
from newsgraph.ingest.guard import as_input_error
from newsgraph.ingest.html import looks_like_html, read_html
from newsgraph.ingest.language import detect
from newsgraph.ingest.metadata import complete
from newsgraph.ingest.records import read_csv, read_json, read_jsonl
from newsgraph.ingest.sidecar import Sidecar
from newsgraph.ingest.sniff import Kind, sniff
from newsgraph.ingest.streams import (
    MARKUP_BYTES_PER_CHAR,
    TEXT_BYTES_PER_CHAR,
    TRUNCATION_ERRORS,
    ErrorHandler,
    gunzip,
    gunzip_head,
    peek,
    read_limited,
    records,
    too_long,
)
from newsgraph.ingest.text import article_from_text, read_text
from newsgraph.ingest.warc import read_warc
from newsgraph.model import Article
from newsgraph.settings import Settings


def _raise(error: InputError) -> None:
    raise error


# Files a corpus folder may hold beside its articles: its documentation and its gold
# (examples/README.md, examples/expected.json). Named explicitly, they are still read.
NOT_ARTICLES = ("README*", "LICENSE*", "CHANGELOG*", "*.md", "expected.json")


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and files inside folders named (recursively, sorted; hidden files and NOT_ARTICLES skipped)."""
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not _skipped(child.relative_to(path)):
                    yield child
        else:
            yield path


def _skipped(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts) or any(
        fnmatch(relative.name, pattern) for pattern in NOT_ARTICLES
    )


def read_paths(
    paths: Iterable[str | Path],
    on_error: ErrorHandler = _raise,
    published: str | None = None,
    outlet: str | None = None,
    language: str | None = None,
    sidecar: Sidecar | None = None,
) -> Iterator[Article]:
    """Articles from every path; '-' reads standard input.

    ``published`` fills in dates no other place gives; ``outlet`` and ``language`` are
    set on every article instead of what its metadata says or detection finds; a
    ``sidecar`` table gives each file read the values of its row.
    """
    max_chars = Settings().max_chars
    for path in paths:
        if str(path) == "-":
            articles = read_stream(sys.stdin.buffer, "<stdin>", on_error, max_chars)
        elif not _exists(path):
            on_error(InputError(path, "no such file or folder"))
            continue
        else:
            articles = _read_files(_listed(path, on_error), on_error, max_chars)
        for article in articles:
            yield prepared(article, published, outlet, language, sidecar)


def prepared(
    article: Article,
    published: str | None = None,
    outlet: str | None = None,
    language: str | None = None,
    sidecar: Sidecar | None = None,
) -> Article:
    """The article with what every reader's output gets: its date, outlet, author and language where any place
    gives them (``published``, ``outlet``, ``language`` and ``sidecar`` as ``read_paths`` takes them); returns it."""
    if sidecar is not None:
        sidecar.apply(article)
    complete(article, outlet)
    if published and not article.published:
        article.published = published
    found = language or detect(article.text)
    if found:
        article.metadata["language"] = found
    return article


def _exists(path: str | Path) -> bool:
    try:
        return Path(path).exists()
    except (OSError, ValueError):  # a NUL in the name, a name too long
        return False


def _listed(path: str | Path, on_error: ErrorHandler) -> Iterator[Path]:
    """The files under ``path``; a folder that cannot be listed is reported, not raised."""
    try:
        yield from iter_files([path])
    except OSError as error:
        on_error(InputError(path, f"cannot list: {error.strerror or error}"))


def _read_files(files: Iterable[Path], on_error: ErrorHandler, max_chars: int) -> Iterator[Article]:
    for file in files:
        try:
            stream = file.open("rb")
        except (OSError, ValueError) as error:
            on_error(InputError(file, f"cannot read: {getattr(error, 'strerror', None) or error}"))
            continue
        with stream:
            yield from read_stream(stream, str(file), on_error, max_chars, suffix=_suffix(file))


def _suffix(file: Path) -> str:
    suffixes = [s.lower() for s in file.suffixes]
    return next((s for s in reversed(suffixes) if s != ".gz"), "")


def read_stream(
    stream: BinaryIO, source: str, on_error: ErrorHandler, max_chars: int, suffix: str = ""
) -> Iterator[Article]:
    """Articles from one binary stream, whatever its kind; every problem goes to ``on_error``.

    Whatever the readers raise is reported against ``source``, and a stream that gave
    neither an article nor an error is reported too: no input ends without a word.
    """
    count, reported = 0, 0

    def report(error: InputError) -> None:
        nonlocal reported
        reported += 1
        on_error(error)

    try:
        for article in _dispatch(stream, source, report, max_chars, suffix, compressed=False):
            count += 1
            yield article
    except TRUNCATION_ERRORS as error:
        what = "truncated gzip stream" if isinstance(error, EOFError) else "damaged gzip stream"
        report(InputError(source, f"{what} after {records(count)}"))
    except OSError as error:
        report(InputError(source, f"cannot read: {error}"))
    except Exception as error:  # the guard: anything a reader raises is this input's error
        report(as_input_error(error, source, f"reading it after {records(count)}"))
    if not count and not reported:
        on_error(InputError(source, "no article in it (nothing with text was found)"))


def _dispatch(
    stream: BinaryIO, source: str, on_error: ErrorHandler, max_chars: int, suffix: str, compressed: bool
) -> Iterator[Article]:
    head, stream = peek(stream)
    if not head:
        raise InputError(source, "empty file" if not compressed else "empty gzip stream")
    kind = sniff(head, suffix)
    if kind is Kind.GZIP and sniff(gunzip_head(head), suffix) is Kind.WARC:
        # Decompressed here, not by warcio, which ends a cut archive silently.
        yield from read_warc(gunzip(stream, source), source, on_error, max_chars)
    elif kind is Kind.GZIP:
        if compressed:
            raise InputError(source, "gzip inside gzip is not read")
        yield from _dispatch(gunzip(stream, source), source, on_error, max_chars, suffix, compressed=True)
    elif kind is Kind.WARC:
        yield from read_warc(stream, source, on_error, max_chars)
    elif kind is Kind.JSONL:
        yield from read_jsonl(stream, source, on_error, max_chars)
    elif kind is Kind.JSON:
        yield from read_json(stream, source, on_error, max_chars)
    elif kind is Kind.CSV:
        yield from read_csv(stream, source, on_error, max_chars)
    elif kind is Kind.FEED:
        yield from read_feed(read_limited(stream, MARKUP_BYTES_PER_CHAR * max_chars, source), source, on_error)
    else:
        per_char = MARKUP_BYTES_PER_CHAR if kind is Kind.HTML else TEXT_BYTES_PER_CHAR
        yield _one_article(read_limited(stream, per_char * max_chars, source), kind, source, max_chars)


def _one_article(data: bytes, kind: Kind, source: str, max_chars: int) -> Article:
    """A text or HTML file that is one article."""
    article = read_html(decode(data, source), source) if kind is Kind.HTML else read_text(data, source)
    if len(article.text) > max_chars:
        raise too_long(source, len(article.text), max_chars)
    return article


def article_from_string(content: str, published: str | None = None, source: str | None = None) -> Article:
    """One article from a string of plain text or of HTML (told apart by its markup)."""
    name = source or "<string>"
    content = clean_text(content)  # a lone surrogate could not even be encoded to sniff it
    if sniff(content[:4096].encode("utf-8")) is Kind.HTML or (
        looks_like_html(content) and content.lstrip().startswith("<")
    ):
        article = read_html(content, name)
    else:
        article = article_from_text(content, name)
    if published:
        article.published = published
    return article
