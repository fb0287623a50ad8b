"""Plain text: the file's text verbatim (only CRLF becomes LF), so offsets index the file."""

from __future__ import annotations

import re

from newsgraph.errors import InputError
from newsgraph.ingest.dates import iso_date
from newsgraph.ingest.encoding import decode
from newsgraph.model import Article

_HEADLINE_MAX_WORDS = 20
_DATELINE_MAX_CHARS = 40
_FINAL_PUNCT = re.compile(r"[.!?:;\"”’)]\s*$")


def headlines(text: str) -> tuple[list[str], str | None]:
    """Short leading lines without final punctuation (a section label and a title), and a dateline.

    A leading line that is nothing but a whole date ("Tuesday, 5 March 2024") is the
    publication date, not a headline.
    """
    lines: list[str] = []
    published = None
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if len(line.split()) > _HEADLINE_MAX_WORDS or _FINAL_PUNCT.search(line):
            break
        date = iso_date(line) if published is None and len(line) <= _DATELINE_MAX_CHARS else None
        if date is not None:
            published = date
        elif len(lines) == 2:
            break
        else:
            lines.append(line)
    return lines, published


def article_from_text(text: str, source: str) -> Article:
    """One article from text already decoded."""
    text = text.replace("\r\n", "\n")
    if not text.strip():
        raise InputError(source, "empty file" if not text else "no text in it, only white space")
    heads, published = headlines(text)
    section = heads[0] if len(heads) == 2 else None
    title = heads[-1] if heads else None
    return Article(text=text, title=title, section=section, published=published, source=source)


def read_text(data: bytes, source: str) -> Article:
    """One article from the bytes of a plain-text file."""
    if not data:
        raise InputError(source, "empty file")
    return article_from_text(decode(data, source), source)
