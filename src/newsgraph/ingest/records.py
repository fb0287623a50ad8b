"""JSON Lines, JSON documents and CSV: one article per record, read as a stream.

A record needs ``text``; ``title``, ``section``, ``url``, ``published`` and ``source`` have
their meaning and every other field is kept as metadata. A record's own ``id`` names it in
``source`` (``FILE#id``) and stays in ``metadata["id"]``, but is never the article id: two
feeds that both number their records from 1 must not overwrite each other, so the article
id stays the hash of text and url. A bad record is reported with its line number and the
reading goes on with the next one.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from newsgraph.errors import InputError
from newsgraph.ingest.dates import set_published
from newsgraph.ingest.encoding import detect_encoding
from newsgraph.ingest.guard import as_input_error
from newsgraph.ingest.sniff import TEXT_COLUMN, csv_delimiter
from newsgraph.ingest.streams import HEAD_BYTES, ErrorHandler, peek, too_long
from newsgraph.model import Article

_KNOWN = ("text", "title", "section", "url", "published", "source")
_CHUNK = 1 << 16
# A JSON line holds its text escaped: allow for the quoting and the other fields.
_LINE_CHARS_PER_TEXT_CHAR = 2


def article_from_record(record: Any, source: str, line: int, max_chars: int) -> Article:
    """One article from a decoded record (a JSON object or a CSV row)."""
    if not isinstance(record, dict):
        raise InputError(source, f"a record must be a JSON object, not {_json_type(record)}", line)
    text = record.get("text")
    if text is None:
        raise InputError(source, "no 'text' field in the record", line)
    if not isinstance(text, str):
        raise InputError(source, f"'text' is {_json_type(text)}, not a string", line)
    if not text.strip():
        raise InputError(source, "'text' is empty", line)
    if len(text) > max_chars:
        raise too_long(source, len(text), max_chars, line)
    metadata = {k: v for k, v in record.items() if k not in _KNOWN and v not in (None, "")}
    record_id = record.get("id")
    record_id = str(record_id) if record_id not in (None, "") else None
    given = record.get("source")
    return Article(
        text=text.replace("\r\n", "\n"),
        title=_text_or_none(record.get("title")),
        section=_text_or_none(record.get("section")),
        url=_text_or_none(record.get("url")),
        published=set_published(metadata, record.get("published")),
        source=str(given) if given else f"{source}#{record_id or line}",
        metadata=metadata,
    )


def _json_type(value: Any) -> str:
    """What a JSON value is, in JSON's words ("a number", "a list")."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "a string" if isinstance(value, str) else "null"


def _text_or_none(value: Any) -> str | None:
    return (str(value).strip() or None) if value is not None else None


def _text_stream(stream: BinaryIO, source: str) -> tuple[str, io.TextIOWrapper]:
    """The first bytes decoded (to sniff) and the stream as text, in the encoding they show."""
    head, stream = peek(stream, HEAD_BYTES)
    encoding = detect_encoding(head, source, complete=len(head) < HEAD_BYTES)
    wrapper = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
    return head.decode(encoding, errors="replace"), wrapper


def read_jsonl(stream: BinaryIO, source: str, on_error: ErrorHandler, max_chars: int) -> Iterator[Article]:
    """One article per line; a malformed line is reported and skipped."""
    _, lines = _text_stream(stream, source)
    limit = _LINE_CHARS_PER_TEXT_CHAR * max_chars
    number = 0
    while line := lines.readline(limit):
        number += 1
        if len(line) == limit and not line.endswith("\n"):
            _skip_rest_of_line(lines, limit)
            on_error(InputError(source, f"too large: a line of more than {limit:,} characters", number))
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as error:
            on_error(InputError(source, f"malformed JSON ({_reason(error)})", number))
            continue
        except RecursionError as error:
            on_error(as_input_error(error, source, "decoding JSON", number))
            continue
        yield from _guarded_record(record, source, number, max_chars, on_error)


def _guarded_record(record: Any, source: str, line: int, max_chars: int, on_error: ErrorHandler) -> Iterator[Article]:
    """The record's article, or its error reported: one bad record never ends the file."""
    try:
        article = article_from_record(record, source, line, max_chars)
    except Exception as error:
        on_error(as_input_error(error, source, "reading the record", line))
        return
    yield article


def _skip_rest_of_line(lines: io.TextIOWrapper, chunk: int) -> None:
    """Read past the end of an over-long line, a chunk at a time, so it never sits in memory whole."""
    while (part := lines.readline(chunk)) and not part.endswith("\n"):
        pass


def _reason(error: ValueError) -> str:
    """A JSON error message without json's own position suffix (we give the line)."""
    return str(getattr(error, "msg", None) or error).removesuffix(" at")


def read_json(stream: BinaryIO, source: str, on_error: ErrorHandler, max_chars: int) -> Iterator[Article]:
    """A JSON array of records, one object, or objects one after another, decoded incrementally."""
    decoder = json.JSONDecoder()
    _, text = _text_stream(stream, source)
    buffer, line, done, in_array = "", 1, False, False
    while True:
        if not done and len(buffer) < _CHUNK:
            chunk = text.read(_CHUNK)
            done = not chunk
            buffer += chunk
        stripped = buffer.lstrip()
        line += buffer.count("\n", 0, len(buffer) - len(stripped))
        buffer = stripped
        if not in_array and buffer.startswith("["):
            in_array, buffer = True, buffer[1:]
            continue
        if in_array and buffer.startswith((",", "]")):
            buffer = buffer[1:]
            continue
        if not buffer:
            if done:
                return
            continue
        try:
            record, end = decoder.raw_decode(buffer)
        except RecursionError as error:
            on_error(as_input_error(error, source, "decoding JSON", line))
            return
        except ValueError as error:
            if not done and len(buffer) <= 4 * max_chars:
                chunk = text.read(_CHUNK)
                done = not chunk
                buffer += chunk
                continue
            on_error(InputError(source, f"malformed JSON ({_reason(error)})", line + _lines_before(error)))
            return
        yield from _guarded_record(record, source, line, max_chars, on_error)
        line += buffer.count("\n", 0, end)
        buffer = buffer[end:]


def _lines_before(error: ValueError) -> int:
    return max(getattr(error, "lineno", 1) - 1, 0)


def read_csv(stream: BinaryIO, source: str, on_error: ErrorHandler, max_chars: int) -> Iterator[Article]:
    """One article per row of a CSV (or TSV, ';'-separated) file with a header naming a text column."""
    head, text = _text_stream(stream, source)
    delimiter = csv_delimiter(head)
    previous = csv.field_size_limit()
    csv.field_size_limit(max(previous, 4 * max_chars))
    try:
        rows = csv.DictReader(text, delimiter=delimiter)
        rows.fieldnames = [name.strip().lower() for name in rows.fieldnames or []]
        if TEXT_COLUMN not in rows.fieldnames:
            raise InputError(source, f"a table without a 'text' column (columns: {', '.join(rows.fieldnames)[:200]})")
        line = 1
        while True:
            try:
                row = next(rows)
            except StopIteration:
                if line == 1:
                    on_error(InputError(source, "a table with a header and no rows"))
                return
            except csv.Error as error:
                on_error(InputError(source, f"malformed CSV ({error})", rows.line_num))
                return
            record = {k: v for k, v in row.items() if k is not None}
            yield from _guarded_record(record, source, line + 1, max_chars, on_error)
            line = rows.line_num
    finally:
        csv.field_size_limit(previous)
