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
    """Short leading lines (a section label and a title), and a dateline.

    A leading line that is nothing but a whole date ("Tuesday, 5 March 2024") is the
    publication date, not a headline. A line with final punctuation is a headline only
    when it stands alone as a paragraph (a blank line after it): many papers end their
    headlines with a period, and a body's first sentence runs on into its paragraph.
    """
    lines: list[str] = []
    published = None
    raw = text.split("\n")
    for index, line in enumerate(raw):
        line = line.strip()
        if not line:
            continue
        if len(line.split()) > _HEADLINE_MAX_WORDS:
            break
        if _FINAL_PUNCT.search(line):
            if len(lines) < 2 and _headline_paragraph(raw[index + 1 : index + 3], first=not lines):
                lines.append(line.rstrip(" ;"))
            break
        date = iso_date(line) if published is None and len(line) <= _DATELINE_MAX_CHARS else None
        if date is not None:
            published = date
        elif len(lines) == 2:
            break
        else:
            lines.append(line)
    return lines, published


def _headline_paragraph(after: list[str], first: bool) -> bool:
    """Whether a punctuated line is a headline, from the lines after it.

    It is when a blank line follows (a paragraph of its own), or, for the first line,
    when one more short line (a deck: "Headline; / Deck sentence.") and then a blank line do.
    """
    if not after:
        return False
    if not after[0].strip():
        return True
    return first and len(after) == 2 and not after[1].strip() and len(after[0].split()) <= 2 * _HEADLINE_MAX_WORDS


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
