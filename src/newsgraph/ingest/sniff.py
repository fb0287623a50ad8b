"""What kind of source a file is, told from its first bytes; the suffix is only a hint."""

from __future__ import annotations

import csv
import json
import re
from enum import StrEnum

from newsgraph.ingest.encoding import bom_encoding, wide


class Kind(StrEnum):
    GZIP = "gzip"
    WARC = "warc"
    FEED = "feed"
    HTML = "html"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    TEXT = "text"


_FEED = re.compile(r"<(rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML = re.compile(r"<(!doctype\s+html|html|head|body|meta|title|article)\b", re.IGNORECASE)
_MARKUP_START = re.compile(r"^\s*(<\?xml|<!--|<!doctype|<[a-z])", re.IGNORECASE)
# An object opening with a key, or an array opening with a value: "[Updated 5 March]" is prose.
_JSON_START = re.compile(r'^(\{\s*["}]|\[\s*[\[{"\]\d-]|\[\s*$)')
_TABLE_SUFFIXES = (".csv", ".tsv")
_LINES_SUFFIXES = (".jsonl", ".ndjson")
_JSON_SUFFIXES = (".json", *_LINES_SUFFIXES)
TEXT_COLUMN = "text"
CSV_DELIMITERS = ",;\t|"


def head_text(head: bytes) -> str:
    """The first bytes as text for sniffing only (lossy: never used as article text)."""
    encoding = bom_encoding(head)
    if encoding is None and wide(head):
        encoding = "utf-16-le" if head[1:2] == b"\0" else "utf-16-be"
    return head.decode(encoding or "utf-8", errors="replace").lstrip("\ufeff")


def sniff(head: bytes, suffix: str = "") -> Kind:
    """The kind of a source from its first bytes; the suffix only settles what they leave open.

    A .csv or .tsv suffix makes plain text a table; a .json or .jsonl suffix keeps a
    broken first record JSON (to report it), and .jsonl tells JSON Lines from a JSON
    document when the first line is longer than the bytes sniffed.
    """
    if head.startswith(b"\x1f\x8b"):
        return Kind.GZIP
    if head.startswith(b"WARC/"):
        return Kind.WARC
    text = head_text(head)
    start = text.lstrip()
    if _MARKUP_START.match(start):
        if _FEED.search(start[:4096]):
            return Kind.FEED
        if _HTML.search(start):
            return Kind.HTML
    if _JSON_START.match(start) or (start[:1] in ("{", "[") and suffix in _JSON_SUFFIXES):
        return Kind.JSON if start.startswith("[") else _json_kind(start, suffix)
    if _csv_header(start) is not None or suffix in _TABLE_SUFFIXES:
        return Kind.CSV
    return Kind.TEXT


def _json_kind(text: str, suffix: str) -> Kind:
    """JSON Lines when each of the first lines is a record of its own, else one JSON document.

    A broken first record still reads as JSON Lines when the next line opens another
    record, so that the bad line is reported and the rest is read.
    """
    lines = [line.strip() for line in text.split("\n")[:3]]
    if len(lines) == 1 and suffix in _LINES_SUFFIXES:
        return Kind.JSONL  # a first line longer than the sniffed bytes: only the suffix can tell
    try:
        json.loads(lines[0])
    except (ValueError, RecursionError):
        return Kind.JSONL if len(lines) > 1 and lines[1].startswith("{") and lines[1].endswith("}") else Kind.JSON
    return Kind.JSONL


def _csv_header(text: str) -> str | None:
    """The delimiter of a CSV header line that has a ``text`` column, if the text starts with one."""
    first = text.split("\n", 1)[0].strip("\r")
    for delimiter in CSV_DELIMITERS:
        if delimiter in first:
            try:
                columns = next(csv.reader([first], delimiter=delimiter))
            except csv.Error:
                return None
            if TEXT_COLUMN in (c.strip().lower() for c in columns):
                return delimiter
    return None


def csv_delimiter(head: str) -> str:
    """The delimiter of the header line (a comma when none fits)."""
    return _csv_header(head) or ","
