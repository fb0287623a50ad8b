"""RSS and Atom feeds: one article per entry, from its full content or else its summary."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest.dates import iso_date, set_published
from newsgraph.ingest.guard import as_input_error
from newsgraph.ingest.html import html_to_text
from newsgraph.ingest.streams import ErrorHandler
from newsgraph.model import Article

# A character reference to a UTF-16 surrogate (&#xD800;, &#55296;) names no character; feedparser fails on it.
_SURROGATE_REF = re.compile(rb"&#(?:[xX]0*[dD][89a-fA-F][0-9a-fA-F]{2}|0*5[5-7][0-9]{3});")


def _surrogate_ref(match: re.Match[bytes]) -> bytes:
    digits = match.group()[2:-1]
    value = int(digits[1:], 16) if digits[:1] in (b"x", b"X") else int(digits)
    return b"&#xFFFD;" if 0xD800 <= value <= 0xDFFF else match.group()


def _entry_text(entry: Any) -> str:
    """The longest of the entry's content blocks and its summary, as plain text."""
    candidates = [block.get("value", "") for block in entry.get("content", [])]
    candidates.append(entry.get("summary", ""))
    texts = [html_to_text(c) for c in candidates if c]
    return max(texts, key=len, default="")


def read_feed(data: bytes, source: str, on_error: ErrorHandler) -> Iterator[Article]:
    """Articles from the entries of an RSS or Atom feed; an entry with no text is reported."""
    import feedparser

    data = _SURROGATE_REF.sub(_surrogate_ref, data)
    feed = feedparser.parse(io.BytesIO(data))  # a stream: feedparser never takes it for a URL to fetch
    if not feed.entries:
        problem = f"a feed with no entries ({feed.bozo_exception})" if feed.bozo else "a feed with no entries"
        raise InputError(source, problem)
    channel = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        try:
            article = _entry_article(entry, number, channel, source)
        except Exception as error:  # lxml refuses control characters; feedparser gives odd types
            on_error(as_input_error(error, f"{source}#{number}", "reading the feed entry"))
            continue
        if article is None:
            on_error(InputError(source, f"entry {number} ({entry.get('title', 'untitled')!r}) has no text"))
            continue
        yield article


def _entry_article(entry: Any, number: int, channel: str | None, source: str) -> Article | None:
    """The article of one feed entry, or None when it has no text."""
    text = _entry_text(entry)
    if not text:
        return None
    metadata: dict[str, Any] = {"entry": number}
    for key in ("id", "author"):
        if entry.get(key):
            metadata["guid" if key == "id" else key] = entry[key]
    if channel:
        metadata["feed"] = channel
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    published = iso_date(parsed) if parsed else None
    if published is None:
        published = set_published(metadata, entry.get("published") or entry.get("updated"))
    return Article(
        text=text,
        title=entry.get("title") or None,
        url=entry.get("link") or None,
        published=published,
        source=f"{source}#{entry.get('id') or entry.get('link') or number}",
        metadata=metadata,
    )
