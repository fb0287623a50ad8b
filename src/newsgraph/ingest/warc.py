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
from newsgraph.ingest.html import read_html
from newsgraph.ingest.streams import TRUNCATION_ERRORS, ErrorHandler, read_exactly, records
from newsgraph.model import Article

_HTML_TYPES = ("text/html", "application/xhtml+xml")


class _Truncated(Exception):
    """The archive ends inside a record."""


def read_warc(stream: BinaryIO, source: str, on_error: ErrorHandler, max_chars: int) -> Iterator[Article]:
    """Articles from the HTML responses of a WARC file; other records are passed over."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count, cut = 0, False
    try:
        for record in ArchiveIterator(stream):
            body = _html_body(record, 4 * max_chars)
            if body is None:
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source}#{uri or count + 1}"
            if len(body) > 4 * max_chars:
                on_error(InputError(where, "too large: over the limit for one article (Settings.max_chars)"))
                continue
            warc_date = iso_date(record.rec_headers.get_header("WARC-Date"))
            try:
                article = read_html(body, where, url=uri, published=warc_date)
            except InputError as error:
                on_error(error)
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
        on_error(InputError(source, f"damaged WARC after {records(count)} ({error})"))
        return
    gzip_cut = getattr(stream, "truncated", False)
    if cut or gzip_cut:
        what = "gzip stream" if gzip_cut else "WARC"
        on_error(InputError(source, f"truncated {what} after {records(count)}"))


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
