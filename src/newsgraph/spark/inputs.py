"""The Spark job's inputs: listed on the driver, read on the executors with ``ingest``'s own readers.

The driver only lists files, so that each one is a task's work and keeps its place in the
order an ``ingest`` of the same paths would read it in (``input_seq``, then ``record_seq``
inside the file): ``newsgraph load`` stores articles in that order, so its entity linking
and event merging see what ``ingest`` saw. Local paths are opened on the executors as
streams; any other URI (``hdfs://``, ``s3a://``, ``gs://``…) is fetched whole through
Spark's Hadoop filesystems (``binaryFiles``), so an executor needs memory for its largest file.
What cannot be read becomes an errors row, never a failed task.
"""

from __future__ import annotations

import glob
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlparse

from newsgraph.errors import InputError, ReaderFailed
from newsgraph.ingest import iter_files, prepared, read_stream
from newsgraph.ingest.records import article_from_record
from newsgraph.model import Article
from newsgraph.spark.tables import Row, error_row

PARQUET_MAGIC = b"PAR1"
_PARQUET_BATCH = 256

# What the readers give the job: an article with its place in the order, or an errors row.
Read = tuple[str, Any]


@dataclass(frozen=True)
class Inputs:
    """Local files with their place in ingest's order, URIs for Hadoop, and paths that match nothing."""

    files: list[tuple[int, str]]
    uris: list[tuple[int, str]]
    missing: list[str]


def _is_uri(path: str) -> bool:
    scheme = urlparse(path).scheme
    return len(scheme) > 1 and scheme != "file"


def list_inputs(paths: Iterable[str]) -> Inputs:
    """Files under every path, in ingest's order; globs are expanded here (locally) or by Hadoop (URIs)."""
    files: list[tuple[int, str]] = []
    uris: list[tuple[int, str]] = []
    missing: list[str] = []
    seq = 0
    for path in paths:
        if _is_uri(path):
            # Hadoop lists the files; they follow every file named before them, in path order.
            uris.append((seq, path))
            seq += 1
            continue
        local = path.removeprefix("file://")
        matches = sorted(glob.glob(local)) if glob.has_magic(local) else [local]
        named = [m for m in matches if Path(m).exists()]
        if not named:
            missing.append(path)
            continue
        for file in iter_files(named):
            files.append((seq, str(file)))
            seq += 1
    return Inputs(files, uris, missing)


def read_local(item: tuple[int, str], published: str | None, max_chars: int) -> Iterator[Read]:
    """Everything in one local file (a task's work)."""
    seq, path = item
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is drained
    except OSError as error:
        yield "error", error_row(path, f"cannot read: {error.strerror}", InputError.code, "read")
        return
    with stream:
        yield from read_file(stream, path, seq, published, max_chars)


def read_fetched(item: tuple[str, bytes], seq: int, published: str | None, max_chars: int) -> Iterator[Read]:
    """Everything in one file Spark fetched from a Hadoop filesystem."""
    path, data = item
    yield from read_file(io.BytesIO(data), path, seq, published, max_chars)


def read_file(stream: BinaryIO, path: str, seq: int, published: str | None, max_chars: int) -> Iterator[Read]:
    """Articles of one file with (input_seq, path, record_seq); what fails to read becomes an errors row."""
    errors: list[Row] = []

    def on_error(error: InputError) -> None:
        where = f"{error.path}:{error.line}" if error.line is not None else error.path
        errors.append(error_row(where, error.problem, error.code, "read"))

    try:
        if _is_parquet(stream):
            articles = _parquet(stream, path, on_error, max_chars)
        else:
            articles = read_stream(stream, path, on_error, max_chars, suffix=_suffix(path))
        for record, article in enumerate(articles):
            prepared(article, published)
            yield "article", (article.id, (seq, path, record), json.dumps(article.to_dict(), ensure_ascii=False))
            yield from (("error", row) for row in errors)
            errors.clear()
    except Exception as error:  # noqa: BLE001 - a reader's bug must cost one file, not the job
        failed = ReaderFailed(path, error)
        errors.append(error_row(path, str(failed), failed.code, "read"))
    yield from (("error", row) for row in errors)


def _suffix(path: str) -> str:
    suffixes = [s.lower() for s in Path(path).suffixes]
    return next((s for s in reversed(suffixes) if s != ".gz"), "")


def _is_parquet(stream: BinaryIO) -> bool:
    head = stream.read(len(PARQUET_MAGIC))
    stream.seek(0)
    return head == PARQUET_MAGIC


def _parquet(stream: BinaryIO, path: str, on_error: Any, max_chars: int) -> Iterator[Article]:
    """Articles from a Parquet table with a ``text`` column, one per row, read a batch at a time."""
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(stream)
    except Exception as error:  # noqa: BLE001 - pyarrow raises several kinds for a damaged file
        on_error(InputError(path, f"damaged Parquet file ({error})"))
        return
    line = 0
    for batch in table.iter_batches(batch_size=_PARQUET_BATCH):
        for record in batch.to_pylist():
            line += 1
            try:
                yield article_from_record(record, path, line, max_chars)
            except InputError as error:
                on_error(error)
