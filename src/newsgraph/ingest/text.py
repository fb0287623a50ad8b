"""Plain text: the file's text verbatim (only CRLF becomes LF), so offsets index the file."""

from __future__ import annotations

import re

from newsgraph.errors import InputError
from newsgraph.model import Article

_HEADLINE_MAX_WORDS = 20
_FINAL_PUNCT = re.compile(r"[.!?:;\"”’)]\s*$")


def decode(data: bytes, source: str) -> str:
    """Bytes to text: UTF-8 when valid, otherwise the encoding charset-normalizer finds."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "binary or undecodable content (no text encoding fits)")
    return str(best)


def headlines(text: str) -> list[str]:
    """Short leading lines without final punctuation: a section label and a title."""
    lines: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if len(line.split()) > _HEADLINE_MAX_WORDS or _FINAL_PUNCT.search(line) or len(lines) == 2:
            break
        lines.append(line)
    return lines


def read_text(data: bytes, source: str) -> Article:
    """One article from a plain-text file."""
    text = decode(data, source).replace("\r\n", "\n")
    if not text.strip():
        raise InputError(source, "empty: no text in it")
    heads = headlines(text)
    section = heads[0] if len(heads) == 2 else None
    title = heads[-1] if heads else None
    return Article(text=text, title=title, section=section, source=source)
