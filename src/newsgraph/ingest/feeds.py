"""RSS and Atom feeds: one article per entry, from its full content or else its summary."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest.dates import iso_date, set_published
from newsgraph.ingest.html import html_to_text
from newsgraph.ingest.streams import ErrorHandler
from newsgraph.model import Article


def _entry_text(entry: Any) -> str:
    """The longest of the entry's content blocks and its summary, as plain text."""
    candidates = [block.get("value", "") for block in entry.get("content", [])]
    candidates.append(entry.get("summary", ""))
    texts = [html_to_text(c) for c in candidates if c]
    return max(texts, key=len, default="")


def read_feed(data: bytes, source: str, on_error: ErrorHandler) -> Iterator[Article]:
    """Articles from the entries of an RSS or Atom feed; an entry with no text is reported."""
    import feedparser

    feed = feedparser.parse(io.BytesIO(data))  # a stream: feedparser never takes it for a URL to fetch
    if not feed.entries:
        problem = f"a feed with no entries ({feed.bozo_exception})" if feed.bozo else "a feed with no entries"
        raise InputError(source, problem)
    channel = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        text = _entry_text(entry)
        if not text:
            on_error(InputError(source, f"entry {number} ({entry.get('title', 'untitled')!r}) has no text"))
            continue
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
        yield Article(
            text=text,
            title=entry.get("title") or None,
            url=entry.get("link") or None,
            published=published,
            source=f"{source}#{entry.get('id') or entry.get('link') or number}",
            metadata=metadata,
        )
