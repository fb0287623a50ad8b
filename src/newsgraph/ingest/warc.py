"""Web archives (WARC, plain or gzipped): every successful HTML response becomes an article.

Records are read one at a time from the stream. When the archive breaks off (a
download cut short), the records read so far are kept and the break is reported once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any, BinaryIO

from newsgraph.errors import InputError
from newsgraph.ingest.dates import iso_date
from newsgraph.ingest.guard import as_input_error
from newsgraph.ingest.html import read_html
from newsgraph.ingest.streams import (
    MARKUP_BYTES_PER_CHAR,
    TRUNCATION_ERRORS,
    ErrorHandler,
    read_exactly,
    records,
    too_long,
)
from newsgraph.model import Article

_HTML_TYPES = ("text/html", "application/xhtml+xml")


class _Truncated(Exception):
    """The archive ends inside a record."""


def read_warc(stream: BinaryIO, source: str, on_error: ErrorHandler, max_chars: int) -> Iterator[Article]:
    """Articles from the HTML responses of a WARC file; other records are passed over."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count, seen, cut = 0, 0, False
    try:
        for record in ArchiveIterator(stream):
            seen += 1
            limit = MARKUP_BYTES_PER_CHAR * max_chars
            body = _html_body(record, limit)
            if body is None:
                continue
            uri = _header(record, "WARC-Target-URI")
            where = f"{source}#{uri or seen}"
            if len(body) > limit:
                on_error(InputError(where, f"too large: a response of over {limit:,} bytes (Settings.max_chars)"))
                continue
            try:
                article = read_html(body, where, url=uri, published=iso_date(_header(record, "WARC-Date")))
            except Exception as error:  # one record's failure is that record's, not the archive's
                on_error(as_input_error(error, where, "reading the HTML response"))
                continue
            if len(article.text) > max_chars:
                on_error(too_long(where, len(article.text), max_chars))
                continue
            if uri and article.url != uri:
                # The address the archive fetched is the article's url; a canonical link is kept aside.
                canonical = {"canonical_url": article.url} if article.url else {}
                article = replace(article, url=uri, id="", metadata={**article.metadata, **canonical})
            count += 1
            yield article
    except (_Truncated, *TRUNCATION_ERRORS):
        cut = True
    except ArchiveLoadFailed as error:
        on_error(InputError(source, f"damaged WARC after {records(count)} ({_short(error)})"))
        return
    except InputError:
        raise
    except Exception as error:  # warcio on a broken header (a length of 2**64, a bad number)
        on_error(InputError(source, f"damaged WARC after {records(count)} ({type(error).__name__}: {_short(error)})"))
        return
    gzip_cut = getattr(stream, "truncated", False)
    if cut or gzip_cut:
        what = "gzip stream" if gzip_cut else "WARC"
        on_error(InputError(source, f"truncated {what} after {records(count)}"))
    elif not count and seen:
        on_error(InputError(source, f"a WARC with no successful HTML response among its {records(seen)}"))
    elif not seen:
        on_error(InputError(source, "starts as a WARC but holds no record"))


def _header(record: Any, name: str) -> str | None:
    """A WARC header's value, or None (warcio gives other types for some broken headers)."""
    value = record.rec_headers.get_header(name)
    return value if isinstance(value, str) else None


def _short(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text[:200]


def _html_body(record: Any, limit: int) -> bytes | None:
    """The payload of a successful HTML response (``limit`` + 1 bytes at most), None for other records.

    Redirects and error pages are no articles: a crawl is full of them.
    """
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if not str(record.http_headers.get_statuscode() or "").startswith("2"):
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not content_type.startswith(_HTML_TYPES):
        return None
    body = read_exactly(record.content_stream(), limit + 1)
    if len(body) <= limit and getattr(record.raw_stream, "limit", 0) > 0:
        # The record promised more bytes than the file holds: the archive was cut.
        raise _Truncated
    return body
